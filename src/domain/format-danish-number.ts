/**
 * Danish number formatting as in the published tables: thousands dot, decimal comma,
 * one decimal for percentages ("6.905", "44,9"). Intl gives exactly this for "da-DK".
 */
const integerFormat = new Intl.NumberFormat("da-DK", { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat("da-DK", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export function formatInteger(n: number): string {
  return integerFormat.format(n);
}

/**
 * A fraction (0–1) as a percentage with one decimal: 34/77 → "44,2". Rounds half away from zero on the
 * exact decimal value, as the ministry's tables do (Intl would round the binary float, e.g. 0.3025 → 30,2).
 */
export function formatPercent(fraction: number): string {
  const tenths = Math.round(Number((fraction * 1000).toPrecision(12)));
  return oneDecimal.format(tenths / 10);
}

export function formatPercentWithUnit(fraction: number): string {
  return `${formatPercent(fraction)} pct.`;
}
