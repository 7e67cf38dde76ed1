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
const GROUP = new RegExp(
  String.raw`(jf\.?\s+)?(?:([a-zæøå]+lovens|barnets lovs)\s+)?§§?\s*(${ITEM}(?:\s*(?:,|og|\+)\s*${ITEM})*)`,
  "giu",
);

/**
 * Reads the paragraph references in an Ankestyrelsen subject label (sagsemne), e.g.
 * "Pasningstilbud, hjemmetræning m.m. §§32, 32a, 36, 39-40 + tilbagebet.", "§§ 68 og 76",
 * "§ 90, jf. servicelovens § 84". Numbers not behind a § (such as the "1.9" numbering that
 * starts some labels, or "stk. 2") are not paragraphs and are ignored.
 */
export function parseParagraphReferences(label: string): ParagraphReference[] {
  const refs: ParagraphReference[] = [];
  for (const m of label.matchAll(GROUP)) {
    // A letter directly after a number is a paragraph letter only when it stands alone ("32a", "32 a"),
    // so "§ 96 stk" must not read as 96s: split on separators and keep the items that parse.
    const items = (m[3] ?? "").split(/\s*(?:,|\bog\b|\+)\s*/);
    const spans: ParagraphSpan[] = [];
    for (const item of items) {
      const span = parseItem(item);
      if (span) spans.push(span);
    }
    if (spans.length === 0) continue;
    refs.push({
      law: m[2] ? identifyLaw(m[2].replace(/s$/, "").replace(/lovs$/, "lov")) : undefined,
      crossReference: Boolean(m[1]),
      spans,
      text: m[0].trim(),
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
