import type { TextSpan } from "../../domain/minutes/minutes-item.js";

/**
 * The document's normalised text as lines and paragraphs that remember where they stand, so every value
 * found can point back at its span. Readers of every form (text, HTML, PDF, DOCX) produce this text; the
 * extraction works on it alone.
 */
export type Line = {
  /** The line without surrounding blanks. */
  readonly text: string;
  /** Offset of `text` in the document. */
  readonly start: number;
  readonly lineNo: number;
};

/** Consecutive non-empty lines joined with single spaces; `pieces` maps its text back to the document. */
export type Paragraph = {
  readonly text: string;
  readonly pieces: readonly { readonly at: number; readonly docStart: number; readonly length: number; readonly lineNo: number }[];
};

export type Sentence = { readonly text: string; readonly paragraph: Paragraph; readonly at: number };

export class MinutesText {
  readonly lines: readonly Line[];
  private readonly lineStarts: number[];

  constructor(readonly text: string) {
    const lines: Line[] = [];
    this.lineStarts = [];
    let offset = 0;
    let lineNo = 1;
    for (const raw of text.split("\n")) {
      this.lineStarts.push(offset);
      const lead = raw.length - raw.trimStart().length;
      lines.push({ text: raw.trim(), start: offset + lead, lineNo });
      offset += raw.length + 1;
      lineNo++;
    }
    this.lines = lines;
  }

  lineNoAt(offset: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  span(start: number, end: number): TextSpan {
    return { start, end, line: this.lineNoAt(start), text: this.text.slice(start, end) };
  }

  lineSpan(line: Line): TextSpan {
    return this.span(line.start, line.start + line.text.length);
  }

  /** Paragraphs of lines [from, to): a blank line ends one. */
  paragraphs(from: number, to: number): Paragraph[] {
    const out: Paragraph[] = [];
    let pieces: { at: number; docStart: number; length: number; lineNo: number }[] = [];
    let text = "";
    const flush = () => {
      if (pieces.length > 0) out.push({ text, pieces });
      pieces = [];
      text = "";
    };
    for (let i = from; i < to; i++) {
      const line = this.lines[i]!;
      if (line.text === "") {
        flush();
        continue;
      }
      if (text !== "") {
        // A word broken at the line's end by a hyphen in a PDF ("omgørelses-\nprocent") stays one word;
        // "Børne- og" keeps its hyphen because a space follows it on the same line.
        if (text.endsWith("-") && /^[a-zæøå]/.test(line.text) && !/\s-$/.test(text)) text = text.slice(0, -1);
        else text += " ";
      }
      pieces.push({ at: text.length, docStart: line.start, length: line.text.length, lineNo: line.lineNo });
      text += line.text;
    }
    flush();
    return out;
  }

  /** The span in the document of `paragraph.text.slice(at, at + length)`. */
  paragraphSpan(paragraph: Paragraph, at: number, length: number): TextSpan {
    const toDoc = (pos: number) => {
      let piece = paragraph.pieces[0]!;
      for (const p of paragraph.pieces) if (p.at <= pos) piece = p;
      return piece.docStart + Math.min(Math.max(pos - piece.at, 0), piece.length);
    };
    // The end is one past the last character, so it is found from that character: an end at the joining
    // space of two lines belongs to the first line.
    const start = toDoc(at);
    return this.span(start, length > 0 ? toDoc(at + length - 1) + 1 : start);
  }
}

/**
 * Danish abbreviations after which a full stop ends no sentence. "d." and "stk." are common in minutes
 * ("d. 28-08-2025", "§ 79 b, stk. 1"); a number followed by a full stop is an ordinal date ("13. august").
 */
const ABBREVIATIONS = new Set(["d", "stk", "nr", "pkt", "jf", "jvf", "bl.a", "f.eks", "fx", "ca", "kl", "mv", "m.m", "inkl", "hhv", "evt", "vedr", "mht", "dvs", "el", "tlf", "ift", "iht", "pga", "ang", "mio", "mia", "kr", "pct", "ll", "osv", "s", "tidl", "gl", "etc", "vha", "herunder"]);

/** Splits a paragraph into sentences at ". ", "! ", "? " (and ": " before a capital), keeping offsets. */
export function splitSentences(paragraph: Paragraph): Sentence[] {
  const out: Sentence[] = [];
  const text = paragraph.text;
  let start = 0;
  const re = /[.!?](?=\s+(?:[A-ZÆØÅ0-9"»(]|$))|[.!?]$/g;
  for (const m of text.matchAll(re)) {
    const end = m.index + 1;
    const before = text.slice(start, m.index);
    const word = /([\p{L}.]+)$/u.exec(before)?.[1]?.toLowerCase() ?? "";
    if (m[0] === "." && (ABBREVIATIONS.has(word) || /\d$/.test(before) && /^\s+[a-zæøå]/.test(text.slice(end)))) continue;
    // "13. august 2025": a number and a full stop before a month is a date, not the end of a sentence.
    if (m[0] === "." && /\d$/.test(before) && /^\s+(januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december)/i.test(text.slice(end))) continue;
    const piece = text.slice(start, end);
    const lead = piece.length - piece.trimStart().length;
    if (piece.trim()) out.push({ text: piece.trim(), paragraph, at: start + lead });
    start = end;
  }
  const rest = text.slice(start);
  if (rest.trim()) out.push({ text: rest.trim(), paragraph, at: start + (rest.length - rest.trimStart().length) });
  return out;
}
