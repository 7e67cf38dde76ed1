/**
 * A cell of a CSV file we write, safe to open in a spreadsheet (OWASP, "CSV Injection"): a cell beginning
 * with "=", "+", "-", "@", a tab or a carriage return is a formula to Excel and LibreOffice, so it gets a
 * leading apostrophe and is quoted. Imported text reaches our CSV files (subject labels in the profile's
 * subject table, issue 19: `=HYPERLINK(…)` passed straight through). A plain number ("-2", "-1.234,5") is
 * left alone: a spreadsheet reads it as the number it is, never as a formula.
 * https://owasp.org/www-community/attacks/CSV_Injection
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[-+]?\d[\d.]*(?:,\d+)?$|^[-+]?\d[\d,]*(?:\.\d+)?$/;

export function neutraliseCsvFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** One CSV field: neutralised, then quoted when it holds the separator, a quote, a line break or was neutralised. */
export function csvCell(text: string, separator: ";" | ","): string {
  const safe = neutraliseCsvFormula(text);
  return safe !== text || safe.includes(separator) || /["\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
