/** A data period as Ankestyrelsen writes it: a whole year or one quarter of a year. */
export type Period = { readonly year: number; readonly quarter: 1 | 2 | 3 | 4 | null };

// Ankestyrelsen's data start in the 2nd quarter of 2013 (domain.md §4); later years are accepted as they come.
const FIRST_YEAR = 2013;
const LAST_YEAR = 2100;

function period(year: number, quarter: number | null): Period | undefined {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) return undefined;
  if (quarter === null) return { year, quarter: null };
  if (quarter < 1 || quarter > 4) return undefined;
  return { year, quarter: quarter as 1 | 2 | 3 | 4 };
}

/**
 * Reads the period forms met in the talportal and the statbank: "2024", "4. kvartal 2019",
 * "2019K4", "2019 K4", "2019Q4", "Q4 2019", "2019-4". Undefined for anything else: callers report it.
 */
export function parsePeriod(text: string): Period | undefined {
  const s = text.trim().toLowerCase();
  let m = /^(\d{4})$/.exec(s);
  if (m) return period(Number(m[1]), null);
  m = /^([1-4])\.?\s*kvartal\s+(\d{4})$/.exec(s);
  if (m) return period(Number(m[2]), Number(m[1]));
  m = /^(\d{4})\s*[-_ ]?\s*[kq]\s*([1-4])$/.exec(s);
  if (m) return period(Number(m[1]), Number(m[2]));
  m = /^[kq]([1-4])\s+(\d{4})$/.exec(s);
  if (m) return period(Number(m[2]), Number(m[1]));
  m = /^(\d{4})-([1-4])$/.exec(s);
  if (m) return period(Number(m[1]), Number(m[2]));
  return undefined;
}

export function formatPeriodDa(p: Period): string {
  return p.quarter === null ? String(p.year) : `${p.quarter}. kvartal ${p.year}`;
}

/**
 * A period after the year the file is imported cannot hold decided cases: a typing error such as 2042
 * for 2024. The import passes its own date in (the core reads no clock); undefined means no check.
 */
export function futurePeriodMessageDa(period: Period, latestYear: number | undefined): string | null {
  if (latestYear === undefined || period.year <= latestYear) return null;
  return `Perioden ${formatPeriodDa(period)} ligger efter indlæsningsåret ${latestYear}; Ankestyrelsen kan ikke have afgjort sager dér. Ret årstallet.`;
}
