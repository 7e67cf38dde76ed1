import ExcelJS from "exceljs";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyseImportFile } from "../../src/importers/analyse-import-file.js";
import { formatIssue } from "../../src/importers/import-issue.js";
import { EXPORT_HEADER, fixtureDir, row, sampleRows, subjectLookupCsv, talportalExportCsv, talportalTableCsv, wholeCountryRows, writeFixture } from "../import/import-fixtures.js";

/**
 * Issue 19, "input that crashes" and "input accepted that stores a wrong figure": each hostile file the
 * independent run found is refused with a Danish message naming file, line and column; each message is
 * shown here as a user reads it.
 */
const dir = fixtureDir();
const errorsOf = (a: { issues: readonly Parameters<typeof formatIssue>[0][] }) => a.issues.filter((i) => i.severity === "error").map(formatIssue);

/** A whole-country file of several years, so the text passes the encoding sniff window (64 KiB). */
function largeExport(): string {
  return [2021, 2022, 2023].map((year, i) => talportalExportCsv(wholeCountryRows({ year, seed: 7 + i }).rows)).map((csv, i) => (i === 0 ? csv : csv.slice(csv.indexOf("\r\n") + 2))).join("");
}

describe("counts are parsed exactly and refused above the documented bound", () => {
  it("refuses 2147483648 (once wrapped to a negative total) and 99999999999999999999 (once stored as 1.661.992.960)", async () => {
    const csv = talportalExportCsv([row("Herning", "2024", [0, 0, 0, 0])]).replace(/;2024;0;0;0;0;0/, ";2024;2147483648;2147483648;0;0;0");
    const a = await analyseImportFile({ path: writeFixture(dir, "stort-antal.csv", csv) });
    expect(a.cells).toEqual([]);
    expect(errorsOf(a)).toContain(
      'Fejl: stort-antal.csv, linje 2, kolonne 6 (Stadfæstede sager): Antallet "2147483648" er større end grænsen på 1.000.000 sager i én celle (kommune × sagsemne × periode); så mange sager afgør Ankestyrelsen ikke. Filen er formentlig beskadiget.',
    );
    const huge = csv.replaceAll("2147483648", "99999999999999999999");
    const b = await analyseImportFile({ path: writeFixture(dir, "kæmpe-antal.csv", huge) });
    expect(b.cells).toEqual([]);
    expect(errorsOf(b)[0]).toContain('Antallet "99999999999999999999" er større end grænsen på 1.000.000 sager');
  });

  it("accepts the bound itself, refuses one more, and takes the bound from the limits", async () => {
    const at = await analyseImportFile({ path: writeFixture(dir, "graense.csv", talportalExportCsv([row("Herning", "2024", [1_000_000, 0, 0, 0])])) });
    expect(at.errorCount).toBe(0);
    expect(at.cells[0]!.counts.upheld).toBe(1_000_000);
    const over = await analyseImportFile({ path: writeFixture(dir, "over.csv", talportalExportCsv([row("Herning", "2024", [1_000_001, 0, 0, 0])])) });
    expect(over.errorCount).toBeGreaterThan(0);
    const low = await analyseImportFile({ path: writeFixture(dir, "lav.csv", talportalExportCsv([row("Herning", "2024", [11, 0, 0, 0])])), limits: { ...(await import("../../src/importers/import-limits.js")).DEFAULT_IMPORT_LIMITS, maxCount: 10 } });
    expect(errorsOf(low)[0]).toContain('Antallet "11" er større end grænsen på 10 sager');
  });
});

describe("control characters and encoding changes are refused with their line and column", () => {
  it("refuses a NUL byte and a terminal escape in a subject", async () => {
    const nul = await analyseImportFile({ path: writeFixture(dir, "nul.csv", talportalExportCsv([...sampleRows(), row("Herning", "2023", [1, 0, 0, 0], "Merud\u0000gift §41")])) });
    expect(errorsOf(nul)).toEqual(["Fejl: nul.csv, linje 8, kolonne 3 (Sagsemne): Feltet indeholder et NUL-tegn (U+0000) ved tegn 6. Sådan et tegn står aldrig i Ankestyrelsens tal; filen er formentlig beskadiget."]);
    const esc = await analyseImportFile({ path: writeFixture(dir, "esc.csv", talportalExportCsv([row("Herning", "2024", [1, 0, 0, 0], "\u001b[2J§41")]), "utf-8") });
    expect(errorsOf(esc)).toEqual(["Fejl: esc.csv, linje 2, kolonne 3 (Sagsemne): Feltet indeholder et ESC-tegn (U+001B, styrekoder til en terminal) ved tegn 1. Sådan et tegn står aldrig i Ankestyrelsens tal; filen er formentlig beskadiget."]);
  });

  it("refuses a byte-order mark in the middle of a file", async () => {
    const lines = talportalExportCsv(sampleRows()).split("\r\n");
    lines[3] = `\ufeff${lines[3]}`;
    const a = await analyseImportFile({ path: writeFixture(dir, "bom-midt.csv", lines.join("\r\n"), "utf-8") });
    expect(errorsOf(a)).toEqual(["Fejl: bom-midt.csv, linje 4, kolonne 1 (Kommune): Feltet indeholder et byte order mark (U+FEFF) midt i filen ved tegn 1. Filen er formentlig sat sammen af flere filer; gem den igen som én fil i ét tegnsæt."]);
  });

  it("refuses a Windows-1252 byte after the first 64 KiB of a latin1 file, and of a UTF-8 file", async () => {
    const text = largeExport();
    expect(text.length).toBeGreaterThan(70_000);
    const cut = text.indexOf("\r\n", 70_000) + 2;
    const line = text.slice(0, cut).split("\r\n").length;
    const bad = "Herning;Serviceloven;Merudgift \u0096 x;2020;1;1;0;0;0\r\n";
    const latin1 = Buffer.concat([Buffer.from(text.slice(0, cut), "latin1"), Buffer.from(bad, "latin1"), Buffer.from(text.slice(cut), "latin1")]);
    const a = await analyseImportFile({ path: writeFixture(dir, "skift-latin1.csv", latin1) });
    expect(a.encoding).toBe("latin1");
    expect(errorsOf(a)).toEqual([
      `Fejl: skift-latin1.csv, linje ${line}, kolonne 3 (Sagsemne): Feltet indeholder et styretegn U+0096 ved tegn 11. Filen skifter formentlig tegnsæt undervejs (fx Windows-1252 i en latin1-fil); gem den igen i ét tegnsæt (UTF-8 eller latin1).`,
    ]);
    const utf8 = Buffer.concat([Buffer.from(text.slice(0, cut), "utf8"), Buffer.from(bad, "latin1"), Buffer.from(text.slice(cut), "utf8")]);
    const b = await analyseImportFile({ path: writeFixture(dir, "skift-utf8.csv", utf8) });
    expect(b.encoding).toBe("utf-8");
    expect(errorsOf(b)).toEqual([`Fejl: skift-utf8.csv, linje ${line}: Filen er ikke gyldig UTF-8 hele vejen igennem (blandede tegnsæt); det første tegn, der ikke er UTF-8, står i linje ${line}. Gem den igen som UTF-8 eller latin1.`]);
    expect(b.cells).toEqual([]);
  });
});

describe("empty subjects, paths that are no files, and XLSX formulas", () => {
  it("refuses an empty subject instead of storing it as \"\"", async () => {
    const a = await analyseImportFile({ path: writeFixture(dir, "tomt-emne.csv", talportalExportCsv([row("Herning", "2024", [1, 0, 0, 0], "")])) });
    expect(errorsOf(a)).toEqual(["Fejl: tomt-emne.csv, linje 2, kolonne 3 (Sagsemne): Sagsemnet er tomt. Hver række skal have Ankestyrelsens sagsemne, ellers kan sagerne ikke placeres på et kort."]);
    expect(a.cells).toEqual([]);
  });

  it("answers a directory and a missing or directory --subjects file in Danish (once exit 70)", async () => {
    const folder = join(dir, "en-mappe");
    mkdirSync(folder, { recursive: true });
    const a = await analyseImportFile({ path: folder });
    expect(errorsOf(a)).toEqual([`Fejl: en-mappe: Filen "${folder}" er en mappe, ikke en fil. Angiv selve filen.`]);
    const table = writeFixture(dir, "tabel.csv", talportalTableCsv(sampleRows()));
    const missing = await analyseImportFile({ path: table, subjectsPath: join(dir, "findes-ikke.csv") });
    expect(errorsOf(missing)[0]).toBe(`Fejl: findes-ikke.csv: Sagsemnefilen "${join(dir, "findes-ikke.csv")}" findes ikke. Angiv talportalens sagsemnefil med --subjects.`);
    const asFolder = await analyseImportFile({ path: table, subjectsPath: folder });
    expect(errorsOf(asFolder)[0]).toBe(`Fejl: en-mappe: Sagsemnefilen "${folder}" er en mappe; angiv selve filen med --subjects.`);
    const nulLookup = writeFixture(dir, "emner-nul.csv", subjectLookupCsv(sampleRows()).replace("Merudgift", "Mer\u0000udgift"));
    const withNul = await analyseImportFile({ path: table, subjectsPath: nulLookup });
    expect(errorsOf(withNul)[0]).toMatch(/^Fejl: emner-nul\.csv, linje 2, kolonne 1: Feltet indeholder et NUL-tegn \(U\+0000\)/);
  });

  it("refuses an XLSX formula cell without a cached value (once read as an empty cell)", async () => {
    const path = join(dir, "formel.xlsx");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Data");
    sheet.addRow(EXPORT_HEADER);
    sheet.addRow(["Herning", "Serviceloven", "Merudgiftydelse §41 + tilbagebetaling", 2024, 27, 16, 1, 10, 3]);
    sheet.addRow(["Aarhus", "Serviceloven", "Merudgiftydelse §41 + tilbagebetaling", 2024, 5, { formula: "B2*0" }, 0, 5, 0]);
    await workbook.xlsx.writeFile(path);
    const a = await analyseImportFile({ path });
    expect(errorsOf(a)).toEqual([
      "Fejl: formel.xlsx, linje 3, kolonne 6: Cellen har en formel uden gemt resultat, så tallet kan ikke læses uden Excel. Åbn filen i Excel eller LibreOffice, gem den igen (så gemmes resultaterne), eller gem arket som CSV.",
    ]);
    // Aarhus's row never became a cell (Herning's did, but a file with an error is never stored).
    expect(a.cells.map((c) => c.municipalityCode)).toEqual(["0657"]);
  });

  it("reads a formula cell with a cached result as that result", async () => {
    const path = join(dir, "formel-ok.xlsx");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Data");
    sheet.addRow(EXPORT_HEADER);
    sheet.addRow(["Herning", "Serviceloven", "Merudgiftydelse §41 + tilbagebetaling", 2024, 27, { formula: "10+6", result: 16 }, 1, 10, 3]);
    await workbook.xlsx.writeFile(path);
    const a = await analyseImportFile({ path });
    expect(a.errorCount).toBe(0);
    expect(a.cells[0]!.counts).toEqual({ upheld: 16, changed: 1, remitted: 10, rejected: 3 });
  });
});

describe("the same municipality × law × subject × period twice, by any name", () => {
  it("refuses Herning's rows again as 'Herning Kommune' and '0657', naming both lines (once 154 decided, not 77)", async () => {
    const a = await analyseImportFile({ path: writeFixture(dir, "herning-to-gange.csv", talportalExportCsv([row("Herning", "2024", [16, 1, 10, 3]), row("Aarhus", "2024", [1, 0, 0, 0]), row("Herning Kommune", "2024", [16, 1, 10, 3]), row("0657", "2024", [16, 1, 10, 3])])) });
    expect(errorsOf(a)).toEqual([
      "Fejl: herning-to-gange.csv, linje 4: Dobbeltrække: samme kommune, sagsemne, lovgivning og periode (2024) står også i linje 2.",
      "Fejl: herning-to-gange.csv, linje 5: Dobbeltrække: samme kommune, sagsemne, lovgivning og periode (2024) står også i linje 2.",
    ]);
  });
});

describe("a stray quote is found where it is, in one pass", () => {
  it("reports the quote's own line, not 'the last line is truncated', and reads the lines after it", async () => {
    const rows = wholeCountryRows({ year: 2024, seed: 3 }).rows;
    const csv = talportalExportCsv(rows).split("\r\n");
    csv[11] = csv[11]!.replace(";Serviceloven;", ';"Serviceloven;');
    const a = await analyseImportFile({ path: writeFixture(dir, "loest-citationstegn.csv", csv.join("\r\n")) });
    expect(errorsOf(a)).toEqual([
      "Fejl: loest-citationstegn.csv, linje 12, kolonne 2 (Lovgivning): Et citationstegn i dette felt lukkes ikke i linjen og heller ikke i de næste linjer. Fjern det eller luk det med endnu et citationstegn; de følgende linjer er læst hver for sig.",
    ]);
    expect(a.dataRowCount).toBe(rows.length);
  });

  it("still calls a quote opened on the very last line a cut download", async () => {
    const csv = talportalExportCsv(sampleRows()).replace(/\r\n$/, "").replace(/Hele landet;Serviceloven;Voksne - merudgifter - § 100;2024;6;4;1;1;1$/, 'Hele landet;Serviceloven;"Voksne - mer');
    const a = await analyseImportFile({ path: writeFixture(dir, "afkortet-citat.csv", csv) });
    expect(a.issues[0]).toMatchObject({ code: "truncated-line", line: 7 });
  });
});

describe("caps on field and line length", () => {
  it("refuses a 1 MB subject and a 2 MB line with the limit named, without holding the line", async () => {
    const long = await analyseImportFile({ path: writeFixture(dir, "langt-emne.csv", talportalExportCsv([row("Herning", "2024", [1, 0, 0, 0], `§ 41 ${"x".repeat(1_000_000)}`)])) });
    expect(errorsOf(long)).toEqual([
      'Fejl: langt-emne.csv, linje 2, kolonne 3 (Sagsemne): Feltet har 1.000.005 tegn; grænsen er 1.000 (kan ændres med DANMARKSKORT_IMPORT_MAX_FIELD_CHARS). Begyndelsen: "§ 41 xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…" (1.000.005 tegn).',
    ]);
    const huge = await analyseImportFile({ path: writeFixture(dir, "lang-linje.csv", talportalExportCsv([row("Herning", "2024", [1, 0, 0, 0], "y".repeat(2_000_000)), row("Aarhus", "2024", [1, 0, 0, 0])])) });
    expect(errorsOf(huge)).toEqual([
      "Fejl: lang-linje.csv, linje 2: Linjen har 2.000.036 tegn; grænsen er 1.048.576 (kan ændres med DANMARKSKORT_IMPORT_MAX_LINE_CHARS). Den er ikke læst; filen er formentlig beskadiget eller har forkerte linjeskift.",
    ]);
  });

  it("quotes at most 200 characters of an unknown header (messages of 63–131 KB once echoed a whole header)", async () => {
    const a = await analyseImportFile({ path: writeFixture(dir, "ukendt-hoved.csv", `${Array.from({ length: 5000 }, (_, i) => `kolonne${i}`).join(";")}\n1;2\n`) });
    expect(a.issues[0]!.messageDa.length).toBeLessThan(1000);
    expect(a.issues[0]!.messageDa).toContain("…\" (");
  });
});

describe("coverage warnings", () => {
  it("warns about a year without national rows and about municipalities a file lacks", async () => {
    const a = await analyseImportFile({ path: writeFixture(dir, "uden-land.csv", talportalExportCsv([row("Herning", "2024", [1, 0, 0, 0])])) });
    expect(a.errorCount).toBe(0);
    expect(a.issues.map(formatIssue)).toEqual([
      'Advarsel: uden-land.csv: Filen har ingen landsrække (fx "Hele landet") for 2024, så landstallet kan ikke kontrolleres mod summen over kommunerne.',
      'Advarsel: uden-land.csv: Filen har tal for 1 af 98 kommuner for 2024; København, Frederiksberg, Ballerup, Brøndby, Dragør og 92 andre mangler. De vises som "ingen data", ikke som 0. Er filen hentet helt?',
    ]);
  });
});
