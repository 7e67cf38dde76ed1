// The layer rule (docs/architecture.md): each layer lists the layers it must not import.
// A forbidden import fails `npm run lint`, and so CI; test/layer-rule.test.ts proves it does.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

const LAYERS = ["domain", "importers", "storage", "viz", "reports", "server", "client", "cli"];

/** Matches a relative import that climbs into one of `layers` ("../storage/x.js", "../../viz/y.js"). */
function layerImport(layers) {
  return `^(\\.\\./)+(${layers.join("|")})(/|$)`;
}

function forbid(layer, forbiddenLayers, extraPatterns = []) {
  return {
    files: [`src/${layer}/**/*.ts`],
    rules: {
      "no-restricted-imports": [
        "error",
        {
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
  forbid("server", ["client", "cli"]),
  forbid("cli", ["client"]),
);
