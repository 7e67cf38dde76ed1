import { Z_95 } from "./normal-quantile.js";

export type Interval = readonly [low: number, high: number];

/**
 * Wilson score interval for a binomial proportion (Wilson 1927; Newcombe 1998, method 3).
 * Chosen over the Wald interval because Wald collapses to [0, 0] or [1, 1] at 0 or n successes
 * and undercovers badly for the small n most municipalities have (domain.md §5).
 */
export function wilsonInterval(successes: number, n: number, z = Z_95): Interval {
  if (!Number.isInteger(successes) || !Number.isInteger(n) || n <= 0 || successes < 0 || successes > n) {
    throw new RangeError(`wilsonInterval: ugyldige tal (${successes} af ${n})`);
  }
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const halfWidth = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // Exact bounds at the edges: floating point would otherwise give -1e-17 or 1.0000000000000002.
  const low = successes === 0 ? 0 : Math.max(0, centre - halfWidth);
  const high = successes === n ? 1 : Math.min(1, centre + halfWidth);
  return [low, high];
}
