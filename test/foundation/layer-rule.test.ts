import { ESLint } from "eslint";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * Proves that the layer rule in eslint.config.js (docs/architecture.md) fails on a forbidden import
 * and passes an allowed one, by linting code as if it lived at a path inside src/.
 */
const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: projectRoot });
});

async function ruleMessages(ruleId: string, filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(projectRoot, filePath) });
  return (result?.messages ?? []).filter((m) => m.ruleId === ruleId).map((m) => m.message);
}

const layerMessages = (filePath: string, code: string) => ruleMessages("no-restricted-imports", filePath, code);

/** A minimal module that imports `specifier` and uses it, so no other rule complains. */
const importing = (specifier: string) => `import * as imported from "${specifier}";\nexport const used = imported;\n`;

describe("the layer rule (npm run lint)", () => {
  it.each([
    ["src/domain/x.ts", "../storage/database.js", /domain må ikke importere/],
    ["src/domain/x.ts", "node:fs", /domain er ren/],
    ["src/domain/x.ts", "pg", /domain er ren/],
    ["src/domain/statistics/x.ts", "../../server/app.js", /domain må ikke importere/],
    ["src/importers/talportal/x.ts", "../../storage/complaint-store.js", /importers må ikke importere/],
    ["src/storage/x.ts", "../server/app.js", /storage må ikke importere/],
    ["src/viz/x.ts", "../reports/x.js", /viz må ikke importere/],
    ["src/reports/x.ts", "../storage/database.js", /reports må ikke importere/],
    ["src/client/x.ts", "../server/app.js", /client må kun importere server\/api-types/],
    ["src/client/x.ts", "../storage/database.js", /client må ikke importere/],
    ["src/server/x.ts", "../client/x.js", /server må ikke importere/],
    // Views are TSX (src/server/views/); the rule holds for .tsx as for .ts.
    ["src/server/views/x.tsx", "../../client/x.js", /server må ikke importere/],
    ["src/viz/x.tsx", "../storage/database.js", /viz må ikke importere/],
    // Use cases get slices of the configuration as arguments; the pure layers get values, never the Config.
    ["src/app/report/x.ts", "../../config/parse-config.js", /app må ikke importere/],
    ["src/app/x.ts", "../server/app.js", /app må ikke importere/],
    ["src/domain/x.ts", "../config/parse-config.js", /domain må ikke importere/],
    ["src/storage/x.ts", "../config/parse-config.js", /storage må ikke importere/],
    ["src/config/x.ts", "../server/app-context.js", /config må ikke importere/],
    ["src/config/x.ts", "../cli/main.js", /config må ikke importere/],
    // The doors are side by side: the commands get the server from src/main.ts, never by import.
    ["src/cli/commands/x.ts", "../../server/start-server.js", /cli må ikke importere fra client, server/],
    ["src/cli/x.ts", "../server/app.js", /cli må ikke importere/],
  ])("fails %s importing %s", async (filePath, specifier, message) => {
    const messages = await layerMessages(filePath, importing(specifier));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(message);
  });

  it.each([
    ["src/domain/x.ts", "./municipality.js"],
    ["src/domain/statistics/x.ts", "../outcome.js"],
    ["src/importers/x.ts", "../domain/municipality.js"],
    ["src/storage/x.ts", "../domain/complaint-cell.js"],
    ["src/viz/x.ts", "../domain/rate-estimate.js"],
    ["src/reports/x.ts", "../viz/x.js"],
    ["src/client/x.ts", "../server/api-types.js"],
    ["src/client/x.ts", "../domain/format-danish-number.js"],
    ["src/server/x.ts", "../storage/database.js"],
    ["src/cli/commands/x.ts", "../../app/import/import-file.js"],
    ["src/server/views/x.tsx", "../../viz/trusted-svg.js"],
    ["src/server/x.ts", "../config/parse-config.js"],
    ["src/cli/x.ts", "../config/parse-config.js"],
    ["src/config/x.ts", "../app/boundaries/map-geometries.js"],
    ["src/app/x.ts", "../storage/open-database.js"],
    // The composition root is no layer: it alone wires the CLI to the server.
    ["src/main.ts", "./server/start-server.js"],
    ["src/main.ts", "./cli/main.js"],
  ])("passes %s importing %s", async (filePath, specifier) => {
    expect(await layerMessages(filePath, importing(specifier))).toEqual([]);
  });

  it("reports the forbidden import as an error, so `npm run lint` exits non-zero", async () => {
    const [result] = await eslint.lintText(importing("../storage/database.js"), { filePath: join(projectRoot, "src/domain/x.ts") });
    expect(result?.errorCount).toBeGreaterThan(0);
  });
});

describe("the environment is read only in src/config (npm run lint)", () => {
  const envMessages = (filePath: string, code: string) =>
    Promise.all([ruleMessages("no-restricted-properties", filePath, code), ruleMessages("no-restricted-imports", filePath, code)]).then((m) => m.flat());

  it.each([
    ["src/server/x.ts", "export const port = process.env.PORT;\n"],
    ["src/cli/commands/x.ts", 'export const level = process.env["DANMARKSKORT_LOG_LEVEL"];\n'],
    ["src/storage/x.ts", "const { env } = process;\nexport const url = env.DATABASE_URL;\n"],
    ["src/app/x.ts", 'import { env } from "node:process";\nexport const dir = env.DANMARKSKORT_DATA_DIR;\n'],
    ["src/server/views/x.tsx", "export const host = process.env.HOST;\n"],
  ])("fails %s reading process.env", async (filePath, code) => {
    const messages = await envMessages(filePath, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/Miljøet læses kun i src\/config/);
  });

  it.each([
    ["src/config/read-process-config.ts", "export const env = process.env;\n"],
    // A test may set the environment of a child process it starts.
    ["src/server/x.test.ts", 'export const env = { ...process.env, PORT: "0" };\n'],
    ["src/server/x.ts", "export const argv = process.argv;\n"],
  ])("passes %s", async (filePath, code) => {
    expect(await envMessages(filePath, code)).toEqual([]);
  });
});
