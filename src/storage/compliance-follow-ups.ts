import type { ComplianceFollowUp, FollowUpCategory } from "../domain/compliance-follow-up.js";
import { asMunicipalityCode } from "../domain/municipality.js";
import type { Queryable } from "./database.js";
import { toIsoTimestamp } from "./timestamps.js";

/** Ankestyrelsen's follow-up per municipality and data year in SQL (migration 080). */

type Row = { municipality_code: string; data_year: number; category: FollowUpCategory; note: string | null; updated_at: Date | string; updated_by: string };
const COLUMNS = "municipality_code, data_year, category, note, updated_at, updated_by";

function toFollowUp(r: Row): ComplianceFollowUp {
  return { municipalityCode: asMunicipalityCode(r.municipality_code), dataYear: Number(r.data_year), category: r.category, note: r.note, updatedAt: toIsoTimestamp(r.updated_at), updatedBy: r.updated_by };
}

/** Every follow-up of one data year, keyed by municipality code. */
export async function listFollowUps(db: Queryable, dataYear: number): Promise<Map<string, ComplianceFollowUp>> {
  const { rows } = await db.query<Row>(`SELECT ${COLUMNS} FROM compliance_follow_up WHERE data_year = $1`, [dataYear]);
  return new Map(rows.map((r) => [r.municipality_code, toFollowUp(r)]));
}

export async function loadFollowUp(db: Queryable, municipalityCode: string, dataYear: number): Promise<ComplianceFollowUp | null> {
  const { rows } = await db.query<Row>(`SELECT ${COLUMNS} FROM compliance_follow_up WHERE municipality_code = $1 AND data_year = $2`, [municipalityCode, dataYear]);
  return rows[0] ? toFollowUp(rows[0]) : null;
}

export async function saveFollowUp(db: Queryable, f: ComplianceFollowUp): Promise<void> {
  await db.query(
    `INSERT INTO compliance_follow_up (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (municipality_code, data_year) DO UPDATE SET category = EXCLUDED.category, note = EXCLUDED.note, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
    [f.municipalityCode, f.dataYear, f.category, f.note, f.updatedAt, f.updatedBy],
  );
}

export async function deleteFollowUp(db: Queryable, municipalityCode: string, dataYear: number): Promise<void> {
  await db.query("DELETE FROM compliance_follow_up WHERE municipality_code = $1 AND data_year = $2", [municipalityCode, dataYear]);
}
