/**
 * After a context import (issue 18 item 4): which municipalities' cases per 10.000 lie outside a robust
 * range of the others. On the log scale (rates are positive and skewed; a factor 3 is a factor 3 both
 * ways) the range is median ± k·MAD, with MAD scaled by 1,4826 so it estimates the standard deviation
 * for normal data (Rousseeuw & Croux 1993; Leys et al. 2013 recommend k = 3 as "very conservative"; we
 * use k = 3,5, the cut Iglewicz & Hoaglin 1993 give for their modified z-score). A small municipality's rate
 * rests on few cases, so its own sampling noise is added: a Poisson count of n has a log with variance
 * about 1/n (delta method), and z = (log value − median) / √(s² + 1/n) with s = 1,4826·MAD. Læsø with 3
 * cases is then not flagged for chance alone; København with a population 100 times too large still is.
 * A hit is a warning, not an error: the person checks the population and the cases of that municipality.
 */
export type PlausibilityInput = { readonly code: string; readonly value: number; /** Cases behind the value, when known. */ readonly count?: number };

export type PlausibilityFlag = {
  readonly code: string;
  readonly value: number;
  readonly direction: "high" | "low";
  /** Robust z on the log scale: (log value − median) / √((1,4826 · MAD)² + 1/count). */
  readonly robustZ: number;
};

export type PlausibilityResult = {
  readonly median: number;
  /** The range in the figure's own unit: exp(median_log ± k·1,4826·MAD). */
  readonly low: number;
  readonly high: number;
  readonly k: number;
  readonly flags: readonly PlausibilityFlag[];
};

function median(sorted: readonly number[]): number {
  const n = sorted.length;
  return n % 2 === 1 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
}

export const PLAUSIBILITY_K = 3.5;

/** Null when fewer than 5 positive values: no range can be called robust then. Zeros are left out (log). */
export function checkPlausibility(values: readonly PlausibilityInput[], k = PLAUSIBILITY_K): PlausibilityResult | null {
  const usable = values.filter((v) => v.value > 0 && Number.isFinite(v.value));
  if (usable.length < 5) return null;
  const logs = usable.map((v) => Math.log(v.value));
  const m = median([...logs].sort((a, b) => a - b));
  const mad = median(logs.map((l) => Math.abs(l - m)).sort((a, b) => a - b)) * 1.4826;
  const flags = usable
    .map((v, i) => ({ code: v.code, value: v.value, robustZ: (logs[i]! - m) / Math.sqrt(mad * mad + (v.count !== undefined && v.count > 0 ? 1 / v.count : 0)) }))
    .filter((f) => Number.isFinite(f.robustZ))
    .filter((f) => Math.abs(f.robustZ) > k)
    .map((f) => ({ ...f, direction: f.robustZ > 0 ? ("high" as const) : ("low" as const) }));
  return { median: Math.exp(m), low: Math.exp(m - k * mad), high: Math.exp(m + k * mad), k, flags };
}
