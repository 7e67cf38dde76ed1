import { describe, expect, it } from "vitest";
import { formatInteger, formatPercent } from "../../src/domain/format-danish-number.js";
import type { MunicipalityFigureRow, NationalFigureRow } from "../../src/domain/map-figures.js";
import { computeRateEstimate } from "../../src/domain/rate-estimate.js";
import { pct, pointsMagnitude, pointsText, rateTableCell, rateWithCases } from "../../src/reports/report-phrases.js";
import { renderTableXlsx } from "../../src/server/routes/page-table-xlsx.js";
import { tileValueDa } from "../../src/viz/choropleth-model.js";
import { buildFigureTableModel, renderTableCsv } from "../../src/viz/figure-table.js";
import { describeFigureRowDa } from "../../src/viz/figure-text.js";
import { asMunicipalityCode } from "../../src/domain/municipality.js";

/**
 * Issue 10, item 6: one rounding rule, half away from zero on the exact decimal, for every output path, over
 * every k/n with n ≤ 500. The oracle is exact rational arithmetic on k and n (BigInt), independent of the code:
 * printed tenths t are right for k/n exactly when 2n·t − n ≤ 2000·k < 2n·t + n.
 */
const N_MAX = 500;

function* allRatios(max = N_MAX): Generator<[number, number]> {
  for (let n = 1; n <= max; n++) for (let k = 0; k <= n; k++) yield [k, n];
}

/**
 * Is `units` (tenths or wholes, by `scale` = 1000 or 100) the half-up rounding of num/den? num may be negative.
 * Exact integer arithmetic: every product here stays far below 2^53 (checked), so plain numbers are exact and
 * the 125.000 ratios need no BigInt allocations.
 */
function isHalfUp(units: number, num: number, den: number, scale: number): boolean {
  const [mag, a] = [Math.abs(units), Math.abs(num)];
  if (num < 0 && units > 0) return false;
  if (num >= 0 && units < 0) return false;
  const [low, exact, high] = [2 * den * mag - den, 2 * scale * a, 2 * den * mag + den];
  if (!Number.isSafeInteger(high) || !Number.isSafeInteger(exact)) throw new Error(`${num}/${den}: too large for exact arithmetic`);
  return low <= exact && exact < high;
}

/** "44,2" / "−6,3" / "1.000" back to tenths (or wholes). */
function parseDa(text: string): number {
  const clean = text.replace(/\./g, "").replace("−", "-").replace(",", ".");
  if (!/^-?\d+(\.\d)?$/.test(clean)) throw new Error(`ikke et dansk tal: "${text}"`);
  return Math.round(Number(clean) * (clean.includes(".") ? 10 : 1));
}

function rowOf(k: number, n: number, i: number): MunicipalityFigureRow {
  return {
    municipalityCode: asMunicipalityCode(String(1000 + (i % 9000)).padStart(4, "0")),
    municipalityName: `Kommune ${k}/${n}`,
    region: "Region",
    estimate: computeRateEstimate({ upheld: n - k, changed: 0, remitted: k, rejected: 0 }),
    funnel: { kind: "not-assessed", reason: { code: "no-decided-cases" } },
    rank: null,
  };
}

const NATIONAL: NationalFigureRow = {
  municipalityCode: null,
  municipalityName: "Hele landet",
  estimate: computeRateEstimate({ upheld: 3803, changed: 491, remitted: 2611, rejected: 0 }),
  publishedNational: { kind: "not-published" },
};

describe("every output path rounds k/n the same way, for all n ≤ 500", () => {
  it("sentences, tooltips, table text and report phrases: one decimal", () => {
    let checked = 0;
    for (const [k, n] of allRatios()) {
      const text = formatPercent(k / n);
      const tenths = parseDa(text);
      if (!isHalfUp(tenths, k, n, 1000)) throw new Error(`${k}/${n} → ${text}`);
      const e = computeRateEstimate({ upheld: n - k, changed: k, remitted: 0, rejected: 0 });
      if (pct(k / n) !== `${text} pct.` || rateTableCell(e) !== `${text} (${formatInteger(n)})` || !rateWithCases(e).startsWith(`${text} pct.`)) {
        throw new Error(`${k}/${n}: ${pct(k / n)} / ${rateTableCell(e)} / ${rateWithCases(e)}`);
      }
      checked++;
    }
    expect(checked).toBe((N_MAX * (N_MAX + 3)) / 2);
  });

  it("map tiles: the whole percent, rounded (58,8 % → 59, never cut to 58)", () => {
    expect(tileValueDa("omgoerelse", { value: 294 / 500, count: 294, base: 500 })).toBe("59");
    for (const [k, n] of allRatios()) {
      const tile = tileValueDa("omgoerelse", { value: k / n, count: k, base: n });
      if (!isHalfUp(parseDa(tile), k, n, 100)) throw new Error(`${k}/${n} → tile ${tile}`);
    }
  });

  it("table model, CSV and the value XLSX gets: the same tenths", () => {
    const ratios = [...allRatios()];
    const rows = ratios.map(([k, n], i) => rowOf(k, n, i));
    const model = buildFigureTableModel({ national: NATIONAL, municipalities: rows }, "test");
    const column = model.columns.findIndex((c) => c.key === "omgjort-pct");
    const csv = renderTableCsv(model).split("\r\n").slice(2); // header, national row
    ratios.forEach(([k, n], i) => {
      const cell = model.rows[i + 1]!.cells[column]!;
      const tenths = parseDa(cell.text);
      if (!isHalfUp(tenths, k, n, 1000)) throw new Error(`${k}/${n} → table ${cell.text}`);
      if (cell.value !== tenths / 10) throw new Error(`${k}/${n} → XLSX value ${cell.value}, page ${cell.text}`);
      if (csv[i]!.split(";")[column] !== cell.text) throw new Error(`${k}/${n} → CSV ${csv[i]!.split(";")[column]}`);
    });
  });

  it("tooltips print the same figure as the table", () => {
    for (const [k, n] of allRatios(120)) {
      const text = describeFigureRowDa(rowOf(k, n, 0), "omgoerelse");
      if (!text.includes(`omgørelsesprocent ${formatPercent(k / n)} pct. (${k} af ${n} realitetsbehandlede sager)`)) throw new Error(text);
    }
  });

  it("XLSX: the value is the page's figure and carries a one-decimal number format (39/100 → 39,0; 201/400 → 50,3)", async () => {
    const { default: ExcelJS } = await import("exceljs");
    const ratios = [[39, 100], [201, 400], [294, 500], [1, 3], [2, 3], ...[...allRatios(40)]] as [number, number][];
    const model = buildFigureTableModel({ national: NATIONAL, municipalities: ratios.map(([k, n], i) => rowOf(k, n, i)) }, "test");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderTableXlsx(model)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Tal")!;
    const column = model.columns.findIndex((c) => c.key === "omgjort-pct") + 1;
    const decidedColumn = model.columns.findIndex((c) => c.key === "afgoerelser") + 1;
    ratios.forEach(([k, n], i) => {
      const cell = sheet.getRow(i + 4).getCell(column); // caption, header, national row
      expect(cell.numFmt, `${k}/${n}`).toBe("0.0");
      expect(cell.value, `${k}/${n}`).toBe(parseDa(formatPercent(k / n)) / 10);
      expect(sheet.getRow(i + 4).getCell(decidedColumn).numFmt).toBe("#,##0");
    });
    expect(sheet.getRow(4).getCell(column).value).toBe(39);
    expect(sheet.getRow(5).getCell(column).value).toBe(50.3);
  });

  it("a change in points reads the same with its sign in a table and in words in a sentence", () => {
    // Every pair k1/n1 − k2/n2 with n ≤ 40: exact difference (k1·n2 − k2·n1)/(n1·n2), in tenths of a point.
    for (let n1 = 1; n1 <= 40; n1++)
      for (let k1 = 0; k1 <= n1; k1++)
        for (let n2 = 1; n2 <= 40; n2 += 3)
          for (let k2 = 0; k2 <= n2; k2++) {
            const points = (k1 / n1 - k2 / n2) * 100;
            const signed = pointsText(points).replace(" procentpoint", "");
            const tenths = parseDa(signed.replace("+", ""));
            if (!isHalfUp(tenths, k1 * n2 - k2 * n1, n1 * n2, 1000)) throw new Error(`${k1}/${n1} − ${k2}/${n2} → ${signed}`);
            if (pointsMagnitude(points) !== `${signed.replace(/^[+−]/, "")} procentpoint`) throw new Error(`${k1}/${n1} − ${k2}/${n2}: ${pointsMagnitude(points)} ≠ ${signed}`);
          }
    expect(pointsText(-6.25)).toBe("−6,3 procentpoint");
    expect(pointsMagnitude(-6.25)).toBe("6,3 procentpoint");
  });
});
