/**
 * One rounding rule for every figure we print, download or export: half away from zero on the exact
 * decimal value (34/77 = 44,155… → 44,2; 201/400 = 50,25 → 50,3; −6,25 → −6,3), as the ministry's tables
 * round. Where a figure is a ratio of whole numbers (k of n cases), it is rounded from k and n in integer
 * arithmetic, never from the binary float k/n (0,5025 is 0,50249999… in binary and would give 50,2).
 */

/** round(scale · k / n), half away from zero, exactly; k and n whole numbers, n > 0, |scale·k| < 2^52. */
export function roundRatio(k: number, n: number, scale: number): number {
  if (!Number.isInteger(k) || !Number.isInteger(n) || n <= 0 || !Number.isInteger(scale)) {
    throw new RangeError(`roundRatio: ugyldige tal (${k}/${n}, skala ${scale})`);
  }
  const magnitude = Math.floor((2 * scale * Math.abs(k) + n) / (2 * n));
  return k < 0 ? -magnitude : magnitude;
}

/** k/n as a percentage in tenths (34, 77 → 442). */
export function percentTenthsOf(k: number, n: number): number {
  return roundRatio(k, n, 1000);
}

/** k/n as a whole percentage (58,8 % → 59). */
export function wholePercentOf(k: number, n: number): number {
  return roundRatio(k, n, 100);
}

/**
 * A value that is no ratio of counts (an interval bound, a difference of two rates, a figure per 10.000
 * inhabitants) rounded to `decimals`, half away from zero on its decimal value: the float is first read at
 * 12 significant digits, which recovers the exact decimal of any ratio of counts below a million, so that
 * e.g. 6,25 computed as 6,2499999999 still rounds to 6,3. Returns the rounded value in units of 10^−decimals.
 */
export function roundToUnits(value: number, decimals: number): number {
  const scaled = Number((Math.abs(value) * 10 ** decimals).toPrecision(12));
  const magnitude = Math.floor(scaled + 0.5);
  return value < 0 && magnitude !== 0 ? -magnitude : magnitude;
}

const oneDecimal = new Intl.NumberFormat("da-DK", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const noDecimal = new Intl.NumberFormat("da-DK", { maximumFractionDigits: 0 });

/** Tenths as Danish text with a minus sign, not a hyphen: 442 → "44,2", −63 → "−6,3", 0 → "0,0". */
export function formatTenthsDa(tenths: number): string {
  const text = oneDecimal.format(Math.abs(tenths) / 10);
  return tenths < 0 ? `−${text}` : text;
}

/** Whole units as Danish text: 59 → "59", 1200 → "1.200". */
export function formatUnitsDa(units: number): string {
  const text = noDecimal.format(Math.abs(units));
  return units < 0 ? `−${text}` : text;
}
