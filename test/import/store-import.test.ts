import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFileIntoDatabase, type ImportRequest } from "../../src/app/import/import-file.js";
import { loadDemoDataset } from "../../src/app/import/demo-dataset.js";
import { activeVersionByYear, loadComplaintCells, loadDatasetVersionCells, saveDatasetVersion } from "../../src/storage/complaint-store.js";
import type { Database } from "../../src/storage/database.js";
import type { MunicipalityCode } from "../../src/domain/municipality.js";
import { diffDatasetVersions } from "../../src/storage/dataset-diff.js";
import { listDatasetVersionsWithStatus } from "../../src/storage/dataset-listing.js";
import { pinDatasetVersion, unpinDatasetVersion, unpinYear } from "../../src/storage/dataset-pins.js";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../support/test-databases.js";
import { fixtureDir, row, sampleRows, talportalExportCsv, writeFixture, type FixtureRow } from "./import-fixtures.js";

const dir = fixtureDir();

function request(path: string, overrides: Partial<ImportRequest> = {}): ImportRequest {
  return { path, extractedOn: null, source: "test", dryRun: false, isDemo: false, importedAt: new Date("2025-06-10T08:00:00Z"), ...overrides };
}

/** Everything stored, in a stable order: a failed import must leave exactly this behind. */
async function snapshot(db: Database): Promise<string> {
  const versions = await db.query("SELECT * FROM dataset_version ORDER BY id");
  const cells = await db.query("SELECT * FROM complaint_cell ORDER BY dataset_version_id, year, municipality_code NULLS FIRST, law, subject");
  const pins = await db.query("SELECT * FROM dataset_pin ORDER BY year");
  return JSON.stringify({ versions: versions.rows, cells: cells.rows, pins: pins.rows });
}

function fileOf(name: string, rows: readonly FixtureRow[]): string {
  return writeFixture(dir, name, talportalExportCsv(rows));
}

describe.each(DATABASE_KINDS)("import into storage on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await t.drop();
  });

  it("stores the file's counts per municipality exactly, with provenance; the same file again changes nothing", async () => {
    const path = fileOf("runde1.csv", sampleRows());
    const first = await importFileIntoDatabase(t.db, request(path, { extractedOn: "2025-03-01" }));
    expect(first.stored).toEqual({ kind: "saved", datasetVersionId: expect.any(Number) });
    const loaded = await loadComplaintCells(t.db, { years: [2024] });
    const herning = loaded.cells.filter((c) => c.municipalityCode === "0657");
    expect(herning.map((c) => c.counts).sort((a, b) => a.upheld - b.upheld)).toEqual([
      { upheld: 4, changed: 1, remitted: 0, rejected: 1 },
      { upheld: 16, changed: 1, remitted: 10, rejected: 3 },
    ]);
    expect(loaded.cells.filter((c) => c.municipalityCode === null)).toHaveLength(2);
    const provenance = loaded.provenanceByYear.get(2024)!;
    expect(provenance).toMatchObject({ fileName: "runde1.csv", sha256: first.analysis.sha256, extractedOn: "2025-03-01", source: "test", isDemo: false });
    const [listing] = await listDatasetVersionsWithStatus(t.db);
    expect(listing).toMatchObject({ fileRowCount: 6, rowCount: 6, activeYears: [2024], layout: "talportal-export" });

    const before = await snapshot(t.db);
    const again = await importFileIntoDatabase(t.db, request(path, { importedAt: new Date() }));
    expect(again.stored).toEqual({ kind: "unchanged", datasetVersionId: first.stored!.datasetVersionId });
    expect(await snapshot(t.db)).toBe(before);
  });

  it("writes nothing for a file with an error, and leaves stored data byte for byte as it was", async () => {
    const before = await snapshot(t.db);
    const bad = fileOf("fejl.csv", [...sampleRows(), row("Atlantis", "2024", [1, 0, 0, 0])]);
    const outcome = await importFileIntoDatabase(t.db, request(bad));
    expect(outcome.analysis.errorCount).toBe(1);
    expect(outcome.stored).toBeNull();
    expect(await snapshot(t.db)).toBe(before);
  });

  it("rolls back a write that fails half-way (the version row is not left behind)", async () => {
    const before = await snapshot(t.db);
    // Five digits on purpose: the database refuses the row half-way, so the brand is bypassed here, and only here.
    const broken = [{ municipalityCode: "06570" as MunicipalityCode, subject: "x", law: "", year: 2024, counts: { upheld: 1, changed: 0, remitted: 0, rejected: 0 } }];
    await expect(
      t.db.transaction((tx) =>
        saveDatasetVersion(tx, { fileName: "halv.csv", sha256: "f".repeat(64), layout: "talportal-export", source: null, extractedOn: null, importedAt: new Date().toISOString(), isDemo: false }, broken),
      ),
    ).rejects.toThrow();
    expect(await snapshot(t.db)).toBe(before);
  });

  it("makes a newer extraction the active version, keeps the older one queryable, diffs them, and honours pins", async () => {
    const versions = await listDatasetVersionsWithStatus(t.db);
    const oldId = versions.find((v) => v.fileName === "runde1.csv")!.datasetVersionId;
    const revised = sampleRows().map((r) => (r.place === "Herning" && r.subject.startsWith("Merudgift") ? row("Herning", "2024", [15, 2, 10, 3]) : r));
    const newer = await importFileIntoDatabase(t.db, request(fileOf("runde2.csv", [...revised, row("Herning", "2023", [3, 0, 1, 0])]), { extractedOn: "2025-05-01" }));
    const newId = newer.stored!.datasetVersionId;
    expect((await activeVersionByYear(t.db)).get(2024)!.datasetVersionId).toBe(newId);
    expect((await loadDatasetVersionCells(t.db, oldId)).find((c) => c.municipalityCode === "0657" && c.subject.startsWith("Merudgift"))!.counts.upheld).toBe(16);

    const diff = await diffDatasetVersions(t.db, oldId, newId);
    expect(diff.years).toEqual([2024]);
    expect(diff.changes).toEqual([
      {
        municipalityCode: "0657",
        subject: "Merudgiftydelse §41 + tilbagebetaling",
        law: "Serviceloven",
        year: 2024,
        before: { upheld: 16, changed: 1, remitted: 10, rejected: 3 },
        after: { upheld: 15, changed: 2, remitted: 10, rejected: 3 },
      },
    ]);
    // The national row now disagrees with the sum; the import says so and stores it as published.
    expect(newer.analysis.issues.some((i) => i.code === "national-mismatch")).toBe(true);

    expect(await pinDatasetVersion(t.db, oldId)).toEqual({ kind: "pinned", datasetVersionId: oldId, years: [2024] });
    expect((await activeVersionByYear(t.db)).get(2024)!.datasetVersionId).toBe(oldId);
    expect((await activeVersionByYear(t.db)).get(2023)!.datasetVersionId).toBe(newId);
    expect(await pinDatasetVersion(t.db, oldId, 2023)).toMatchObject({ kind: "year-not-in-version" });
    expect(await pinDatasetVersion(t.db, 9999)).toMatchObject({ kind: "unknown-version" });
    expect(await unpinYear(t.db, 2024)).toEqual([2024]);
    expect((await activeVersionByYear(t.db)).get(2024)!.datasetVersionId).toBe(newId);
    await pinDatasetVersion(t.db, oldId);
    expect(await unpinDatasetVersion(t.db, oldId)).toEqual([2024]);
    expect((await activeVersionByYear(t.db)).get(2024)!.datasetVersionId).toBe(newId);
  });

  it("loads demo data marked is_demo; once real figures exist, no demo year is active any more (issue 9)", async () => {
    const demo = await loadDemoDataset(t.db, 7);
    const demoId = demo.stored!.datasetVersionId;
    const active = await activeVersionByYear(t.db);
    expect((await listDatasetVersionsWithStatus(t.db)).find((v) => v.datasetVersionId === demoId)).toMatchObject({ isDemo: true, activeYears: [] });
    expect(active.has(2019)).toBe(false);
    expect(active.get(2024)!.isDemo).toBe(false);
    expect((await loadComplaintCells(t.db, { years: [2019] })).provenanceByYear.size).toBe(0);
  });
});
