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
 * Reads records from text chunks; the separator is detected from the first line unless given. Yields
 * the records in batches of up to BATCH_SIZE, in file order.
 */
export async function* readDelimitedRecords(chunks: AsyncIterable<string>, separator?: Separator): AsyncGenerator<SeparatedRecord[]> {
  let sep: Separator | undefined = separator;
  let carry = "";
  let lineNo = 0;
  // A record with an open quote spans lines: its text so far and the line it started on.
  let pending: { text: string; line: number } | null = null;
  let first = true;
  let batch: SeparatedRecord[] = [];

  function emitLine(line: string, isLast: boolean, lastWithoutNewline: boolean): void {
    lineNo++;
    if (first) {
      first = false;
      if (line.charCodeAt(0) === 0xfeff) line = line.slice(1);
      sep ??= detectSeparator(line);
    }
    const text = pending ? `${pending.text}\n${line}` : line;
    const start = pending ? pending.line : lineNo;
    if (!text.includes('"')) {
      pending = null;
      batch.push({ line: start, fields: text.split(sep!), unterminatedQuote: false, lastWithoutNewline, maybeTruncated: lastWithoutNewline, separator: sep! });
      return;
    }
    const fields = splitSimplyQuoted(text, sep!) ?? splitQuoted(text, sep!);
    if (fields === null) {
      if (isLast) {
        pending = null;
        batch.push({ line: start, fields: splitQuoted(`${text}"`, sep!) ?? [text], unterminatedQuote: true, lastWithoutNewline, maybeTruncated: true, separator: sep! });
      } else pending = { text, line: start };
      return;
    }
    pending = null;
    batch.push({ line: start, fields, unterminatedQuote: false, lastWithoutNewline, maybeTruncated: lastWithoutNewline, separator: sep! });
  }

  for await (const chunk of chunks) {
    const text = carry + chunk;
    let from = 0;
    for (;;) {
      const nl = text.indexOf("\n", from);
      if (nl < 0) break;
      const end = nl > from && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      emitLine(text.slice(from, end), false, false);
      from = nl + 1;
      if (batch.length >= BATCH_SIZE) {
        yield batch;
        batch = [];
      }
    }
    carry = text.slice(from);
    if (batch.length > 0) {
      yield batch;
      batch = [];
    }
  }
  if (carry.length > 0) {
    emitLine(carry.endsWith("\r") ? carry.slice(0, -1) : carry, true, true);
  } else if (pending !== null) {
    const open: { text: string; line: number } = pending;
    batch.push({ line: open.line, fields: splitQuoted(`${open.text}"`, sep ?? ";") ?? [open.text], unterminatedQuote: true, lastWithoutNewline: false, maybeTruncated: true, separator: sep ?? ";" });
  }
  if (batch.length > 0) yield batch;
}
