import { binomialCdf } from "./binomial-distribution.js";

/**
 * What "chance alone" means in the funnel plot: the distribution of a municipality's reversed cases R
 * among n decided cases if it did not differ from the national level.
 *
 * - `binomial`: every municipality has exactly the national rate; R ~ Bin(n, p0). Spiegelhalter,
 *   "Funnel plots for comparing institutional performance", Stat Med 2005;24:1185–1202, appendix A.1.
 * - `beta-binomial`: the additive random-effects model of the same paper (section 5: over-dispersion),
 *   used when the municipalities vary more than binomially (see overdispersion.ts). Spiegelhalter adds a
 *   between-unit variance τ² to the within-unit variance, on a variance-stabilised scale, and draws normal
 *   limits θ0 ± z·√(s² + τ²). Normal limits misbehave for the many municipalities with under 20 cases
 *   (domain.md §5), so the random effect is instead given a beta distribution with mean p0 and the same
 *   variance as τ² implies on the rate scale (delta method: Var(p) = 4·p0·(1 − p0)·τ² for the arcsine
 *   scale). R is then beta-binomial, whose tails are exact at every n, like the binomial's; at τ² = 0 it is
 *   the binomial. Var(R/n) = p0(1 − p0)/n + Var(p)·(n − 1)/n, which is Spiegelhalter's s² + τ² up to (n − 1)/n.
 */
export type FunnelNullModel =
  | { readonly kind: "binomial"; readonly target: number }
  | {
      readonly kind: "beta-binomial";
      readonly target: number;
      /** τ² on the arcsine-square-root scale, as estimated (Spiegelhalter 2005, section 5). */
      readonly tau2: number;
      /** The between-municipality variance of the true rate it implies: 4·p0·(1 − p0)·τ². */
      readonly rateVariance: number;
    };

export function binomialNullModel(target: number): FunnelNullModel {
  return { kind: "binomial", target };
}

/** The beta-binomial null for an arcsine-scale τ² (τ² = 0 gives the binomial). */
export function overdispersedNullModel(target: number, tau2: number): FunnelNullModel {
  if (!(tau2 > 0) || target <= 0 || target >= 1) return binomialNullModel(target);
  // A beta distribution needs Var(p) < p0(1 − p0); τ² ≥ 0,25 would be a spread no real map has.
  const rateVariance = Math.min(4 * target * (1 - target) * tau2, 0.99 * target * (1 - target));
  return { kind: "beta-binomial", target, tau2, rateVariance };
}

/**
 * P(R ≤ k), k = 0…n, under the model. The beta-binomial mass is built by its ratio recursion
 * P(k + 1)/P(k) = (n − k)/(k + 1) · (k + a)/(n − k − 1 + b), in log space so large n cannot underflow.
 */
export function nullCdf(model: FunnelNullModel, n: number): Float64Array {
  if (model.kind === "binomial") return binomialCdf(n, model.target);
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`nullCdf: ugyldigt antal sager (${n})`);
  const p = model.target;
  const size = (p * (1 - p)) / model.rateVariance - 1;
  const a = p * size;
  const b = (1 - p) * size;
  const logMass = new Float64Array(n + 1);
  // P(R = 0) = B(a, n + b) / B(a, b) = ∏_{j<n} (b + j)/(a + b + j).
  let log0 = 0;
  for (let j = 0; j < n; j++) log0 += Math.log((b + j) / (a + b + j));
  logMass[0] = log0;
  for (let k = 0; k < n; k++) logMass[k + 1] = logMass[k]! + Math.log(((n - k) / (k + 1)) * ((k + a) / (n - k - 1 + b)));
  const cdf = new Float64Array(n + 1);
  let sum = 0;
  for (let k = 0; k <= n; k++) {
    sum += Math.exp(logMass[k]!);
    cdf[k] = Math.min(1, sum);
  }
  // Rounding can leave the last value a hair from 1; the whole mass is there by construction.
  cdf[n] = 1;
  return cdf;
}
