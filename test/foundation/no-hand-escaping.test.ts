import { ESLint } from "eslint";
import { readdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * Proves that `npm run lint` fails on HTML escaped by hand (eslint.config.js, NO_HAND_ESCAPING): pages are TSX
 * that preact escapes, and raw markup enters only through TrustedSvgHost with a TrustedSvg.
 */
const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: projectRoot });
});

async function escapingMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(projectRoot, filePath) });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-syntax").map((m) => m.message);
}

describe("no hand-written HTML escaping (npm run lint)", () => {
  it.each([
    ["an entity map", "src/server/x.ts", `export const map = { "<": "&lt;" };\n`, /håndskrevet HTML-escaping/],
    ["an entity in a template", "src/server/routes/x.ts", "export const link = (q: string) => `/kort?a=1&amp;${q}`;\n", /håndskrevet HTML-escaping/],
    ["an escape function", "src/reports/x.ts", "export function escapeHtml(s: string): string {\n  return s;\n}\n", /håndskrevet HTML-escaping/],
    ["an escape arrow", "src/server/views/x.tsx", "export const escapeXml = (s: string): string => s;\n", /håndskrevet HTML-escaping/],
    [
      "raw markup outside the SVG host",
      "src/server/views/x.tsx",
      "export const P = ({ html }: { html: string }) => <p dangerouslySetInnerHTML={{ __html: html }} />;\n",
      /Rå markup kun gennem TrustedSvgHost/,
    ],
    [
      "a route that declares a string trusted SVG",
      "src/server/routes/x.ts",
      'import { trustSvg } from "../../viz/trusted-svg.js";\nexport const svg = (q: string) => trustSvg(q);\n',
      /Kun viz og sidemodellerne/,
    ],
  ])("fails %s", async (_what, filePath, code, message) => {
    const messages = await escapingMessages(filePath, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(message);
  });

  it.each([
    ["JSX text and attributes", "src/server/views/x.tsx", `export const A = ({ q }: { q: string }) => <a href={"/kort?" + q}>{"<fil> & co"}</a>;\n`],
    ["the SVG host", "src/server/views/trusted-svg-host.tsx", "export const H = ({ svg }: { svg: string }) => <div dangerouslySetInnerHTML={{ __html: svg }} />;\n"],
    [
      "a page model wrapping a viz renderer's SVG",
      "src/server/views/x-page-model.ts",
      'import { trustSvg } from "../../viz/trusted-svg.js";\nexport const svg = (drawn: string) => trustSvg(drawn);\n',
    ],
    ["a test's expected output", "src/server/x.test.ts", `export const expected = "&lt;Kort&gt;";\n`],
  ])("passes %s", async (_what, filePath, code) => {
    expect(await escapingMessages(filePath, code)).toEqual([]);
  });

  it.each([
    ["a replace with an entity map", "src/app/x.ts", 'export const e = (s: string) => s.replace(/[&<]/g, (c) => ({ "&": "&amp;", "<": "&lt;" })[c]!);\n'],
    ["a replace with numeric entities", "src/server/routes/x.ts", 'export const e = (s: string) => s.replace(/</g, "&#60;").replace(/"/g, "&#x22;");\n'],
  ])("fails %s, once for every entity", async (_what, filePath, code) => {
    const messages = await escapingMessages(filePath, code);
    expect(messages).toHaveLength(2);
    for (const m of messages) expect(m).toMatch(/håndskrevet HTML-escaping/);
  });
});

/** Every source file below `dir`, test files left out. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name))
    .map((name) => join(dir, name));
}

describe("no page escapes by hand: the rule holds for every file of server and app", () => {
  // The map and profile pages were once exempt while they built HTML as strings (issue 11); none may be again.
  it("applies the hand-escaping rule to each non-test file in src/server and src/app", async () => {
    const files = [...sourceFiles(join(projectRoot, "src", "server")), ...sourceFiles(join(projectRoot, "src", "app"))];
    expect(files.length).toBeGreaterThan(100);
    const exempt: string[] = [];
    for (const file of files) {
      const config = (await eslint.calculateConfigForFile(file)) as { rules?: Record<string, unknown> };
      const selectors = JSON.stringify(config.rules?.["no-restricted-syntax"] ?? []);
      if (!selectors.includes("escape(Html|Xml|Attr)") || !selectors.includes("&(amp|lt")) exempt.push(relative(projectRoot, file));
    }
    expect(exempt).toEqual([]);
  });
});
