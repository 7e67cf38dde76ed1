import { classifyMeetingBody } from "../../domain/minutes/classify-meeting-body.js";
import type { CouncilTreatmentState, DecisionOutcome, MinutesDecision } from "../../domain/minutes/minutes-item.js";
import { findDanishDates } from "../../domain/minutes/parse-danish-date.js";
import { BODY_NAME, bodyBaseName, type Section } from "./minutes-structure.js";
import { splitSentences, type MinutesText } from "./minutes-text.js";

/**
 * Every dated decision an item records: its own `Beslutning` sections (the meeting's body and date unless
 * the heading names others, as when one item carries "Beslutning Økonomiudvalget den 30-09-2025" and
 * "Beslutning Byrådet den 07-10-2025"), the `Tidligere behandling` list, and sentences of the case text that
 * say a body treated it on a date ("Sagen blev behandlet i Børne- og Familieudvalget den 13. august 2025").
 * Earlier meetings count only from 1 January of the publication year (the map of year Y is published in
 * Y+1, § 84 a): "Kommunalbestyrelsen den 30. september 2024" in a 2025 item is last year's map.
 */
export type MeetingContext = {
  readonly body: string | null;
  readonly date: string | null;
  readonly dataYear: number | null;
};

/** Words that say a body did something with the case (past tense: a planned meeting is no decision). */
const TREATED_VERB = /\b(behandlet|behandlede|drøftet|drøftede|orienteret|orienteredes|godkendt|godkendte|besluttede|besluttet|tiltrådt|tiltrådte|taget til efterretning|tog .{0,40}til efterretning|forelagt|indstillede|tilbagesendt|sendt tilbage|sendte .{0,30}tilbage|udsat|udsatte|vedtaget|vedtog)\b/i;

export function classifyDecisionOutcome(text: string): DecisionOutcome {
  if (/(tilbagesend|sendes tilbage|sendt tilbage|sendte sagen tilbage|sendte den tilbage|tilbagevis|returneres til|oversendes igen)/i.test(text)) return "sent-back";
  if (/\b(udsat|udsættes|udsatte|ikke behandlet|blev ikke behandlet)\b/i.test(text)) return "postponed";
  return "treated";
}

const bodyRe = () => new RegExp(BODY_NAME, "gu");

function decisionFromSection(doc: MinutesText, section: Section, meeting: MeetingContext): MinutesDecision | null {
  const rest = section.headingRest.replace(/^[:–-]\s*/, "");
  const named = new RegExp(`(${BODY_NAME})`, "u").exec(rest);
  const date = findDanishDates(rest)[0];
  // "Beslutning i Byrådet den 07-10-2025: Sagen tilbagesendes til fagudvalgene": the decision on the heading line.
  const colon = rest.indexOf(":");
  const inline = colon >= 0 ? rest.slice(colon + 1).trim() : "";
  const paragraphs = doc.paragraphs(section.from, section.to);
  const bodyText = paragraphs.map((p) => p.text).join(" ");
  const textDa = [inline, bodyText].filter((t) => t !== "").join(" ").trim();
  if (textDa === "") return null;
  const body = named ? bodyBaseName(named[1]!) : meeting.body;
  if (!body) return null;
  const lastParagraph = paragraphs.at(-1);
  const start = inline !== "" && section.heading ? section.heading.start : paragraphs[0] ? doc.paragraphSpan(paragraphs[0], 0, 0).start : section.heading!.start;
  const end = lastParagraph ? doc.paragraphSpan(lastParagraph, 0, lastParagraph.text.length).end : section.heading!.start + section.heading!.text.length;
  return {
    body,
    bodyKind: classifyMeetingBody(body),
    date: date?.iso ?? meeting.date,
    textDa,
    outcome: classifyDecisionOutcome(textDa),
    source: "beslutning",
    span: doc.span(start, end),
  };
}

function inTreatmentWindow(date: string, meeting: MeetingContext): boolean {
  if (meeting.dataYear !== null && date < `${meeting.dataYear + 1}-01-01`) return false;
  if (meeting.date !== null && date > meeting.date) return false;
  return true;
}

/** Body names in `text` that end before `limit` and after `from`: the nearest one is the date's body. */
function nearestBodyBefore(text: string, from: number, limit: number): { name: string; index: number } | null {
  let found: { name: string; index: number } | null = null;
  for (const m of text.matchAll(bodyRe())) {
    if (m.index < from || m.index + m[0].length > limit) continue;
    found = { name: m[0], index: m.index };
  }
  return found;
}

function decisionsFromEarlierList(doc: MinutesText, section: Section, meeting: MeetingContext): MinutesDecision[] {
  const out: MinutesDecision[] = [];
  for (let i = section.from; i < section.to; i++) {
    const line = doc.lines[i]!;
    const date = findDanishDates(line.text)[0];
    if (!date || !inTreatmentWindow(date.iso, meeting)) continue;
    const body = nearestBodyBefore(line.text, 0, date.index);
    if (!body) continue;
    const name = bodyBaseName(body.name);
    out.push({ body: name, bodyKind: classifyMeetingBody(name), date: date.iso, textDa: line.text, outcome: classifyDecisionOutcome(line.text), source: "tidligere-behandling", span: doc.lineSpan(line) });
  }
  return out;
}

/** Sentence openers that continue the previous sentence's decision ("Begge udvalg har drøftet sagen …"). */
const CONTINUATION = /^(Begge|Udvalget|Udvalgene|Rådet|Byrådet|Kommunalbestyrelsen|Sagen blev|Det blev|Der blev|De)\b/;

function decisionsFromText(doc: MinutesText, sections: readonly Section[], meeting: MeetingContext): MinutesDecision[] {
  const out: MinutesDecision[] = [];
  for (const section of sections) {
    if (section.kind !== "sagsfremstilling" && section.kind !== "resume") continue;
    for (const paragraph of doc.paragraphs(section.from, section.to)) {
      const sentences = splitSentences(paragraph);
      sentences.forEach((sentence, si) => {
        if (!TREATED_VERB.test(sentence.text)) return;
        const dates = findDanishDates(sentence.text);
        let from = 0;
        const next = sentences[si + 1];
        const carry = next && CONTINUATION.test(next.text) && findDanishDates(next.text).length === 0 ? next : null;
        for (const date of dates) {
          const body = nearestBodyBefore(sentence.text, from, date.index);
          from = date.index + date.length;
          if (!body || !inTreatmentWindow(date.iso, meeting)) continue;
          const name = bodyBaseName(body.name);
          const textDa = carry ? `${sentence.text} ${carry.text}` : sentence.text;
          const end = carry ? carry.at + carry.text.length : sentence.at + sentence.text.length;
          out.push({
            body: name,
            bodyKind: classifyMeetingBody(name),
            date: date.iso,
            textDa,
            outcome: classifyDecisionOutcome(carry ? carry.text : sentence.text),
            source: "sagsfremstilling",
            span: doc.paragraphSpan(paragraph, sentence.at, end - sentence.at),
          });
        }
      });
    }
  }
  return out;
}

export function findDecisions(doc: MinutesText, sections: readonly Section[], meeting: MeetingContext): MinutesDecision[] {
  const own = sections.filter((s) => s.kind === "beslutning").flatMap((s) => decisionFromSection(doc, s, meeting) ?? []);
  const earlier = sections.filter((s) => s.kind === "tidligere-behandling").flatMap((s) => decisionsFromEarlierList(doc, s, meeting));
  const mentioned = decisionsFromText(doc, sections, meeting);
  // One decision per body and date: the item's own section says most, then the list, then a sentence.
  const seen = new Set<string>();
  const all: MinutesDecision[] = [];
  for (const d of [...own, ...earlier, ...mentioned]) {
    const key = `${d.bodyKind === "byraad" ? "byraad" : d.body.toLowerCase()}|${d.date}`;
    if (seen.has(key)) continue;
    seen.add(key);
    all.push(d);
  }
  return all.sort((a, b) => (a.date ?? "9999").localeCompare(b.date ?? "9999") || a.span.start - b.span.start);
}

/** The council's treatment as this document shows it: its latest decision decides (a case sent back is not finished). */
export function councilTreatmentOf(decisions: readonly MinutesDecision[]): CouncilTreatmentState {
  const council = decisions.filter((d) => d.bodyKind === "byraad");
  const last = council.at(-1);
  if (!last) return "not-in-council";
  switch (last.outcome) {
    case "treated":
      return "finished";
    case "sent-back":
      return "sent-back";
    case "postponed":
      return "postponed";
  }
}
