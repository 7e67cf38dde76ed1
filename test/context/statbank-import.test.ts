import { describe, expect, it } from "vitest";
import { formatIssue } from "../../src/importers/import-issue.js";
import { analyseStatbankFile } from "../../src/importers/statbank-context/analyse-statbank-file.js";
import { sniffStatbankTable } from "../../src/importers/statbank-context/sniff-statbank-file.js";
import type { ContextFigure } from "../../src/domain/context/context-figure.js";
import { bandPopulation, dir, folk1aLines, hand07Lines, handbu01Lines, writeCsv } from "./statbank-files.js";

const find = (figures: readonly ContextFigure[], code: string | null, key: string, period: string) =>
  figures.find(
    (f) =>
      f.municipalityCode === code &&
      (f.measure.kind === "population" ? f.measure.band : f.measure.code) === key &&
      `${f.period.year}${f.period.quarter ? `K${f.period.quarter}` : ""}` === period,
  )?.value;

describe("Statistikbanken CSV: FOLK1A", () => {
  it("reads the API's Code presentation (UTF-8) into the maps' population bands for each quarter", async () => {
    const path = writeCsv(dir(), "FOLK1A.csv", folk1aLines(["2023K1", "2024K1"], "Code"));
    expect(await sniffStatbankTable(path)).toBe("FOLK1A");
    const a = await analyseStatbankFile({ path });
    expect(a.errorCount).toBe(0);
    expect(a.table).toBe("FOLK1A");
    expect([a.periodFrom, a.periodTo]).toEqual(["2023K1", "2024K1"]);
    expect(find(a.figures, "0657", "0-17", "2024K1")).toEqual({ kind: "value", value: bandPopulation("0657", 0, 17) });
    expect(find(a.figures, "0657", "18-64", "2024K1")).toEqual({ kind: "value", value: bandPopulation("0657", 18, 64) });
    expect(find(a.figures, "0657", "total", "2023K1")).toEqual({ kind: "value", value: bandPopulation("0657", 0, 125, 0.99) });
    expect(find(a.figures, "0657", "18+", "2024K1")).toEqual({ kind: "value", value: bandPopulation("0657", 18, 125) });
    // 98 municipalities and the country, four bands, two quarters; region and Christiansø skipped, said so.
    expect(a.figures).toHaveLength(99 * 4 * 2);
    expect(a.issues.filter((i) => i.severity === "warning").map((i) => i.messageDa)).toEqual([
      expect.stringContaining('"region 084" er ikke en kommune'),
      expect.stringContaining('"Christiansø" er ikke en kommune'),
    ]);
  });

  it("reads the Value presentation saved as latin1 to the same figures", async () => {
    const folder = dir();
    const code = await analyseStatbankFile({ path: writeCsv(folder, "a.csv", folk1aLines(["2024K1"], "Code")) });
    const value = await analyseStatbankFile({ path: writeCsv(folder, "b.csv", folk1aLines(["2024K1"], "Value"), "latin1") });
    expect(value.encoding).toBe("latin1");
    expect(value.errorCount).toBe(0);
    const sorted = (fs: readonly ContextFigure[]) => [...fs].map((f) => JSON.stringify(f)).sort();
    expect(sorted(value.figures)).toEqual(sorted(code.figures));
  });

  it("refuses an unknown municipality code with file, line and column, and stores nothing", async () => {
    const path = writeCsv(dir(), "FOLK1A.csv", folk1aLines(["2024K1"], "Code", { extra: ["999;TOT;IALT;2024K1;1234"] }));
    const a = await analyseStatbankFile({ path });
    expect(a.errorCount).toBe(1);
    expect(a.figures).toEqual([]);
    const line = folk1aLines(["2024K1"], "Code").length + 1;
    expect(formatIssue(a.issues[0]!)).toBe(
      `Fejl: FOLK1A.csv, linje ${line}, kolonne 1 (OMRÅDE): Ukendt kommune eller kommunekode "999". Kendte koder er de 98 kommuners (fx 657 for Herning), 000 for hele landet, 081–085 for regionerne og 411 for Christiansø.`,
    );
  });

  it("refuses whole years, empty values, a column too many and a total that is not the sum of its ages", async () => {
    const folder = dir();
    const year = await analyseStatbankFile({ path: writeCsv(folder, "y.csv", ["OMRÅDE;KØN;ALDER;TID;INDHOLD", "657;TOT;IALT;2024;90000"]) });
    expect(year.issues[0]).toMatchObject({ code: "unknown-period", line: 2, column: 4 });
    expect(year.issues[0]!.messageDa).toContain('"2024K1" er folketallet 1. januar 2024');
    const empty = await analyseStatbankFile({ path: writeCsv(folder, "e.csv", ["OMRÅDE;KØN;ALDER;TID;INDHOLD", "657;TOT;IALT;2024K1;"]) });
    expect(empty.issues[0]).toMatchObject({ code: "invalid-count", line: 2, column: 5, columnName: "INDHOLD" });
    const extra = await analyseStatbankFile({ path: writeCsv(folder, "x.csv", ["OMRÅDE;KØN;ALDER;HERKOMST;TID;INDHOLD", "657;TOT;IALT;5;2024K1;1"]) });
    expect(extra.issues[0]).toMatchObject({ code: "unknown-column", line: 1, column: 4 });
    const lines = folk1aLines(["2024K1"], "Code").map((l) => (l.startsWith("657;TOT;IALT;") ? "657;TOT;IALT;2024K1;1" : l));
    const mismatch = await analyseStatbankFile({ path: writeCsv(folder, "m.csv", lines) });
    const herningTotalLine = lines.indexOf("657;TOT;IALT;2024K1;1") + 1;
    expect(mismatch.issues.filter((i) => i.severity === "error").map((i) => [i.code, i.line, i.column])).toEqual([["total-mismatch", herningTotalLine, 5]]);
    expect(mismatch.figures).toEqual([]);
  });
});

describe("Statistikbanken CSV: recipients", () => {
  it("keeps HAND07's suppressed cells as diskretioneret, never 0, and reads each benefit with its label", async () => {
    const path = writeCsv(dir(), "HAND07.csv", hand07Lines("2023K4"));
    expect(await sniffStatbankTable(path)).toBe("HAND07");
    const a = await analyseStatbankFile({ path });
    expect(a.errorCount).toBe(0);
    const laesoe95 = a.figures.find((f) => f.municipalityCode === "0825" && f.measure.kind === "recipients" && f.measure.labelDa.includes("§ 95 i lov"));
    expect(laesoe95?.value).toEqual({ kind: "suppressed" });
    expect(a.suppressedCount).toBe(6);
    const herning97 = a.figures.find((f) => f.municipalityCode === "0657" && f.measure.kind === "recipients" && f.measure.labelDa.startsWith("Ledsageordning"));
    expect(herning97?.value).toEqual({ kind: "value", value: 135 });
    expect(herning97?.period).toEqual({ year: 2023, quarter: 4 });
  });

  it("reads HANDBU01 (codes, yearly, national row 0) and tells HAND06 from HAND07 by the file name", async () => {
    const folder = dir();
    const bu = await analyseStatbankFile({ path: writeCsv(folder, "HANDBU01.csv", handbu01Lines("2023")) });
    expect(bu.errorCount).toBe(0);
    expect(bu.table).toBe("HANDBU01");
    expect(find(bu.figures, null, "110", "2023")).toEqual({ kind: "value", value: 30_000 });
    expect(find(bu.figures, "0825", "110", "2023")).toEqual({ kind: "suppressed" });
    const rate = await analyseStatbankFile({ path: writeCsv(folder, "hand06-2023.csv", ["OMRÅDE;YDELSESTYPE;TID;INDHOLD", "Herning;Ledsageordning (§ 97 i lov om social service);2023K4;1,5"]) });
    expect(rate.table).toBe("HAND06");
    expect(rate.figures[0]!.value).toEqual({ kind: "value", value: 1.5 });
    const notCount = await analyseStatbankFile({ path: writeCsv(folder, "HAND07.csv", ["OMRÅDE;YDELSESTYPE;TID;INDHOLD", "Herning;Ledsageordning (§ 97 i lov om social service);2023K4;1,5"]) });
    expect(notCount.issues[0]).toMatchObject({ code: "invalid-count", messageDa: 'Værdien er ikke et helt tal: "1,5".' });
  });
});
