import { formatInteger } from "../domain/format-danish-number.js";
import { quoteForMessage } from "./quote-for-message.js";

export type ParsedCount = { readonly kind: "count"; readonly value: number } | { readonly kind: "invalid"; readonly reasonDa: string };

/**
 * The most cases one count field may hold: one municipality × subject × period. Ankestyrelsen decides some
 * 40.000 complaint cases a year on all areas together (the whole social area 2024: 6.905 decided), so a
 * single cell above a million is a corrupt or mistyped file, never a real figure. The bound also keeps every
 * sum the system forms (98 municipalities × four quarters × four outcomes) far inside a 32-bit integer, which
 * is what the database stores (complaint_cell.upheld … int). Configurable per import (ImportLimits).
 */
export const DEFAULT_MAX_COUNT = 1_000_000;

const SMALL_COUNTS: readonly ParsedCount[] = Array.from({ length: 4096 }, (_, value) => Object.freeze({ kind: "count" as const, value }));

/** The digits' value exactly, or the bound's message: digits are never turned into a float first. */
function boundedCount(digits: string, shown: string, max: number): ParsedCount {
  const significant = digits.replace(/^0+(?=\d)/, "");
  // More digits than the bound has cannot be below it; Number() is exact up to 2^53, far above any bound.
  if (significant.length > String(max).length || Number(significant) > max) {
    return { kind: "invalid", reasonDa: `Antallet ${clipForMessage(shown)} er større end grænsen på ${formatInteger(max)} sager i én celle (kommune × sagsemne × periode); så mange sager afgør Ankestyrelsen ikke. Filen er formentlig beskadiget` };
  }
  const value = Number(significant);
  return value < SMALL_COUNTS.length ? SMALL_COUNTS[value]! : { kind: "count", value };
}

/** A field quoted in a message: at most 40 characters, so a 50 MB field never becomes a 50 MB message. */
const clipForMessage = (text: string) => quoteForMessage(text, 40);

/**
 * A case count: a non-negative integer, optionally with Danish thousands dots ("1.234") or as Excel
 * writes a whole number ("12.0" never appears in the talportal, but XLSX cells may hold 12 as a float).
 * Parsed exactly and refused above `max` (DEFAULT_MAX_COUNT): "99999999999999999999" is an error, not
 * whatever a 32-bit column would wrap it to.
 */
export function parseCount(raw: string, max: number = DEFAULT_MAX_COUNT): ParsedCount {
  // Fast path for plain digits: a million-row file has four to six counts per row, so small counts come
  // from a table of shared results rather than a new object each (the garbage collector notices).
  if (raw.length > 0 && raw.length < 7) {
    let value = 0;
    let i = 0;
    for (; i < raw.length; i++) {
      const d = raw.charCodeAt(i) - 48;
      if (d < 0 || d > 9) break;
      value = value * 10 + d;
    }
    if (i === raw.length && value <= max) return value < SMALL_COUNTS.length ? SMALL_COUNTS[value]! : { kind: "count", value };
  }
  const s = raw.trim();
  if (/^\d+$/.test(s)) return boundedCount(s, s, max);
  if (s === "") return { kind: "invalid", reasonDa: "Antallet mangler (tomt felt)" };
  if (/^\d{1,3}(?:\.\d{3})+$/.test(s)) return boundedCount(s.replace(/\./g, ""), s, max);
  if (/^-\s*\d/.test(s)) return { kind: "invalid", reasonDa: `Antallet er negativt: ${clipForMessage(s)}` };
  if (/^\d+[.,]\d+$/.test(s)) return { kind: "invalid", reasonDa: `Antallet er ikke et helt tal: ${clipForMessage(s)}` };
  return { kind: "invalid", reasonDa: `Antallet er ikke et tal: ${clipForMessage(s)}` };
}

/** A published percentage: "44,2", "44.2", "44,2 %", or empty (no cases). NaN when unreadable. */
export function parsePercent(raw: string): number | null {
  const s = raw.trim().replace(/\s*%$/, "").replace(",", ".");
  if (s === "" || s === "-" || s.toLowerCase() === "na") return null;
  return /^-?\d+(?:\.\d+)?$/.test(s) ? Number(s) : Number.NaN;
}
