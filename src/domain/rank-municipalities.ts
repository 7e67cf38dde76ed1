import type { MunicipalityCode } from "./municipality.js";
import { simulateRankIntervals, type RankInterval } from "./statistics/rank-interval.js";

/**
 * Below this many decided cases a municipality gets no rank: one case moves its rate by 10 points or more
 * and its rank interval spans most of the country (Goldstein & Spiegelhalter 1996).
 */
export const MIN_CASES_FOR_RANK = 10;

/**
 * Place among the municipalities with at least MIN_CASES_FOR_RANK decided cases: 1 is the lowest reversal
 * rate, as on the ministry's map where a low omgørelsesprocent is the favourable end. Never shown bare: with
 * its 95 % interval from rank-interval.ts where that was computed. Ties share the best place and
 * the next place is skipped ("1, 2, 2, 4": standard competition ranking), so two municipalities with
 * 1 of 4 and 2 of 8 have the same place.
 */
export type Rank = {
  readonly position: number;
  /** How many municipalities were ranked (those with at least one decided case). */
  readonly of: number;
  /** How many municipalities share this position, this one included (1 = no tie). */
  readonly tiedWith: number;
  /** 95 % rank interval by simulation (Goldstein & Spiegelhalter 1996); null where not computed. */
  readonly interval95: RankInterval | null;
};

export type RankInput = { readonly code: MunicipalityCode; readonly reversed: number; readonly decided: number };

/** Compares a/b with c/d exactly by cross-multiplying integers: floats would split equal rates. */
function compareRates(x: RankInput, y: RankInput): number {
  return x.reversed * y.decided - y.reversed * x.decided;
}

export function rankByReversalRate(inputs: readonly RankInput[], options: { readonly intervals?: boolean; readonly minCases?: number } = {}): Map<MunicipalityCode, Rank> {
  const ranked = inputs.filter((i) => i.decided >= (options.minCases ?? MIN_CASES_FOR_RANK)).sort(compareRates);
  const intervals = options.intervals ? simulateRankIntervals(ranked) : null;
  const result = new Map<MunicipalityCode, Rank>();
  let start = 0;
  while (start < ranked.length) {
    let end = start + 1;
    while (end < ranked.length && compareRates(ranked[start]!, ranked[end]!) === 0) end++;
    for (let i = start; i < end; i++) result.set(ranked[i]!.code, { position: start + 1, of: ranked.length, tiedWith: end - start, interval95: intervals ? intervals[i]! : null });
    start = end;
  }
  return result;
}
