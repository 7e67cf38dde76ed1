import { copenhagenDate, TREATMENT_FIELDS_DA, validateMeeting, type MeetingInput, type TreatmentMeeting } from "../../domain/treatment-record.js";
import { deleteMeeting as deleteMeetingRow, insertMeeting, loadMeeting, updateMeeting } from "../../storage/treatment-store.js";
import type { Queryable } from "../../storage/database.js";
import { recordAuditEvent } from "../audit/record-audit-event.js";
import type { Caller } from "../caller.js";
import { refuse, type Refusal } from "../use-case-result.js";
import { bodyListOf } from "./load-treatment.js";
import { cprRefusalOf, dataYearRefusal, isRefusal, municipalityOr404, permitOrRefuse, type TreatmentDeps } from "./treatment-access.js";

export type SaveMeetingInput = MeetingInput & { readonly municipalityCode: string; readonly dataYear: number; readonly bodyId: string };

/** What the audit trail keeps of a meeting: its fields, not its attachments (they have their own events). */
export function auditedMeeting(m: TreatmentMeeting | null) {
  if (m === null) return null;
  return {
    body: m.body.nameDa,
    date: m.date,
    agendaItemNumber: m.agendaItemNumber,
    agendaItemTitle: m.agendaItemTitle,
    role: m.role,
    state: m.state,
    outcome: m.outcome,
    decisionText: m.decisionText,
    minutesUrl: m.minutesUrl,
  };
}

export function meetingSubject(code: string, year: number, m: Pick<TreatmentMeeting, "date" | "body">): string {
  return `behandling ${code}/${year}: ${m.body.nameDa} ${m.date}`;
}

export type CheckedMeeting = { code: string; write: Parameters<typeof insertMeeting>[3] };

async function checkMeeting(deps: TreatmentDeps, caller: Caller, input: SaveMeetingInput): Promise<CheckedMeeting | Refusal> {
  const municipality = municipalityOr404(input.municipalityCode);
  if (isRefusal(municipality)) return municipality;
  const denied = permitOrRefuse(deps, caller, { action: "treatment.write", municipalityCode: municipality.code });
  if (denied) return denied;
  return validateMeetingInput(deps, caller, input);
}

/**
 * Everything about a meeting but who may save it: the year, the CPR guard, the body on the
 * municipality's list, the fields. The caller has asked the access policy already (treatment.write for the
 * forms and the API, treatment.confirm-minutes for a confirmation from minutes).
 */
export async function validateMeetingInput(deps: TreatmentDeps, caller: Caller, input: SaveMeetingInput): Promise<CheckedMeeting | Refusal> {
  const municipality = municipalityOr404(input.municipalityCode);
  if (isRefusal(municipality)) return municipality;
  const now = deps.now();
  const badYear = dataYearRefusal(input.dataYear, now);
  if (badYear) return badYear;
  const F = TREATMENT_FIELDS_DA;
  const cpr = cprRefusalOf(deps, caller, [
    [F.agendaItemNumber, input.agendaItemNumber],
    [F.agendaItemTitle, input.agendaItemTitle],
    [F.decisionText, input.decisionText],
    [F.minutesUrl, input.minutesUrl],
  ]);
  if (cpr) return cpr;
  const { bodies } = await bodyListOf(deps.db, municipality.code);
  const body = bodies.find((b) => b.id === input.bodyId);
  if (!body) return refuse(400, `"${input.bodyId.slice(0, 60)}" står ikke på kommunens liste over organer. Vælg et af: ${bodies.map((b) => `${b.nameDa} (${b.id})`).join(", ")}.`, { field: F.body });
  const checked = validateMeeting(input.dataYear, input, copenhagenDate(now));
  if (!checked.ok) return refuse(400, checked.problem.messageDa, { field: checked.problem.field });
  return { code: municipality.code, write: { ...checked.meeting, body } };
}

/** Adds a meeting to the year's treatment record: the municipality's editors only; CPR refused; audited in the same transaction. */
export async function addMeeting(deps: TreatmentDeps, caller: Caller, input: SaveMeetingInput): Promise<{ kind: "saved"; meeting: TreatmentMeeting } | Refusal> {
  const checked = await checkMeeting(deps, caller, input);
  if (isRefusal(checked)) return checked;
  const now = deps.now();
  return deps.db.transaction(async (tx) => ({ kind: "saved" as const, meeting: await writeNewMeeting(tx, caller, now, input.dataYear, checked) }));
}

/** Inserts a checked meeting with its audit event, inside the caller's transaction; `extra` joins the event's after-state. */
export async function writeNewMeeting(tx: Queryable, caller: Caller, now: Date, dataYear: number, checked: CheckedMeeting, extra: Record<string, unknown> = {}): Promise<TreatmentMeeting> {
  const meeting = await insertMeeting(tx, checked.code, dataYear, checked.write, now.toISOString());
  await recordAuditEvent(tx, caller, now, { action: "treatment.meeting-add", municipalityCode: checked.code, subject: meetingSubject(checked.code, dataYear, meeting), before: null, after: { ...auditedMeeting(meeting), ...extra } });
  return meeting;
}

/** The meeting `id` of this municipality and year, or a 404 (another municipality's meeting is not found, not forbidden). */
export async function ownMeeting(db: Queryable, code: string, year: number, id: string): Promise<TreatmentMeeting | Refusal> {
  const meeting = await loadMeeting(db, id);
  if (!meeting || meeting.municipalityCode !== code || meeting.dataYear !== year) return refuse(404, `Kommunen har intet møde med id "${id.slice(0, 40)}" i behandlingen af kortet for ${year}.`);
  return meeting;
}

export async function editMeeting(deps: TreatmentDeps, caller: Caller, id: string, input: SaveMeetingInput): Promise<{ kind: "saved"; meeting: TreatmentMeeting } | Refusal> {
  const checked = await checkMeeting(deps, caller, input);
  if (isRefusal(checked)) return checked;
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const before = await ownMeeting(tx, checked.code, input.dataYear, id);
    if (isRefusal(before)) return before;
    await updateMeeting(tx, id, checked.write, now.toISOString());
    const after = (await loadMeeting(tx, id))!;
    await recordAuditEvent(tx, caller, now, { action: "treatment.meeting-edit", municipalityCode: checked.code, subject: meetingSubject(checked.code, input.dataYear, after), before: auditedMeeting(before), after: auditedMeeting(after) });
    return { kind: "saved" as const, meeting: after };
  });
}

/** Deletes a meeting and its attachments; the trail keeps the meeting's fields and the attachments' names. */
export async function deleteMeeting(deps: TreatmentDeps, caller: Caller, input: { municipalityCode: string; dataYear: number; id: string }): Promise<{ kind: "deleted" } | Refusal> {
  const municipality = municipalityOr404(input.municipalityCode);
  if (isRefusal(municipality)) return municipality;
  const denied = permitOrRefuse(deps, caller, { action: "treatment.write", municipalityCode: municipality.code });
  if (denied) return denied;
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const before = await ownMeeting(tx, municipality.code, input.dataYear, input.id);
    if (isRefusal(before)) return before;
    await deleteMeetingRow(tx, input.id);
    await recordAuditEvent(tx, caller, now, {
      action: "treatment.meeting-delete",
      municipalityCode: municipality.code,
      subject: meetingSubject(municipality.code, input.dataYear, before),
      before: { ...auditedMeeting(before), attachments: before.attachments.map((a) => a.fileName) },
      after: null,
    });
    return { kind: "deleted" as const };
  });
}
