import type { NoDataReason } from "./missing-reason.js";
import { decidedOf, reversedOf, type OutcomeCounts } from "./outcome.js";
import { wilsonInterval, type Interval } from "./statistics/wilson-interval.js";

/**
 * A municipality's figures on one map, area and year. Missing is a value with a reason
 * (style.md habit 2): every view handles all three kinds.
 */
export type RateEstimate =
  | {
      readonly kind: "estimate";
      readonly counts: OutcomeCounts;
      readonly decided: number;
      readonly reversed: number;
      /** (changed + remitted) / decided: the omgørelsesprocent as a fraction, unrounded. */
      readonly reversalRate: number;
      readonly changedRate: number;
      readonly remittedRate: number;
      readonly upheldRate: number;
      /** 95 % Wilson interval of reversalRate. */
      readonly ci95: Interval;
    }
  /** Data exists for the year, but Ankestyrelsen decided no case on the map (rejected ones may exist). */
  | { readonly kind: "no-cases"; readonly counts: OutcomeCounts; readonly decided: 0; readonly reversed: 0 }
  /** No dataset covers this year, or the municipality is absent from it; `missingReasonDa` words the reason. */
  | { readonly kind: "no-data"; readonly reason: NoDataReason };

export function computeRateEstimate(counts: OutcomeCounts): RateEstimate {
  const decided = decidedOf(counts);
  if (decided === 0) return { kind: "no-cases", counts, decided: 0, reversed: 0 };
  const reversed = reversedOf(counts);
  return {
    kind: "estimate",
    counts,
    decided,
    reversed,
    reversalRate: reversed / decided,
    changedRate: counts.changed / decided,
    remittedRate: counts.remitted / decided,
    upheldRate: counts.upheld / decided,
    ci95: wilsonInterval(reversed, decided),
  };
}
