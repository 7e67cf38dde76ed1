import { assertNever } from "../domain/assert-never.js";
import { formatInteger, formatPercent } from "../domain/format-danish-number.js";
import { missingReasonDa } from "../domain/missing-reason-da.js";
import type { RateEstimate } from "../domain/rate-estimate.js";
import type { Interval } from "../domain/statistics/wilson-interval.js";
import { formatTenthsDa, roundToUnits } from "../domain/round-half-up.js";

/**
 * The small phrases the text is built from, so every rate in the item reads the same way:
 * "44,2 pct.", "34 af 77 afgørelser", "95 %-usikkerhedsinterval: 33,6–55,3 pct.".
 */
export function pct(fraction: number): string {
  return `${formatPercent(fraction)} pct.`;
}

/** A table cell: "44,2 (77)" – the rate with its number of decided cases; "– (0)" without cases, "–" without data. */
export function rateTableCell(e: RateEstimate): string {
  switch (e.kind) {
    case "estimate":
      return `${formatPercent(e.reversalRate)} (${formatInteger(e.decided)})`;
    case "no-cases":
      return "– (0)";
    case "no-data":
      return "–";
    default:
      return assertNever(e);
  }
}

export function intervalText(ci: Interval): string {
  return `95 %-usikkerhedsinterval: ${formatPercent(ci[0])}–${formatPercent(ci[1])} pct.`;
}

/** "1 afgørelse", "77 afgørelser". */
export function decisions(n: number): string {
  return `${formatInteger(n)} ${n === 1 ? "afgørelse" : "afgørelser"}`;
}

/**
 * Below this many decided cases a one-year rate moves by several points with a single case; the text
 * then says so in plain words. 20 follows domain.md §5 ("under 20 decided cases a year").
 */
export const FEW_CASES = 20;

/** "44,2 pct. (34 af 77 afgørelser)" or the reason there is no rate: a rate is never shown without its cases. */
export function rateWithCases(e: RateEstimate): string {
  switch (e.kind) {
    case "estimate":
      return `${pct(e.reversalRate)} (${formatInteger(e.reversed)} af ${decisions(e.decided)})`;
    case "no-cases":
      return "ingen realitetsbehandlede sager";
    case "no-data":
      return `ingen data (${missingReasonDa(e.reason)})`;
    default:
      return assertNever(e);
  }
}

/**
 * Percentage points with sign and decimal comma: "+5,6 procentpoint", "−1,4 procentpoint". Rounded by the one
 * rule (half away from zero, round-half-up.ts), so "−6,3" in a table and "faldet med 6,3" in a sentence agree.
 */
export function pointsText(points: number): string {
  const tenths = roundToUnits(points, 1);
  if (tenths === 0) return "0,0 procentpoint";
  return `${tenths > 0 ? "+" : ""}${formatTenthsDa(tenths)} procentpoint`;
}

/** "5,6 procentpoint" without sign, for sentences that say "steget"/"faldet" in words: the same rounding as pointsText. */
export function pointsMagnitude(points: number): string {
  return `${formatTenthsDa(Math.abs(roundToUnits(points, 1)))} procentpoint`;
}

/** The change in tenths of a point as printed: 0 means "stort set uændret". */
export function pointsTenths(points: number): number {
  return roundToUnits(points, 1);
}

/**
 * The ministry that publishes the map. Only the 2025 name is confirmed by the seeds (Herning 2025:
 * "Social- og Boligministeriet"); ministries are renamed often, so earlier years say it neutrally.
 */
export function ministryName(publicationYear: number): string {
  return publicationYear >= 2025 ? "Social- og Boligministeriet" : "Ministeriet for socialområdet";
}

/** Ends a sentence with a full stop unless it already ends with one ("44,9 pct." must not become "pct.."). */
export function endSentence(text: string): string {
  return text.endsWith(".") ? text : `${text}.`;
}

/** "−11,1 til +18,2 procentpoint": an interval of a change, signs written out. */
export function pointsIntervalText(low: number, high: number): string {
  const signed = (p: number) => pointsText(p).replace(" procentpoint", "");
  return `${signed(low)} til ${signed(high)} procentpoint`;
}

/** Joins "a", "b" and "c" the Danish way. */
export function joinDa(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} og ${items[items.length - 1]}`;
}

/** Capitalises the first letter of a sentence built from parts. */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
