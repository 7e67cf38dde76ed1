/**
 * Dates as Danish minutes write them, to ISO: "28. august 2025", "d. 28-08-2025", "30.9.2025",
 * "2025-09-30". A date that does not exist (31-02-2025) is no date. Pure: no clock.
 */
const MONTHS: Readonly<Record<string, number>> = {
  januar: 1, februar: 2, marts: 3, april: 4, maj: 5, juni: 6, juli: 7, august: 8, september: 9, oktober: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, okt: 10, nov: 11, dec: 12,
};

const MONTH_NAMES = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join("|");

/** Matches one date in running text; group names say which form. */
export const DANISH_DATE_PATTERN = new RegExp(
  `(?<d1>\\d{1,2})\\.\\s*(?<month>${MONTH_NAMES})\\.?\\s+(?<y1>\\d{4})` +
    `|(?<d2>\\d{1,2})[-./](?<m2>\\d{1,2})[-./](?<y2>\\d{4})` +
    `|(?<y3>\\d{4})-(?<m3>\\d{2})-(?<d3>\\d{2})`,
  "giu",
);

function iso(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > last) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export type DateMatch = { readonly iso: string; readonly index: number; readonly length: number };

/** Every date in `text`, in order, with where it stands. */
export function findDanishDates(text: string): DateMatch[] {
  const found: DateMatch[] = [];
  for (const m of text.matchAll(DANISH_DATE_PATTERN)) {
    const g = m.groups!;
    const value = g.d1
      ? iso(Number(g.y1), MONTHS[g.month!.toLowerCase()]!, Number(g.d1))
      : g.d2
        ? iso(Number(g.y2), Number(g.m2), Number(g.d2))
        : iso(Number(g.y3), Number(g.m3), Number(g.d3));
    if (value) found.push({ iso: value, index: m.index, length: m[0].length });
  }
  return found;
}

/** The first date in `text`, or null. */
export function parseDanishDate(text: string): string | null {
  return findDanishDates(text)[0]?.iso ?? null;
}
