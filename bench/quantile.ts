/** The q-quantile of ascending values by nearest rank; NaN for no values. Shared by the latency benches. */
export function nearestRankQuantile(sorted: ArrayLike<number>, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}
