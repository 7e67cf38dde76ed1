import { formatDanishDate } from "./council-treatment.js";
import type { MunicipalityCode } from "./municipality.js";
import { sortMeetings, type AnkestyrelsenOrder, type TreatmentMeeting, type TreatmentPlanDecision } from "./treatment-record.js";
import type { ActionPlanStatus, CouncilTreatmentStatus } from "./treatment-status.js";

/**
 * One municipality's line in the compliance overview (issue 15, item 4): what its treatment record says
 * about one year's map. A municipality without any record is `not-registered` and reads "ikke registreret":
 * the product does not know, which is not the same as "ikke behandlet" (the council may well have treated
 * it without anyone registering it). Pure: the record's own status sentences decide the rest.
 */
export type ComplianceState =
  | { readonly kind: "not-registered" }
  | { readonly kind: "treated"; readonly date: string; readonly beforeDeadline: boolean }
  | { readonly kind: "pending"; readonly sentBack: boolean }
  | { readonly kind: "overdue"; readonly sentBack: boolean };

export type ComplianceRow = {
  readonly municipalityCode: MunicipalityCode;
  readonly municipalityName: string;
  readonly state: ComplianceState;
  /** "ikke registreret", "behandlet 24. september 2025", "sendt tilbage – ikke afsluttet", … */
  readonly stateDa: string;
  /** The record's own sentence and notes, when there is a record. */
  readonly detailDa: string | null;
  /** The bodies of the held meetings, in meeting order, each once. */
  readonly bodiesDa: readonly string[];
  readonly actionPlanKind: ActionPlanStatus["kind"] | null;
  readonly actionPlanDa: string | null;
  readonly orderDeadline: string | null;
};

export function buildComplianceRow(input: {
  readonly municipalityCode: MunicipalityCode;
  readonly municipalityName: string;
  readonly meetings: readonly TreatmentMeeting[];
  readonly planDecision: TreatmentPlanDecision | null;
  readonly order: AnkestyrelsenOrder | null;
  readonly status: CouncilTreatmentStatus;
  readonly actionPlan: ActionPlanStatus;
}): ComplianceRow {
  const { municipalityCode, municipalityName } = input;
  if (input.meetings.length === 0 && input.planDecision === null && input.order === null) {
    return { municipalityCode, municipalityName, state: { kind: "not-registered" }, stateDa: "ikke registreret", detailDa: null, bodiesDa: [], actionPlanKind: null, actionPlanDa: null, orderDeadline: null };
  }
  const held = sortMeetings(input.meetings.filter((m) => m.state === "held"));
  const bodiesDa = [...new Set(held.map((m) => m.body.nameDa))];
  const s = input.status;
  const lastCouncil = held.filter((m) => m.body.kind === "council").at(-1);
  const sentBack = lastCouncil?.outcome === "sent-back";
  let state: ComplianceState;
  let stateDa: string;
  switch (s.kind) {
    case "treated":
      state = { kind: "treated", date: s.meetingDate, beforeDeadline: !s.late };
      stateDa = `behandlet ${formatDanishDate(s.meetingDate)}${s.late ? " – efter fristen" : ""}`;
      break;
    case "pending":
      state = { kind: "pending", sentBack };
      stateDa = sentBack ? "sendt tilbage – ikke afsluttet" : "ikke behandlet endnu – fristen er ikke nået";
      break;
    case "overdue":
      state = { kind: "overdue", sentBack };
      stateDa = sentBack ? "sendt tilbage – fristen er overskredet" : "ikke behandlet – fristen er overskredet";
      break;
  }
  const notes = "notesDa" in s ? s.notesDa : [];
  const planNotes = input.actionPlan.kind === "decided" ? input.actionPlan.notesDa : [];
  return {
    municipalityCode,
    municipalityName,
    state,
    stateDa,
    detailDa: [s.sentenceDa, ...notes].join(" "),
    bodiesDa,
    actionPlanKind: input.actionPlan.kind,
    actionPlanDa: [input.actionPlan.sentenceDa, ...planNotes].join(" "),
    orderDeadline: input.order?.deadline ?? null,
  };
}
