import { decidedOf, reversedOf, type OutcomeCounts } from "../domain/outcome.js";
import { formatPercent } from "../domain/format-danish-number.js";
import { checkRecordShape, reportAt, type ImportContext } from "./import-context.js";
import { parseCount, parsePercent } from "./parse-count.js";
import { futurePeriodMessageDa, parsePeriod, type Period } from "./parse-period.js";
import { createUnknownMunicipalityMessages, isSubjectTotal } from "./resolve-place.js";
import type { TableRecord } from "./table-record.js";
import { detachString } from "./text/detach-string.js";
import { looksLikeMojibake } from "./text/decode-text-stream.js";

/** Distinct texts remembered per column kind; beyond it nothing more is cached (bounded memory). */
const MAX_INTERNED = 50_000;

export type PercentKind = "reversal" | "upheld" | "changed" | "remitted";

/** Column positions of a wide layout: one row per place × subject × period, one column per measure. */
export type WideColumns = {
  readonly place: number;
  readonly subject: number;
  readonly law: number | undefined;
  readonly period: number | undefined;
  readonly year: number | undefined;
  readonly quarter: number | undefined;
  readonly upheld: number;
  readonly changed: number;
  readonly remitted: number;
  readonly rejected: number;
  /** realitetsbehandlede sager i alt, when the file has it: cross-checked, never trusted. */
  readonly decided: number | undefined;
  /** all cases including rejected (Antal_sager_ialt), when present: cross-checked. */
  readonly total: number | undefined;
  readonly percents: readonly { readonly index: number; readonly kind: PercentKind }[];
};

const PERCENT_NAMES_DA: Readonly<Record<PercentKind, string>> = {
  reversal: "omgørelsesprocenten",
  upheld: "stadfæstelsesprocenten",
  changed: "ændrings-/ophævelsesprocenten",
  remitted: "hjemvisningsprocenten",
};

function computedPercent(kind: PercentKind, c: OutcomeCounts): number {
  const decided = decidedOf(c);
  const part = kind === "reversal" ? reversedOf(c) : kind === "upheld" ? c.upheld : kind === "changed" ? c.changed : c.remitted;
  return (100 * part) / decided;
}

// Published percentages have one decimal (domain.md §2); allow for rounding of the last digit only.
const PERCENT_TOLERANCE = 0.051;

type PeriodText =
  | { readonly kind: "period"; readonly period: Period; readonly yearText: string; readonly text: string }
  | { readonly kind: "unknown"; readonly text: string }
  | { readonly kind: "future"; readonly messageDa: string }
  | { readonly kind: "empty" };

/** Returns a function that maps one record of a wide layout to an observation, reporting every problem it finds. */
export function createWideRecordMapper(ctx: ImportContext, names: readonly string[], cols: WideColumns): (record: TableRecord) => void {
  const col = (index: number) => ({ index, name: names[index] ?? "" });
  const lawWarned = new Set<string>();
  const unknownMunicipalityMessageDa = createUnknownMunicipalityMessages();
  // One canonical string per distinct cell text, and whether it is mojibake: a million-row file has a
  // few hundred distinct names, so each is trimmed and checked once, and later map lookups reuse its hash.
  const interned = new Map<string, { readonly text: string; readonly garbled: boolean }>();
  // Per distinct subject: whether it is a sum over all subjects (isSubjectTotal is a regular expression).
  const subjectTotals = new Map<string, boolean>();
  // Per distinct period text (a few dozen in a file): parsed once.
  const periods = new Map<string, PeriodText>();

  // The previous row's raw text and entry per column: rows come grouped, so most lookups end here.
  const lastRaw: (string | undefined)[] = [];
  const lastEntry: ({ readonly text: string; readonly garbled: boolean } | undefined)[] = [];

  function textAt(record: TableRecord, index: number): string | undefined {
    const raw = record.fields[index]!;
    let entry = raw === lastRaw[index] ? lastEntry[index] : interned.get(raw);
    if (entry === undefined) {
      const text = detachString(raw.trim());
      entry = { text, garbled: (text.includes("Ã") || text.includes("Â")) && looksLikeMojibake(text) };
      // A hostile file can hold millions of distinct names; past the cap they are trimmed each time instead.
      if (interned.size < MAX_INTERNED) interned.set(detachString(raw), entry);
    }
    lastRaw[index] = raw;
    lastEntry[index] = entry;
    if (entry.garbled) {
      reportAt(ctx, "error", "mojibake", record.line, col(index),
        `Teksten "${entry.text}" ser ud som UTF-8 læst med forkert tegnsæt (fx "Ã¦" for "æ"). Gem filen igen i ét tegnsæt (UTF-8 eller latin1).`);
      return undefined;
    }
    return entry.text;
  }

  function isTotalSubject(subject: string): boolean {
    let total = subjectTotals.get(subject);
    if (total === undefined) {
      total = isSubjectTotal(subject);
      if (subjectTotals.size < MAX_INTERNED) subjectTotals.set(subject, total);
    }
    return total;
  }

  function countAt(record: TableRecord, index: number): number | undefined {
    const parsed = parseCount(record.fields[index]!, ctx.limits.maxCount);
    if (parsed.kind === "count") return parsed.value;
    reportAt(ctx, "error", "invalid-count", record.line, col(index), `${parsed.reasonDa}.`);
    return undefined;
  }

  let lastPeriodRaw: string | undefined;
  let lastPeriod: PeriodText | undefined;

  function periodText(raw: string): PeriodText {
    if (raw === lastPeriodRaw) return lastPeriod!;
    let known = periods.get(raw);
    if (known === undefined) {
      const trimmed = raw.trim();
      const period = trimmed === "" ? undefined : parsePeriod(trimmed);
      const future = period ? futurePeriodMessageDa(period, ctx.latestYear) : null;
      known =
        trimmed === "" ? { kind: "empty" }
        : future !== null ? { kind: "future", messageDa: future }
        : period ? { kind: "period", period, yearText: String(period.year), text: detachString(trimmed) }
        : { kind: "unknown", text: detachString(trimmed) };
      if (periods.size < MAX_INTERNED) periods.set(detachString(raw), known);
    }
    lastPeriodRaw = raw;
    lastPeriod = known;
    return known;
  }

  function periodOf(record: TableRecord): Period | undefined {
    const given = cols.period !== undefined ? periodText(record.fields[cols.period]!) : ({ kind: "empty" } as const);
    if (given.kind === "unknown") {
      reportAt(ctx, "error", "unknown-period", record.line, col(cols.period!), `Ukendt periode "${given.text}" (forventet fx "2024", "4. kvartal 2019" eller "2019K4").`);
      return undefined;
    }
    if (given.kind === "future") {
      reportAt(ctx, "error", "unknown-period", record.line, col(cols.period!), given.messageDa);
      return undefined;
    }
    if (given.kind === "period") {
      if (cols.year !== undefined) {
        const yearText = record.fields[cols.year]!;
        if (yearText !== given.yearText && yearText.trim() !== "" && Number(yearText.trim()) !== given.period.year) {
          reportAt(ctx, "error", "unknown-period", record.line, col(cols.year), `Året "${yearText.trim()}" passer ikke med perioden "${given.text}".`);
          return undefined;
        }
      }
      return given.period;
    }
    if (cols.year !== undefined) {
      const yearText = record.fields[cols.year]!.trim();
      const quarterText = cols.quarter !== undefined ? record.fields[cols.quarter]!.trim() : "";
      const quarter = /^(?:na)?$/i.test(quarterText) ? "" : quarterText.replace(/^[kq]/i, "");
      const period = parsePeriod(quarter ? `${yearText}K${quarter}` : yearText);
      const future = period ? futurePeriodMessageDa(period, ctx.latestYear) : null;
      if (future !== null) {
        reportAt(ctx, "error", "unknown-period", record.line, col(cols.year), future);
        return undefined;
      }
      if (period) return period;
      reportAt(ctx, "error", "unknown-period", record.line, col(cols.year), `Ukendt periode: år "${yearText}", kvartal "${quarterText}".`);
      return undefined;
    }
    reportAt(ctx, "error", "unknown-period", record.line, cols.period !== undefined ? col(cols.period) : null, "Perioden mangler.");
    return undefined;
  }

  function lawOf(record: TableRecord, subject: string): string | undefined {
    if (cols.law !== undefined) return textAt(record, cols.law);
    const law = ctx.lawBySubject?.get(subject);
    if (law !== undefined) return law;
    if (!lawWarned.has(subject)) {
      lawWarned.add(subject);
      reportAt(ctx, "warning", "missing-law", record.line, col(cols.subject),
        `Sagsemnet "${subject}" har ingen Lovgivning (filen har ingen Lovgivning-kolonne${ctx.lawBySubject ? ", og sagsemnefilen nævner det ikke" : "; angiv talportalens sagsemnefil med --subjects"}). Sagerne gemmes, men kan ikke placeres på et kort.`);
    }
    return "";
  }

  return (record) => {
    if (!checkRecordShape(ctx, record, names)) return;
    const placeText = textAt(record, cols.place);
    const subject = textAt(record, cols.subject);
    if (placeText === undefined || subject === undefined) return;
    if (subject === "") {
      reportAt(ctx, "error", "empty-subject", record.line, col(cols.subject), "Sagsemnet er tomt. Hver række skal have Ankestyrelsens sagsemne, ellers kan sagerne ikke placeres på et kort.");
      return;
    }
    const place = ctx.resolvePlace(placeText);
    if (!place) {
      reportAt(ctx, "error", "unknown-municipality", record.line, col(cols.place), () => unknownMunicipalityMessageDa(placeText));
    }
    if (isTotalSubject(subject)) {
      reportAt(ctx, "warning", "summary-row", record.line, col(cols.subject), `Rækken "${subject}" er en sammentælling af alle sagsemner og gemmes ikke (ellers ville sagerne tælle dobbelt).`);
      return;
    }
    const law = lawOf(record, subject);
    const period = periodOf(record);
    const upheld = countAt(record, cols.upheld);
    const changed = countAt(record, cols.changed);
    const remitted = countAt(record, cols.remitted);
    const rejected = countAt(record, cols.rejected);
    const decidedGiven = cols.decided !== undefined ? countAt(record, cols.decided) : undefined;
    const totalGiven = cols.total !== undefined ? countAt(record, cols.total) : undefined;
    if (!place || law === undefined || !period || upheld === undefined || changed === undefined || remitted === undefined || rejected === undefined) return;
    const counts: OutcomeCounts = { upheld, changed, remitted, rejected };
    const decided = decidedOf(counts);
    let consistent = true;
    if (cols.decided !== undefined && decidedGiven !== undefined && decidedGiven !== decided) {
      consistent = false;
      reportAt(ctx, "error", "measures-mismatch", record.line, col(cols.decided),
        `Realitetsbehandlede sager (${decidedGiven}) er ikke stadfæstede + ændrede/ophævede + hjemviste (${upheld} + ${changed} + ${remitted} = ${decided}).`);
    }
    if (cols.total !== undefined && totalGiven !== undefined && totalGiven !== decided + rejected) {
      consistent = false;
      reportAt(ctx, "error", "total-mismatch", record.line, col(cols.total),
        `Sager i alt (${totalGiven}) er ikke realitetsbehandlede + afviste (${decided} + ${rejected} = ${decided + rejected}).`);
    }
    for (const p of cols.percents) {
      const given = parsePercent(record.fields[p.index]!);
      if (given === null) continue;
      if (Number.isNaN(given)) {
        consistent = false;
        reportAt(ctx, "error", "percentage-mismatch", record.line, col(p.index), `Procenten "${record.fields[p.index]!.trim()}" kan ikke læses.`);
      } else if (decided === 0 ? given !== 0 : Math.abs(given - computedPercent(p.kind, counts)) > PERCENT_TOLERANCE) {
        consistent = false;
        const computed = decided === 0 ? "ingen sager" : `${formatPercent(computedPercent(p.kind, counts) / 100)} pct.`;
        reportAt(ctx, "error", "percentage-mismatch", record.line, col(p.index),
          `Filens ${PERCENT_NAMES_DA[p.kind]} (${record.fields[p.index]!.trim()}) passer ikke med antallene (${computed} af ${decided} realitetsbehandlede sager).`);
      }
    }
    if (!consistent) return;
    ctx.emit({ line: record.line, place, subject, law, period, counts });
  };
}
