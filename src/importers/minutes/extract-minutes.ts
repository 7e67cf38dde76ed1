import { classifyMeetingBody } from "../../domain/minutes/classify-meeting-body.js";
import type { Found, MinutesDocument, MinutesItem } from "../../domain/minutes/minutes-item.js";
import { findMunicipalityByCode, resolveMunicipality, type Municipality, type MunicipalityCode } from "../../domain/municipality.js";
import { findActionPlan } from "./item-action-plan.js";
import { councilTreatmentOf, findDecisions } from "./item-decisions.js";
import { findFigures } from "./item-figures.js";
import { findAgendaItems, findDocumentHeader, findSections, type AgendaItemBlock, type Section } from "./minutes-structure.js";
import { MinutesText } from "./minutes-text.js";

/**
 * Reads the Danmarkskort items out of a minutes (or agenda) document's text: pure, no I/O. The readers of
 * each form (read-minutes-file.ts) turn a file into this text; the application layer checks the figures
 * against the dataset. An item is a Danmarkskort item when its title says so ("Danmarkskortet …",
 * "Årlig behandling af omgørelsesprocenter i klagesager", "Ankestatistik", "Statistik over
 * ankeafgørelser", …) or, failing that, when its text speaks of both the map and the reversal rates.
 */
export type ExtractMinutesOptions = {
  /** The municipality the document is from, when the reader knows it (`--kommune`): wins over the text. */
  readonly municipalityCode?: MunicipalityCode;
};

const TITLE_WORDS = /danmarks-?kort|omgørelsesprocent|omgørelses-?procenter|ankestatistik|statistik over ankeafgørelser|ankestyrelsens statistik|ankeafgørelser|klagesager .{0,30}ankestyrelsen|omgjorte sager/i;

function isMapItem(doc: MinutesText, block: AgendaItemBlock): "title" | "content" | null {
  if (TITLE_WORDS.test(block.title)) return "title";
  const body = doc.lines.slice(block.from, block.to).map((l) => l.text).join(" ");
  const mapMentions = (body.match(/danmarkskort/gi) ?? []).length;
  const rateMentions = (body.match(/omgørelsesprocent/gi) ?? []).length;
  return mapMentions >= 1 && rateMentions >= 2 ? "content" : null;
}

/** The municipality the text is about: the one most often named "X Kommune" (ties: the first named). */
function municipalityFromText(doc: MinutesText): Found<MunicipalityCode> | null {
  const counts = new Map<MunicipalityCode, { n: number; first: number; length: number }>();
  for (const m of doc.text.matchAll(/([A-ZÆØÅ][a-zæøå]+(?:[- ][A-ZÆØÅ][a-zæøå]+)?)\s+Kommunes?\b/g)) {
    const found = resolveMunicipality(m[1]!);
    if (!found) continue;
    const c = counts.get(found.code);
    if (c) c.n++;
    else counts.set(found.code, { n: 1, first: m.index, length: m[0].length });
  }
  let best: [MunicipalityCode, { n: number; first: number; length: number }] | null = null;
  for (const entry of counts) if (!best || entry[1].n > best[1].n) best = entry;
  return best ? { value: best[0], span: doc.span(best[1].first, best[1].first + best[1].length) } : null;
}

const STATED_YEAR: readonly RegExp[] = [
  /\b(?:tal(?:lene)?|data|opgørelse\w*)\s+(?:fra|for|over)\s+(?:året\s+)?(20[1-3]\d)\b/i,
  /\bdataår(?:et)?\s+(20[1-3]\d)\b/i,
];
const BODY_YEAR: readonly RegExp[] = [/\bomgørelsesprocent\w*\s+(?:i|for)\s+(20[1-3]\d)\b/i, /\bdanmarkskort\w*\s+(?:for|over)\s+[^.]{0,60}?(20[1-3]\d)\b/i];

function findDataYear(doc: MinutesText, block: AgendaItemBlock, meetingYear: number | null): MinutesItem["dataYear"] {
  const lines = doc.lines.slice(block.from, block.to);
  for (const re of STATED_YEAR) {
    for (const line of lines) {
      const m = re.exec(line.text);
      if (m) {
        const at = line.start + m.index + m[0].lastIndexOf(m[1]!);
        return { value: Number(m[1]), span: doc.span(at, at + 4), basis: "stated" };
      }
    }
  }
  const titleYears = [...block.title.matchAll(/\b(20[1-3]\d)\b/g)];
  const titleYear = titleYears.at(-1);
  if (titleYear) {
    const at = block.headingLine.start + block.titleAt + titleYear.index;
    const year = Number(titleYear[1]);
    // A title's year that is the meeting's own is the publication year: the map of Y is treated in Y+1.
    if (meetingYear === null || year < meetingYear) return { value: year, span: doc.span(at, at + 4), basis: "stated" };
    if (year === meetingYear) return { value: year - 1, span: doc.span(at, at + 4), basis: "derived" };
  }
  for (const re of BODY_YEAR) {
    for (const line of lines) {
      const m = re.exec(line.text);
      if (m && (meetingYear === null || Number(m[1]) < meetingYear)) {
        const at = line.start + m.index + m[0].lastIndexOf(m[1]!);
        return { value: Number(m[1]), span: doc.span(at, at + 4), basis: "stated" };
      }
    }
  }
  return null;
}

/**
 * The recommendation's points: each line that starts a point ("at …", "1. …", "- at …") begins one, and the
 * lines after it (a PDF wraps long points) continue it. The line that introduces the points ("Formanden for
 * Handicaprådet indstiller," / "Center for … indstiller, at") is none.
 */
const POINT_START = /^(?:[-•–]\s*)?(?:\d{1,2}[.)]\s+|[a-h][.)]\s+)?(?=at\s)|^(?:[-•–]\s*)?\d{1,2}[.)]\s+|^[-•–]\s+/;

function findRecommendations(doc: MinutesText, sections: readonly Section[]): Found<string>[] {
  const out: Found<string>[] = [];
  for (const section of sections.filter((s) => s.kind === "indstilling")) {
    let current: { start: number; end: number; parts: string[] } | null = null;
    const flush = () => {
      if (current) out.push({ value: current.parts.join(" "), span: doc.span(current.start, current.end) });
      current = null;
    };
    for (let i = section.from; i < section.to; i++) {
      const line = doc.lines[i]!;
      if (line.text === "") continue;
      const marker = POINT_START.exec(line.text);
      if (marker) {
        flush();
        const value = line.text.slice(marker[0].length);
        current = { start: line.start + marker[0].length, end: line.start + line.text.length, parts: [value] };
      } else if (current && !/\bindstiller\b/i.test(line.text)) {
        const c: { start: number; end: number; parts: string[] } = current;
        c.parts.push(line.text);
        c.end = line.start + line.text.length;
      } else {
        flush();
      }
    }
    flush();
  }
  return out;
}

function extractItem(doc: MinutesText, block: AgendaItemBlock, matchedBy: "title" | "content", context: { body: string | null; date: string | null; municipality: Municipality | null }): MinutesItem {
  const sections = findSections(doc, block.from, block.to);
  const meetingYear = context.date ? Number(context.date.slice(0, 4)) : null;
  const dataYear = findDataYear(doc, block, meetingYear) ?? (context.date && meetingYear !== null ? null : null);
  const year = dataYear?.value ?? (meetingYear !== null ? meetingYear - 1 : null);
  const decisions = findDecisions(doc, sections, { body: context.body, date: context.date, dataYear: year });
  const recommendations = findRecommendations(doc, sections);
  const headingStart = block.headingLine.start;
  return {
    itemNumber: block.number ? { value: block.number, span: doc.span(headingStart + block.numberAt, headingStart + block.numberAt + block.number.length) } : null,
    title: { value: block.title, span: doc.span(headingStart + block.titleAt, headingStart + block.titleAt + block.title.length) },
    matchedBy,
    dataYear,
    recommendations,
    decisions,
    councilTreatment: councilTreatmentOf(decisions),
    actionPlan: findActionPlan(doc, sections, recommendations),
    figures: findFigures(doc, sections, { municipality: context.municipality, dataYear: year, from: block.from, to: block.to }),
  };
}

export function extractMinutes(text: string, options: ExtractMinutesOptions = {}): MinutesDocument {
  const doc = new MinutesText(text);
  const header = findDocumentHeader(doc);
  const body = header.body ? { value: header.body.name, span: doc.span(header.body.line.start + header.body.at, header.body.line.start + header.body.at + header.body.name.length) } : null;
  const meetingDate = header.date ? { value: header.date.iso, span: doc.span(header.date.line.start + header.date.at, header.date.line.start + header.date.at + header.date.length) } : null;
  const fromText = municipalityFromText(doc);
  const municipality: MinutesDocument["municipality"] = options.municipalityCode ? { value: options.municipalityCode, basis: "given" } : fromText ? { ...fromText, basis: "text" } : null;
  const municipalityRecord = municipality ? (findMunicipalityByCode(municipality.value) ?? null) : null;
  const items = findAgendaItems(doc).flatMap((block) => {
    const matchedBy = isMapItem(doc, block);
    return matchedBy ? [extractItem(doc, block, matchedBy, { body: body?.value ?? null, date: meetingDate?.value ?? null, municipality: municipalityRecord })] : [];
  });
  return { text, kind: header.kind, municipality, body, bodyKind: body ? classifyMeetingBody(body.value) : null, meetingDate, items };
}
