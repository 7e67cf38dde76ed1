import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFileIntoDatabase } from "../../src/app/import/import-file.js";
import { analyseImportFile } from "../../src/importers/analyse-import-file.js";
import { formatIssue } from "../../src/importers/import-issue.js";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../support/test-databases.js";
import { fixtureDir, row, sampleRows, subjectLookupCsv, talportalExportCsv, talportalExportXlsx, talportalTableCsv, writeFixture } from "./import-fixtures.js";

/**
 * The CPR guard on imported files (issue 12): a text cell holding what looks like a CPR number refuses the
 * file with a Danish error at file, line, column and character, the message never repeats the number, no
 * other message about the row quotes the cell, and nothing is stored.
 */
const dir = fixtureDir();
const CPR_SUBJECT = "Merudgift, borger 010190-1234, § 41";

function rowsWithCpr() {
  const rows = sampleRows();
  rows[1] = row("Herning", "2024", [4, 1, 0, 1], CPR_SUBJECT);
  return rows;
}

describe("CPR guard on imported files", () => {
  it("refuses a CSV cell with a CPR number at file, line, column and character, without quoting it", async () => {
    const a = await analyseImportFile({ path: writeFixture(dir, "cpr.csv", talportalExportCsv(rowsWithCpr())) });
    expect(a.issues.map((i) => i.code)).toEqual(["cpr-number"]);
    expect(a.issues[0]).toMatchObject({ file: "cpr.csv", line: 3, column: 3, columnName: "Sagsemne" });
    expect(formatIssue(a.issues[0]!)).toBe(
      "Fejl: cpr.csv, linje 3, kolonne 3 (Sagsemne): Cellen indeholder noget, der ligner et CPR-nummer (tegn 19). CPR-numre må ikke indlæses: fjern nummeret fra filen, og prøv igen. Intet er gemt.",
    );
    expect(JSON.stringify(a.issues)).not.toMatch(/010190|1234/);
  });

  it("refuses it in a place cell too, where the unknown-municipality message would otherwise quote it", async () => {
    const rows = sampleRows();
    rows[0] = row("0101901234", "2024", [1, 0, 0, 0]);
    const a = await analyseImportFile({ path: writeFixture(dir, "cpr-kommune.csv", talportalExportCsv(rows)) });
    expect(a.issues.map((i) => [i.code, i.line, i.column])).toEqual([["cpr-number", 2, 1]]);
    expect(JSON.stringify(a.issues)).not.toContain("0101901234");
  });

  it("refuses it in an XLSX cell, in a header cell, and in the companion subject file", async () => {
    const xlsx = `${dir}/cpr.xlsx`;
    await talportalExportXlsx(xlsx, rowsWithCpr());
    const x = await analyseImportFile({ path: xlsx });
    expect(x.issues.map((i) => [i.code, i.line, i.column, i.columnName])).toEqual([["cpr-number", 4, 3, "Sagsemne"]]);

    const headerCsv = talportalExportCsv(sampleRows()).replace("Sagsemne", "Sagsemne 010190 1234");
    const h = await analyseImportFile({ path: writeFixture(dir, "cpr-overskrift.csv", headerCsv) });
    expect(h.issues.map((i) => [i.code, i.line, i.column])).toEqual([["cpr-number", 1, 3]]);
    expect(JSON.stringify(h.issues)).not.toMatch(/010190/);

    const table = writeFixture(dir, "tabel.csv", talportalTableCsv(sampleRows()));
    const lookup = writeFixture(dir, "sagsemner-cpr.csv", subjectLookupCsv(sampleRows()) + "Borger 0101901234;Serviceloven;9\n");
    const s = await analyseImportFile({ path: table, subjectsPath: lookup });
    expect(s.issues.filter((i) => i.code === "cpr-number").map((i) => [i.file, i.line, i.column])).toEqual([["sagsemner-cpr.csv", 4, 1]]);
  });

  it("lets KLE case numbers, phone numbers and counts through", async () => {
    const rows = sampleRows();
    rows[1] = row("Herning", "2024", [4, 1, 0, 1], "Sag 27.69.52-I02-1-25, tlf. 96 28 28 28");
    const a = await analyseImportFile({ path: writeFixture(dir, "ingen-cpr.csv", talportalExportCsv(rows)) });
    expect(a.issues.filter((i) => i.code === "cpr-number")).toEqual([]);
  });
});

describe.each(DATABASE_KINDS)("CPR guard on import into storage on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(() => t?.drop());

  it("stores nothing of a file with a CPR number", async () => {
    const path = writeFixture(dir, "cpr-gem.csv", talportalExportCsv(rowsWithCpr()));
    const outcome = await importFileIntoDatabase(t.db, { path, extractedOn: null, source: "test", dryRun: false, isDemo: false, importedAt: new Date("2025-06-10T08:00:00Z") });
    expect(outcome.stored).toBeNull();
    expect(outcome.analysis.issues.map((i) => i.code)).toContain("cpr-number");
    expect((await t.db.query("SELECT count(*)::int AS n FROM dataset_version")).rows[0]).toEqual({ n: 0 });
    expect((await t.db.query("SELECT count(*)::int AS n FROM complaint_cell")).rows[0]).toEqual({ n: 0 });
  });
});
