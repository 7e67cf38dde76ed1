import { formatDanishDate } from "./council-treatment.js";
import { councilDeadline } from "./legal-rules.js";
import { daysBetween, sortMeetings, type AnkestyrelsenOrder, type TreatmentMeeting, type TreatmentPlanDecision } from "./treatment-record.js";

/**
 * Where a municipality stands with the year's map, in one plain Danish sentence for its page (issue 13):
 * "Byrådet behandlede kortet den 24. september 2025" or "Byrådets behandling mangler – fristen er
 * 31. december 2025, om 29 dage". Only the council's own held meeting that concluded the case counts
 * (§ 79 b stk. 1); a council that sent the case back or postponed it has not finished.
 */
export type CouncilTreatmentStatus =
  | { readonly kind: "treated"; readonly councilNameDa: string; readonly meetingDate: string; readonly late: boolean; readonly sentenceDa: string }
  | {
      readonly kind: "pending";
      readonly councilNameDa: string;
      readonly deadline: string;
      /** ≥ 0 while the deadline is ahead (0: today). */
      readonly daysLeft: number;
      readonly sentenceDa: string;
      /** Further sentences: the planned council meeting, the case sent back. */
      readonly notesDa: readonly string[];
    }
  | { readonly kind: "overdue"; readonly councilNameDa: string; readonly deadline: string; readonly daysOver: number; readonly sentenceDa: string; readonly notesDa: readonly string[] };

/** "Byrådet" → "Byrådets", "Kommunalbestyrelsen" → "Kommunalbestyrelsens" (Danish genitive; -s, -x, -z take an apostrophe). */
export function genitiveDa(name: string): string {
  return /[sxz]$/i.test(name) ? `${name}'` : `${name}s`;
}

function daysDa(n: number): string {
  return n === 1 ? "1 dag" : `${n} dage`;
}

export function buildCouncilTreatmentStatus(input: { dataYear: number; councilNameDa: string; meetings: readonly TreatmentMeeting[]; today: string }): CouncilTreatmentStatus {
  const deadline = councilDeadline(input.dataYear);
  const council = sortMeetings(input.meetings.filter((m) => m.body.kind === "council"));
  const held = council.filter((m) => m.state === "held");
  const last = held.at(-1);
  // The council's name as the meeting recorded it, so the sentence says what the minutes say.
  const name = last?.body.nameDa ?? council.at(-1)?.body.nameDa ?? input.councilNameDa;
  if (last && last.outcome === "concluded") {
    const late = last.date > deadline;
    return {
      kind: "treated",
      councilNameDa: name,
      meetingDate: last.date,
      late,
      sentenceDa: `${name} behandlede kortet den ${formatDanishDate(last.date)}${late ? ` – efter fristen ${formatDanishDate(deadline)}` : ""}.`,
    };
  }
  const notesDa: string[] = [];
  if (last && last.outcome === "sent-back") notesDa.push(`${name} sendte sagen tilbage den ${formatDanishDate(last.date)}; behandlingen er ikke afsluttet.`);
  if (last && last.outcome === "postponed") notesDa.push(`${name} udsatte sagen den ${formatDanishDate(last.date)}.`);
  const planned = council.filter((m) => m.state === "planned" && m.date >= input.today && (!last || m.date >= last.date));
  if (planned[0]) notesDa.push(`Sagen er sat på ${genitiveDa(name)} møde den ${formatDanishDate(planned[0].date)}.`);
  const left = daysBetween(input.today, deadline);
  if (left >= 0) {
    const when = left === 0 ? "i dag" : `om ${daysDa(left)}`;
    return { kind: "pending", councilNameDa: name, deadline, daysLeft: left, sentenceDa: `${genitiveDa(name)} behandling mangler – fristen er ${formatDanishDate(deadline)}, ${when}.`, notesDa };
  }
  return { kind: "overdue", councilNameDa: name, deadline, daysOver: -left, sentenceDa: `${genitiveDa(name)} behandling mangler – fristen var ${formatDanishDate(deadline)}, for ${daysDa(-left)} siden.`, notesDa };
}

/**
 * § 79 b stk. 2–3 in plain Danish for a year, given whether the dated rule applies: the council's decision,
 * the notice to Ankestyrelsen of a "nej", and Ankestyrelsen's order with its deadline.
 */
export type ActionPlanStatus =
  | { readonly kind: "not-applicable"; readonly sentenceDa: string }
  | { readonly kind: "missing"; readonly sentenceDa: string }
  | { readonly kind: "decided"; readonly sentenceDa: string; readonly notesDa: readonly string[] };

export function buildActionPlanStatus(input: {
  dataYear: number;
  councilNameDa: string;
  ruleApplies: boolean;
  /** The rule's last day, when it has ended before this year's deadline ("Bestemmelsen er ophævet"). */
  ruleEndedOn: string | null;
  decision: TreatmentPlanDecision | null;
  order: AnkestyrelsenOrder | null;
  today: string;
}): ActionPlanStatus {
  const notesDa: string[] = [];
  if (input.order) {
    const left = daysBetween(input.today, input.order.deadline);
    const when = left > 0 ? `om ${daysDa(left)}` : left === 0 ? "i dag" : `overskredet for ${daysDa(-left)} siden`;
    notesDa.push(`Ankestyrelsen påbød den ${formatDanishDate(input.order.orderedOn)} kommunen at udarbejde en handleplan (§ 79 b, stk. 3); fristen er ${formatDanishDate(input.order.deadline)}, ${when}.`);
  }
  if (!input.ruleApplies) {
    const why = input.ruleEndedOn
      ? `Kravet om at tage stilling til en handleplan (§ 79 b, stk. 2–3) gælder ikke for kortet for ${input.dataYear}; det gjaldt til ${formatDanishDate(input.ruleEndedOn)}.`
      : `Kravet om at tage stilling til en handleplan (§ 79 b, stk. 2–3) gælder ikke for kortet for ${input.dataYear}.`;
    return { kind: "not-applicable", sentenceDa: [why, ...notesDa].join(" ") };
  }
  const d = input.decision;
  if (!d) return { kind: "missing", sentenceDa: [`${genitiveDa(input.councilNameDa)} stillingtagen til, om der er behov for en handleplan (§ 79 b, stk. 2), er ikke registreret.`, ...notesDa].join(" ") };
  switch (d.decision) {
    case "yes":
      return { kind: "decided", sentenceDa: `${input.councilNameDa} besluttede, at der skal udarbejdes en handleplan.`, notesDa };
    case "no":
      return {
        kind: "decided",
        sentenceDa: `${input.councilNameDa} besluttede, at der ikke er behov for en handleplan.`,
        notesDa: [d.ankestyrelsenNotifiedOn ? `Ankestyrelsen blev underrettet den ${formatDanishDate(d.ankestyrelsenNotifiedOn)}.` : "Det er ikke registreret, at Ankestyrelsen er underrettet om det (§ 79 b, stk. 2).", ...notesDa],
      };
    case "not-relevant":
      return { kind: "decided", sentenceDa: `${input.councilNameDa} fandt spørgsmålet om en handleplan ikke relevant.`, notesDa };
  }
}
