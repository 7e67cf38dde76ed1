export { createSeededRandom } from "../../domain/statistics/seeded-random.js";

/** A standard normal draw (Box–Muller). */
export function normalDraw(random: () => number): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * Splits `total` into integer parts proportional to `weights` that add up to exactly `total`: each part
 * gets the floor of its share, and the units left over go to parts drawn with probability proportional
 * to their fractional share (Efraimidis–Spirakis keys). Small parts thus get 0 or 1 by chance, as real
 * small municipalities do, and the sum is exact.
 */
export function allocateExactly(total: number, weights: readonly number[], random: () => number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (total === 0 || sum === 0) return weights.map(() => 0);
  const shares = weights.map((w) => (total * w) / sum);
  const parts = shares.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const keyed = shares
    .map((s, i) => ({ i, frac: s - Math.floor(s) }))
    .filter((x) => x.frac > 0)
    .map((x) => ({ i: x.i, key: Math.pow(random(), 1 / x.frac) }))
    .sort((a, b) => b.key - a.key);
  for (const { i } of keyed) {
    if (left === 0) break;
    parts[i]!++;
    left--;
  }
  return parts;
}
