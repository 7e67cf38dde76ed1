import { formatTenthsDa, percentTenthsOf, roundToUnits } from "./round-half-up.js";

/**
 * Danish number formatting as in the published tables: thousands dot, decimal comma,
 * one decimal for percentages ("6.905", "44,9"). Rounding: round-half-up.ts, one rule for every output.
 */
const integerFormat = new Intl.NumberFormat("da-DK", { maximumFractionDigits: 0 });

export function formatInteger(n: number): string {
  return integerFormat.format(n);
}

/**
 * A fraction (0–1) as a percentage with one decimal: 34/77 → "44,2". Rounds half away from zero on the
 * exact decimal value (roundToUnits), which for a rate k/n is the same as percentTenthsOf(k, n): a test
 * checks every k/n with n ≤ 500.
 */
export function formatPercent(fraction: number): string {
  return formatTenthsDa(roundToUnits(fraction * 100, 1));
}

/** k of n as a percentage with one decimal, rounded from the counts. */
export function formatPercentOf(k: number, n: number): string {
  return formatTenthsDa(percentTenthsOf(k, n));
}

/** Any value with one decimal, same rule: "3,6", "0,1". */
export function formatOneDecimal(value: number): string {
  return formatTenthsDa(roundToUnits(value, 1));
}

export function formatPercentWithUnit(fraction: number): string {
  return `${formatPercent(fraction)} pct.`;
}
