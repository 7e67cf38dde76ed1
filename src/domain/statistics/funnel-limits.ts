import { binomialCdf } from "./binomial-distribution.js";

/**
 * Funnel plot limits for a proportion against a target (the national reversal rate), after
 * Spiegelhalter, "Funnel plots for comparing institutional performance", Statistics in Medicine
 * 24 (2005) 1185–1202.
 *
 * Which formula, and why: the exact binomial limits with Spiegelhalter's interpolation (appendix
 * A.1.1), not the normal approximation p0 ± z·sqrt(p0(1 − p0)/n). Most municipalities have under 20
 * decided cases on a map (domain.md §5); there the normal limits are symmetric where the binomial is
 * skewed and can leave [0, 1], so small municipalities near 0 % or 100 % would be mislabelled.
 *
 * No over-dispersion adjustment (Spiegelhalter 2005 §5.3) is made: the limits assume every
 * municipality has the national rate plus binomial chance only. With real between-municipality
 * variation, more municipalities fall outside than 5 % / 0,2 %; read the verdict as "beyond chance",
 * not as "worse casework".
 */
export type FunnelVerdict = "above99.8" | "above95" | "within" | "below95" | "below99.8";

export const FUNNEL_VERDICTS: readonly FunnelVerdict[] = ["below99.8", "below95", "within", "above95", "above99.8"];

export const FUNNEL_VERDICT_NAMES_DA: Readonly<Record<FunnelVerdict, string>> = {
  "above99.8": "over landsgennemsnittet (uden for 99,8 %-grænsen)",
  above95: "over landsgennemsnittet (uden for 95 %-grænsen)",
  within: "inden for den tilfældige variation omkring landsgennemsnittet",
  below95: "under landsgennemsnittet (uden for 95 %-grænsen)",
  "below99.8": "under landsgennemsnittet (uden for 99,8 %-grænsen)",
};

/** Short labels for tables and legends. */
export const FUNNEL_VERDICT_SHORT_DA: Readonly<Record<FunnelVerdict, string>> = {
  "above99.8": "over (99,8 %)",
  above95: "over (95 %)",
  within: "inden for",
  below95: "under (95 %)",
  "below99.8": "under (99,8 %)",
};

/** The limits at one n, as rates (fractions 0–1), for drawing the funnel. */
export type FunnelLimits = {
  readonly n: number;
  readonly target: number;
  readonly lower998: number;
  readonly lower95: number;
  readonly upper95: number;
  readonly upper998: number;
};

/** Two-sided levels: 95 % → 2,5 % in each tail; 99,8 % → 0,1 % in each tail. */
const TAIL_95 = 0.025;
const TAIL_998 = 0.001;

/**
 * Spiegelhalter's interpolated exact limit for the p-quantile: r_p is the smallest r with
 * P(R ≤ r) ≥ p; α = (P(R ≤ r_p) − p) / (P(R ≤ r_p) − P(R ≤ r_p − 1)); limit = (r_p − α) / n.
 * The interpolation turns the binomial's steps into a smooth curve to draw.
 */
function interpolatedLimit(cdf: Float64Array, n: number, p: number): number {
  let r = 0;
  while (r < n && cdf[r]! < p) r++;
  const atR = cdf[r]!;
  const below = r === 0 ? 0 : cdf[r - 1]!;
  const alpha = atR === below ? 0 : (atR - p) / (atR - below);
  return Math.min(1, Math.max(0, (r - alpha) / n));
}

/** Limits for n decided cases around `target`. n must be positive: with no case there is nothing to compare. */
export function computeFunnelLimits(target: number, n: number): FunnelLimits {
  if (!Number.isInteger(n) || n <= 0) throw new RangeError(`computeFunnelLimits: n skal være et positivt heltal, ikke ${n}`);
  const cdf = binomialCdf(n, target);
  return {
    n,
    target,
    lower998: interpolatedLimit(cdf, n, TAIL_998),
    lower95: interpolatedLimit(cdf, n, TAIL_95),
    upper95: interpolatedLimit(cdf, n, 1 - TAIL_95),
    upper998: interpolatedLimit(cdf, n, 1 - TAIL_998),
  };
}

export type FunnelAssessment = {
  readonly verdict: FunnelVerdict;
  readonly limits: FunnelLimits;
  /** P(R ≥ reversed) and P(R ≤ reversed) under the target rate: the exact one-sided tail probabilities. */
  readonly upperTail: number;
  readonly lowerTail: number;
};

/**
 * The verdict for `reversed` of `decided` against `target`.
 *
 * The verdict uses the exact binomial tail probability (above 95 % when P(R ≥ r) ≤ 2,5 %, and so on),
 * not the interpolated curve: the interpolation can place the limit up to one case inside the
 * observed count, and with 1 of 1 cases that would flag a municipality on a single case. So at very
 * small n a point drawn a hair beyond the smooth curve can still be `within`; the tail test never
 * calls a difference significant more often than its nominal level.
 */
export function assessFunnel(reversed: number, decided: number, target: number): FunnelAssessment {
  if (!Number.isInteger(reversed) || reversed < 0 || reversed > decided) {
    throw new RangeError(`assessFunnel: ugyldige tal (${reversed} af ${decided})`);
  }
  const limits = computeFunnelLimits(target, decided);
  const cdf = binomialCdf(decided, target);
  const lowerTail = cdf[reversed]!;
  const upperTail = reversed === 0 ? 1 : Math.max(0, 1 - cdf[reversed - 1]!);
  let verdict: FunnelVerdict = "within";
  if (upperTail <= TAIL_998) verdict = "above99.8";
  else if (upperTail <= TAIL_95) verdict = "above95";
  else if (lowerTail <= TAIL_998) verdict = "below99.8";
  else if (lowerTail <= TAIL_95) verdict = "below95";
  return { verdict, limits, upperTail, lowerTail };
}
