import { describe, expect, it } from "vitest";
import { analyseImportFile } from "../../src/importers/analyse-import-file.js";
import { parsePeriod } from "../../src/importers/parse-period.js";
import { fixtureDir, row, statbankLongCsv, talportalExportCsv, talportalTableCsv, withoutCoverage, writeFixture } from "./import-fixtures.js";

const dir = fixtureDir();

describe("periods", () => {
  it.each([
    ["2024", { year: 2024, quarter: null }],
    ["4. kvartal 2019", { year: 2019, quarter: 4 }],
    ["1.kvartal 2020", { year: 2020, quarter: 1 }],
    ["2019K4", { year: 2019, quarter: 4 }],
    ["2019 k2", { year: 2019, quarter: 2 }],
    ["2019Q3", { year: 2019, quarter: 3 }],
  ])("reads %j", (text, expected) => {
    expect(parsePeriod(text)).toEqual(expected);
  });

  it.each(["5. kvartal 2019", "2019K5", "1999", "24", "2019-2020", ""])("refuses %j", (text) => {
    expect(parsePeriod(text)).toBeUndefined();
  });

  it("adds quarters up to years in every layout", async () => {
    const quarters = [
      row("Herning", "1. kvartal 2019", [1, 0, 1, 0]),
      row("Herning", "2. kvartal 2019", [2, 1, 0, 1]),
      row("Herning", "3. kvartal 2019", [0, 0, 3, 0]),
      row("Herning", "4. kvartal 2019", [4, 1, 1, 2]),
    ];
    const expected = [{ municipalityCode: "0657", subject: quarters[0]!.subject, law: "Serviceloven", year: 2019, counts: { upheld: 7, changed: 2, remitted: 5, rejected: 3 } }];
    const a = await analyseImportFile({ path: writeFixture(dir, "kvartaler-a.csv", talportalExportCsv(quarters)) });
    const b = await analyseImportFile({ path: writeFixture(dir, "kvartaler-b.csv", talportalTableCsv(quarters, { withLaw: true })) });
    const statbankQuarters = quarters.map((q, i) => ({ ...q, period: `2019K${i + 1}` }));
    const c = await analyseImportFile({ path: writeFixture(dir, "kvartaler-c.csv", statbankLongCsv(statbankQuarters)) });
    for (const x of [a, b, c]) {
      expect(x.errorCount).toBe(0);
      expect(x.cells).toEqual(expected);
      expect(x.incompleteYears).toEqual([]);
    }
  });

  it("reads every period form in one talportal export: a year, 'N. kvartal YYYY' and 'YYYYKN'", async () => {
    const rows = [
      row("Herning", "1. kvartal 2019", [1, 0, 0, 0]),
      row("Herning", "2019K2", [0, 1, 0, 0]),
      row("Herning", "2019 K3", [0, 0, 1, 0]),
      row("Herning", "4. kvartal 2019", [0, 0, 0, 1]),
      row("Herning", "2024", [5, 1, 1, 0]),
    ];
    const a = await analyseImportFile({ path: writeFixture(dir, "perioder-a.csv", talportalExportCsv(rows)) });
    expect(a.errorCount).toBe(0);
    expect(a.incompleteYears).toEqual([]);
    expect(a.cells.map((c) => [c.year, c.counts])).toEqual([
      [2019, { upheld: 1, changed: 1, remitted: 1, rejected: 1 }],
      [2024, { upheld: 5, changed: 1, remitted: 1, rejected: 0 }],
    ]);
  });

  it("reports a year with missing quarters as incomplete and still stores it", async () => {
    const rows = [row("Herning", "1. kvartal 2025", [1, 0, 1, 0]), row("Aarhus", "2. kvartal 2025", [2, 0, 0, 0]), row("Herning", "2024", [5, 1, 1, 0])];
    const a = await analyseImportFile({ path: writeFixture(dir, "ufuldstaendig.csv", talportalExportCsv(rows)) });
    expect(a.errorCount).toBe(0);
    expect(a.incompleteYears).toEqual([{ year: 2025, quarters: [1, 2] }]);
    expect(withoutCoverage(a.issues)).toEqual([expect.objectContaining({ severity: "warning", code: "incomplete-year" })]);
    expect(withoutCoverage(a.issues)[0]!.messageDa).toContain("Året 2025 er ufuldstændigt: filen har kun 1., 2. kvartal");
    expect(a.cells.filter((c) => c.year === 2025)).toHaveLength(2);
  });

  it("uses a year row as given, and reports it when its four quarters do not add up to it", async () => {
    const quarters = [1, 2, 3, 4].map((q) => row("Herning", `${q}. kvartal 2019`, [1, 0, 0, 0]));
    const good = await analyseImportFile({ path: writeFixture(dir, "aar-ok.csv", talportalExportCsv([...quarters, row("Herning", "2019", [4, 0, 0, 0])])) });
    expect(good.errorCount).toBe(0);
    expect(good.cells).toHaveLength(1);
    expect(good.cells[0]!.counts.upheld).toBe(4);
    const bad = await analyseImportFile({ path: writeFixture(dir, "aar-forkert.csv", talportalExportCsv([...quarters, row("Herning", "2019", [5, 0, 0, 0])])) });
    expect(bad.issues[0]).toMatchObject({ code: "quarters-mismatch", line: 6 });
  });

  it("keeps the national row as a cell with municipalityCode null and reports a mismatch with the sum", async () => {
    const rows = [row("Herning", "2024", [1, 1, 1, 0]), row("Aarhus", "2024", [2, 0, 1, 1]), row("Landstotal", "2024", [3, 1, 3, 1])];
    const a = await analyseImportFile({ path: writeFixture(dir, "landstal.csv", talportalExportCsv(rows)) });
    expect(a.cells.find((c) => c.municipalityCode === null)!.counts).toEqual({ upheld: 3, changed: 1, remitted: 3, rejected: 1 });
    expect(a.errorCount).toBe(0);
    expect(withoutCoverage(a.issues)).toEqual([expect.objectContaining({ severity: "warning", code: "national-mismatch", line: 4 })]);
    expect(withoutCoverage(a.issues)[0]!.messageDa).toContain("7 realitetsbehandlede (3/1/3), 1 afviste) er ikke summen over kommunerne (6 realitetsbehandlede");
    const matching = await analyseImportFile({ path: writeFixture(dir, "landstal-ok.csv", talportalExportCsv([...rows.slice(0, 2), row("I alt", "2024", [3, 1, 2, 1])])) });
    expect(withoutCoverage(matching.issues)).toEqual([]);
  });
});
