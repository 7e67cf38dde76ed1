import { findDanishDates } from "../../domain/minutes/parse-danish-date.js";
import type { MinutesDocumentKind } from "../../domain/minutes/minutes-item.js";
import type { Line, MinutesText } from "./minutes-text.js";

/**
 * The layout of a minutes document: the meeting's header, its agenda items, and the sections of an item.
 * The forms handled are those of the seeds (Herning's and Ballerup's agenda systems: "Punkt 42: …",
 * "Indstilling", "Beslutning", "Tidligere behandling") and the common variants of other systems
 * ("Pkt. 7 …", "Sag nr. 7: …", "7. …", "Beslutning i Byrådet den 07-10-2025: …", "Økonomiudvalgets
 * beslutning den 30-09-2025"). Not handled yet: items whose heading is split over several lines, and
 * minutes that put the whole meeting in one table.
 */

/** A body's name: "Børne- og Familieudvalget", "Økonomiudvalget", "Byrådet", "Kommunalbestyrelsen", "Ældre- og Seniorrådet". */
export const BODY_NAME = String.raw`(?:[A-ZÆØÅ][a-zæøå]+-(?:\s*,\s*[A-ZÆØÅa-zæøå][a-zæøå]+-)*\s+og\s+[A-ZÆØÅa-zæøå][a-zæøå]*(?:udvalg|råd|bestyrelse)(?:et|en|s|ets|ens)?|[A-ZÆØÅ][a-zæøå]*(?:udvalg|råd|bestyrelse|repræsentation)(?:et|en|s|ets|ens)?)`;

/** "Byrådets" → "Byrådet", "Kommunalbestyrelsens" → "Kommunalbestyrelsen", "Socialudvalgs" → "Socialudvalg". */
export function bodyBaseName(name: string): string {
  return name.replace(/(et|en)s$/, "$1").replace(/(udvalg|råd|bestyrelse|repræsentation)s$/, "$1");
}

export type DocumentHeader = {
  readonly kind: MinutesDocumentKind;
  readonly bodyLine: Line | null;
  readonly body: { readonly name: string; readonly line: Line; readonly at: number } | null;
  readonly date: { readonly iso: string; readonly line: Line; readonly at: number; readonly length: number } | null;
};

const HEADER_SCAN_LINES = 40;

export function findDocumentHeader(doc: MinutesText): DocumentHeader {
  const head = doc.lines.slice(0, HEADER_SCAN_LINES);
  let kind: MinutesDocumentKind = "ukendt";
  let body: DocumentHeader["body"] = null;
  let date: DocumentHeader["date"] = null;
  let bodyLine: Line | null = null;
  for (const line of head) {
    const m = /^(REFERAT|Referat|DAGSORDEN|Dagsorden|Beslutningsprotokol|BESLUTNINGSPROTOKOL)\b[\s:–-]*(.*)$/.exec(line.text);
    if (!m) continue;
    kind = /^dagsorden/i.test(m[1]!) ? "dagsorden" : "referat";
    bodyLine = line;
    const rest = m[2]!;
    const restAt = line.text.length - rest.length;
    const named = new RegExp(`(${BODY_NAME})`).exec(rest);
    if (named) body = { name: bodyBaseName(named[1]!), line, at: restAt + named.index };
    const d = findDanishDates(rest)[0];
    if (d) date = { iso: d.iso, line, at: restAt + d.index, length: d.length };
    break;
  }
  if (!body) {
    for (const line of head) {
      const m = /^(?:Udvalg|Mødeforum|Forum|Organ|Møde)\s*:?\s+(.*)$/.exec(line.text);
      const named = m ? new RegExp(`(${BODY_NAME})`).exec(m[1]!) : null;
      if (named) {
        body = { name: bodyBaseName(named[1]!), line, at: line.text.length - m![1]!.length + named.index };
        break;
      }
    }
  }
  if (!date) {
    for (const line of head) {
      if (!/^(Mødedato|Dato|Tidspunkt|Mødetidspunkt)\b/i.test(line.text)) continue;
      const d = findDanishDates(line.text)[0];
      if (d) {
        date = { iso: d.iso, line, at: d.index, length: d.length };
        break;
      }
    }
  }
  return { kind, bodyLine, body, date };
}

export type AgendaItemBlock = {
  readonly number: string | null;
  readonly numberAt: number;
  readonly title: string;
  readonly titleAt: number;
  readonly headingLine: Line;
  /** Line indexes [from, to) of the item's content, heading excluded. */
  readonly from: number;
  readonly to: number;
};

const PUNKT_HEADING = /^(?:Punkt|Pkt\.?|Sag(?:\s+nr\.?)?|Dagsordenspunkt|Dagsordenpunkt)\s*(?:nr\.?\s*)?(\d{1,3})\s*[:.–-]?\s+(\S.{1,200})$/i;
const NUMBERED_HEADING = /^(\d{1,3})\.\s+([A-ZÆØÅ].{2,160})$/;

/**
 * The agenda items. "Punkt N: …" headings when the document has any; otherwise "N. Titel" lines whose
 * numbers climb by one, so a numbered list inside an item is not read as items.
 */
export function findAgendaItems(doc: MinutesText): AgendaItemBlock[] {
  const heads: { index: number; number: string; numberAt: number; title: string; titleAt: number }[] = [];
  doc.lines.forEach((line, index) => {
    const m = PUNKT_HEADING.exec(line.text);
    // A table of contents line ("Danmarkskortet ….. 12") is no heading.
    if (m && !/\.{3,}\s*\d+$/.test(line.text)) heads.push({ index, number: m[1]!, numberAt: line.text.indexOf(m[1]!), title: m[2]!.trim(), titleAt: line.text.length - m[2]!.length });
  });
  if (heads.length === 0) {
    let expected: number | null = null;
    doc.lines.forEach((line, index) => {
      const m = NUMBERED_HEADING.exec(line.text);
      if (!m || /\.{3,}\s*\d+$/.test(line.text) || /[.,;:]$/.test(line.text)) return;
      const n = Number(m[1]);
      if (expected !== null && n !== expected) return;
      heads.push({ index, number: m[1]!, numberAt: 0, title: m[2]!.trim(), titleAt: line.text.length - m[2]!.length });
      expected = n + 1;
    });
  }
  return heads.map((h, i) => ({
    number: h.number,
    numberAt: h.numberAt,
    title: h.title,
    titleAt: h.titleAt,
    headingLine: doc.lines[h.index]!,
    from: h.index + 1,
    to: heads[i + 1]?.index ?? doc.lines.length,
  }));
}

export type SectionKind = "resume" | "sagsfremstilling" | "indstilling" | "beslutning" | "tidligere-behandling" | "bilag" | "other";

export type Section = {
  readonly kind: SectionKind;
  readonly heading: Line | null;
  /** For a decision section: what the heading says about the body and date ("Beslutning Økonomiudvalget den 30-09-2025"). */
  readonly headingRest: string;
  readonly headingRestAt: number;
  readonly from: number;
  readonly to: number;
};

const SECTION_NAMES: readonly [RegExp, SectionKind][] = [
  [/^(Resume|Resumé|Sammendrag|Kort fortalt)$/i, "resume"],
  [/^(Sagsfremstilling|Sagsbeskrivelse|Baggrund|Indhold|Sagen|Beskrivelse|Vurdering|Administrationens vurdering)$/i, "sagsfremstilling"],
  [/^(Indstilling|Indstillinger|Forslag til beslutning|Forslag|Administrationen indstiller)$/i, "indstilling"],
  [/^(Tidligere behandling|Tidligere beslutninger|Tidligere politisk behandling|Sagens forløb)$/i, "tidligere-behandling"],
  [/^(Bilag|Bilagsliste|Bilag til punktet)$/i, "bilag"],
  [/^(Økonomi|Økonomiske konsekvenser.*|Beslutningen træffes af|Kommunikation|Lovgrundlag|Retsgrundlag|Høring|Yderligere deltagelse.*|Sagsbehandler:.*|Øvrige sagsbehandlere:.*|Afbud.*|Fraværende.*)$/i, "other"],
];

/** "Beslutning", "Beslutning i Byrådet den 07-10-2025: …", "Økonomiudvalgets beslutning den 30-09-2025". */
const DECISION_HEADING = new RegExp(String.raw`^(?:Beslutning(?:er)?|Beslutningsreferat|Afgørelse)(?![a-zæøå])(?!en\b)\s*(.*)$|^(${BODY_NAME})\s+beslutning(?:\s+(.*))?$`, "u");

function sectionOf(line: Line): { kind: SectionKind; rest: string; restAt: number } | null {
  const text = line.text.replace(/:$/, "");
  for (const [re, kind] of SECTION_NAMES) if (re.test(text)) return { kind, rest: "", restAt: text.length };
  if (/^Beslutningen træffes af/i.test(text)) return { kind: "other", rest: "", restAt: text.length };
  const m = DECISION_HEADING.exec(line.text);
  if (!m) return null;
  if (m[2]) return { kind: "beslutning", rest: `${m[2]} ${m[3] ?? ""}`.trim(), restAt: 0 };
  const rest = m[1] ?? "";
  // "Beslutning om at …" in a sentence is no heading: the rest of a heading is empty, names a body or a date,
  // or starts "i"/"fra"/"på" ("Beslutning i Økonomiudvalget").
  if (rest !== "" && !/^[:–-]/.test(rest) && !/^(i|fra|på|for)\s/i.test(rest) && !new RegExp(`^${BODY_NAME}`).test(rest) && findDanishDates(rest).length === 0) return null;
  return { kind: "beslutning", rest, restAt: line.text.length - rest.length };
}

/** The sections of an item; lines before the first heading are a section of kind "sagsfremstilling". */
export function findSections(doc: MinutesText, from: number, to: number): Section[] {
  const sections: Section[] = [];
  let current: { kind: SectionKind; heading: Line | null; rest: string; restAt: number; from: number } = { kind: "sagsfremstilling", heading: null, rest: "", restAt: 0, from };
  for (let i = from; i < to; i++) {
    const line = doc.lines[i]!;
    if (line.text === "" || line.text.length > 200) continue;
    const s = sectionOf(line);
    if (!s) continue;
    sections.push({ kind: current.kind, heading: current.heading, headingRest: current.rest, headingRestAt: current.restAt, from: current.from, to: i });
    current = { kind: s.kind, heading: line, rest: s.rest, restAt: s.restAt, from: i + 1 };
  }
  sections.push({ kind: current.kind, heading: current.heading, headingRest: current.rest, headingRestAt: current.restAt, from: current.from, to });
  return sections.filter((s) => s.heading !== null || s.to > s.from);
}
