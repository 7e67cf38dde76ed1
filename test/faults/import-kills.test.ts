import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSeededRandom } from "../../src/importers/demo/seeded-random.js";
import type { Database } from "../../src/storage/database.js";
import { openDatabase, type StorageConfig } from "../../src/storage/open-database.js";
import { fixtureDir, talportalExportCsv, wholeCountryRows, writeFixture, type FixtureRow } from "../import/import-fixtures.js";
import { createPostgresDatabase, dropPostgresDatabase } from "../support/test-databases.js";
import { spawnCli, startServer, waitForStatus } from "./server-child.js";

/**
 * Issue 19, fault suite: imports and servers killed at seeded random moments, and two imports at once.
 * What must hold: a version is stored whole or not at all, a restart finds the data it had, and a second
 * import of the same file at the same moment ends with a clean Danish message.
 */
const SUBJECTS = Array.from({ length: 40 }, (_, i) => `Voksne - sagsemne ${i + 1} - § ${100 + i}`);

function bigFileRows(seed: number): FixtureRow[] {
  return [2021, 2022, 2023].flatMap((year) => wholeCountryRows({ year, seed: seed + year, subjects: SUBJECTS }).rows);
}

/** Versions and their stored cells: a killed import may add nothing, or one whole version. */
async function snapshot(db: Database): Promise<{ id: number; rowCount: number; cells: number }[]> {
  const { rows } = await db.query<{ id: number; row_count: number; cells: number }>(
    "SELECT v.id, v.row_count, (SELECT count(*)::int FROM complaint_cell c WHERE c.dataset_version_id = v.id) AS cells FROM dataset_version v ORDER BY v.id",
  );
  return rows.map((r) => ({ id: r.id, rowCount: r.row_count, cells: r.cells }));
}

describe("imports killed at random moments leave whole versions or none (PostgreSQL)", () => {
  const dir = fixtureDir();
  let url: string;
  const files: string[] = [];
  beforeAll(async () => {
    url = await createPostgresDatabase();
    for (let i = 0; i < 6; i++) files.push(writeFixture(dir, `stor-${i}.csv`, talportalExportCsv(bigFileRows(i))));
  });
  afterAll(async () => {
    await dropPostgresDatabase(url);
    rmSync(dir, { recursive: true, force: true });
  });

  it("two imports of the same file at once: one stores it, the other says it is already stored – no stack trace", { timeout: 120_000 }, async () => {
    for (let round = 0; round < 3; round++) {
      const file = files[round]!;
      const runs = [spawnCli(["import", file], { DATABASE_URL: url }), spawnCli(["import", file], { DATABASE_URL: url })];
      const exits = await Promise.all(runs.map((r) => r.exit));
      const outputs = runs.map((r) => r.output());
      expect(exits.map((e) => e.code), outputs.join("\n----\n")).toEqual([0, 0]);
      for (const output of outputs) expect(output).not.toMatch(/Uventet fejl|\n\s+at |duplicate key|Error/);
      const stored = outputs.filter((o) => /Gemt som datasætversion \d+/.test(o));
      const unchanged = outputs.filter((o) => /Uændret: filen er allerede indlæst som datasætversion \d+/.test(o));
      expect([stored.length, unchanged.length]).toEqual([1, 1]);
    }
    const db = await openDatabase({ kind: "postgres", url });
    try {
      expect(await snapshot(db)).toHaveLength(3);
    } finally {
      await db.close();
    }
  });

  it("SIGKILL at a seeded random moment during an import stores all of the file or nothing", { timeout: 240_000 }, async () => {
    const random = createSeededRandom(19);
    const db = await openDatabase({ kind: "postgres", url });
    try {
      for (const file of files.slice(3)) {
        const before = await snapshot(db);
        const run = spawnCli(["import", file], { DATABASE_URL: url });
        // The import itself takes a few seconds here: kill somewhere in its reading, checking or storing.
        await new Promise((r) => setTimeout(r, 300 + random() * 3_000));
        run.child.kill("SIGKILL");
        const exit = await run.exit;
        const after = await snapshot(db);
        expect(after.slice(0, before.length)).toEqual(before);
        const added = after.slice(before.length);
        expect(added.length).toBeLessThanOrEqual(1);
        // A version that is there is whole: every cell it says it has.
        for (const v of added) expect(v.cells).toBe(v.rowCount);
        if (exit.signal !== "SIGKILL") expect(added).toHaveLength(1);
        // The file can always be imported afterwards (again, or for the first time).
        const again = spawnCli(["import", file], { DATABASE_URL: url });
        expect((await again.exit).code, again.output()).toBe(0);
      }
    } finally {
      await db.close();
    }
  });
});

describe("an embedded data dir after kills at random moments", () => {
  const root = mkdtempSync(join(tmpdir(), "danmarkskort-kills-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("a server killed while it loads the demo data on first start, and again later, comes back with whole data", { timeout: 300_000 }, async () => {
    const random = createSeededRandom(2024);
    const dataDir = join(root, "data");
    const config: StorageConfig = { kind: "pglite", dataDir };
    for (let round = 0; round < 3; round++) {
      const server = await startServer({ DANMARKSKORT_DATA_DIR: dataDir, DANMARKSKORT_DEMO: "1" });
      await new Promise((r) => setTimeout(r, 500 + random() * 4_000));
      server.child.kill("SIGKILL");
      await server.exit;
      // Taken over at once: the next open does not wait for anything.
      const db = await openDatabase(config);
      try {
        for (const v of await snapshot(db)) expect(v.cells).toBe(v.rowCount);
      } finally {
        await db.close();
      }
    }
    const server = await startServer({ DANMARKSKORT_DATA_DIR: dataDir, DANMARKSKORT_DEMO: "1" });
    await waitForStatus(server, "/healthz");
    const front = await (await fetch(`${server.base}/`)).text();
    expect(front).toContain("Demodata – ikke Ankestyrelsens tal");
    server.child.kill("SIGTERM");
    expect((await server.exit).code).toBe(0);
  });
});
