// The layer rule (docs/architecture.md): each layer lists the layers it must not import.
// A forbidden import fails `npm run lint`, and so CI; test/layer-rule.test.ts proves it does.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

const LAYERS = ["domain", "importers", "storage", "viz", "reports", "app", "config", "server", "client", "cli"];

/** Matches a relative import that climbs into one of `layers` ("../storage/x.js", "../../viz/y.js"). */
function layerImport(layers) {
  return `^(\\.\\./)+(${layers.join("|")})(/|$)`;
}

// The environment is read once, in src/config, and passed on as a Config (docs/architecture.md): process.env
// anywhere else in src/ fails the lint. Tests may still set it, for the child processes they start.
const PROCESS_ENV_DA = "Miljøet læses kun i src/config (parseConfig); tag indstillingen fra Config, som døren giver videre.";
const NO_PROCESS_ENV = {
  files: ["src/**/*.{ts,tsx}"],
  ignores: ["src/config/**", "src/**/*.test.{ts,tsx}"],
  rules: { "no-restricted-properties": ["error", { object: "process", property: "env", message: PROCESS_ENV_DA }] },
};

function forbid(layer, forbiddenLayers, extraPatterns = []) {
  return {
    files: [`src/${layer}/**/*.{ts,tsx}`],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          // The same rule as NO_PROCESS_ENV, for `import { env } from "node:process"` (this rule's options are per layer).
          paths: layer === "config" ? [] : ["node:process", "process"].map((name) => ({ name, importNames: ["env"], message: PROCESS_ENV_DA })),
          patterns: [
            {
              regex: layerImport(forbiddenLayers),
              message: `Lagreglen: ${layer} må ikke importere fra ${forbiddenLayers.join(", ")} (se docs/architecture.md).`,
            },
            ...extraPatterns,
          ],
        },
      ],
    },
  };
}

const allBut = (...allowed) => LAYERS.filter((l) => !allowed.includes(l));
const NO_IO = {
  regex: "^(node:|fs$|path$|pg$|@electric-sql/|fastify|@fastify/|exceljs|docx|playwright)",
  message: "Lagreglen: domain er ren – ingen I/O, database, server eller filsystem.",
};

// Pages are TSX rendered by preact-render-to-string, which escapes every text and attribute (src/server/views/).
// Escaping by hand is what let markup through before, so it fails the lint: an HTML entity written in a string,
// an escape function of our own, or raw markup anywhere but the one host that takes a viz-drawn TrustedSvg.
// test/foundation/no-hand-escaping.test.ts proves each of these fails where it should.
const ENTITY = "/&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/";
const RAW_MARKUP_HOST = "src/server/views/trusted-svg-host.tsx";
/** The page models, which wrap what the viz renderers drew as TrustedSvg. */
const SVG_TRUSTING_MODELS = "src/server/views/*-page-model.ts";
const HAND_ESCAPING = [
  ...["Literal", "TemplateElement"].map((node) => ({
    selector: `${node}[${node === "Literal" ? "value" : "value.raw"}=${ENTITY}]`,
    message: "Ingen håndskrevet HTML-escaping: skriv siden som TSX i src/server/views/, så escaper preact.",
  })),
  {
    selector: ":function[id.name=/^escape(Html|Xml|Attr)/i], VariableDeclarator[id.name=/^escape(Html|Xml|Attr)/i]",
    message: "Ingen håndskrevet HTML-escaping: preact-render-to-string escaper (src/server/views/).",
  },
];
const RAW_MARKUP = {
  selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
  message: `Rå markup kun gennem TrustedSvgHost (${RAW_MARKUP_HOST}) med en TrustedSvg fra viz.`,
};
const TRUSTING = {
  selector: "CallExpression[callee.name='trustSvg']",
  message: `Kun viz og sidemodellerne (${SVG_TRUSTING_MODELS}) gør en viz-tegnet SVG til TrustedSvg.`,
};
// The viz renderers draw SVG strings themselves (with their own escapeXml, until they move to a renderer that escapes).
// Every page is a typed view; test/foundation/no-hand-escaping.test.ts fails if a server or app file joins this list.
const NOT_VIEWS = [
  "src/**/*.test.{ts,tsx}",
  "src/viz/**",
];
const noHandEscaping = (files, rules, ignores = NOT_VIEWS) => ({
  files,
  ignores,
  rules: { "no-restricted-syntax": ["error", ...rules] },
});

export default tseslint.config(
  { ignores: ["node_modules/", "data/", "dist/", "public/build/", "coverage/", "test/fixtures/layer-violation/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  { files: ["src/client/**/*.ts"], languageOptions: { globals: { ...globals.browser } } },
  forbid("domain", allBut("domain"), [NO_IO]),
  forbid("importers", allBut("importers", "domain")),
  forbid("storage", allBut("storage", "domain")),
  forbid("viz", allBut("viz", "domain")),
  forbid("reports", allBut("reports", "domain", "viz")),
  // The browser gets domain, viz and the API's response types, never server code itself.
  forbid("client", allBut("client", "domain", "viz", "server"), [
    { regex: "^(\\.\\./)+server/(?!api-types)", message: "Lagreglen: client må kun importere server/api-types." },
  ]),
  // Use cases get the slices of configuration they need as arguments; only the doors hold the whole Config.
  forbid("app", ["server", "cli", "client", "config"]),
  // The configuration describes the other layers' settings (StorageConfig, ImportLimits, AuthSettings,
  // BoundarySource) and reuses their pure parsers; it never reaches a door or a renderer.
  forbid("config", ["server", "cli", "client", "viz", "reports"]),
  forbid("server", ["client", "cli"]),
  // The two doors never import each other: src/main.ts, the composition root, gives the commands the server.
  forbid("cli", ["client", "server"]),
  NO_PROCESS_ENV,
  noHandEscaping(["src/**/*.{ts,tsx}"], [...HAND_ESCAPING, RAW_MARKUP, TRUSTING]),
  noHandEscaping([RAW_MARKUP_HOST], [...HAND_ESCAPING, TRUSTING], []),
  noHandEscaping([SVG_TRUSTING_MODELS], [...HAND_ESCAPING, RAW_MARKUP], []),
);
