import type { BodyKind, CouncilBodyEntry } from "../domain/council-bodies.js";
import type { LegalRuleEdit } from "../domain/legal-rule-edits.js";
import type { LegalRuleId } from "../domain/legal-rules.js";
import type {
  ActionPlanDecision,
  AnkestyrelsenOrder,
  AttachmentInfo,
  AttachmentMediaType,
  MeetingOutcome,
  MeetingRole,
  MeetingState,
  TreatmentMeeting,
  TreatmentPlanDecision,
  ValidMeeting,
} from "../domain/treatment-record.js";
import { parseIsoDate } from "../domain/iso-date.js";
import { asMunicipalityCode, type MunicipalityCode } from "../domain/municipality.js";
import type { Queryable } from "./database.js";
import { toIsoTimestamp } from "./timestamps.js";

/**
 * The treatment record in SQL (migration 050). Dates travel as 'YYYY-MM-DD' text both ways: pg turns a
 * `date` into a JavaScript Date at local midnight, which shifts the day in some time zones.
 */

// --- the municipality's list of bodies ---

export async function loadBodyList(db: Queryable, municipalityCode: string): Promise<CouncilBodyEntry[] | null> {
  const { rows } = await db.query<{ body_id: string; name: string; kind: BodyKind }>("SELECT body_id, name, kind FROM municipality_body WHERE municipality_code = $1 ORDER BY position", [municipalityCode]);
  return rows.length === 0 ? null : rows.map((r) => ({ id: r.body_id, nameDa: r.name, kind: r.kind }));
}

/** Replaces the whole list (its order is the order the form offers). */
export async function saveBodyList(db: Queryable, municipalityCode: string, bodies: readonly CouncilBodyEntry[]): Promise<void> {
  await db.query("DELETE FROM municipality_body WHERE municipality_code = $1", [municipalityCode]);
  for (const [position, b] of bodies.entries()) {
    await db.query("INSERT INTO municipality_body (municipality_code, position, body_id, name, kind) VALUES ($1, $2, $3, $4, $5)", [municipalityCode, position, b.id, b.nameDa, b.kind]);
  }
}

// --- meetings ---

type MeetingRow = {
  id: string;
  municipality_code: string;
  data_year: number;
  body_id: string;
  body_name: string;
  body_kind: BodyKind;
  meeting_date: string;
  agenda_item_number: string | null;
  agenda_item_title: string;
  role: MeetingRole;
  state: MeetingState;
  outcome: MeetingOutcome | null;
  decision_text: string | null;
  minutes_url: string | null;
  updated_at: Date | string;
};

const MEETING_COLUMNS = `id::text AS id, municipality_code, data_year, body_id, body_name, body_kind, to_char(meeting_date, 'YYYY-MM-DD') AS meeting_date,
  agenda_item_number, agenda_item_title, role, state, outcome, decision_text, minutes_url, updated_at`;

function toMeeting(row: MeetingRow, attachments: readonly AttachmentInfo[]): TreatmentMeeting {
  return {
    id: row.id,
    municipalityCode: asMunicipalityCode(row.municipality_code),
    dataYear: Number(row.data_year),
    body: { id: row.body_id, nameDa: row.body_name, kind: row.body_kind },
    date: parseIsoDate(row.meeting_date),
    agendaItemNumber: row.agenda_item_number,
    agendaItemTitle: row.agenda_item_title,
    role: row.role,
    state: row.state,
    outcome: row.outcome,
    decisionText: row.decision_text,
    minutesUrl: row.minutes_url,
    attachments: attachments.filter((a) => a.meetingId === row.id),
    updatedAt: toIsoTimestamp(row.updated_at),
  };
}

export type MeetingWrite = ValidMeeting & { readonly body: CouncilBodyEntry };

export async function insertMeeting(db: Queryable, municipalityCode: string, dataYear: number, m: MeetingWrite, at: string): Promise<TreatmentMeeting> {
  const { rows } = await db.query<MeetingRow>(
    `INSERT INTO treatment_meeting (municipality_code, data_year, body_id, body_name, body_kind, meeting_date, agenda_item_number, agenda_item_title, role, state, outcome, decision_text, minutes_url, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6::date, $7, $8, $9, $10, $11, $12, $13, $14, $14) RETURNING ${MEETING_COLUMNS}`,
    [municipalityCode, dataYear, m.body.id, m.body.nameDa, m.body.kind, m.date, m.agendaItemNumber, m.agendaItemTitle, m.role, m.state, m.outcome, m.decisionText, m.minutesUrl, at],
  );
  return toMeeting(rows[0]!, []);
}

export async function updateMeeting(db: Queryable, id: string, m: MeetingWrite, at: string): Promise<void> {
  await db.query(
    `UPDATE treatment_meeting SET body_id = $2, body_name = $3, body_kind = $4, meeting_date = $5::date, agenda_item_number = $6, agenda_item_title = $7, role = $8,
       state = $9, outcome = $10, decision_text = $11, minutes_url = $12, updated_at = $13 WHERE id = $1::uuid`,
    [id, m.body.id, m.body.nameDa, m.body.kind, m.date, m.agendaItemNumber, m.agendaItemTitle, m.role, m.state, m.outcome, m.decisionText, m.minutesUrl, at],
  );
}

export async function deleteMeeting(db: Queryable, id: string): Promise<void> {
  await db.query("DELETE FROM treatment_meeting WHERE id = $1::uuid", [id]);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A meeting with its attachments' descriptions (never their bytes), or null; a malformed id is simply not found. */
export async function loadMeeting(db: Queryable, id: string): Promise<TreatmentMeeting | null> {
  if (!UUID.test(id)) return null;
  const { rows } = await db.query<MeetingRow>(`SELECT ${MEETING_COLUMNS} FROM treatment_meeting WHERE id = $1::uuid`, [id]);
  if (!rows[0]) return null;
  return toMeeting(rows[0], await listAttachments(db, [id]));
}

/** The meetings of one year (or, year null, every year), in meeting order, with their attachments. */
export async function listMeetings(db: Queryable, municipalityCode: string, dataYear: number | null): Promise<TreatmentMeeting[]> {
  const { rows } = await db.query<MeetingRow>(
    `SELECT ${MEETING_COLUMNS} FROM treatment_meeting WHERE municipality_code = $1 AND ($2::integer IS NULL OR data_year = $2::integer) ORDER BY data_year DESC, meeting_date, created_at, id`,
    [municipalityCode, dataYear],
  );
  const attachments = rows.length === 0 ? [] : await listAttachments(db, rows.map((r) => r.id));
  return rows.map((r) => toMeeting(r, attachments));
}

// --- attachments ---

type AttachmentRow = { id: string; meeting_id: string; file_name: string; media_type: AttachmentMediaType; size_bytes: number; sha256: string; is_public: boolean; uploaded_at: Date | string };
const ATTACHMENT_COLUMNS = "id::text AS id, meeting_id::text AS meeting_id, file_name, media_type, size_bytes, sha256, is_public, uploaded_at";

function toAttachment(r: AttachmentRow): AttachmentInfo {
  return { id: r.id, meetingId: r.meeting_id, fileName: r.file_name, mediaType: r.media_type, sizeBytes: Number(r.size_bytes), sha256: r.sha256, isPublic: r.is_public, uploadedAt: toIsoTimestamp(r.uploaded_at) };
}

async function listAttachments(db: Queryable, meetingIds: readonly string[]): Promise<AttachmentInfo[]> {
  const { rows } = await db.query<AttachmentRow>(`SELECT ${ATTACHMENT_COLUMNS} FROM treatment_attachment WHERE meeting_id = ANY($1::uuid[]) ORDER BY uploaded_at, id`, [meetingIds]);
  return rows.map(toAttachment);
}

export async function insertAttachment(
  db: Queryable,
  a: { meetingId: string; fileName: string; mediaType: AttachmentMediaType; sha256: string; content: Uint8Array; isPublic: boolean; uploadedAt: string },
): Promise<AttachmentInfo> {
  const { rows } = await db.query<AttachmentRow>(
    `INSERT INTO treatment_attachment (meeting_id, file_name, media_type, size_bytes, sha256, content, is_public, uploaded_at)
     VALUES ($1::uuid, $2, $3, $4, $5, $6, $7, $8) RETURNING ${ATTACHMENT_COLUMNS}`,
    [a.meetingId, a.fileName, a.mediaType, a.content.length, a.sha256, a.content, a.isPublic, a.uploadedAt],
  );
  return toAttachment(rows[0]!);
}

export async function loadAttachmentInfo(db: Queryable, id: string): Promise<(AttachmentInfo & { municipalityCode: MunicipalityCode; dataYear: number }) | null> {
  if (!UUID.test(id)) return null;
  const { rows } = await db.query<AttachmentRow & { municipality_code: string; data_year: number }>(
    `SELECT a.id::text AS id, a.meeting_id::text AS meeting_id, a.file_name, a.media_type, a.size_bytes, a.sha256, a.is_public, a.uploaded_at, m.municipality_code, m.data_year
     FROM treatment_attachment a JOIN treatment_meeting m ON m.id = a.meeting_id WHERE a.id = $1::uuid`,
    [id],
  );
  return rows[0] ? { ...toAttachment(rows[0]), municipalityCode: asMunicipalityCode(rows[0].municipality_code), dataYear: Number(rows[0].data_year) } : null;
}

/** The file's bytes: only after the caller has been allowed to see the attachment. */
export async function loadAttachmentContent(db: Queryable, id: string): Promise<Buffer | null> {
  if (!UUID.test(id)) return null;
  const { rows } = await db.query<{ content: Uint8Array }>("SELECT content FROM treatment_attachment WHERE id = $1::uuid", [id]);
  return rows[0] ? Buffer.from(rows[0].content) : null;
}

export async function setAttachmentPublic(db: Queryable, id: string, isPublic: boolean): Promise<void> {
  await db.query("UPDATE treatment_attachment SET is_public = $2 WHERE id = $1::uuid", [id, isPublic]);
}

export async function deleteAttachment(db: Queryable, id: string): Promise<void> {
  await db.query("DELETE FROM treatment_attachment WHERE id = $1::uuid", [id]);
}

// --- the action-plan decision and Ankestyrelsen's order ---

type DecisionRow = { municipality_code: string; data_year: number; decision: ActionPlanDecision; notified_on: string | null; updated_at: Date | string };

export async function loadPlanDecision(db: Queryable, municipalityCode: string, dataYear: number): Promise<TreatmentPlanDecision | null> {
  const { rows } = await db.query<DecisionRow>(
    `SELECT municipality_code, data_year, decision, to_char(ankestyrelsen_notified_on, 'YYYY-MM-DD') AS notified_on, updated_at FROM treatment_plan_decision WHERE municipality_code = $1 AND data_year = $2`,
    [municipalityCode, dataYear],
  );
  const r = rows[0];
  return r ? { municipalityCode: asMunicipalityCode(r.municipality_code), dataYear: Number(r.data_year), decision: r.decision, ankestyrelsenNotifiedOn: parseIsoDate(r.notified_on), updatedAt: toIsoTimestamp(r.updated_at) } : null;
}

export async function savePlanDecision(db: Queryable, d: TreatmentPlanDecision): Promise<void> {
  await db.query(
    `INSERT INTO treatment_plan_decision (municipality_code, data_year, decision, ankestyrelsen_notified_on, updated_at) VALUES ($1, $2, $3, $4::date, $5)
     ON CONFLICT (municipality_code, data_year) DO UPDATE SET decision = EXCLUDED.decision, ankestyrelsen_notified_on = EXCLUDED.ankestyrelsen_notified_on, updated_at = EXCLUDED.updated_at`,
    [d.municipalityCode, d.dataYear, d.decision, d.ankestyrelsenNotifiedOn, d.updatedAt],
  );
}

export async function deletePlanDecision(db: Queryable, municipalityCode: string, dataYear: number): Promise<void> {
  await db.query("DELETE FROM treatment_plan_decision WHERE municipality_code = $1 AND data_year = $2", [municipalityCode, dataYear]);
}

type OrderRow = { municipality_code: string; data_year: number; ordered_on: string; deadline: string; note: string | null; recorded_at: Date | string };

export async function loadOrder(db: Queryable, municipalityCode: string, dataYear: number): Promise<AnkestyrelsenOrder | null> {
  const { rows } = await db.query<OrderRow>(
    `SELECT municipality_code, data_year, to_char(ordered_on, 'YYYY-MM-DD') AS ordered_on, to_char(deadline, 'YYYY-MM-DD') AS deadline, note, recorded_at FROM ankestyrelsen_order WHERE municipality_code = $1 AND data_year = $2`,
    [municipalityCode, dataYear],
  );
  const r = rows[0];
  return r ? { municipalityCode: asMunicipalityCode(r.municipality_code), dataYear: Number(r.data_year), orderedOn: parseIsoDate(r.ordered_on), deadline: parseIsoDate(r.deadline), note: r.note, recordedAt: toIsoTimestamp(r.recorded_at) } : null;
}

export async function saveOrder(db: Queryable, o: AnkestyrelsenOrder): Promise<void> {
  await db.query(
    `INSERT INTO ankestyrelsen_order (municipality_code, data_year, ordered_on, deadline, note, recorded_at) VALUES ($1, $2, $3::date, $4::date, $5, $6)
     ON CONFLICT (municipality_code, data_year) DO UPDATE SET ordered_on = EXCLUDED.ordered_on, deadline = EXCLUDED.deadline, note = EXCLUDED.note, recorded_at = EXCLUDED.recorded_at`,
    [o.municipalityCode, o.dataYear, o.orderedOn, o.deadline, o.note, o.recordedAt],
  );
}

export async function deleteOrder(db: Queryable, municipalityCode: string, dataYear: number): Promise<void> {
  await db.query("DELETE FROM ankestyrelsen_order WHERE municipality_code = $1 AND data_year = $2", [municipalityCode, dataYear]);
}

/** The years a municipality has anything recorded for, newest first (the history export). */
export async function listTreatmentYears(db: Queryable, municipalityCode: string): Promise<number[]> {
  const { rows } = await db.query<{ data_year: number }>(
    `SELECT data_year FROM treatment_meeting WHERE municipality_code = $1 UNION SELECT data_year FROM treatment_plan_decision WHERE municipality_code = $1
     UNION SELECT data_year FROM ankestyrelsen_order WHERE municipality_code = $1 ORDER BY data_year DESC`,
    [municipalityCode],
  );
  return rows.map((r) => Number(r.data_year));
}

// --- legal rule edits ---

type RuleEditRow = { rule_id: LegalRuleId; valid_from: string; valid_to: string | null; summary_da: string; source: string; edited_at: Date | string; edited_by: string };

export async function listLegalRuleEdits(db: Queryable): Promise<LegalRuleEdit[]> {
  const { rows } = await db.query<RuleEditRow>(
    "SELECT rule_id, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, to_char(valid_to, 'YYYY-MM-DD') AS valid_to, summary_da, source, edited_at, edited_by FROM legal_rule_edit ORDER BY rule_id",
  );
  return rows.map((r) => ({ id: r.rule_id, validFrom: parseIsoDate(r.valid_from), validTo: parseIsoDate(r.valid_to), summaryDa: r.summary_da, source: r.source, editedAt: toIsoTimestamp(r.edited_at), editedBy: r.edited_by }));
}

export async function saveLegalRuleEdit(db: Queryable, e: LegalRuleEdit): Promise<void> {
  await db.query(
    `INSERT INTO legal_rule_edit (rule_id, valid_from, valid_to, summary_da, source, edited_at, edited_by) VALUES ($1, $2::date, $3::date, $4, $5, $6, $7)
     ON CONFLICT (rule_id) DO UPDATE SET valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to, summary_da = EXCLUDED.summary_da, source = EXCLUDED.source,
       edited_at = EXCLUDED.edited_at, edited_by = EXCLUDED.edited_by`,
    [e.id, e.validFrom, e.validTo, e.summaryDa, e.source, e.editedAt, e.editedBy],
  );
}

export async function deleteLegalRuleEdit(db: Queryable, id: LegalRuleId): Promise<void> {
  await db.query("DELETE FROM legal_rule_edit WHERE rule_id = $1", [id]);
}
