import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { counts, generateComplaintCells, makeCell } from "../../test/foundation/complaint-cell-generators.js";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../../test/support/test-databases.js";
import type { ComplaintCell } from "../domain/complaint-cell.js";
import { MUNICIPALITIES } from "../domain/municipality.js";
import { activeVersionByYear, cellsAsCsvChunks, loadComplaintCells, loadFigureCells, loadRevisedCells, saveDatasetVersion, type NewDatasetVersion } from "./complaint-store.js";
import { selectVersionsByYear } from "./version-selection.js";
import type { Database } from "./database.js";
import { listDatasetVersions } from "./dataset-versions.js";

/** A dataset version's metadata; `n` makes hash and file name distinct. */
function newVersion(n: number, overrides: Partial<NewDatasetVersion> = {}): NewDatasetVersion {
  return {
    fileName: `ankestatistik-${n}.csv`,
    sha256: n.toString(16).padStart(64, "0"),
    layout: "talportal-csv",
    source: "https://ast.dk/tal-og-statistik-app/",
    extractedOn: "2025-06-01",
    importedAt: `2025-06-0${n % 9}T10:00:00.000Z`,
    isDemo: false,
    ...overrides,
  };
}

const save = (db: Database, version: NewDatasetVersion, cells: readonly ComplaintCell[]) => db.transaction((tx) => saveDatasetVersion(tx, version, cells));

/** Cells in a stable order, so loaded and saved sets compare regardless of row order. */
function sorted(cells: readonly ComplaintCell[]): ComplaintCell[] {
  const key = (c: ComplaintCell) => `${c.year}|${c.municipalityCode ?? ""}|${c.law}|${c.subject}`;
  return [...cells].sort((a, b) => key(a).localeCompare(key(b)));
}

describe.each(DATABASE_KINDS)("complaint store on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(() => t?.drop());
  beforeEach(async () => {
    // Cells and pins go with their version (ON DELETE CASCADE).
    await t.db.query("DELETE FROM dataset_version");
  });

  it("saves a version with its cells and loads them back unchanged, with provenance per year", async () => {
    const cells = [
      ...generateComplaintCells({ years: [2023, 2024] }),
      makeCell({ municipalityCode: null, subject: 'Hele landet: "alle" sager, inkl. æ/ø/å', counts: counts(100, 20, 30, 4) }),
    ];
    const result = await save(t.db, newVersion(1), cells);
    expect(result.kind).toBe("saved");
    const loaded = await loadComplaintCells(t.db);
    expect(sorted(loaded.cells)).toEqual(sorted(cells));
    const provenance = loaded.provenanceByYear.get(2024)!;
    expect(provenance).toMatchObject({ fileName: "ankestatistik-1.csv", sha256: newVersion(1).sha256, extractedOn: "2025-06-01", isDemo: false });
    expect(provenance.datasetVersionId).toBe(result.datasetVersionId);
    const [listed] = await listDatasetVersions(t.db);
    expect(listed).toMatchObject({ rowCount: cells.length, years: [2023, 2024], layout: "talportal-csv" });
  });

  it("loads only the requested years", async () => {
    await save(t.db, newVersion(1), generateComplaintCells({ years: [2022, 2023, 2024] }));
    const loaded = await loadComplaintCells(t.db, { years: [2023] });
    expect(new Set(loaded.cells.map((c) => c.year))).toEqual(new Set([2023]));
    expect([...loaded.provenanceByYear.keys()]).toEqual([2023]);
    expect((await loadComplaintCells(t.db, { years: [2019] })).cells).toEqual([]);
  });

  it("answers 'unchanged' for the same file (same SHA-256) and stores nothing twice", async () => {
    const cells = generateComplaintCells({ years: [2024] });
    const first = await save(t.db, newVersion(1), cells);
    const again = await save(t.db, newVersion(1, { fileName: "omdoebt.csv" }), cells);
    expect(again).toEqual({ kind: "unchanged", datasetVersionId: first.datasetVersionId });
    expect(await listDatasetVersions(t.db)).toHaveLength(1);
    const { rows } = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM complaint_cell");
    expect(rows[0]!.n).toBe(cells.length);
  });

  it("leaves stored data exactly as it was when a save fails half-way (a negative count breaks a CHECK)", async () => {
    await save(t.db, newVersion(1), generateComplaintCells({ years: [2024] }));
    const before = await loadComplaintCells(t.db);
    const bad = [...generateComplaintCells({ years: [2024], offset: 5 }), makeCell({ counts: counts(-1, 0, 0) })];
    await expect(save(t.db, newVersion(2, { extractedOn: "2025-09-01" }), bad)).rejects.toThrow();
    expect(await listDatasetVersions(t.db)).toHaveLength(1);
    expect(await loadComplaintCells(t.db)).toEqual(before);
  });

  it("makes the newest extraction active per year and keeps the older one for the years only it covers", async () => {
    const older = await save(t.db, newVersion(1, { extractedOn: "2025-01-15" }), generateComplaintCells({ years: [2023, 2024] }));
    const newer = await save(t.db, newVersion(2, { extractedOn: "2025-06-10" }), generateComplaintCells({ years: [2024], offset: 7 }));
    const active = await activeVersionByYear(t.db);
    expect(active.get(2023)?.datasetVersionId).toBe(older.datasetVersionId);
    expect(active.get(2024)?.datasetVersionId).toBe(newer.datasetVersionId);
    const loaded = await loadComplaintCells(t.db);
    expect(sorted(loaded.cells.filter((c) => c.year === 2024))).toEqual(sorted(generateComplaintCells({ years: [2024], offset: 7 })));
    expect(sorted(loaded.cells.filter((c) => c.year === 2023))).toEqual(sorted(generateComplaintCells({ years: [2023, 2024] }).filter((c) => c.year === 2023)));
  });

  it("ranks a version by extraction date, not by when it was imported, and a missing date last", async () => {
    const revised = await save(t.db, newVersion(1, { extractedOn: "2025-09-01", importedAt: "2025-09-02T08:00:00.000Z" }), generateComplaintCells({ years: [2024] }));
    await save(t.db, newVersion(2, { extractedOn: "2025-03-01", importedAt: "2025-10-01T08:00:00.000Z" }), generateComplaintCells({ years: [2024], offset: 1 }));
    await save(t.db, newVersion(3, { extractedOn: null, importedAt: "2025-11-01T08:00:00.000Z" }), generateComplaintCells({ years: [2024], offset: 2 }));
    expect((await activeVersionByYear(t.db)).get(2024)?.datasetVersionId).toBe(revised.datasetVersionId);
  });

  it("lets a pin (a row in dataset_pin) override the newest extraction for its year only", async () => {
    const older = await save(t.db, newVersion(1, { extractedOn: "2025-01-15" }), generateComplaintCells({ years: [2023, 2024] }));
    const newer = await save(t.db, newVersion(2, { extractedOn: "2025-06-10" }), generateComplaintCells({ years: [2023, 2024], offset: 7 }));
    await t.db.query("INSERT INTO dataset_pin (year, dataset_version_id) VALUES ($1, $2)", [2024, older.datasetVersionId]);
    const active = await activeVersionByYear(t.db);
    expect(active.get(2024)?.datasetVersionId).toBe(older.datasetVersionId);
    expect(active.get(2023)?.datasetVersionId).toBe(newer.datasetVersionId);
    const loaded = await loadComplaintCells(t.db, { years: [2024] });
    expect(sorted(loaded.cells)).toEqual(sorted(generateComplaintCells({ years: [2024] })));
  });

  it("shows demo versions only while no real version exists: then none of their years at all (issue 9)", async () => {
    const demo = await save(t.db, newVersion(1, { isDemo: true, extractedOn: null }), generateComplaintCells({ years: [2022, 2023, 2024, 2025] }));
    expect([...(await activeVersionByYear(t.db)).values()].every((v) => v.datasetVersionId === demo.datasetVersionId && v.isDemo)).toBe(true);
    expect((await activeVersionByYear(t.db)).size).toBe(4);
    const real = await save(t.db, newVersion(2), generateComplaintCells({ years: [2024], offset: 3 }));
    const active = await activeVersionByYear(t.db);
    expect([...active.keys()]).toEqual([2024]);
    expect(active.get(2024)).toMatchObject({ datasetVersionId: real.datasetVersionId, isDemo: false, standing: "extraction" });
    const loaded = await loadComplaintCells(t.db);
    expect(new Set(loaded.cells.map((c) => c.year))).toEqual(new Set([2024]));
    expect(sorted(loaded.cells)).toEqual(sorted(generateComplaintCells({ years: [2024], offset: 3 })));
    // A demo version pinned by hand does not bring demo figures back next to real ones.
    await t.db.query("INSERT INTO dataset_pin (year, dataset_version_id) VALUES (2023, $1)", [demo.datasetVersionId]);
    expect([...(await activeVersionByYear(t.db)).keys()]).toEqual([2024]);
  });

  it("keeps the version marked as published for its year; a newer extraction becomes that year's revision (issue 9)", async () => {
    const published = await save(t.db, newVersion(1, { extractedOn: "2025-06-01" }), generateComplaintCells({ years: [2023, 2024] }));
    const later = await save(t.db, newVersion(2, { extractedOn: "2025-09-01" }), generateComplaintCells({ years: [2024], offset: 1 }));
    // No published mark: the newest extraction is shown, labelled as an extraction, with nothing to compare.
    let selection = await selectVersionsByYear(t.db);
    expect(selection.get(2024)).toMatchObject({ shown: { datasetVersionId: later.datasetVersionId, standing: "extraction" }, revision: null });
    expect((await loadRevisedCells(t.db)).cells).toEqual([]);

    await t.db.query("INSERT INTO dataset_pin (year, dataset_version_id) VALUES (2024, $1)", [published.datasetVersionId]);
    selection = await selectVersionsByYear(t.db);
    expect(selection.get(2024)).toMatchObject({ shown: { datasetVersionId: published.datasetVersionId, standing: "published" }, revision: { datasetVersionId: later.datasetVersionId, extractedOn: "2025-09-01" } });
    expect(selection.get(2023)).toMatchObject({ shown: { datasetVersionId: published.datasetVersionId, standing: "extraction" }, revision: null });
    const shown = await loadComplaintCells(t.db, { years: [2024] });
    expect(sorted(shown.cells)).toEqual(sorted(generateComplaintCells({ years: [2024] })));
    expect(shown.provenanceByYear.get(2024)).toMatchObject({ standing: "published" });
    const revised = await loadRevisedCells(t.db);
    expect([...revised.provenanceByYear.keys()]).toEqual([2024]);
    expect(sorted(revised.cells)).toEqual(sorted(generateComplaintCells({ years: [2024], offset: 1 })));
    expect((await loadRevisedCells(t.db, { years: [2023] })).cells).toEqual([]);

    // An older extraction is no revision of a newer published one.
    await t.db.query("UPDATE dataset_pin SET dataset_version_id = $1 WHERE year = 2024", [later.datasetVersionId]);
    expect((await selectVersionsByYear(t.db)).get(2024)).toMatchObject({ shown: { datasetVersionId: later.datasetVersionId, standing: "published" }, revision: null });
  });

  it("loads the same shown and revised cells when they are loaded a year at a time and mapped in slices (issue 19)", async () => {
    const municipalityCodes = MUNICIPALITIES.map((m) => m.code);
    const published = await save(t.db, newVersion(1, { extractedOn: "2025-06-01" }), generateComplaintCells({ years: [2023, 2024], municipalityCodes }));
    await save(t.db, newVersion(2, { extractedOn: "2025-09-01" }), generateComplaintCells({ years: [2024], municipalityCodes, offset: 1 }));
    await t.db.query("INSERT INTO dataset_pin (year, dataset_version_id) VALUES (2024, $1)", [published.datasetVersionId]);
    const direct = await loadFigureCells(t.db);
    expect(direct.shown.cells.length).toBeGreaterThan(7);
    expect(direct.revised.cells.length).toBeGreaterThan(7);
    expect(direct.shown.cells.length).toBeGreaterThan(256);
    // 0 ms: a turn of the event loop at every clock reading (256 rows), the last slice a short one.
    for (const sliceMs of [0, 0.01, 2, 1000]) {
      const sliced = await loadFigureCells(t.db, { sliceMs });
      // A query per year: the same cells, the order of rows within the result is unspecified either way.
      expect(sorted(sliced.shown.cells)).toEqual(sorted(direct.shown.cells));
      expect(sorted(sliced.revised.cells)).toEqual(sorted(direct.revised.cells));
      expect(sliced.shown.cells.length).toBe(direct.shown.cells.length);
      expect(sliced.fingerprint).toBe(direct.fingerprint);
    }
  });

  it("refuses cells of a version that does not exist, and deletes a version's cells with it (migration 004)", async () => {
    const saved = await save(t.db, newVersion(1), generateComplaintCells({ years: [2024] }));
    const cellCount = async () => (await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM complaint_cell")).rows[0]!.n;
    const before = await cellCount();
    const orphan = (id: number) =>
      t.db.transaction((tx) => tx.copyCsv("complaint_cell", ["dataset_version_id", "municipality_code", "subject", "law", "year", "upheld", "changed", "remitted", "rejected"], [`${id},"0657","x","Serviceloven",2024,1,0,0,0\n`]));
    await expect(orphan(saved.datasetVersionId + 1000)).rejects.toThrow(/dataset_version that does not exist/);
    await expect(t.db.query("INSERT INTO complaint_cell VALUES ($1, '0657', 'x', '', 2024, 1, 0, 0, 0)", [saved.datasetVersionId + 1000])).rejects.toThrow(/does not exist/);
    await expect(t.db.query("UPDATE complaint_cell SET dataset_version_id = $1", [saved.datasetVersionId + 1000])).rejects.toThrow(/does not exist/);
    expect(await cellCount()).toBe(before);
    await orphan(saved.datasetVersionId);
    expect(await cellCount()).toBe(before + 1);
    await t.db.query("DELETE FROM dataset_version WHERE id = $1", [saved.datasetVersionId]);
    expect(await cellCount()).toBe(0);
  });

  it("writes a version's cells in year order and leaves no block range of the BRIN index unsummarised (migration 005)", async () => {
    // 98 × 20 subjects × 3 years: far more than one block range of 8 pages.
    const subjects = ["Merudgiftydelse §41 + tilbagebetaling", "Voksne - merudgifter - § 100"].flatMap((s) => Array.from({ length: 10 }, (_, i) => `${s} (${i})`));
    const cells = generateComplaintCells({ years: [2024, 2022, 2023], subjects, municipalityCodes: MUNICIPALITIES.map((m) => m.code) });
    const saved = await save(t.db, newVersion(1), [...cells].reverse());
    const { rows: years } = await t.db.query<{ year: number }>("SELECT year FROM complaint_cell WHERE dataset_version_id = $1 ORDER BY ctid", [saved.datasetVersionId]);
    expect(years.map((r) => r.year)).toEqual([...years.map((r) => r.year)].sort((a, b) => a - b));
    const { rows } = await t.db.query<{ n: number }>("SELECT brin_summarize_new_values('complaint_cell_version_year_brin')::int AS n");
    expect(rows[0]!.n).toBe(0);
  });

  it("returns nothing, not an error, from an empty database", async () => {
    expect(await loadComplaintCells(t.db)).toEqual({ cells: [], provenanceByYear: new Map() });
    expect((await activeVersionByYear(t.db)).size).toBe(0);
  });
});

describe("cellsAsCsvChunks", () => {
  it("splits on row boundaries, quotes text and writes the national row's missing code as an empty field", () => {
    const cells = [makeCell({ subject: 'a "b", c' }), makeCell({ municipalityCode: null }), makeCell()];
    const chunks = [...cellsAsCsvChunks(7, cells, 2)];
    expect(chunks).toHaveLength(2);
    for (const chunk of chunks) expect(chunk.endsWith("\n")).toBe(true);
    expect(chunks[0]!.split("\n")[0]).toBe('7,"0657","a ""b"", c","Serviceloven",2024,3,1,2,1');
    expect(chunks[0]!.split("\n")[1]).toMatch(/^7,,"/);
  });
});
