import { chiSquareSurvival } from "./chi-square.js";

/**
 * Over-dispersion of one map, area and year: do the municipalities vary more than binomial chance around
 * the national rate allows? Spiegelhalter, "Funnel plots for comparing institutional performance", Stat Med
 * 2005;24:1185–1202, section 5 (and Spiegelhalter et al., JRSS A 2012;175:1–47, for the screening use):
 *
 * 1. z-scores on the variance-stabilised arcsine scale: z_i = (asin √y_i − asin √p0) / s_i, s_i = 1/(2√n_i),
 *    y_i = r_i/n_i, p0 the national (case-weighted) rate.
 * 2. Winsorised at 10 %: z-scores below the 10th or above the 90th percentile are set to those percentiles
 *    (linear-interpolation percentiles, R's type 7), so that a few real outliers do not inflate φ.
 * 3. φ̂ = (1/I) Σ z_i² over the I municipalities with cases; under no over-dispersion I·φ̂ is roughly χ² with
 *    I − 1 degrees of freedom (one is spent on p0, estimated from the same municipalities).
 * 4. Where that test is significant at 5 %, the additive random-effects τ² (DerSimonian–Laird form, the
 *    paper's eq. for τ̂²): τ̂² = (I·φ̂ − (I − 1)) / (Σ w_i − Σ w_i² / Σ w_i), w_i = 1/s_i², floored at 0.
 *    The limits then come from the beta-binomial with that between-municipality variance (funnel-null-model.ts).
 */
export type OverdispersionMethod = "spiegelhalter-2005-arcsine-winsorised-10pct";

export type Overdispersion = {
  /** φ̂: 1 means binomial variation only. */
  readonly phi: number;
  /** τ̂² on the arcsine scale where the limits are adjusted, else null. */
  readonly tau2: number | null;
  /** P(χ²(I − 1) ≥ I·φ̂). */
  readonly pValue: number;
  /** Are the funnel limits widened for over-dispersion? */
  readonly adjusted: boolean;
  readonly method: OverdispersionMethod;
  /** I: the municipalities with at least one decided case. */
  readonly units: number;
};

export const OVERDISPERSION_METHOD: OverdispersionMethod = "spiegelhalter-2005-arcsine-winsorised-10pct";
export const WINSORISE_FRACTION = 0.1;
export const OVERDISPERSION_SIGNIFICANCE = 0.05;

/** R's type 7 quantile of sorted values. */
function quantileType7(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Fewer units than this and there is nothing to estimate a spread from. */
const MIN_UNITS = 3;

/** φ̂, τ̂² and the test for the municipalities of one selection; null with fewer than three municipalities with cases. */
export function estimateOverdispersion(units: readonly { readonly reversed: number; readonly decided: number }[], target: number): Overdispersion | null {
  const used = units.filter((u) => u.decided > 0);
  if (used.length < MIN_UNITS || !(target > 0 && target < 1)) return null;
  const theta0 = Math.asin(Math.sqrt(target));
  const z = used.map((u) => (Math.asin(Math.sqrt(u.reversed / u.decided)) - theta0) * 2 * Math.sqrt(u.decided));
  const sorted = [...z].sort((a, b) => a - b);
  const low = quantileType7(sorted, WINSORISE_FRACTION);
  const high = quantileType7(sorted, 1 - WINSORISE_FRACTION);
  const winsorised = z.map((v) => Math.min(high, Math.max(low, v)));
  const count = used.length;
  const phi = winsorised.reduce((s, v) => s + v * v, 0) / count;
  const pValue = chiSquareSurvival(count * phi, count - 1);
  const adjusted = pValue < OVERDISPERSION_SIGNIFICANCE;
  const w = used.map((u) => 4 * u.decided);
  const sumW = w.reduce((s, v) => s + v, 0);
  const sumW2 = w.reduce((s, v) => s + v * v, 0);
  const tau2 = Math.max(0, (count * phi - (count - 1)) / (sumW - sumW2 / sumW));
  return { phi, tau2: adjusted && tau2 > 0 ? tau2 : null, pValue, adjusted: adjusted && tau2 > 0, method: OVERDISPERSION_METHOD, units: count };
}
