import ExcelJS from "exceljs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyseImportFile, type ImportAnalysis } from "../../src/importers/analyse-import-file.js";
import type { ComplaintCell } from "../../src/domain/complaint-cell.js";
import {
  encodeText,
  fixtureDir,
  row,
  sampleRows,
  statbankLongCsv,
  subjectLookupCsv,
  talportalExportCsv,
  talportalExportXlsx,
  talportalTableCsv,
  writeFixture,
  type FixtureEncoding,
} from "./import-fixtures.js";
import { asMunicipalityCode } from "../../src/domain/municipality.js";

const dir = fixtureDir();

/** The cells the sample rows must become: codes, never names; the national row under null. */
function expectedSampleCells(): ComplaintCell[] {
  const c = (code: string | null, subject: string, counts: [number, number, number, number]): ComplaintCell => ({
    municipalityCode: asMunicipalityCode(code),
    subject,
    law: "Serviceloven",
    year: 2024,
    counts: { upheld: counts[0], changed: counts[1], remitted: counts[2], rejected: counts[3] },
  });
  return [
    c("0657", "Merudgiftydelse §41 + tilbagebetaling", [16, 1, 10, 3]),
    c("0657", "Voksne - merudgifter - § 100", [4, 1, 0, 1]),
    c("0751", "Merudgiftydelse §41 + tilbagebetaling", [40, 5, 20, 7]),
    c("0825", "Voksne - merudgifter - § 100", [0, 0, 1, 0]),
    c(null, "Merudgiftydelse §41 + tilbagebetaling", [56, 6, 30, 10]),
    c(null, "Voksne - merudgifter - § 100", [4, 1, 1, 1]),
  ];
}

function sorted(cells: readonly ComplaintCell[]): ComplaintCell[] {
  const key = (c: ComplaintCell) => `${c.municipalityCode ?? ""}|${c.subject}|${c.year}`;
  return [...cells].sort((a, b) => key(a).localeCompare(key(b)));
}

function expectClean(a: ImportAnalysis): void {
  expect(a.issues.filter((i) => i.severity === "error")).toEqual([]);
  expect(a.errorCount).toBe(0);
}

describe("layouts", () => {
  it("reads the talportal CSV export (layout a), latin1 with ';', checking the percentage column", async () => {
    const path = writeFixture(dir, "eksport.csv", talportalExportCsv(sampleRows(), { withPercent: true }), "latin1");
    const a = await analyseImportFile({ path });
    expectClean(a);
    expect(a).toMatchObject({ layout: "talportal-export", encoding: "latin1", separator: ";", format: "csv", dataRowCount: 6 });
    expect(sorted(a.cells)).toEqual(sorted(expectedSampleCells()));
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("reads the talportal data table (layout b) with Lovgivning from the companion subject file", async () => {
    const path = writeFixture(dir, "tabel.csv", talportalTableCsv(sampleRows()), "utf-8");
    const subjects = writeFixture(dir, "sagsemner.csv", subjectLookupCsv(sampleRows()), "latin1");
    const a = await analyseImportFile({ path, subjectsPath: subjects });
    expectClean(a);
    expect(a.layout).toBe("talportal-table");
    expect(sorted(a.cells)).toEqual(sorted(expectedSampleCells()));
  });

  it("reads layout (b) with a Lovgivning column, and without any law warns and stores law ''", async () => {
    const withLaw = await analyseImportFile({ path: writeFixture(dir, "tabel-lov.csv", talportalTableCsv(sampleRows(), { withLaw: true })) });
    expectClean(withLaw);
    expect(sorted(withLaw.cells)).toEqual(sorted(expectedSampleCells()));
    const noLaw = await analyseImportFile({ path: writeFixture(dir, "tabel-uden-lov.csv", talportalTableCsv(sampleRows())) });
    expectClean(noLaw);
    expect(noLaw.cells.every((c) => c.law === "")).toBe(true);
    expect(noLaw.issues.filter((i) => i.code === "missing-law")).toHaveLength(2);
  });

  it("reads a long statbank table (layout c), with and without a subject column", async () => {
    const a = await analyseImportFile({ path: writeFixture(dir, "lang.csv", statbankLongCsv(sampleRows())) });
    expectClean(a);
    expect(a.layout).toBe("statbank-long");
    expect(sorted(a.cells)).toEqual(sorted(expectedSampleCells()));
    const basis = await analyseImportFile({ path: writeFixture(dir, "lang-lovgrundlag.csv", statbankLongCsv(sampleRows(), { legalBasisOnly: true })) });
    expectClean(basis);
    // The legal basis label is both subject and law, so the rule table can still read its paragraphs.
    expect(basis.cells.find((c) => c.municipalityCode === "0825")).toMatchObject({ subject: "Voksne - merudgifter - § 100", law: "Voksne - merudgifter - § 100" });
  });

  it.each(["latin1", "utf-8", "utf-8-bom", "windows-1252"] as FixtureEncoding[])("detects the encoding %s and reads æøå right", async (encoding) => {
    // "–" (en dash) is 0x96 in Windows-1252: only that encoding can hold it among the single-byte ones.
    const subject = encoding === "windows-1252" ? "Børn – særlig støtte § 52" : "Børn - særlig støtte § 52";
    const rows = [row("Høje-Taastrup", "2024", [1, 2, 3, 4], subject), row("Ærø", "2024", [5, 0, 0, 0], subject)];
    const a = await analyseImportFile({ path: writeFixture(dir, `enc-${encoding}.csv`, talportalExportCsv(rows), encoding) });
    expectClean(a);
    expect(a.encoding).toBe(encoding);
    expect(a.cells.map((c) => [c.municipalityCode, c.subject])).toEqual([["0169", subject], ["0492", subject]]);
  });

  it("reads ',' as the separator with quoted values containing commas", async () => {
    const rows = [row("Herning", "2024", [1, 1, 1, 1], "Pasningstilbud, hjemmetræning m.m. §§32, 32a, 36, 39-40 + tilbagebet.")];
    const a = await analyseImportFile({ path: writeFixture(dir, "komma.csv", talportalExportCsv(rows, { separator: "," }), "utf-8") });
    expectClean(a);
    expect(a.separator).toBe(",");
    expect(a.cells[0]!.subject).toBe("Pasningstilbud, hjemmetræning m.m. §§32, 32a, 36, 39-40 + tilbagebet.");
  });

  it("accepts municipality codes, 'X Kommune', any case and accents for names", async () => {
    const rows = ["657", "0657", "HERNING KOMMUNE", "Københavns Kommune", "aarhus", "Hoeje-Taastrup"].map((p, i) =>
      row(p, "2024", [1, 0, 0, 0], `Voksne - merudgifter - § 100 (${i})`),
    );
    const a = await analyseImportFile({ path: writeFixture(dir, "navne.csv", talportalExportCsv(rows), "utf-8") });
    expectClean(a);
    expect(a.cells.map((c) => c.municipalityCode)).toEqual(["0657", "0657", "0657", "0101", "0751", "0169"]);
  });

  it("reads the talportal XLSX with its two header rows, the first sheet or --sheet", async () => {
    const path = join(dir, "eksport.xlsx");
    await talportalExportXlsx(path, sampleRows());
    const a = await analyseImportFile({ path });
    expectClean(a);
    expect(a).toMatchObject({ format: "xlsx", layout: "talportal-export", sheet: "Data", dataRowCount: 6 });
    expect(sorted(a.cells)).toEqual(sorted(expectedSampleCells()));

    const named = join(dir, "to-ark.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Forside").addRow(["Ankestyrelsens talportal"]);
    const data = wb.addWorksheet("Tal");
    data.addRow(["Kommune", "Lovgivning", "Sagsemne", "periode", "Realitetsbehandlede sager i alt", "Stadfæstede sager", "Ændrede/ophævede sager", "Hjemviste sager", "Afviste sager"]);
    data.addRow(["Herning", "Serviceloven", "Voksne - merudgifter - § 100", "2024", 5, 4, 1, 0, 1]);
    await wb.xlsx.writeFile(named);
    expect((await analyseImportFile({ path: named })).issues[0]).toMatchObject({ code: "unknown-layout" });
    const onSheet = await analyseImportFile({ path: named, sheet: "Tal" });
    expectClean(onSheet);
    expect(onSheet.cells).toHaveLength(1);
    const missing = await analyseImportFile({ path: named, sheet: "Findes ikke" });
    expect(missing.issues[0]!.messageDa).toContain('Arket "Findes ikke" findes ikke. Arkene hedder: "Forside", "Tal"');
  });

  it("reads layout (b) as XLSX too", async () => {
    const path = join(dir, "tabel.xlsx");
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet("Ark1");
    for (const line of talportalTableCsv(sampleRows(), { withLaw: true }).trim().split("\n")) sheet.addRow(line.split(";"));
    await wb.xlsx.writeFile(path);
    const a = await analyseImportFile({ path });
    expectClean(a);
    expect(a.layout).toBe("talportal-table");
    expect(sorted(a.cells)).toEqual(sorted(expectedSampleCells()));
  });

  it("reads layout (c) as XLSX too, with the statbank's title row above the header", async () => {
    const path = join(dir, "lang.xlsx");
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet("ANKEAST1");
    sheet.addRow(["Ankesager efter område, lovgrundlag, afgørelsestype og tid"]);
    const [header, ...lines] = statbankLongCsv(sampleRows()).trim().split("\n");
    sheet.addRow(header!.split(";"));
    // Counts as numbers, as Excel holds them.
    for (const line of lines) sheet.addRow(line.split(";").map((f, i, all) => (i === all.length - 1 ? Number(f) : f)));
    await wb.xlsx.writeFile(path);
    const a = await analyseImportFile({ path });
    expectClean(a);
    expect(a).toMatchObject({ format: "xlsx", layout: "statbank-long", sheet: "ANKEAST1" });
    expect(sorted(a.cells)).toEqual(sorted(expectedSampleCells()));
  });

  it.each([
    ["b", (sep: ";" | ",") => talportalTableCsv(sampleRows(), { withLaw: true, separator: sep })],
    ["c", (sep: ";" | ",") => statbankLongCsv(sampleRows(), { separator: sep })],
  ] as const)("reads layout (%s) with ',' as well as ';', in UTF-8 with a BOM", async (name, make) => {
    for (const sep of [";", ","] as const) {
      const a = await analyseImportFile({ path: writeFixture(dir, `sep-${name}-${sep === ";" ? "semikolon" : "komma"}.csv`, make(sep), "utf-8-bom") });
      expectClean(a);
      expect(a).toMatchObject({ separator: sep, encoding: "utf-8-bom" });
      expect(sorted(a.cells)).toEqual(sorted(expectedSampleCells()));
    }
  });

  it("reads layout (b) from Aar and Kvartal when the periode column is missing", async () => {
    const quarters = [1, 2, 3, 4].map((q) => row("Herning", `${q}. kvartal 2019`, [q, 0, 1, 0]));
    const csv = talportalTableCsv(quarters, { withLaw: true })
      .split("\n")
      .map((line) => line.split(";").filter((_, i) => i !== 4).join(";"))
      .join("\n");
    expect(csv.split("\n")[0]).toBe("Kommune;Sagsemne;Aar;Kvartal;Antal_sager_ialt;Stadfæstelse;Ændring.Ophævelse;Hjemvisning;Afvisning.Henvisning;Lovgivning");
    const a = await analyseImportFile({ path: writeFixture(dir, "tabel-aar-kvartal.csv", csv) });
    expectClean(a);
    expect(a.cells).toEqual([{ municipalityCode: "0657", subject: quarters[0]!.subject, law: "Serviceloven", year: 2019, counts: { upheld: 10, changed: 0, remitted: 4, rejected: 0 } }]);
  });

  it("hashes the file's bytes: the same content in another encoding is another file", async () => {
    const text = talportalExportCsv(sampleRows());
    const a = await analyseImportFile({ path: writeFixture(dir, "h1.csv", text, "latin1") });
    const b = await analyseImportFile({ path: writeFixture(dir, "h2.csv", text, "latin1") });
    const c = await analyseImportFile({ path: writeFixture(dir, "h3.csv", encodeText(text, "utf-8")) });
    expect(a.sha256).toBe(b.sha256);
    expect(c.sha256).not.toBe(a.sha256);
  });
});
