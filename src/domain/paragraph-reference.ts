import { identifyLaw, type LawId } from "./law.js";

/**
 * A span of paragraphs as an interval of ordinals: § 32 → 3200, § 32 a → 3201, §§ 39-40 → [3900, 4000].
 * Letters sort after their number, so a range 39-40 contains § 39 a, as the law's numbering does.
 */
export type ParagraphSpan = { readonly from: number; readonly to: number };

export type ParagraphReference = {
  /** The law named right before the § ("servicelovens § 84"); undefined: the label's own law. */
  readonly law: LawId | undefined;
  /** True for "jf. …" references, which point at another provision rather than the subject itself. */
  readonly crossReference: boolean;
  readonly spans: readonly ParagraphSpan[];
  /** The text the reference was read from, for reports on what matched. */
  readonly text: string;
};

export function paragraphOrdinal(num: number, letter = ""): number {
  return num * 100 + (letter ? letter.toLowerCase().charCodeAt(0) - 96 : 0);
}

/** Parses "32", "32a", "32 a", "39-40", "39–40" into a span; undefined when it is no paragraph. */
function parseItem(item: string): ParagraphSpan | undefined {
  const m = /^(\d+)\s*([a-z])?(?:\s*[-–]\s*(\d+)\s*([a-z])?)?$/i.exec(item.trim());
  if (!m) return undefined;
  const from = paragraphOrdinal(Number(m[1]), m[2] ?? "");
  if (m[3] === undefined) return { from, to: from };
  const to = paragraphOrdinal(Number(m[3]), m[4] ?? "");
  return from <= to ? { from, to } : undefined;
}

// One § or §§ group: an optional law genitive before it, then items joined by "," "og" or "+".
const LETTER = String.raw`(?:\s?[a-z](?![a-zæøå]))?`;
const ITEM = String.raw`\d+${LETTER}(?:\s*[-–]\s*\d+${LETTER})?`;
/** The items after a §, matched where a § stands (sticky): the search never starts anywhere else. */
const ITEMS_AT = new RegExp(String.raw`§§?\s*(${ITEM}(?:\s*(?:,|og|\+)\s*${ITEM})*)`, "iuy");
/** What may stand right before the §: "jf. ", a law's genitive ("servicelovens ", "barnets lovs "). */
const PREFIX_BEFORE = /(jf\.?\s+)?(?:([a-zæøå]+lovens|barnets lovs)\s+)?$/iu;
/** Characters looked at before a §: "jf. " plus the longest law genitive, with room. */
const PREFIX_WINDOW = 64;
const IS_LETTER = /[a-zæøå]/iu;

/** The prefix of the § at `at`, read from a bounded window that starts at a word boundary. */
function prefixBefore(label: string, at: number, floor: number): RegExpExecArray {
  let start = Math.max(floor, at - PREFIX_WINDOW);
  // Never start inside a word: "servicelovens" cut to "vicelovens" would name no law.
  while (start > floor && start > at - 2 * PREFIX_WINDOW && IS_LETTER.test(label[start - 1]!)) start--;
  return PREFIX_BEFORE.exec(label.slice(start, at))!;
}

/**
 * Reads the paragraph references in an Ankestyrelsen subject label (sagsemne), e.g.
 * "Pasningstilbud, hjemmetræning m.m. §§32, 32a, 36, 39-40 + tilbagebet.", "§§ 68 og 76",
 * "§ 90, jf. servicelovens § 84". Numbers not behind a § (such as the "1.9" numbering that
 * starts some labels, or "stk. 2") are not paragraphs and are ignored.
 *
 * Linear in the label's length: matching starts only at a § (found with indexOf), and the law before it is
 * read from a bounded window. One regular expression over the whole label tried every letter as the start
 * of a law's name, and a 160 KB label took 20 s (issue 19).
 */
export function parseParagraphReferences(label: string): ParagraphReference[] {
  const refs: ParagraphReference[] = [];
  // Text before `consumed` belongs to an earlier reference: no prefix reaches back into it.
  let consumed = 0;
  for (let at = label.indexOf("§"); at >= 0; at = label.indexOf("§", at + 1)) {
    ITEMS_AT.lastIndex = at;
    const m = ITEMS_AT.exec(label);
    if (!m) continue;
    const prefix = prefixBefore(label, at, consumed);
    consumed = at + m[0].length;
    // A letter directly after a number is a paragraph letter only when it stands alone ("32a", "32 a"),
    // so "§ 96 stk" must not read as 96s: split on separators and keep the items that parse.
    const items = (m[1] ?? "").split(/\s*(?:,|\bog\b|\+)\s*/);
    const spans: ParagraphSpan[] = [];
    for (const item of items) {
      const span = parseItem(item);
      if (span) spans.push(span);
    }
    at = consumed - 1;
    if (spans.length === 0) continue;
    refs.push({
      law: prefix[2] ? identifyLaw(prefix[2].replace(/s$/, "").replace(/lovs$/, "lov")) : undefined,
      crossReference: Boolean(prefix[1]),
      spans,
      text: `${prefix[0]}${m[0]}`.trim(),
    });
  }
  return refs;
}

export function spansOverlap(a: ParagraphSpan, b: ParagraphSpan): boolean {
  return a.from <= b.to && b.from <= a.to;
}

/** Builds spans from the way rule tables are written: "32", "32a", "39-40". */
export function paragraphSpans(...items: string[]): ParagraphSpan[] {
  return items.map((item) => {
    const span = parseItem(item);
    if (!span) throw new Error(`Ugyldig paragrafangivelse i regeltabel: "${item}"`);
    return span;
  });
}
