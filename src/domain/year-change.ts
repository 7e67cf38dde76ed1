import type { NotComparableReason } from "./missing-reason.js";
import type { RateEstimate } from "./rate-estimate.js";
import type { Interval } from "./statistics/wilson-interval.js";
import { newcombeDifferenceInterval } from "./statistics/newcombe-difference.js";

/**
 * The change of a reversal rate from one year to the next, with a 95 % interval for the difference
 * (Newcombe 1998, method 10: see newcombe-difference.ts for why). The change counts as beyond chance
 * only when the whole interval lies on one side of zero.
 */
export type YearChange =
  | {
      readonly kind: "change";
      readonly previousYear: number;
      /** reversalRate this year − reversalRate the year before, as a fraction (0,05 = 5 percentage points). */
      readonly difference: number;
      readonly ci95: Interval;
      readonly verdict: YearChangeVerdict;
    }
  | { readonly kind: "not-comparable"; readonly previousYear: number; readonly reason: NotComparableReason };

export type YearChangeVerdict = "increase" | "decrease" | "no-clear-change";

export const YEAR_CHANGE_VERDICT_NAMES_DA: Readonly<Record<YearChangeVerdict, string>> = {
  increase: "steget mere end tilfældig variation kan forklare",
  decrease: "faldet mere end tilfældig variation kan forklare",
  "no-clear-change": "ingen sikker ændring",
};

export function computeYearChange(current: RateEstimate, previous: RateEstimate, previousYear: number): YearChange {
  if (previous.kind === "no-data") return { kind: "not-comparable", previousYear, reason: { code: "year-without-data", year: previousYear } };
  if (previous.kind === "no-cases") return { kind: "not-comparable", previousYear, reason: { code: "no-decided-cases-in-year", year: previousYear } };
  if (current.kind !== "estimate") return { kind: "not-comparable", previousYear, reason: { code: "no-decided-cases-this-year" } };
  const ci95 = newcombeDifferenceInterval(current.reversed, current.decided, previous.reversed, previous.decided);
  const verdict: YearChangeVerdict = ci95[0] > 0 ? "increase" : ci95[1] < 0 ? "decrease" : "no-clear-change";
  return { kind: "change", previousYear, difference: current.reversalRate - previous.reversalRate, ci95, verdict };
}
