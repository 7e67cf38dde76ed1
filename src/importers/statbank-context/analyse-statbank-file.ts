import { basename } from "node:path";
import { stat } from "node:fs/promises";
import type { ContextFigure, ContextPeriod, ContextTableId, PopulationBand } from "../../domain/context/context-figure.js";
import { formatContextPeriod } from "../../domain/context/context-figure.js";
import type { MunicipalityCode } from "../../domain/municipality.js";
import { cprIssuesInRecord } from "../cpr-cells.js";
import { sha256OfFile } from "../file-bytes.js";
import { IssueCollector, type ImportIssue, type IssueCode } from "../import-issue.js";
import { openTextTable } from "../read-text-records.js";
import { EncodingError, looksLikeMojibake, type TextEncoding } from "../text/decode-text-stream.js";
import { detectStatbankTable, type StatbankColumns } from "./statbank-header.js";
import { isStatbankTotal, parseStatbankAge, parseStatbankArea, parseStatbankBenefit, parseStatbankNumber, parseStatbankPeriod, type StatbankNumber } from "./statbank-values.js";

export type StatbankImportOptions = {
  readonly path: string;
  readonly fileName?: string;
  /** Which table the file is, when the header cannot tell (HAND06 or HAND07); the fetcher passes it. */
  readonly table?: ContextTableId;
  readonly issueCap?: number;
};

export type StatbankAnalysis = {
  readonly fileName: string;
  readonly sha256: string;
  readonly encoding: TextEncoding | null;
  readonly table: ContextTableId | null;
  readonly dataRowCount: number;
  readonly figures: ContextFigure[];
  /** Oldest and newest period in the file ("2023K1", "2024K1"); null without figures. */
  readonly periodFrom: string | null;
  readonly periodTo: string | null;
  readonly suppressedCount: number;
  readonly issues: ImportIssue[];
  readonly errorCount: number;
  readonly warningCount: number;
};

type Cell = { readonly value: StatbankNumber & { kind: "value" | "suppressed" }; readonly line: number };
/** The cells of one area × benefit/age × period: the total row, or the parts (KØN, CIVILSTAND) to sum. */
const periodOrder = (a: ContextPeriod, b: ContextPeriod) => a.year - b.year || (a.quarter ?? 0) - (b.quarter ?? 0);

type Part = Cell & { readonly nonTotal: readonly number[] };
type Slot = { total?: Cell; parts: Map<string, Part> };

function sumCells(cells: readonly Cell[]): Cell["value"] {
  let sum = 0;
  for (const p of cells) {
    if (p.value.kind === "suppressed") return { kind: "suppressed" };
    sum += p.value.value;
  }
  return { kind: "value", value: sum };
}

/**
 * The slot's value: the total row; else the parts of ONE dimension with the others at their total (KØN=M
 * and K, CIVILSTAND=TOT); else the fully split rows. Never parts of two dimensions at once (double counting).
 * Suppressed when any summed part is.
 */
function slotValue(slot: Slot, dims: readonly number[]): Cell["value"] | undefined {
  if (slot.total) return slot.total.value;
  const parts = [...slot.parts.values()];
  for (const d of dims) {
    const one = parts.filter((p) => p.nonTotal.length === 1 && p.nonTotal[0] === d);
    if (one.length > 0) return sumCells(one);
  }
  const full = parts.filter((p) => p.nonTotal.length === dims.length);
  return full.length > 0 ? sumCells(full) : undefined;
}

/** Sums single years of age `from`…`to` (inclusive); undefined when any year is missing. */
function sumAges(ages: Map<number, Cell["value"]>, from: number, to: number): Cell["value"] | undefined {
  let sum = 0;
  let suppressed = false;
  for (let a = from; a <= to; a++) {
    const v = ages.get(a);
    if (!v) return undefined;
    if (v.kind === "suppressed") suppressed = true;
    else sum += v.value;
  }
  return suppressed ? { kind: "suppressed" } : { kind: "value", value: sum };
}

/** FOLK1A ends its single years at 125; a file selected to "99" or "100" as its last age is accepted as complete. */
function oldestAge(ages: Map<number, unknown>): number {
  return Math.max(-1, ...ages.keys());
}

/**
 * Reads one Statistikbanken CSV (statbank-header.ts describes the format) into context figures, all or
 * nothing: any error means no figure is returned. Population (FOLK1A) becomes the bands the maps need
 * (total, 0–17, 18–64, 18+) from single years of age; recipient tables (HAND07, HAND06, HANDBU01) one figure
 * per benefit. Unknown municipality codes are errors; regions and Christiansø are skipped with a warning.
 */
export async function analyseStatbankFile(options: StatbankImportOptions): Promise<StatbankAnalysis> {
  const fileName = options.fileName ?? basename(options.path);
  const issues = new IssueCollector(options.issueCap ?? 200);
  const report = (severity: "error" | "warning", code: IssueCode, line: number | null, column: number | null, columns: readonly string[] | null, messageDa: string) =>
    issues.add({ severity, code, messageDa, file: fileName, line, column: column === null ? null : column + 1, ...(column !== null && columns?.[column] ? { columnName: columns[column] } : {}) });
  const result = { fileName, sha256: "", encoding: null as TextEncoding | null, table: null as ContextTableId | null, dataRowCount: 0 };
  const finish = (figures: ContextFigure[] = [], suppressedCount = 0): StatbankAnalysis => {
    const kept = issues.errors > 0 ? [] : figures;
    const periods = [...new Map(kept.map((f) => [formatContextPeriod(f.period), f.period])).values()].sort(periodOrder);
    return {
      ...result,
      figures: kept,
      periodFrom: periods[0] ? formatContextPeriod(periods[0]) : null,
      periodTo: periods.at(-1) ? formatContextPeriod(periods.at(-1)!) : null,
      suppressedCount: issues.errors > 0 ? 0 : suppressedCount,
      issues: issues.list(),
      errorCount: issues.errors,
      warningCount: issues.warnings,
    };
  };
  if ((await stat(options.path)).size === 0) {
    report("error", "empty-file", null, null, null, "Filen er tom.");
    result.sha256 = await sha256OfFile(options.path);
    return finish();
  }

  const table = await openTextTable(options.path);
  result.encoding = table.encoding;
  let columns: StatbankColumns | undefined;
  let headerSeen = false;
  let stopped = false;
  // area|benefit-or-age|period → slot
  const slots = new Map<string, { slot: Slot; code: MunicipalityCode | null; key: string; period: ContextPeriod; labelDa: string }>();
  const skippedAreas = new Map<string, number>();
  try {
    records: for await (const batch of table.records) for (const record of batch) {
      if (record.fields.every((f) => f.trim() === "")) continue;
      const cpr = cprIssuesInRecord(fileName, record.line, record.fields, columns?.names ?? null);
      if (cpr.length > 0) {
        cpr.forEach((i) => issues.add(i));
        if (!headerSeen) {
          stopped = true;
          break records;
        }
        result.dataRowCount++;
        continue;
      }
      if (!headerSeen) {
        headerSeen = true;
        const detected = detectStatbankTable(record.fields, fileName, options.table);
        if (!detected) {
          report("error", "unknown-layout", record.line, null, null,
            `Ukendt format for en tabel fra Danmarks Statistik. Overskriften er "${record.fields.join(";")}". Forventet fx FOLK1A "OMRÅDE;KØN;ALDER;TID;INDHOLD", HAND07 "OMRÅDE;YDELSESTYPE;TID;INDHOLD" eller HANDBU01 "KOMMUNEDK;INDSATSER;KØN;TID;INDHOLD".`);
          stopped = true;
          break records;
        }
        if (detected.kind === "unknown-column") {
          report("error", "unknown-column", record.line, detected.index, record.fields,
            `Kolonnen "${detected.name}" hører ikke til ${detected.table}, som den læses her; den ville blive summeret usynligt. Hent tabellen igen med kun de kendte variable (for ${detected.table} fx ${detected.table === "FOLK1A" ? "OMRÅDE, KØN, ALDER, TID" : "område, ydelse/indsats, TID"}).`);
          stopped = true;
          break records;
        }
        columns = detected.columns;
        result.table = columns.table;
        continue;
      }
      const c = columns!;
      result.dataRowCount++;
      const names = c.names;
      if (record.unterminatedQuote || (record.maybeTruncated && record.fields.length < names.length)) {
        report("error", "truncated-line", record.line, Math.min(record.fields.length, names.length - 1), names, "Sidste linje er afkortet. Filen er formentlig ikke hentet helt; hent den igen.");
        continue;
      }
      if (record.fields.length !== names.length) {
        const at = Math.min(record.fields.length, names.length - 1);
        report("error", "column-count", record.line, at, names, `Linjen har ${record.fields.length} felter, men overskriften har ${names.length}.`);
        continue;
      }
      const text = (i: number) => record.fields[i]!.trim();
      const garbled = [c.area, c.benefit, c.age, ...c.summable].find((i) => i !== undefined && looksLikeMojibake(text(i)));
      if (garbled !== undefined) {
        report("error", "mojibake", record.line, garbled, names, `Teksten "${text(garbled)}" ser ud som UTF-8 læst med forkert tegnsæt (fx "Ã¦" for "æ"). Gem filen igen i ét tegnsæt.`);
        continue;
      }
      let ok = true;
      const area = parseStatbankArea(text(c.area));
      if (area.kind === "unknown") {
        report("error", "unknown-municipality", record.line, c.area, names, `Ukendt kommune eller kommunekode "${text(c.area)}". Kendte koder er de 98 kommuners (fx 657 for Herning), 000 for hele landet, 081–085 for regionerne og 411 for Christiansø.`);
        ok = false;
      }
      const period = parseStatbankPeriod(text(c.period));
      if (!period) {
        report("error", "unknown-period", record.line, c.period, names, `Ukendt periode "${text(c.period)}" (forventet fx "2024K1" eller "2023").`);
        ok = false;
      } else if (c.table === "FOLK1A" && period.quarter === null) {
        report("error", "unknown-period", record.line, c.period, names, `FOLK1A har kvartaler ("${period.year}K1" er folketallet 1. januar ${period.year}), ikke hele år som "${text(c.period)}".`);
        ok = false;
      }
      let subKey: string;
      let labelDa: string;
      if (c.age !== undefined) {
        const age = parseStatbankAge(text(c.age));
        if (age === undefined) {
          report("error", "unknown-column", record.line, c.age, names, `Ukendt alder "${text(c.age)}" (forventet et enkelt alderstrin som "17 år" eller "17", eller "Alder i alt"/"IALT"). Aldersgrupper kan ikke deles i kortenes aldersbånd.`);
          ok = false;
        }
        subKey = String(age);
        labelDa = subKey;
      } else {
        const benefit = parseStatbankBenefit(text(c.benefit!));
        if (!benefit) {
          report("error", "unknown-column", record.line, c.benefit!, names, "Ydelsen/indsatsen mangler (tomt felt).");
          ok = false;
        }
        subKey = benefit?.code ?? "";
        labelDa = benefit?.labelDa ?? "";
      }
      const value = parseStatbankNumber(record.fields[c.value]!, c.table === "HAND06");
      if (value.kind === "invalid") {
        report("error", "invalid-count", record.line, c.value, names, `${value.reasonDa}.`);
        ok = false;
      }
      if (!ok || value.kind === "invalid") continue;
      if (area.kind === "other") {
        skippedAreas.set(area.labelDa, (skippedAreas.get(area.labelDa) ?? 0) + 1);
        continue;
      }
      const code = area.kind === "municipality" ? area.code : null;
      const key = `${code ?? "national"}|${subKey}|${formatContextPeriod(period!)}`;
      let entry = slots.get(key);
      if (!entry) slots.set(key, (entry = { slot: { parts: new Map() }, code, key: subKey, period: period!, labelDa }));
      const allTotal = c.summable.every((i) => isStatbankTotal(text(i)));
      const cell: Cell = { value, line: record.line };
      const partKey = c.summable.map((i) => text(i)).join("|");
      const earlier = allTotal ? entry.slot.total : entry.slot.parts.get(partKey);
      if (earlier) {
        report("error", "duplicate-row", record.line, c.value, names, `Dobbeltrække: samme område, ${c.age !== undefined ? "alder" : "ydelse"} og periode står også i linje ${earlier.line}.`);
        continue;
      }
      if (allTotal) entry.slot.total = cell;
      else entry.slot.parts.set(partKey, { ...cell, nonTotal: c.summable.filter((i) => !isStatbankTotal(text(i))) });
    }
  } catch (error) {
    if (!(error instanceof EncodingError)) throw error;
    report("error", "encoding", error.line, null, null, error.message);
    result.sha256 = await sha256OfFile(options.path);
    return finish();
  }
  result.sha256 = stopped ? await sha256OfFile(options.path) : table.sha256();
  if (!headerSeen) {
    report("error", "empty-file", null, null, null, "Filen indeholder ingen linjer med indhold.");
    return finish();
  }
  if (!columns) return finish();
  if (result.dataRowCount === 0) {
    report("error", "empty-file", null, null, null, "Filen har en overskrift, men ingen datarækker.");
    return finish();
  }
  for (const [label, rows] of skippedAreas) {
    report("warning", "summary-row", null, columns.area, columns.names, `${rows} rækker for "${label}" er ikke en kommune og gemmes ikke.`);
  }
  const figures: ContextFigure[] = [];
  let suppressed = 0;
  const push = (f: ContextFigure) => {
    if (f.value.kind === "suppressed") suppressed++;
    figures.push(f);
  };
  if (columns.table === "FOLK1A") {
    // area|period → ages
    const byPlace = new Map<string, { code: MunicipalityCode | null; period: ContextPeriod; ages: Map<number, Cell["value"]>; total?: Cell["value"]; totalLine?: number }>();
    for (const e of slots.values()) {
      const v = slotValue(e.slot, columns.summable);
      if (!v) continue;
      const placeKey = `${e.code ?? "national"}|${formatContextPeriod(e.period)}`;
      let p = byPlace.get(placeKey);
      if (!p) byPlace.set(placeKey, (p = { code: e.code, period: e.period, ages: new Map() }));
      if (e.key === "total") {
        p.total = v;
        p.totalLine = e.slot.total?.line ?? [...e.slot.parts.values()][0]?.line;
      }
      else p.ages.set(Number(e.key), v);
    }
    for (const p of byPlace.values()) {
      const oldest = oldestAge(p.ages);
      const all = oldest >= 99 ? sumAges(p.ages, 0, oldest) : undefined;
      const bands: [PopulationBand, Cell["value"] | undefined][] = [
        ["total", p.total ?? all],
        ["0-17", sumAges(p.ages, 0, 17)],
        ["18-64", sumAges(p.ages, 18, 64)],
        ["18+", oldest >= 99 ? sumAges(p.ages, 18, oldest) : undefined],
      ];
      if (p.total && all && p.total.kind === "value" && all.kind === "value" && p.total.value !== all.value) {
        report("error", "total-mismatch", p.totalLine ?? null, columns.value, columns.names,
          `${p.code ?? "Hele landet"} ${formatContextPeriod(p.period)}: "Alder i alt" (${p.total.value}) er ikke summen af alderstrinene (${all.value}).`);
      }
      for (const [band, v] of bands) if (v) push({ municipalityCode: p.code, measure: { kind: "population", band }, period: p.period, value: v });
    }
  } else {
    for (const e of slots.values()) {
      const v = slotValue(e.slot, columns.summable);
      if (v) push({ municipalityCode: e.code, measure: { kind: "recipients", code: e.key, labelDa: e.labelDa }, period: e.period, value: v });
    }
  }
  return finish(figures, suppressed);
}
