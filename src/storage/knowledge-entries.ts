import type { KnowledgeEntry, KnowledgeEntryInput, KnowledgeOutcome, KnowledgeStatus, NewDecisionResult } from "../domain/knowledge/knowledge-entry.js";
import type { ReasonDefinition } from "../domain/knowledge/reason-taxonomy.js";
import { asMunicipalityCode } from "../domain/municipality.js";
import type { Queryable } from "./database.js";
import { toIsoTimestamp } from "./timestamps.js";

/**
 * The knowledge bank's tables (migration 060). Every function takes the municipality code and filters by
 * it, so no query can return another municipality's entries by an id alone. Dates are read as text
 * (`to_char`): pg parses a `date` as local midnight, which moves it a day in a timezone west of UTC.
 */

type EntryRow = {
  id: number | string;
  municipality_code: string;
  decision_date: string;
  data_year: number;
  outcome: KnowledgeOutcome;
  law: string;
  subject: string;
  provision: string;
  department: string;
  reason_codes: unknown;
  summary: string;
  learning_point: string;
  links: unknown;
  case_reference: string;
  new_decision_result: NewDecisionResult | null;
  new_decision_date: string | null;
  status: KnowledgeStatus;
  created_at: Date | string;
  updated_at: Date | string;
};

const COLUMNS = `id, municipality_code, to_char(decision_date, 'YYYY-MM-DD') AS decision_date, data_year, outcome, law, subject, provision,
  department, reason_codes, summary, learning_point, links, case_reference, new_decision_result,
  to_char(new_decision_date, 'YYYY-MM-DD') AS new_decision_date, status, created_at, updated_at`;

function json<T>(value: unknown): T {
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}

function toEntry(row: EntryRow): KnowledgeEntry {
  return {
    id: Number(row.id),
    municipalityCode: asMunicipalityCode(row.municipality_code),
    decisionDate: row.decision_date,
    dataYear: Number(row.data_year),
    outcome: row.outcome,
    law: row.law,
    subject: row.subject,
    provision: row.provision,
    department: row.department,
    reasonCodes: json<string[]>(row.reason_codes),
    summary: row.summary,
    learningPoint: row.learning_point,
    links: json<string[]>(row.links),
    caseReference: row.case_reference,
    newDecision: row.new_decision_result === null ? null : { result: row.new_decision_result, date: row.new_decision_date },
    status: row.status,
    createdAt: toIsoTimestamp(row.created_at),
    updatedAt: toIsoTimestamp(row.updated_at),
  };
}

function params(input: KnowledgeEntryInput): unknown[] {
  return [
    input.decisionDate,
    input.dataYear,
    input.outcome,
    input.law.trim(),
    input.subject.trim(),
    input.provision.trim(),
    input.department.trim(),
    JSON.stringify(input.reasonCodes),
    input.summary.trim(),
    input.learningPoint.trim(),
    JSON.stringify(input.links),
    input.caseReference.trim(),
    input.newDecision?.result ?? null,
    input.newDecision?.date ?? null,
    input.status,
  ];
}

export async function insertKnowledgeEntry(db: Queryable, municipalityCode: string, input: KnowledgeEntryInput, at: string): Promise<KnowledgeEntry> {
  const { rows } = await db.query<EntryRow>(
    `INSERT INTO knowledge_entry (decision_date, data_year, outcome, law, subject, provision, department, reason_codes, summary,
       learning_point, links, case_reference, new_decision_result, new_decision_date, status, municipality_code, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11::jsonb, $12, $13, $14, $15, $16, $17, $17)
     RETURNING ${COLUMNS}`,
    [...params(input), municipalityCode, at],
  );
  return toEntry(rows[0]!);
}

/** Replaces the entry's fields; null when the municipality has no entry with this id. */
export async function updateKnowledgeEntry(db: Queryable, municipalityCode: string, id: number, input: KnowledgeEntryInput, at: string): Promise<KnowledgeEntry | null> {
  const { rows } = await db.query<EntryRow>(
    `UPDATE knowledge_entry SET decision_date = $1, data_year = $2, outcome = $3, law = $4, subject = $5, provision = $6, department = $7,
       reason_codes = $8::jsonb, summary = $9, learning_point = $10, links = $11::jsonb, case_reference = $12, new_decision_result = $13,
       new_decision_date = $14, status = $15, updated_at = $18
     WHERE municipality_code = $16 AND id = $17
     RETURNING ${COLUMNS}`,
    [...params(input), municipalityCode, id, at],
  );
  return rows[0] ? toEntry(rows[0]) : null;
}

export async function loadKnowledgeEntry(db: Queryable, municipalityCode: string, id: number): Promise<KnowledgeEntry | null> {
  const { rows } = await db.query<EntryRow>(`SELECT ${COLUMNS} FROM knowledge_entry WHERE municipality_code = $1 AND id = $2`, [municipalityCode, id]);
  return rows[0] ? toEntry(rows[0]) : null;
}

/** The municipality's entries, newest decision first; one data year when given. */
export async function listKnowledgeEntries(db: Queryable, municipalityCode: string, query: { readonly dataYear?: number } = {}): Promise<KnowledgeEntry[]> {
  const { rows } = await db.query<EntryRow>(
    `SELECT ${COLUMNS} FROM knowledge_entry WHERE municipality_code = $1 AND ($2::int IS NULL OR data_year = $2::int) ORDER BY decision_date DESC, id DESC`,
    [municipalityCode, query.dataYear ?? null],
  );
  return rows.map(toEntry);
}

/** Entries whose Ankestyrelsen decision is older than `before` (ISO date): the retention listing. */
export async function listKnowledgeEntriesDecidedBefore(db: Queryable, municipalityCode: string, before: string): Promise<KnowledgeEntry[]> {
  const { rows } = await db.query<EntryRow>(`SELECT ${COLUMNS} FROM knowledge_entry WHERE municipality_code = $1 AND decision_date < $2::date ORDER BY decision_date, id`, [municipalityCode, before]);
  return rows.map(toEntry);
}

/** Deletes the municipality's entries with these ids; returns the ids that were there. */
export async function deleteKnowledgeEntries(db: Queryable, municipalityCode: string, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query<{ id: number | string }>("DELETE FROM knowledge_entry WHERE municipality_code = $1 AND id = ANY($2::bigint[]) RETURNING id", [municipalityCode, ids]);
  return rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}

/** The municipalities that hold any entry, with how many. */
export async function countKnowledgeEntriesByMunicipality(db: Queryable): Promise<Map<string, number>> {
  const { rows } = await db.query<{ municipality_code: string; n: number | string }>("SELECT municipality_code, count(*) AS n FROM knowledge_entry GROUP BY municipality_code");
  return new Map(rows.map((r) => [r.municipality_code, Number(r.n)]));
}

type ReasonRow = { code: string; label_da: string; definition_da: string; source: string; valid_from: number; valid_to: number | null };

export async function loadReasonTaxonomy(db: Queryable): Promise<ReasonDefinition[]> {
  const { rows } = await db.query<ReasonRow>("SELECT code, label_da, definition_da, source, valid_from, valid_to FROM knowledge_reason ORDER BY position, code");
  return rows.map((r) => ({ code: r.code, labelDa: r.label_da, definitionDa: r.definition_da, source: r.source, validFrom: Number(r.valid_from), validTo: r.valid_to === null ? null : Number(r.valid_to) }));
}

/** Adds a reason (last in the list) or replaces its label, definition, source and years. */
export async function saveReasonDefinition(db: Queryable, reason: ReasonDefinition): Promise<void> {
  await db.query(
    `INSERT INTO knowledge_reason (code, label_da, definition_da, source, valid_from, valid_to, position)
     VALUES ($1, $2, $3, $4, $5, $6, (SELECT coalesce(max(position), 0) + 1 FROM knowledge_reason))
     ON CONFLICT (code) DO UPDATE SET label_da = EXCLUDED.label_da, definition_da = EXCLUDED.definition_da, source = EXCLUDED.source,
       valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to`,
    [reason.code, reason.labelDa, reason.definitionDa, reason.source, reason.validFrom, reason.validTo],
  );
}

export async function loadDepartments(db: Queryable, municipalityCode: string): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>("SELECT name FROM knowledge_department WHERE municipality_code = $1 ORDER BY position, name", [municipalityCode]);
  return rows.map((r) => r.name);
}

/** Replaces the municipality's department list (order kept). */
export async function saveDepartments(db: Queryable, municipalityCode: string, names: readonly string[]): Promise<void> {
  await db.query("DELETE FROM knowledge_department WHERE municipality_code = $1", [municipalityCode]);
  for (const [i, name] of names.entries()) {
    await db.query("INSERT INTO knowledge_department (municipality_code, name, position) VALUES ($1, $2, $3)", [municipalityCode, name, i + 1]);
  }
}

/** Remembered mappings of the municipality's own spreadsheet headings (folded) to entry fields. */
export async function loadHeadingMappings(db: Queryable, municipalityCode: string): Promise<Map<string, string>> {
  const { rows } = await db.query<{ heading: string; field: string }>("SELECT heading, field FROM knowledge_heading_mapping WHERE municipality_code = $1", [municipalityCode]);
  return new Map(rows.map((r) => [r.heading, r.field]));
}

export async function saveHeadingMappings(db: Queryable, municipalityCode: string, mappings: ReadonlyMap<string, string>): Promise<void> {
  for (const [heading, field] of mappings) {
    await db.query(
      "INSERT INTO knowledge_heading_mapping (municipality_code, heading, field) VALUES ($1, $2, $3) ON CONFLICT (municipality_code, heading) DO UPDATE SET field = EXCLUDED.field",
      [municipalityCode, heading, field],
    );
  }
}

export type KnowledgeSetting = { readonly publishAggregate: boolean; readonly retentionYears: number };

/** Five years unless the municipality chose otherwise (issue 14, point 5); nothing is published unless chosen. */
export const DEFAULT_KNOWLEDGE_SETTING: KnowledgeSetting = { publishAggregate: false, retentionYears: 5 };

export async function loadKnowledgeSetting(db: Queryable, municipalityCode: string): Promise<KnowledgeSetting> {
  const { rows } = await db.query<{ publish_aggregate: boolean; retention_years: number }>("SELECT publish_aggregate, retention_years FROM knowledge_setting WHERE municipality_code = $1", [municipalityCode]);
  return rows[0] ? { publishAggregate: rows[0].publish_aggregate, retentionYears: Number(rows[0].retention_years) } : DEFAULT_KNOWLEDGE_SETTING;
}

export async function saveKnowledgeSetting(db: Queryable, municipalityCode: string, setting: KnowledgeSetting): Promise<void> {
  await db.query(
    `INSERT INTO knowledge_setting (municipality_code, publish_aggregate, retention_years) VALUES ($1, $2, $3)
     ON CONFLICT (municipality_code) DO UPDATE SET publish_aggregate = EXCLUDED.publish_aggregate, retention_years = EXCLUDED.retention_years`,
    [municipalityCode, setting.publishAggregate, setting.retentionYears],
  );
}

/** The municipalities that chose to publish their anonymised aggregate. */
export async function listPublishingMunicipalities(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ municipality_code: string }>("SELECT municipality_code FROM knowledge_setting WHERE publish_aggregate ORDER BY municipality_code");
  return rows.map((r) => r.municipality_code);
}
