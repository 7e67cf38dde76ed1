import type { SubjectAreaRow } from "../domain/subject-area-table.js";
import type { Queryable } from "./database.js";
import { selectVersionsByYear } from "./version-selection.js";

/** The municipality's subject → area table, by subject. */
export async function loadSubjectAreas(db: Queryable, municipalityCode: string): Promise<SubjectAreaRow[]> {
  const { rows } = await db.query<{ subject: string; area: string }>("SELECT subject, area FROM municipality_subject_area WHERE municipality_code = $1 ORDER BY subject", [municipalityCode]);
  return rows.map((r) => ({ subject: r.subject, area: r.area }));
}

/** Replaces the municipality's whole table (the rows are already checked by validateSubjectAreaRows). */
export async function saveSubjectAreas(db: Queryable, municipalityCode: string, rows: readonly SubjectAreaRow[], updatedAt: string): Promise<void> {
  await db.query("DELETE FROM municipality_subject_area WHERE municipality_code = $1", [municipalityCode]);
  for (const r of rows) {
    await db.query("INSERT INTO municipality_subject_area (municipality_code, subject, area, updated_at) VALUES ($1, $2, $3, $4)", [municipalityCode, r.subject, r.area, updatedAt]);
  }
}

/** A subject the municipality has cases under in a shown dataset version, with the years and the decided cases. */
export type MunicipalitySubject = { readonly subject: string; readonly law: string; readonly years: readonly number[]; readonly decided: number };

/**
 * Every subject label under which the municipality has cases in the versions shown for each year
 * (version-selection.ts), newest year first in `years`: the rows the editor places in areas.
 */
export async function listMunicipalitySubjects(db: Queryable, municipalityCode: string): Promise<MunicipalitySubject[]> {
  const versions = [...(await selectVersionsByYear(db))].map(([year, v]) => [year, v.shown.datasetVersionId] as const);
  if (versions.length === 0) return [];
  const { rows } = await db.query<{ subject: string; law: string; year: number; decided: string }>(
    `SELECT c.subject, c.law, c.year, sum(c.upheld + c.changed + c.remitted)::text AS decided
       FROM complaint_cell c
       JOIN unnest($2::int[], $3::int[]) AS v(year, id) ON v.year = c.year AND v.id = c.dataset_version_id
      WHERE c.municipality_code = $1
      GROUP BY c.subject, c.law, c.year`,
    [municipalityCode, versions.map(([y]) => y), versions.map(([, id]) => id)],
  );
  const bySubject = new Map<string, { subject: string; law: string; years: number[]; decided: number }>();
  for (const r of rows) {
    const s = bySubject.get(r.subject) ?? { subject: r.subject, law: r.law, years: [], decided: 0 };
    s.years.push(r.year);
    s.decided += Number(r.decided);
    bySubject.set(r.subject, s);
  }
  return [...bySubject.values()]
    .map((s) => ({ ...s, years: [...s.years].sort((a, b) => b - a) }))
    .sort((a, b) => a.law.localeCompare(b.law, "da") || a.subject.localeCompare(b.subject, "da"));
}
