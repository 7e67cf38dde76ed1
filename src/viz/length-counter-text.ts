import { formatInteger } from "../domain/format-danish-number.js";

/**
 * "123 af 4.000 tegn", and how many are left once the text nears the limit. Shared by the server (the count
 * at page load, visible without JavaScript) and the browser (the count while typing).
 */
export function lengthCounterText(length: number, max: number): string {
  const left = max - length;
  if (left < 0) return `${formatInteger(length)} af ${formatInteger(max)} tegn – ${formatInteger(-left)} for mange`;
  if (left <= nearLimit(max)) return `${formatInteger(length)} af ${formatInteger(max)} tegn – ${formatInteger(left)} tilbage`;
  return `${formatInteger(length)} af ${formatInteger(max)} tegn`;
}

/** Characters left at which the counter starts saying how many remain. */
export function nearLimit(max: number): number {
  return Math.max(50, Math.round(max / 10));
}
