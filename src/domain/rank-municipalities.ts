import type { MunicipalityCode } from "./municipality.js";

/**
 * Place among the municipalities that have a rate: 1 is the lowest reversal rate, as on the
 * ministry's map where a low omgørelsesprocent is the favourable end. Ties share the best place and
 * the next place is skipped ("1, 2, 2, 4": standard competition ranking), so two municipalities with
 * 1 of 4 and 2 of 8 have the same place.
 */
export type Rank = {
  readonly position: number;
  /** How many municipalities were ranked (those with at least one decided case). */
  readonly of: number;
  /** How many municipalities share this position, this one included (1 = no tie). */
  readonly tiedWith: number;
};

export type RankInput = { readonly code: MunicipalityCode; readonly reversed: number; readonly decided: number };

/** Compares a/b with c/d exactly by cross-multiplying integers: floats would split equal rates. */
function compareRates(x: RankInput, y: RankInput): number {
  return x.reversed * y.decided - y.reversed * x.decided;
}

export function rankByReversalRate(inputs: readonly RankInput[]): Map<MunicipalityCode, Rank> {
  const ranked = inputs.filter((i) => i.decided > 0).sort(compareRates);
  const result = new Map<MunicipalityCode, Rank>();
  let start = 0;
  while (start < ranked.length) {
    let end = start + 1;
    while (end < ranked.length && compareRates(ranked[start]!, ranked[end]!) === 0) end++;
    for (let i = start; i < end; i++) result.set(ranked[i]!.code, { position: start + 1, of: ranked.length, tiedWith: end - start });
    start = end;
  }
  return result;
}
