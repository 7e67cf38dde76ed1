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

async function layerMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(projectRoot, filePath) });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

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
    ["src/cli/commands/x.ts", "../../server/start-server.js"],
    ["src/server/views/x.tsx", "../../viz/trusted-svg.js"],
  ])("passes %s importing %s", async (filePath, specifier) => {
    expect(await layerMessages(filePath, importing(specifier))).toEqual([]);
  });

  it("reports the forbidden import as an error, so `npm run lint` exits non-zero", async () => {
    const [result] = await eslint.lintText(importing("../storage/database.js"), { filePath: join(projectRoot, "src/domain/x.ts") });
    expect(result?.errorCount).toBeGreaterThan(0);
  });
});
