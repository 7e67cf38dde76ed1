import { CONTROL_CHARACTER_BUT_CR, findControlCharacter, LONE_CR, type ControlCharacterHit } from "./control-characters.js";

/**
 * A streaming reader for `;`- or `,`-separated text with RFC 4180 quoting. It is our own rather than
 * csv-parse because every issue must name the physical line a record starts on, a truncated last line
 * must be told apart from a short line, and a million-row file must parse in a fraction of the time the
 * database takes to store it (bench/import.bench.ts).
 */
export type DelimitedRecord = {
  /** 1-based physical line the record starts on. */
  readonly line: number;
  readonly fields: string[];
  /** True for the last record of a file that ends inside a quoted field. */
  readonly unterminatedQuote: boolean;
  /** True for the last record when the file does not end with a line break. */
  readonly lastWithoutNewline: boolean;
  /** The record may be cut off: the last record without a line break, or one with an open quote. */
  readonly maybeTruncated: boolean;
  /**
   * A quote opened in this line's last field is not closed within MAX_RECORD_LINES lines (or the line cap):
   * a stray quote, not a field with line breaks. The record holds this line alone; the following lines are
   * read as records of their own, so one stray quote neither swallows the file nor costs quadratic time.
   */
  readonly strayQuote: boolean;
  /** The first control character in the record's fields (control-characters.ts), or null. */
  readonly control: ControlCharacterHit | null;
  /** The line's length in characters when it is longer than the line cap (its fields are then empty), else null. */
  readonly tooLong: number | null;
};

export type Separator = ";" | ",";

/** Picks the separator from the header line: the talportal writes `;`, some tools `,`. */
export function detectSeparator(headerLine: string): Separator {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ";") semicolons++;
    else if (!quoted && ch === ",") commas++;
  }
  return commas > semicolons ? "," : ";";
}

/**
 * The common cases in one pass: unquoted fields, and fields wholly wrapped in one pair of quotes with
 * no quote inside (R's write.csv2 quotes every text field). Returns null when the line needs the full
 * parser (doubled quotes, a separator or line break inside quotes, stray quotes).
 */
function splitSimplyQuoted(text: string, separator: string): string[] | null {
  const sepCode = separator.charCodeAt(0);
  const n = text.length;
  const fields: string[] = [];
  let i = 0;
  // The next quote at or after i: found once, not once per unquoted field (that rescans the line's tail).
  let quote = text.indexOf('"');
  for (;;) {
    if (quote === i) {
      const close = text.indexOf('"', i + 1);
      if (close < 0) return null;
      if (close + 1 < n && text.charCodeAt(close + 1) !== sepCode) return null;
      fields.push(text.slice(i + 1, close));
      if (close + 1 >= n) return fields;
      i = close + 2;
      quote = text.indexOf('"', i);
    } else {
      const next = text.indexOf(separator, i);
      const end = next < 0 ? n : next;
      if (quote >= 0 && quote < end) return null;
      fields.push(text.slice(i, end));
      if (next < 0) return fields;
      i = next + 1;
    }
  }
}

/** Splits one record that contains quotes; returns null when a quoted field is still open at the end. */
function splitQuoted(text: string, separator: string): string[] | null {
  const fields: string[] = [];
  let field = "";
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === separator) {
      fields.push(field);
      field = "";
    } else field += ch;
    i++;
  }
  if (quoted) return null;
  fields.push(field);
  return fields;
}

export type SeparatedRecord = DelimitedRecord & { readonly separator: Separator };

/**
 * Records per batch. One await per record would cost more than the parsing; a whole 1 MiB chunk's records
 * (some 13.000) at once would outlive the young generation, and promoting them to the old one made the
 * garbage collector the largest cost of a million-row import (bench/import.bench.ts).
 */
const BATCH_SIZE = 1024;

/**
 * How many physical lines one quoted field may span. Ankestyrelsen's files have no line breaks inside
 * fields at all; ten allows a hand-edited note while a stray quote is told apart after ten lines, not at
 * the end of the file (issue 19: one stray quote in 10.000 rows took 50 s and was called a cut last line).
 */
export const MAX_RECORD_LINES = 10;

/** The default cap on one line (or one record spanning lines), in characters: see ImportLimits. */
export const DEFAULT_MAX_LINE_CHARS = 1 << 20;

export type ReadOptions = { readonly separator?: Separator; readonly maxLineChars?: number };

function countQuotes(text: string): number {
  let n = 0;
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) n++;
  return n;
}

/**
 * Reads records from text chunks; the separator is detected from the first line unless given. Yields
 * the records in batches of up to BATCH_SIZE, in file order. Time is linear in the text: a record spanning
 * lines is closed by counting quotes per line (RFC 4180 quoting keeps the parity), not by re-splitting it,
 * and a line longer than `maxLineChars` is skipped to its end without being held.
 */
export async function* readDelimitedRecords(chunks: AsyncIterable<string>, options: ReadOptions | Separator = {}): AsyncGenerator<SeparatedRecord[]> {
  const opts: ReadOptions = typeof options === "string" ? { separator: options } : options;
  const maxLineChars = opts.maxLineChars ?? DEFAULT_MAX_LINE_CHARS;
  let sep: Separator | undefined = opts.separator;
  let lineNo = 0;
  // A record with an open quote spans lines: its lines so far, the line it started on, and their length.
  let pending: { lines: string[]; start: number; length: number } | null = null;
  let first = true;
  let batch: SeparatedRecord[] = [];
  // Whether the text being read holds a control character at all: one native scan per chunk, so the
  // per-field search runs only in the rare chunk that has one.
  let scanControl = false;

  function push(line: number, fields: string[], flags: { unterminatedQuote?: boolean; lastWithoutNewline?: boolean; maybeTruncated?: boolean; strayQuote?: boolean; tooLong?: number }): void {
    const lastWithoutNewline = flags.lastWithoutNewline ?? false;
    batch.push({
      line,
      fields,
      unterminatedQuote: flags.unterminatedQuote ?? false,
      lastWithoutNewline,
      maybeTruncated: flags.maybeTruncated ?? lastWithoutNewline,
      strayQuote: flags.strayQuote ?? false,
      control: scanControl ? findControlCharacter(fields) : null,
      tooLong: flags.tooLong ?? null,
      separator: sep ?? ";",
    });
  }

  function split(text: string): string[] {
    return splitSimplyQuoted(text, sep!) ?? splitQuoted(text, sep!) ?? splitQuoted(`${text}"`, sep!) ?? [text];
  }

  /** The pending record's first line alone, as a stray quote; its other lines are read again on their own. */
  function flushStray(atEnd: boolean, lastWithoutNewline: boolean): void {
    const p = pending!;
    pending = null;
    const firstLine = p.lines[0]!;
    push(p.start, splitQuoted(`${firstLine}"`, sep!) ?? [firstLine], { strayQuote: true });
    const rest = p.lines.slice(1);
    rest.forEach((text, i) => {
      const last = atEnd && i === rest.length - 1;
      readLine(text, p.start + 1 + i, last, last && lastWithoutNewline);
    });
  }

  function readLine(line: string, number: number, isLast: boolean, lastWithoutNewline: boolean): void {
    if (first) {
      first = false;
      if (line.charCodeAt(0) === 0xfeff) line = line.slice(1);
      sep ??= detectSeparator(line);
    }
    if (pending) {
      pending.lines.push(line);
      pending.length += line.length + 1;
      if (countQuotes(line) % 2 === 1) {
        const p: { lines: string[]; start: number } = pending;
        pending = null;
        push(p.start, split(p.lines.join("\n")), { lastWithoutNewline, maybeTruncated: lastWithoutNewline });
      } else if (pending.lines.length > MAX_RECORD_LINES || pending.length > maxLineChars) flushStray(isLast, lastWithoutNewline);
      return;
    }
    if (!line.includes('"')) {
      push(number, line.split(sep!), { lastWithoutNewline });
      return;
    }
    if (countQuotes(line) % 2 === 0) {
      push(number, split(line), { lastWithoutNewline });
      return;
    }
    if (isLast) push(number, splitQuoted(`${line}"`, sep!) ?? [line], { unterminatedQuote: true, lastWithoutNewline, maybeTruncated: true });
    else pending = { lines: [line], start: number, length: line.length };
  }

  /** The file ended inside a quoted field: a cut last line when it opened there, else a stray quote. */
  function finishPending(lastWithoutNewline: boolean): void {
    while (pending) {
      if (pending.lines.length === 1) {
        const p: { lines: string[]; start: number } = pending;
        pending = null;
        push(p.start, splitQuoted(`${p.lines[0]!}"`, sep ?? ";") ?? [p.lines[0]!], { unterminatedQuote: true, lastWithoutNewline, maybeTruncated: true });
      } else flushStray(true, lastWithoutNewline);
    }
  }

  let carry = "";
  // The line being skipped because it passed the cap: its number and length so far.
  let skipping: { number: number; length: number } | null = null;
  for await (const chunk of chunks) {
    let text: string;
    let from = 0;
    if (skipping) {
      const nl = chunk.indexOf("\n");
      if (nl < 0) {
        skipping.length += chunk.length;
        continue;
      }
      push(skipping.number, [], { tooLong: skipping.length + nl });
      skipping = null;
      text = chunk;
      from = nl + 1;
    } else text = carry + chunk;
    scanControl = CONTROL_CHARACTER_BUT_CR.test(text) || (text.includes("\r", from) && LONE_CR.test(text));
    for (;;) {
      const nl = text.indexOf("\n", from);
      if (nl < 0) break;
      const end = nl > from && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      lineNo++;
      if (end - from > maxLineChars) {
        if (pending) finishPendingBeforeLongLine();
        push(lineNo, [], { tooLong: end - from });
      } else readLine(text.slice(from, end), lineNo, false, false);
      from = nl + 1;
      if (batch.length >= BATCH_SIZE) {
        yield batch;
        batch = [];
      }
    }
    carry = text.slice(from);
    if (carry.length > maxLineChars) {
      lineNo++;
      if (pending) finishPendingBeforeLongLine();
      skipping = { number: lineNo, length: carry.length };
      carry = "";
    }
    if (batch.length > 0) {
      yield batch;
      batch = [];
    }
  }
  if (skipping) push(skipping.number, [], { tooLong: skipping.length, lastWithoutNewline: true });
  else if (carry.length > 0) {
    lineNo++;
    readLine(carry.endsWith("\r") ? carry.slice(0, -1) : carry, lineNo, true, true);
  }
  finishPending(carry.length > 0);
  if (batch.length > 0) yield batch;

  /** A line over the cap ends any record still open before it: that record's quote was stray. */
  function finishPendingBeforeLongLine(): void {
    while (pending) flushStray(false, false);
  }
}
