import type { MapId } from "../../domain/map-definition.js";
import type { DocumentPercent, Found, MinutesFigure } from "../../domain/minutes/minutes-item.js";
import { foldMunicipalityName, resolveMunicipality, type Municipality } from "../../domain/municipality.js";
import type { Section } from "./minutes-structure.js";
import { splitSentences, type Line, type MinutesText } from "./minutes-text.js";

/**
 * The municipality's own figures for the data year that an item quotes, per map: decided cases and the
 * reversal rate. Read from
 * - table rows named after the municipality ("Herning Kommune, i alt  77  44,2  34 …"), whose first two
 *   numbers are the decided cases and the reversal percentage, as in every table of the seeds
 *   (Tabel 1–3: antal afgørelser i alt, omgjorte procent, omgjorte antal, …); a table row wins over a sentence;
 * - sentences ("Ankestyrelsen har truffet 77 afgørelser i 2024. 44,2 % af disse afgørelser er omgjort").
 * The map is the one the sentence names, else the one of the nearest heading or table caption before it
 * ("Børnehandicapområdet", "Tabel 3: … voksenhandicapområdet"), else the general map. Skipped: national
 * figures ("landsplan"), other years ("I 2023 var …"), the children/adults parts of the general map
 * ("børneområdet", "voksenområdet") and differences in percentage points. Not handled yet: tables whose
 * columns are in another order, and tables laid out one cell per line.
 */
const MAP_WORDS: readonly [RegExp, MapId][] = [
  [/børne-?\s?handicapområde/i, "boernehandicapomraadet"],
  [/voksen-?\s?handicapområde/i, "voksenhandicapomraadet"],
  [/socialområde/i, "socialomraadet"],
];

function mapsNamed(text: string): MapId[] {
  return MAP_WORDS.filter(([re]) => re.test(text)).map(([, id]) => id);
}

const NATIONAL = /\b(landsplan|landsgennemsnit\w*|hele landet|landstal\w*|landsniveau|landsplan)\b/i;
const AREA_PART = /\b(børneområdet|voksenområdet|børneområde|voksenområde)\b/i;
const NUMBER = String.raw`\d{1,3}(?:\.\d{3})+|\d+`;
const DECIDED = new RegExp(
  String.raw`(?:truffet|afgjort|behandlet|realitetsbehandlet|været)\s+(?:i alt\s+)?(${NUMBER})\s+(?:[a-zæøå]+\s+)?(?:afgørelser|afgørelse|sager|sag|klagesager|klagesag)\b` +
    String.raw`|(${NUMBER})\s+realitetsbehandlede\s+(?:sager|afgørelser|klagesager)` +
    String.raw`|ud af (?:i alt\s+)?(${NUMBER})\s+(?:realitetsbehandlede\s+)?(?:sager|afgørelser|klagesager)`,
  "i",
);
const PERCENT = /(\d{1,3}(?:,\d)?)\d*\s*(?:%|pct\b\.?|procent\b)(?!\s*-?point)/i;
const ABOUT_REVERSAL = /omgjort|omgjorte|omgør|omgørelse/i;
const YEAR = /\b(20[1-3]\d)\b/g;

export function parseDocumentPercent(text: string): DocumentPercent | null {
  const m = /^(\d{1,3})(?:,(\d))?$/.exec(text.trim());
  if (!m) return null;
  const tenths = Number(m[1]) * 10 + (m[2] ? Number(m[2]) : 0);
  return tenths > 1000 ? null : { tenths, decimals: m[2] ? 1 : 0 };
}

function parseCount(text: string): number | null {
  return /^\d{1,3}(\.\d{3})+$|^\d+$/.test(text) ? Number(text.replace(/\./g, "")) : null;
}

function mentionsOtherMunicipality(text: string, own: Municipality | null): boolean {
  for (const m of text.matchAll(/([A-ZÆØÅ][a-zæøå]+(?:-[A-ZÆØÅ][a-zæøå]+)?)\s+Kommunes?\b/g)) {
    const found = resolveMunicipality(m[1]!);
    if (found && own && found.code !== own.code) return true;
  }
  return false;
}

function otherYearOnly(text: string, dataYear: number): boolean {
  const years = [...text.matchAll(YEAR)].map((m) => Number(m[1]));
  return years.length > 0 && !years.includes(dataYear);
}

type Draft = { decided: Found<number> | null; reversedPercent: Found<DocumentPercent> | null; from: "table" | "text" };

/** Map context per line: headings and table captions that name one map set it. */
function mapContexts(doc: MinutesText, from: number, to: number): Map<number, MapId> {
  const contexts = new Map<number, MapId>();
  let current: MapId = "socialomraadet";
  for (let i = from; i < to; i++) {
    const text = doc.lines[i]!.text;
    const named = mapsNamed(text);
    const isHeading = text.length <= 90 && !/[.:;,]$/.test(text) && !/\t|\s{2,}/.test(text) && tableRow(doc.lines[i]!) === null;
    if (named.length === 1 && (isHeading || /^Tabel\b/i.test(text))) current = named[0]!;
    contexts.set(i, current);
  }
  return contexts;
}

const NUMERIC_CELL = /^(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$|^[-–]$/;

/**
 * A table row as label and numbers: the numbers are the cells at the end of the line. Tabs (text, HTML,
 * DOCX) or spaces (pdftotext -layout, which sometimes leaves one space after a wide label) both separate.
 */
function tableRow(line: Line): { label: string; cells: { text: string; at: number }[] } | null {
  const tokens: { text: string; at: number }[] = [];
  for (const m of line.text.matchAll(/\S+/g)) tokens.push({ text: m[0], at: m.index });
  let i = tokens.length;
  while (i > 0 && NUMERIC_CELL.test(tokens[i - 1]!.text)) i--;
  if (i === 0 || tokens.length - i < 2) return null;
  return { label: tokens.slice(0, i).map((t) => t.text).join(" "), cells: tokens.slice(i) };
}

export function findFigures(doc: MinutesText, sections: readonly Section[], options: { readonly municipality: Municipality | null; readonly dataYear: number | null; readonly from: number; readonly to: number }): MinutesFigure[] {
  const drafts = new Map<MapId, Draft>();
  const contexts = mapContexts(doc, options.from, options.to);
  const own = options.municipality;
  const ownKey = own ? foldMunicipalityName(own.name) : null;

  // Table rows first: they name the municipality and give both figures side by side.
  for (let i = options.from; i < options.to; i++) {
    const line = doc.lines[i]!;
    const row = ownKey ? tableRow(line) : null;
    if (!row || !foldMunicipalityName(row.label).startsWith(ownKey!) || AREA_PART.test(row.label)) continue;
    const [decidedCell, percentCell] = row.cells as [{ text: string; at: number }, { text: string; at: number }];
    const decided = parseCount(decidedCell.text);
    const percent = parseDocumentPercent(percentCell.text);
    if (decided === null || percent === null) continue;
    const map = contexts.get(i)!;
    if (drafts.get(map)?.from === "table") continue;
    drafts.set(map, {
      decided: { value: decided, span: doc.span(line.start + decidedCell.at, line.start + decidedCell.at + decidedCell.text.length) },
      reversedPercent: { value: percent, span: doc.span(line.start + percentCell.at, line.start + percentCell.at + percentCell.text.length) },
      from: "table",
    });
  }

  for (const section of sections) {
    if (section.kind !== "sagsfremstilling" && section.kind !== "resume") continue;
    for (const paragraph of doc.paragraphs(section.from, section.to)) {
      const firstLine = doc.lines.findIndex((l) => l.start === paragraph.pieces[0]!.docStart);
      const paragraphMap = contexts.get(firstLine) ?? "socialomraadet";
      const aboutReversal = ABOUT_REVERSAL.test(paragraph.text);
      for (const sentence of splitSentences(paragraph)) {
        const t = sentence.text;
        if (NATIONAL.test(t) || AREA_PART.test(t) || mentionsOtherMunicipality(t, own)) continue;
        if (options.dataYear !== null && otherYearOnly(t, options.dataYear)) continue;
        const named = mapsNamed(t);
        const map = named.length === 1 ? named[0]! : named.length === 0 ? paragraphMap : null;
        if (!map) continue;
        const draft = drafts.get(map) ?? { decided: null, reversedPercent: null, from: "text" as const };
        if (draft.from === "table") continue;
        const d = DECIDED.exec(t);
        if (d && !draft.decided) {
          const raw = d[1] ?? d[2] ?? d[3]!;
          const at = d.index + d[0].indexOf(raw);
          draft.decided = { value: parseCount(raw)!, span: doc.paragraphSpan(paragraph, sentence.at + at, raw.length) };
        }
        const p = PERCENT.exec(t);
        if (p && !draft.reversedPercent && (ABOUT_REVERSAL.test(t) || aboutReversal)) {
          const value = parseDocumentPercent(p[1]!);
          if (value) draft.reversedPercent = { value, span: doc.paragraphSpan(paragraph, sentence.at + p.index, p[0].length) };
        }
        if (draft.decided || draft.reversedPercent) drafts.set(map, draft);
      }
    }
  }
  const order: MapId[] = ["socialomraadet", "boernehandicapomraadet", "voksenhandicapomraadet"];
  return order.flatMap((map) => {
    const d = drafts.get(map);
    return d ? [{ map, decided: d.decided, reversedPercent: d.reversedPercent, from: d.from }] : [];
  });
}
