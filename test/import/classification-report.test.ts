import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFileIntoDatabase } from "../../src/app/import/import-file.js";
import { renderImportReport } from "../../src/cli/commands/import-report.js";
import { loadComplaintCells } from "../../src/storage/complaint-store.js";
import { createTestDatabase, type TestDatabase } from "../support/test-databases.js";
import { fixtureDir, row, talportalExportCsv, writeFixture } from "./import-fixtures.js";

/**
 * Issue 3, point 5: the import summary shows cases per map, area and year, and lists every subject label
 * no map rule covers with its case count; those cases stay stored.
 */
const rows = [
  row("Herning", "2024", [16, 1, 10, 3], "Merudgiftydelse §41 + tilbagebetaling"), // children, child disability map
  row("Aarhus", "2024", [4, 1, 0, 1], "Voksne - merudgifter - § 100"), // adults, adult disability map
  row("Aarhus", "2024", [2, 1, 1, 0], "Generelle bestemmelser § 11"), // general map, area unknown
  row("Herning", "2023", [3, 0, 2, 1], "Børn - § 90", "Barnets lov"), // barnets lov before 2024: no rule
  row("Herning", "2024", [5, 2, 0, 4], "Kontanthjælp § 11", "Lov om aktiv socialpolitik"), // outside the maps
  row("Hele landet", "2024", [16, 1, 10, 3], "Merudgiftydelse §41 + tilbagebetaling"),
];

describe("classification report of an import", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase("pglite");
  });
  afterAll(() => t.drop());

  it("sums the 98 per map, area and year, lists every unplaced label with its cases, and stores every case", async () => {
    const path = writeFixture(fixtureDir(), "klassifikation.csv", talportalExportCsv(rows));
    const request = { path, extractedOn: null, source: null, dryRun: false, isDemo: false, importedAt: new Date("2025-06-10T08:00:00Z") };
    const outcome = await importFileIntoDatabase(t.db, request);
    expect(outcome.analysis.errorCount).toBe(0);
    const { totals, unclassified, outsideMaps } = outcome.summary;
    const total = (map: string, area: string, year: number) => totals.find((x) => x.map === map && x.area === area && x.year === year);
    // The national row is a cross-check, never added to the 98.
    expect(total("socialomraadet", "total", 2024)).toEqual({ map: "socialomraadet", area: "total", year: 2024, decided: 27 + 5 + 4, reversed: 11 + 1 + 2, rejected: 3 + 1 + 0 });
    expect(total("socialomraadet", "children", 2024)).toMatchObject({ decided: 27, reversed: 11, rejected: 3 });
    expect(total("socialomraadet", "adults", 2024)).toMatchObject({ decided: 5, reversed: 1, rejected: 1 });
    expect(total("boernehandicapomraadet", "total", 2024)).toMatchObject({ decided: 27, reversed: 11 });
    expect(total("voksenhandicapomraadet", "total", 2024)).toMatchObject({ decided: 5, reversed: 1 });
    expect(total("socialomraadet", "total", 2023)).toBeUndefined();

    expect(unclassified).toEqual([
      { subject: "Børn - § 90", law: "Barnets lov", years: [2023], cases: 6, reasonDa: "Ingen kortregel dækker BL for dataåret 2023" },
      { subject: "Generelle bestemmelser § 11", law: "Serviceloven", years: [2024], cases: 4, reasonDa: "Det kan ikke afgøres, om sagsemnet hører til børne- eller voksenområdet" },
    ]);
    expect(outsideMaps).toEqual([expect.objectContaining({ subject: "Kontanthjælp § 11", law: "Lov om aktiv socialpolitik", years: [2024], cases: 11 })]);

    const text = renderImportReport(outcome, request);
    expect(text).toContain("Sagsemner som ingen kortregel dækker (sagerne er gemt, men indgår ikke i kortene):");
    expect(text).toContain('"Børn - § 90" (Lovgivning: "Barnets lov"), 2023: 6 sager – Ingen kortregel dækker BL for dataåret 2023');
    expect(text).toContain('"Kontanthjælp § 11" (Lovgivning: "Lov om aktiv socialpolitik"), 2024: 11 sager');
    expect(text).toMatch(/2024 {2}Socialområdet generelt, i alt +36 realitetsbehandlede, +14 omgjort, +4 afviste/);

    // Nothing is dropped: every row of the file is a stored cell, placed on a map or not.
    const stored = await loadComplaintCells(t.db);
    expect(stored.cells).toHaveLength(rows.length);
    expect(stored.cells.find((c) => c.subject === "Kontanthjælp § 11")!.counts).toEqual({ upheld: 5, changed: 2, remitted: 0, rejected: 4 });
    expect(stored.cells.find((c) => c.subject === "Børn - § 90")!.year).toBe(2023);
  });
});
