export type ParsedCount = { readonly kind: "count"; readonly value: number } | { readonly kind: "invalid"; readonly reasonDa: string };

const SMALL_COUNTS: readonly ParsedCount[] = Array.from({ length: 4096 }, (_, value) => Object.freeze({ kind: "count" as const, value }));

/**
 * A case count: a non-negative integer, optionally with Danish thousands dots ("1.234") or as Excel
 * writes a whole number ("12.0" never appears in the talportal, but XLSX cells may hold 12 as a float).
 */
export function parseCount(raw: string): ParsedCount {
  // Fast path for plain digits: a million-row file has four to six counts per row, so small counts come
  // from a table of shared results rather than a new object each (the garbage collector notices).
  if (raw.length > 0 && raw.length < 10) {
    let value = 0;
    let i = 0;
    for (; i < raw.length; i++) {
      const d = raw.charCodeAt(i) - 48;
      if (d < 0 || d > 9) break;
      value = value * 10 + d;
    }
    if (i === raw.length) return value < SMALL_COUNTS.length ? SMALL_COUNTS[value]! : { kind: "count", value };
  }
  const s = raw.trim();
  if (/^\d+$/.test(s)) return { kind: "count", value: Number(s) };
  if (s === "") return { kind: "invalid", reasonDa: "Antallet mangler (tomt felt)" };
  if (/^\d{1,3}(?:\.\d{3})+$/.test(s)) return { kind: "count", value: Number(s.replace(/\./g, "")) };
  if (/^-\s*\d/.test(s)) return { kind: "invalid", reasonDa: `Antallet er negativt: "${raw.trim()}"` };
  if (/^\d+[.,]\d+$/.test(s)) return { kind: "invalid", reasonDa: `Antallet er ikke et helt tal: "${raw.trim()}"` };
  return { kind: "invalid", reasonDa: `Antallet er ikke et tal: "${raw.trim()}"` };
}

/** A published percentage: "44,2", "44.2", "44,2 %", or empty (no cases). NaN when unreadable. */
export function parsePercent(raw: string): number | null {
  const s = raw.trim().replace(/\s*%$/, "").replace(",", ".");
  if (s === "" || s === "-" || s.toLowerCase() === "na") return null;
  return /^-?\d+(?:\.\d+)?$/.test(s) ? Number(s) : Number.NaN;
}
