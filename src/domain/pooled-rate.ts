import { addCounts, ZERO_COUNTS, type OutcomeCounts } from "./outcome.js";
import { computeRateEstimate, type RateEstimate } from "./rate-estimate.js";

/**
 * Several data years taken together: more cases, a narrower interval. Ankestyrelsen warns that a single
 * year's percentage for a small municipality "kan være lidt tilfældig" (domain.md §5); pooling the
 * last three years is the usual answer for small areas. Default three years, ending with `lastYear`.
 */
export const DEFAULT_POOLED_YEARS = 3;

export type PooledEstimate = {
  readonly fromYear: number;
  readonly toYear: number;
  /** The years in the window that had data and so were added. */
  readonly yearsIncluded: readonly number[];
  /** The years in the window without any data: said out loud, never silently dropped. */
  readonly yearsMissing: readonly number[];
  readonly estimate: RateEstimate;
};

export function poolYears(
  lastYear: number,
  countsForYear: (year: number) => OutcomeCounts | "no-data",
  span = DEFAULT_POOLED_YEARS,
): PooledEstimate {
  const yearsIncluded: number[] = [];
  const yearsMissing: number[] = [];
  let sum = ZERO_COUNTS;
  for (let year = lastYear - span + 1; year <= lastYear; year++) {
    const counts = countsForYear(year);
    if (counts === "no-data") yearsMissing.push(year);
    else {
      yearsIncluded.push(year);
      sum = addCounts(sum, counts);
    }
  }
  const estimate: RateEstimate =
    yearsIncluded.length === 0
      ? { kind: "no-data", reason: { code: "years-without-data", fromYear: lastYear - span + 1, toYear: lastYear } }
      : computeRateEstimate(sum);
  return { fromYear: lastYear - span + 1, toYear: lastYear, yearsIncluded, yearsMissing, estimate };
}
