import type { BodyKind, CouncilBodyEntry } from "../council-bodies.js";
import type { ActionPlanDecision, MeetingOutcome, MeetingRole, TreatmentMeeting } from "../treatment-record.js";
import type { DecisionOutcome, MeetingBodyKind, MinutesDocument, MinutesItem, TextSpan } from "./minutes-item.js";

/**
 * From what a minutes reader found to what a person is asked to confirm (issue 15 item 3): one proposed
 * meeting per dated decision of the item, its body matched against the municipality's own list, and the
 * action-plan stance as a proposed plan decision. Nothing here is stored; the proposals fill a form the
 * person corrects and confirms, and only then do they become the treatment record.
 */

const BODY_KIND_OF: Readonly<Record<MeetingBodyKind, BodyKind>> = {
  byraad: "council",
  oekonomiudvalg: "finance-committee",
  fagudvalg: "committee",
  handicapraad: "disability-council",
  aeldreraad: "senior-council",
  psykiatriraad: "psychiatry-council",
  andet: "other",
};

/**
 * The role a body usually has in the case (the seeds: the council decides, the committees and
 * Økonomiudvalget recommend, the councils of disabled, elderly and psychiatry users are heard).
 */
const ROLE_OF: Readonly<Record<MeetingBodyKind, MeetingRole>> = {
  byraad: "decision",
  oekonomiudvalg: "recommendation",
  fagudvalg: "recommendation",
  handicapraad: "consultation",
  aeldreraad: "consultation",
  psykiatriraad: "consultation",
  andet: "recommendation",
};

const OUTCOME_OF: Readonly<Record<DecisionOutcome, MeetingOutcome>> = { treated: "concluded", "sent-back": "sent-back", postponed: "postponed" };

/** How the body on the municipality's list was chosen: same name, the only body of that kind, or not at all. */
export type BodyMatch = "name" | "kind" | "none";

export type ProposedMeeting = {
  /** The body as the document names it, and the list entry proposed for it (null: the person must choose). */
  readonly documentBodyDa: string;
  readonly bodyId: string | null;
  readonly bodyMatch: BodyMatch;
  readonly date: string | null;
  /** Only the meeting the minutes are from has this item number; earlier meetings had their own. */
  readonly agendaItemNumber: string;
  readonly agendaItemTitle: string;
  readonly role: MeetingRole;
  readonly outcome: MeetingOutcome;
  readonly decisionText: string;
  readonly minutesUrl: string;
  /** A meeting of this body on this date is already in the record: proposed, but not ticked. */
  readonly alreadyRecorded: boolean;
  /** Ticked on the form: has a body and a date and is not already recorded. */
  readonly selected: boolean;
  readonly span: TextSpan;
};

export type ProposedPlanDecision = { readonly decision: ActionPlanDecision; readonly evidence: TextSpan } | null;

/** Folds a body name for comparison: case, Danish letters, "Byrådet"/"Byråd" and hyphens alike. */
function foldName(name: string): string {
  return name
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "oe")
    .replace(/å/g, "aa")
    .replace(/[^a-z0-9]+/g, "")
    .replace(/(et|en)$/, "");
}

export function matchBody(documentName: string, kind: MeetingBodyKind, bodies: readonly CouncilBodyEntry[]): { bodyId: string | null; match: BodyMatch } {
  const folded = foldName(documentName);
  const byName = bodies.find((b) => foldName(b.nameDa) === folded);
  if (byName) return { bodyId: byName.id, match: "name" };
  const ofKind = bodies.filter((b) => b.kind === BODY_KIND_OF[kind]);
  // A fagudvalg is matched by kind only when the list has one; with several the person picks the right one.
  if (ofKind.length === 1) return { bodyId: ofKind[0]!.id, match: "kind" };
  return { bodyId: null, match: "none" };
}

export function proposeMeetings(
  minutes: Pick<MinutesDocument, "body" | "meetingDate">,
  item: MinutesItem,
  bodies: readonly CouncilBodyEntry[],
  recorded: readonly Pick<TreatmentMeeting, "body" | "date">[],
  minutesUrl: string,
): ProposedMeeting[] {
  const seen = new Set<string>();
  const out: ProposedMeeting[] = [];
  for (const d of item.decisions) {
    const { bodyId, match } = matchBody(d.body, d.bodyKind, bodies);
    const key = `${bodyId ?? foldName(d.body)}|${d.date ?? ""}`;
    // The same decision can be told twice (its own Beslutning section and a later "Tidligere behandling").
    if (seen.has(key)) continue;
    seen.add(key);
    const isThisMeeting = d.source === "beslutning" && d.date !== null && d.date === minutes.meetingDate?.value;
    const alreadyRecorded = bodyId !== null && d.date !== null && recorded.some((m) => m.body.id === bodyId && m.date === d.date);
    out.push({
      documentBodyDa: d.body,
      bodyId,
      bodyMatch: match,
      date: d.date,
      agendaItemNumber: isThisMeeting ? (item.itemNumber?.value ?? "") : "",
      agendaItemTitle: item.title.value,
      role: ROLE_OF[d.bodyKind],
      outcome: OUTCOME_OF[d.outcome],
      decisionText: d.textDa,
      minutesUrl: isThisMeeting ? minutesUrl : "",
      alreadyRecorded,
      selected: bodyId !== null && d.date !== null && !alreadyRecorded,
      span: d.span,
    });
  }
  return out.sort((a, b) => (a.date ?? "9999").localeCompare(b.date ?? "9999"));
}

/** A stance of ja or nej is a proposed plan decision; "ikke besluttet" and "ikke nævnt" propose nothing. */
export function proposePlanDecision(item: MinutesItem): ProposedPlanDecision {
  const plan = item.actionPlan;
  if (plan.stance === "ja") return { decision: "yes", evidence: plan.evidence };
  if (plan.stance === "nej") return { decision: "no", evidence: plan.evidence };
  return null;
}

/** A span to mark in an excerpt, with the label a reader hears before it. */
export type LabelledSpan = { readonly start: number; readonly end: number; readonly labelDa: string };

export type ExcerptSegment = { readonly text: string; readonly labelDa: string | null };

/**
 * The stretch of `text` from `from` to `to` cut into plain and marked segments. Overlapping spans are
 * merged into one mark carrying both labels, so no character is shown twice.
 */
export function markSpans(text: string, from: number, to: number, spans: readonly LabelledSpan[]): ExcerptSegment[] {
  const inside = spans
    .map((s) => ({ start: Math.max(from, s.start), end: Math.min(to, s.end), labels: [s.labelDa] }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: { start: number; end: number; labels: string[] }[] = [];
  for (const s of inside) {
    const last = merged[merged.length - 1];
    if (last && s.start < last.end) {
      last.end = Math.max(last.end, s.end);
      if (!last.labels.includes(s.labels[0]!)) last.labels.push(s.labels[0]!);
    } else merged.push({ ...s, labels: [...s.labels] });
  }
  const out: ExcerptSegment[] = [];
  let at = from;
  for (const m of merged) {
    if (m.start > at) out.push({ text: text.slice(at, m.start), labelDa: null });
    out.push({ text: text.slice(m.start, m.end), labelDa: m.labels.join(", ") });
    at = m.end;
  }
  if (at < to) out.push({ text: text.slice(at, to), labelDa: null });
  return out;
}

const labelled = (span: TextSpan, labelDa: string): LabelledSpan => ({ start: span.start, end: span.end, labelDa });

/** Every span the reader found in an item, labelled in Danish, and the stretch of text that holds them. */
export function itemSpans(item: MinutesItem): { spans: LabelledSpan[]; from: number; to: number } {
  const spans: LabelledSpan[] = [labelled(item.title.span, "punktets titel")];
  if (item.itemNumber) spans.push(labelled(item.itemNumber.span, "punktnummer"));
  if (item.dataYear) spans.push(labelled(item.dataYear.span, "dataår"));
  for (const r of item.recommendations) spans.push(labelled(r.span, "indstilling"));
  for (const d of item.decisions) spans.push(labelled(d.span, `beslutning (${d.body})`));
  if (item.actionPlan.stance !== "ikke-naevnt") spans.push(labelled(item.actionPlan.evidence, "handleplan"));
  for (const f of item.figures) {
    if (f.decided) spans.push(labelled(f.decided.span, "antal afgjorte sager"));
    if (f.reversedPercent) spans.push(labelled(f.reversedPercent.span, "omgørelsesprocent"));
  }
  return { spans, from: Math.min(...spans.map((s) => s.start)), to: Math.max(...spans.map((s) => s.end)) };
}
