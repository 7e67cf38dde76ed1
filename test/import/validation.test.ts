import { describe, expect, it } from "vitest";
import { analyseImportFile } from "../../src/importers/analyse-import-file.js";
import { formatIssue } from "../../src/importers/import-issue.js";
import { EXPORT_HEADER, fixtureDir, mojibake, row, sampleRows, statbankLongCsv, talportalExportCsv, talportalTableCsv, withoutCoverage, writeFixture } from "./import-fixtures.js";

const dir = fixtureDir();

/** Replaces one field of one data line (1-based line as in the file; 0-based field). */
function withField(csv: string, line: number, field: number, value: string): string {
  const lines = csv.split("\r\n");
  const fields = lines[line - 1]!.split(";");
  fields[field] = value;
  lines[line - 1] = fields.join(";");
  return lines.join("\r\n");
}

async function analyseText(name: string, text: string, encoding: "latin1" | "utf-8" = "latin1") {
  return analyseImportFile({ path: writeFixture(dir, name, text, encoding) });
}

describe("validation: every problem in Danish with file, line and column", () => {
  it("reports an unknown municipality with line, column and the column's name", async () => {
    const a = await analyseText("ukendt-kommune.csv", withField(talportalExportCsv(sampleRows()), 3, 0, "Atlantis"));
    expect(a.errorCount).toBe(1);
    expect(a.issues[0]).toMatchObject({ code: "unknown-municipality", file: "ukendt-kommune.csv", line: 3, column: 1, columnName: "Kommune" });
    expect(formatIssue(a.issues[0]!)).toBe(
      'Fejl: ukendt-kommune.csv, linje 3, kolonne 1 (Kommune): Ukendt kommune "Atlantis". Brug kommunens navn (fx "Herning") eller kommunekode (fx 0657); landstallet hedder fx "Hele landet".',
    );
  });

  it("suggests the nearest name for a misspelt municipality, but never uses it", async () => {
    const a = await analyseText("stavefejl.csv", withField(talportalExportCsv(sampleRows()), 3, 0, "Københaven"));
    expect(a.errorCount).toBe(1);
    expect(a.issues[0]!.messageDa).toContain('Ukendt kommune "Københaven". Mente du "København"?');
    expect(a.cells.some((c) => c.municipalityCode === "0101")).toBe(false);
  });

  it("reports an unknown period", async () => {
    const a = await analyseText("periode.csv", withField(talportalExportCsv(sampleRows()), 2, 3, "forår 2024"));
    expect(a.issues[0]).toMatchObject({ code: "unknown-period", line: 2, column: 4, columnName: "periode" });
    expect(a.issues[0]!.messageDa).toContain('Ukendt periode "forår 2024"');
  });

  it("reports a period after the year of the import (a typing error such as 2042 for 2024) in every layout", async () => {
    const rows = [row("Herning", "2024", [1, 0, 0, 0]), row("Aarhus", "2042", [1, 0, 0, 0])];
    const a = await analyseImportFile({ path: writeFixture(dir, "fremtid-a.csv", talportalExportCsv(rows)), latestYear: 2025 });
    expect(a.issues).toEqual([expect.objectContaining({ code: "unknown-period", line: 3, column: 4, columnName: "periode" })]);
    expect(a.issues[0]!.messageDa).toBe("Perioden 2042 ligger efter indlæsningsåret 2025; Ankestyrelsen kan ikke have afgjort sager dér. Ret årstallet.");
    const b = await analyseImportFile({ path: writeFixture(dir, "fremtid-b.csv", talportalTableCsv(rows, { withLaw: true })), latestYear: 2025 });
    expect(b.issues).toEqual([expect.objectContaining({ code: "unknown-period", line: 3, column: 5, columnName: "periode" })]);
    const c = await analyseImportFile({ path: writeFixture(dir, "fremtid-c.csv", statbankLongCsv(rows)), latestYear: 2025 });
    expect(c.errorCount).toBe(4);
    expect(c.issues[0]).toMatchObject({ code: "unknown-period", line: 6, column: 5, columnName: "Tid" });
    // Without a latest year (a pure call) nothing is assumed about the clock.
    expect((await analyseImportFile({ path: writeFixture(dir, "fremtid-ok.csv", talportalExportCsv(rows)) })).errorCount).toBe(0);
  });

  it("reports a year column that disagrees with the period column (layout b)", async () => {
    const csv = talportalTableCsv(sampleRows(), { withLaw: true }).replace("Herning;Merudgiftydelse §41 + tilbagebetaling;2024;", "Herning;Merudgiftydelse §41 + tilbagebetaling;2023;");
    const a = await analyseText("aar-periode.csv", csv);
    expect(a.issues[0]).toMatchObject({ code: "unknown-period", line: 2, column: 3, columnName: "Aar" });
    expect(a.issues[0]!.messageDa).toBe('Året "2023" passer ikke med perioden "2024".');
  });

  it.each([
    ["-3", "negativt"],
    ["2,5", "ikke et helt tal"],
    ["mange", "ikke et tal"],
    ["", "mangler"],
  ])("reports the count %j as invalid (%s)", async (value, words) => {
    const a = await analyseText(`antal-${words}.csv`, withField(talportalExportCsv(sampleRows()), 4, 5, value));
    const issue = a.issues.find((i) => i.code === "invalid-count")!;
    expect(issue).toMatchObject({ line: 4, column: 6, columnName: "Stadfæstede sager" });
    expect(issue.messageDa).toContain(words);
  });

  it("reports decided ≠ upheld + changed + remitted, and total ≠ decided + rejected", async () => {
    const measures = await analyseText("maal.csv", withField(talportalExportCsv(sampleRows()), 2, 4, "99"));
    expect(measures.issues[0]).toMatchObject({ code: "measures-mismatch", line: 2, column: 5, columnName: "Realitetsbehandlede sager i alt" });
    expect(measures.issues[0]!.messageDa).toBe("Realitetsbehandlede sager (99) er ikke stadfæstede + ændrede/ophævede + hjemviste (16 + 1 + 10 = 27).");
    const table = talportalTableCsv(sampleRows(), { withLaw: true }).replace("Herning;Merudgiftydelse §41 + tilbagebetaling;2024;;2024;30;", "Herning;Merudgiftydelse §41 + tilbagebetaling;2024;;2024;31;");
    const total = await analyseText("total.csv", table);
    expect(total.issues[0]).toMatchObject({ code: "total-mismatch", line: 2, column: 6, columnName: "Antal_sager_ialt" });
  });

  it("cross-checks a percentage column and never trusts it", async () => {
    const csv = talportalExportCsv(sampleRows(), { withPercent: true });
    const ok = await analyseText("pct-ok.csv", csv);
    expect(ok.errorCount).toBe(0);
    const bad = await analyseText("pct.csv", withField(csv, 2, 9, "12,0"));
    expect(bad.issues[0]).toMatchObject({ code: "percentage-mismatch", line: 2, column: 10, columnName: "Omgørelsesprocent" });
    expect(bad.issues[0]!.messageDa).toContain("40,7 pct. af 27 realitetsbehandlede sager");
  });

  it("reports a duplicate row naming the earlier line", async () => {
    const rows = sampleRows();
    const a = await analyseText("dobbelt.csv", talportalExportCsv([...rows, rows[0]!]));
    expect(a.issues[0]).toMatchObject({ code: "duplicate-row", line: 8 });
    expect(a.issues[0]!.messageDa).toContain("står også i linje 2");
  });

  it("reports a truncated last line: cut inside quotes, or fields missing without a final newline", async () => {
    const full = talportalExportCsv(sampleRows(), { quoteText: true });
    const cutInQuote = full.slice(0, full.lastIndexOf("Voksne - merudgifter") + 10);
    const a = await analyseText("afkortet-citat.csv", cutInQuote);
    expect(a.issues[0]).toMatchObject({ code: "truncated-line", line: 7 });
    const cutAfterField = full.trimEnd().split(";").slice(0, -3).join(";");
    const b = await analyseText("afkortet.csv", cutAfterField);
    expect(b.issues[0]).toMatchObject({ code: "truncated-line", line: 7 });
    expect(b.issues[0]!.messageDa).toContain("6 af 9 felter");
    // A short line in the middle is a different problem.
    const short = await analyseText("kort-linje.csv", full.replace(/\r\n("Herning";"Serviceloven";"Voksne[^\r]*)/, (_m, l: string) => `\r\n${l.split(";").slice(0, 5).join(";")}`));
    expect(short.issues[0]).toMatchObject({ code: "column-count", line: 3 });
  });

  it("names the column where a truncated last line stops, and where a short or long line differs from the header", async () => {
    const full = talportalExportCsv(sampleRows());
    const cut = await analyseText("afkortet-kolonne.csv", full.trimEnd().split(";").slice(0, -4).join(";"));
    expect(cut.issues[0]).toMatchObject({ code: "truncated-line", line: 7, column: 6, columnName: "Stadfæstede sager" });
    expect(formatIssue(cut.issues[0]!)).toBe(
      "Fejl: afkortet-kolonne.csv, linje 7, kolonne 6 (Stadfæstede sager): Sidste linje er afkortet (5 af 9 felter; den slutter før denne kolonne). Filen er formentlig ikke hentet helt; hent den igen.",
    );
    const long = await analyseText("lang-linje.csv", full.replace("\r\nHerning;Serviceloven;Voksne - merudgifter - § 100;2024;5;4;1;0;1", "\r\nHerning;Serviceloven;Voksne - merudgifter - § 100;2024;5;4;1;0;1;7"));
    expect(long.issues[0]).toMatchObject({ code: "column-count", line: 3, column: 10 });
    expect(long.issues[0]!.messageDa).toContain("her begynder felterne for meget");
  });

  it("refuses a file that is UTF-8 at the start and something else later (mixed encodings)", async () => {
    // The encoding is sniffed from the first 64 KiB; a latin1 "ø" after that cannot be UTF-8.
    const rows = Array.from({ length: 1500 }, (_, i) => row("Herning", "2024", [1, 0, 0, 0], `Voksne - merudgifter - § 100 (${i})`));
    const utf8 = Buffer.from(talportalExportCsv(rows), "utf8");
    const bytes = Buffer.concat([utf8, Buffer.from(talportalExportCsv([row("Læsø", "2024", [1, 0, 0, 0])]).split("\r\n")[1]! + "\r\n", "latin1")]);
    expect(utf8.length).toBeGreaterThan(65_536);
    const a = await analyseImportFile({ path: writeFixture(dir, "blandet.csv", bytes) });
    expect(a.issues).toEqual([expect.objectContaining({ code: "encoding", severity: "error", line: 1502 })]);
    expect(a.issues[0]!.messageDa).toBe(
      "Filen er ikke gyldig UTF-8 hele vejen igennem (blandede tegnsæt); det første tegn, der ikke er UTF-8, står i linje 1502. Gem den igen som UTF-8 eller latin1.",
    );
    expect(a.cells).toEqual([]);
  });

  it("reports problems in the companion subject file against that file", async () => {
    const table = writeFixture(dir, "tabel-med-sagsemner.csv", talportalTableCsv(sampleRows()));
    const noColumns = writeFixture(dir, "sagsemner-uden-kolonner.csv", "Emne;Lov\nx;y\n");
    const a = await analyseImportFile({ path: table, subjectsPath: noColumns });
    expect(a.issues[0]).toMatchObject({ code: "companion-file", file: "sagsemner-uden-kolonner.csv", line: 1 });
    expect(a.issues[0]!.messageDa).toBe("Sagsemnefilen skal have kolonnerne Sagsemne og Lovgivning.");
    const conflicting = writeFixture(dir, "sagsemner-modstrid.csv", "Sagsemne;Lovgivning;Sorteringskode\nVoksne - merudgifter - § 100;Serviceloven;1\nVoksne - merudgifter - § 100;Barnets lov;2\n");
    const b = await analyseImportFile({ path: table, subjectsPath: conflicting });
    expect(b.issues[0]).toMatchObject({ code: "companion-file", file: "sagsemner-modstrid.csv", line: 3 });
    expect(b.issues[0]!.messageDa).toContain('står med to forskellige lovgivninger ("Serviceloven" og "Barnets lov")');
    expect(b.errorCount).toBe(1);
  });

  it("does not compare the national row with the municipalities when rows were refused (the gap would only be those rows)", async () => {
    const a = await analyseText("landstal-efter-fejl.csv", withField(talportalExportCsv(sampleRows()), 2, 0, "Atlantis"));
    expect(a.issues.map((i) => i.code)).toEqual(["unknown-municipality"]);
  });

  it("reports mojibake (UTF-8 read as latin1) at the cell where it is", async () => {
    const a = await analyseText("mojibake.csv", talportalExportCsv([row(mojibake("Ærø"), "2024", [1, 0, 0, 0])]), "utf-8");
    expect(a.issues[0]).toMatchObject({ code: "mojibake", line: 2, column: 1 });
    expect(a.issues[0]!.messageDa).toContain("rÃ¸\"");
    const header = await analyseText("mojibake-header.csv", mojibake(talportalExportCsv(sampleRows())), "utf-8");
    expect(header.issues).toEqual([expect.objectContaining({ code: "mojibake", line: 1, column: 6 })]);
    expect(header.issues[0]!.messageDa).toContain('Overskriften "StadfÃ¦stede sager"');
  });

  it("reports an empty file, a file of blank lines, and a header without data", async () => {
    for (const [name, text] of [["tom.csv", ""], ["blank.csv", "\r\n\r\n  \r\n"], ["kun-overskrift.csv", EXPORT_HEADER.join(";") + "\r\n"]] as const) {
      const a = await analyseText(name, text);
      expect(a.errorCount, name).toBe(1);
      expect(a.issues[0]!.code, name).toBe("empty-file");
      expect(a.cells).toEqual([]);
    }
  });

  it("reports an unknown layout, quoting the header and listing what each layout needs", async () => {
    const a = await analyseText("ukendt.csv", "Navn;Alder;By\r\nPeter;40;Herning\r\n");
    expect(a.issues).toHaveLength(1);
    expect(a.issues[0]).toMatchObject({ code: "unknown-layout", line: 1 });
    expect(a.issues[0]!.messageDa).toContain('Overskriften er "Navn;Alder;By"');
    expect(a.issues[0]!.messageDa).toContain("Antal_sager_ialt");
  });

  it("reports an unknown outcome type in the long layout", async () => {
    const a = await analyseText("lang-ukendt.csv", statbankLongCsv(sampleRows()).replace("Hjemvisning", "Genoptagelse"));
    expect(a.issues[0]).toMatchObject({ code: "unknown-outcome", line: 4, column: 4 });
  });

  it("lists every problem of a file, not only the first, up to a cap, and counts the rest", async () => {
    const rows = Array.from({ length: 30 }, (_, i) => row(`Ukendt ${i}`, "2024", [1, 0, 0, 0]));
    const a = await analyseText("mange.csv", withField(talportalExportCsv(rows), 5, 3, "år 3000"));
    expect(a.errorCount).toBe(31);
    expect(a.issues.map((i) => i.line)).toContain(31);
    const capped = await analyseImportFile({ path: writeFixture(dir, "mange2.csv", talportalExportCsv(rows)), issueCap: 10 });
    expect(capped.errorCount).toBe(30);
    expect(capped.issues).toHaveLength(10);
  });

  it("reads a subject total row ('I alt') as a warning and does not store it twice", async () => {
    const a = await analyseText("i-alt.csv", talportalExportCsv([...sampleRows(), row("Herning", "2024", [20, 2, 10, 4], "I alt")]));
    expect(a.errorCount).toBe(0);
    expect(withoutCoverage(a.issues)).toEqual([expect.objectContaining({ severity: "warning", code: "summary-row", line: 8 })]);
    expect(a.cells).toHaveLength(6);
  });
});
