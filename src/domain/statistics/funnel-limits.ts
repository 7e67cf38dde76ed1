import { binomialNullModel, nullCdf, type FunnelNullModel } from "./funnel-null-model.js";

/**
 * Funnel plot limits and the verdict for a proportion against a target (the national reversal rate),
 * after Spiegelhalter, "Funnel plots for comparing institutional performance", Stat Med 2005;24:1185–1202.
 *
 * One rule decides the verdict and draws the curve, so a point can never sit beyond a curve and be called
 * "inden for", or inside it and be flagged:
 *
 * - The verdict is the exact tail test (appendix A.1): over the 95 % limit when P(R ≥ r) ≤ 2,5 % under the
 *   null model, over the 99,8 % limit when P(R ≥ r) ≤ 0,1 %; likewise below with P(R ≤ r). The test never
 *   flags more often than its nominal level, and never on a single case.
 * - The limit drawn at n is Spiegelhalter's interpolation (appendix A.1.1), applied to the same tail
 *   probabilities the test uses: the point where the tail, drawn as straight lines between whole counts,
 *   crosses 2,5 % (or 0,1 %). A whole count r lies on or beyond that point exactly when the test flags it.
 *   (The paper's interpolation of the lower cumulative distribution gives the same lower limit, but an upper
 *   limit up to one case lower than the tail test: the mismatch this replaces.)
 * - Limits are not clamped to 0–100 %: a lower limit below 0 or an upper limit above 1 means that no outcome
 *   at this n can lie beyond it. Drawings clip them at the plot's edge.
 *
 * The null model is the binomial, or the beta-binomial when the map shows over-dispersion
 * (funnel-null-model.ts, overdispersion.ts).
 */
export type FunnelVerdict = "above99.8" | "above95" | "within" | "below95" | "below99.8" | "too-few-cases";

export const FUNNEL_VERDICTS: readonly FunnelVerdict[] = ["below99.8", "below95", "within", "above95", "above99.8", "too-few-cases"];

/** The level a verdict crossed, or null (within, too few cases). */
export function verdictLevel(verdict: FunnelVerdict): "95" | "99.8" | null {
  return verdict === "above99.8" || verdict === "below99.8" ? "99.8" : verdict === "above95" || verdict === "below95" ? "95" : null;
}

export function verdictDirection(verdict: FunnelVerdict): "above" | "below" | null {
  return verdict === "above99.8" || verdict === "above95" ? "above" : verdict === "below99.8" || verdict === "below95" ? "below" : null;
}

/** The verdict in words, with the level crossed: tooltips, profile pages, screen readers. */
export const FUNNEL_VERDICT_NAMES_DA: Readonly<Record<FunnelVerdict, string>> = {
  "above99.8": "over landsplan (uden for 99,8 %-grænsen)",
  above95: "højere end landsplan (uden for 95 %-grænsen, men inden for 99,8 %-grænsen)",
  within: "inden for 95 %-grænserne omkring landsplan",
  below95: "lavere end landsplan (uden for 95 %-grænsen, men inden for 99,8 %-grænsen)",
  "below99.8": "under landsplan (uden for 99,8 %-grænsen)",
  "too-few-cases": "kan ikke vurderes – for få sager",
};

/** Short labels for tables, legends and the CLI. */
export const FUNNEL_VERDICT_SHORT_DA: Readonly<Record<FunnelVerdict, string>> = {
  "above99.8": "over (uden for 99,8 %)",
  above95: "over (uden for 95 %)",
  within: "inden for grænserne",
  below95: "under (uden for 95 %)",
  "below99.8": "under (uden for 99,8 %)",
  "too-few-cases": "kan ikke vurderes – for få sager",
};

/** The limits at one n, as rates (fractions; see above for values outside 0–1), for drawing the funnel. */
export type FunnelLimits = {
  readonly n: number;
  readonly target: number;
  readonly lower998: number;
  readonly lower95: number;
  readonly upper95: number;
  readonly upper998: number;
};

/** Two-sided levels: 95 % → 2,5 % in each tail; 99,8 % → 0,1 % in each tail. */
export const TAIL_95 = 0.025;
export const TAIL_998 = 0.001;

/** P(R ≥ k) from the cumulative distribution, k = 0…n + 1. */
function upperTailAt(cdf: Float64Array, k: number): number {
  if (k <= 0) return 1;
  if (k >= cdf.length) return 0;
  return Math.max(0, 1 - cdf[k - 1]!);
}

/** P(R ≤ k), k = −1…n. */
function lowerTailAt(cdf: Float64Array, k: number): number {
  if (k < 0) return 0;
  return cdf[Math.min(k, cdf.length - 1)]!;
}

/** The smallest whole count the test flags above (n + 1: none), and where the interpolated tail crosses `tail`. */
function upperCut(cdf: Float64Array, tail: number): { readonly first: number; readonly at: number } {
  const n = cdf.length - 1;
  let k = 1;
  while (k <= n && upperTailAt(cdf, k) > tail) k++;
  const before = upperTailAt(cdf, k - 1);
  const after = upperTailAt(cdf, k);
  return { first: k, at: k - 1 + (before - tail) / (before - after) };
}

/** The largest whole count the test flags below (−1: none), and where the interpolated tail crosses `tail`. */
function lowerCut(cdf: Float64Array, tail: number): { readonly last: number; readonly at: number } {
  const n = cdf.length - 1;
  let k = n - 1;
  while (k >= 0 && lowerTailAt(cdf, k) > tail) k--;
  const here = lowerTailAt(cdf, k);
  const next = lowerTailAt(cdf, k + 1);
  return { last: k, at: k + (tail - here) / (next - here) };
}

function checkN(n: number, who: string): void {
  if (!Number.isInteger(n) || n <= 0) throw new RangeError(`${who}: n skal være et positivt heltal, ikke ${n}`);
}

function asModel(model: FunnelNullModel | number): FunnelNullModel {
  return typeof model === "number" ? binomialNullModel(model) : model;
}

function limitsFromCdf(cdf: Float64Array, n: number, target: number): FunnelLimits {
  return {
    n,
    target,
    lower998: lowerCut(cdf, TAIL_998).at / n,
    lower95: lowerCut(cdf, TAIL_95).at / n,
    upper95: upperCut(cdf, TAIL_95).at / n,
    upper998: upperCut(cdf, TAIL_998).at / n,
  };
}

/** Limits for n decided cases. n must be positive: with no case there is nothing to compare. A number is the binomial target. */
export function computeFunnelLimits(model: FunnelNullModel | number, n: number): FunnelLimits {
  checkN(n, "computeFunnelLimits");
  const m = asModel(model);
  return limitsFromCdf(nullCdf(m, n), n, m.target);
}

/** Can any outcome at this n fall outside the 95 % limits under the model? */
export function canBeFlagged(model: FunnelNullModel | number, n: number): boolean {
  checkN(n, "canBeFlagged");
  const cdf = nullCdf(asModel(model), n);
  return lowerTailAt(cdf, 0) <= TAIL_95 || upperTailAt(cdf, n) <= TAIL_95;
}

export type FunnelAssessment = {
  readonly verdict: FunnelVerdict;
  readonly limits: FunnelLimits;
  /** P(R ≥ reversed) and P(R ≤ reversed) under the null model: the exact one-sided tail probabilities. */
  readonly upperTail: number;
  readonly lowerTail: number;
  /**
   * The probability that this municipality falls outside the 95 % (and the 99,8 %) limits at its n by chance
   * alone, under the null model. Summed over a map it is the number of municipalities expected outside.
   */
  readonly chanceOutside: { readonly p95: number; readonly p998: number };
};

/** The verdict for `reversed` of `decided` under the null model (a number: binomial around that target). */
export function assessFunnel(reversed: number, decided: number, model: FunnelNullModel | number): FunnelAssessment {
  if (!Number.isInteger(reversed) || reversed < 0 || reversed > decided) {
    throw new RangeError(`assessFunnel: ugyldige tal (${reversed} af ${decided})`);
  }
  checkN(decided, "assessFunnel");
  const m = asModel(model);
  const cdf = nullCdf(m, decided);
  const limits = limitsFromCdf(cdf, decided, m.target);
  const lowerTail = lowerTailAt(cdf, reversed);
  const upperTail = upperTailAt(cdf, reversed);
  const [u95, u998, l95, l998] = [upperCut(cdf, TAIL_95), upperCut(cdf, TAIL_998), lowerCut(cdf, TAIL_95), lowerCut(cdf, TAIL_998)];
  const chanceOutside = {
    p95: upperTailAt(cdf, u95.first) + lowerTailAt(cdf, l95.last),
    p998: upperTailAt(cdf, u998.first) + lowerTailAt(cdf, l998.last),
  };
  let verdict: FunnelVerdict = "within";
  if (u95.first > decided && l95.last < 0) verdict = "too-few-cases";
  else if (upperTail <= TAIL_998) verdict = "above99.8";
  else if (upperTail <= TAIL_95) verdict = "above95";
  else if (lowerTail <= TAIL_998) verdict = "below99.8";
  else if (lowerTail <= TAIL_95) verdict = "below95";
  return { verdict, limits, upperTail, lowerTail, chanceOutside };
}
