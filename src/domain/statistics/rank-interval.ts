/**
 * 95 % intervals for ranks, by simulation: Goldstein & Spiegelhalter, "League tables and their limitations:
 * statistical issues in comparisons of institutional performance", JRSS A 1996;159:385–443. Each
 * municipality's true rate is drawn from its beta posterior under a uniform prior, Beta(r + 1, n − r + 1);
 * the drawn rates are ranked (1 = lowest) in every draw, and the 2,5 % and 97,5 % points of a municipality's
 * ranks over the draws make its interval. Randomness comes in as a seed (style.md: no hidden randomness), so
 * the same figures always give the same intervals.
 */
import { createSeededRandom } from "./seeded-random.js";

export const RANK_DRAWS = 1000;
export const RANK_SEED = 20_240_610;

function standardNormal(u: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}

/** Gamma(shape, 1) by Marsaglia & Tsang (2000); shape ≥ 1 here (r + 1 and n − r + 1). */
function gammaDraw(shape: number, u: () => number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(u);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const w = u();
    if (w < 1 - 0.0331 * x ** 4 || Math.log(w) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

export function betaDraw(a: number, b: number, u: () => number): number {
  const x = gammaDraw(a, u);
  return x / (x + gammaDraw(b, u));
}

export type RankInterval = readonly [low: number, high: number];

/** The 95 % rank interval of each unit (same order as given) among the units given. */
export function simulateRankIntervals(
  units: readonly { readonly reversed: number; readonly decided: number }[],
  options: { readonly draws?: number; readonly seed?: number } = {},
): RankInterval[] {
  const draws = options.draws ?? RANK_DRAWS;
  const u = createSeededRandom(options.seed ?? RANK_SEED);
  const n = units.length;
  const alpha = Float64Array.from(units, (unit) => unit.reversed + 1);
  const beta = Float64Array.from(units, (unit) => unit.decided - unit.reversed + 1);
  // ranks[i * draws + d]: unit i's rank in draw d.
  const ranks = new Int32Array(n * draws);
  const values = new Float64Array(n);
  const sorted = new Float64Array(n);
  for (let d = 0; d < draws; d++) {
    // The draws in unit order, as before: the same seed gives the same intervals.
    for (let i = 0; i < n; i++) values[i] = betaDraw(alpha[i]!, beta[i]!, u);
    // A unit's rank is its place among the sorted values: a native numeric sort and a binary search per
    // unit instead of sorting indices with a comparator (issue 19: the simulation was most of a map
    // answer's CPU). Equal draws from continuous distributions do not occur in practice.
    sorted.set(values);
    sorted.sort();
    for (let i = 0; i < n; i++) ranks[i * draws + d] = lowerBound(sorted, values[i]!) + 1;
  }
  const low = Math.floor(0.025 * (draws - 1));
  const high = Math.ceil(0.975 * (draws - 1));
  return units.map((_, i) => {
    const own = ranks.subarray(i * draws, (i + 1) * draws).sort();
    return [own[low]!, own[high]!] as const;
  });
}

/** The first index in an ascending array whose value is not below `value`. */
function lowerBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
