/**
 * The cumulative binomial distribution P(R ≤ k), k = 0…n, for R ~ Bin(n, p). The funnel limits need
 * exact binomial tails (Spiegelhalter 2005, appendix A.1.1), and n never exceeds a few thousand cases,
 * so one pass over the probability mass function is both exact enough and cheap.
 */
export function binomialCdf(n: number, p: number): Float64Array {
  if (!Number.isInteger(n) || n < 0 || !(p >= 0 && p <= 1)) {
    throw new RangeError(`binomialCdf: ugyldige parametre (n = ${n}, p = ${p})`);
  }
  const cdf = new Float64Array(n + 1);
  if (p === 0 || p === 1) {
    // All mass on 0 (p = 0) or on n (p = 1).
    for (let k = 0; k <= n; k++) cdf[k] = p === 0 || k === n ? 1 : 0;
    return cdf;
  }
  // The mass function in log space: (1 − p)^n underflows for n in the thousands.
  const logOdds = Math.log(p / (1 - p));
  let logMass = n * Math.log1p(-p);
  let sum = 0;
  for (let k = 0; k <= n; k++) {
    if (k > 0) logMass += Math.log((n - k + 1) / k) + logOdds;
    sum += Math.exp(logMass);
    cdf[k] = Math.min(1, sum);
  }
  return cdf;
}
