/**
 * A calendar date written YYYY-MM-DD ("2025-12-31"), the form the law's dates, meetings, notices and
 * deadlines take in the domain. A brand: only `isIsoDate`/`parseIsoDate` (and the functions that compute a
 * date, such as copenhagenDate) make one, so free text cannot pass for a date. Two IsoDates compare
 * correctly as strings, which is why the rules compare them with `<=`.
 */
export type IsoDate = string & { readonly __brand: "IsoDate" };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** YYYY-MM-DD and a day the calendar has (2025-02-29 is not one). */
export function isIsoDate(value: string): value is IsoDate {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/**
 * A date read back from where it was stored as one (a database column, the dated rules in code): checked,
 * else a RangeError naming the value. A person's input is checked with isIsoDate and refused in Danish instead.
 */
export function parseIsoDate(value: string): IsoDate;
/** A nullable column: null (no date) stays null. */
export function parseIsoDate(value: string | null): IsoDate | null;
export function parseIsoDate(value: string | null): IsoDate | null {
  if (value === null) return null;
  if (!isIsoDate(value)) throw new RangeError(`Ugyldig dato (ÅÅÅÅ-MM-DD): ${JSON.stringify(value)}`);
  return value;
}
