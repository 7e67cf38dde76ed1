/**
 * The CPR guard's detector: finds what looks like a Danish civil registration number (CPR-nummer) in free
 * text, so no such number is ever stored (issue 12: the knowledge bank will hold notes on citizens' cases,
 * GDPR art. 9). One detector for every door: web forms, API, CLI and imported files.
 *
 * A CPR number is ddmmåå-xxxx: a date of birth and four digits (CPR-loven § 3; cpr.dk). We flag ten digits
 * whose first six form a valid date, written together, with a hyphen or with a space between date and
 * serial. Deliberately NOT checked:
 * - the modulus-11 check digit: since 1 October 2007 numbers are issued that fail it (cpr.dk, "Personnumre
 *   uden kontrolciffer"), so a guard that relied on it would let real numbers through;
 * - the century digit: 29 February is accepted whenever åå is divisible by 4 (2000 was a leap year), so a
 *   guard errs towards refusing.
 * Ten digits inside a longer run of digits are not flagged (an account or EAN number is not a CPR number);
 * letters or punctuation around the number do not protect it ("CPR:0101901234" is flagged). Phone numbers
 * (8 digits) and KLE journal numbers such as `27.69.52-I02-1-25` never have the shape.
 */
export type CprFinding = {
  /** 0-based offset in the text (UTF-16 code units, as JavaScript strings count). */
  readonly offset: number;
  readonly length: number;
  /** 1-based line and character within the line where the number starts, for a person to find it. */
  readonly line: number;
  readonly column: number;
};

// Hyphen-minus, the Unicode hyphens and dashes a word processor substitutes, minus sign; space and no-break space.
const SEPARATOR = "[-\u2010\u2011\u2012\u2013\u2212 \u00a0]";
const CANDIDATE = new RegExp(`(?<!\\d)(\\d{2})(\\d{2})(\\d{2})${SEPARATOR}?\\d{4}(?!\\d)`, "g");

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Whether dd, mm, åå form a date in some century (29 February when åå is divisible by 4, as in 2000). */
export function isCprDate(day: number, month: number, yearOfCentury: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  if (month === 2 && day === 29) return yearOfCentury % 4 === 0;
  return day <= DAYS_IN_MONTH[month - 1]!;
}

export function findCprNumbers(text: string): CprFinding[] {
  const findings: CprFinding[] = [];
  for (const match of text.matchAll(CANDIDATE)) {
    if (!isCprDate(Number(match[1]), Number(match[2]), Number(match[3]))) continue;
    const offset = match.index;
    const before = text.slice(0, offset);
    const lineStart = before.lastIndexOf("\n") + 1;
    findings.push({ offset, length: match[0].length, line: before.split("\n").length, column: offset - lineStart + 1 });
  }
  return findings;
}

export function containsCprNumber(text: string): boolean {
  return findCprNumbers(text).length > 0;
}

/**
 * The Danish refusal a person reads. It names the field and where the number starts, and never repeats
 * the number (the message may be logged or shown on a shared screen).
 */
export function cprRefusalMessageDa(fieldDa: string, finding: CprFinding, multiline: boolean): string {
  const where = multiline ? `linje ${finding.line}, tegn ${finding.column}` : `tegn ${finding.column}`;
  return `Feltet "${fieldDa}" indeholder noget, der ligner et CPR-nummer (${where}). CPR-numre må ikke gemmes her. Fjern nummeret, og prøv igen.`;
}

/** What a door gets back when a text is refused: the field, where, and the Danish message; never the number. */
export type CprRefusal = { readonly fieldDa: string; readonly finding: CprFinding; readonly messageDa: string };

/** Checks one free-text field; null when it holds no CPR number. */
export function checkFreeTextForCpr(fieldDa: string, text: string): CprRefusal | null {
  const finding = findCprNumbers(text)[0];
  if (!finding) return null;
  return { fieldDa, finding, messageDa: cprRefusalMessageDa(fieldDa, finding, text.includes("\n")) };
}
