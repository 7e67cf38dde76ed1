import { validateSubjectAreaRows, subjectAreaLookup, SUBJECT_AREA_FIELDS_DA, type SubjectAreaRow } from "../../domain/subject-area-table.js";
import { authorize } from "../../domain/access-policy.js";
import type { Queryable } from "../../storage/database.js";
import { loadDepartments } from "../../storage/knowledge-entries.js";
import { listMunicipalitySubjects, loadSubjectAreas, saveSubjectAreas, type MunicipalitySubject } from "../../storage/subject-areas.js";
import { recordAuditEvent } from "../audit/record-audit-event.js";
import type { Caller } from "../caller.js";
import { cprRefusalOf, isRefusal, municipalityOr404, permitOrRefuse, type TreatmentDeps } from "../treatment/treatment-access.js";
import type { Refusal } from "../use-case-result.js";

/** The slice the subject → area use cases take: the database, the clock and the security log. */
export type SubjectAreaDeps = TreatmentDeps;

export type SubjectAreaTableView = {
  readonly kind: "subject-areas";
  readonly municipalityCode: string;
  readonly rows: readonly SubjectAreaRow[];
  /** The municipality's departments (its own list, shared with the knowledge bank): the areas to choose from. */
  readonly departments: readonly string[];
  /** Every subject with cases in the loaded years, for the editor to place. */
  readonly subjects: readonly MunicipalitySubject[];
  readonly mayWrite: boolean;
};

/**
 * The municipality's subject → area table with the subjects it has cases under and its departments.
 * Public, like its list of bodies: which department handles which subject is how the municipality is
 * organised, and the public agenda item prints the grouping.
 */
export async function loadSubjectAreaTable(deps: Pick<SubjectAreaDeps, "db">, caller: Caller, code: string): Promise<SubjectAreaTableView | Refusal> {
  const municipality = municipalityOr404(code);
  if (isRefusal(municipality)) return municipality;
  const [rows, departments, subjects] = await Promise.all([loadSubjectAreas(deps.db, municipality.code), loadDepartments(deps.db, municipality.code), listMunicipalitySubjects(deps.db, municipality.code)]);
  return {
    kind: "subject-areas",
    municipalityCode: municipality.code,
    rows,
    departments,
    subjects,
    mayWrite: authorize(caller.actor, { action: "municipality.settings.write", municipalityCode: municipality.code }).allowed,
  };
}

/** The table as the agenda item groups by it, or null when the municipality keeps none. */
export async function loadSubjectAreaLookup(db: Queryable, code: string): Promise<ReadonlyMap<string, string> | null> {
  return subjectAreaLookup(await loadSubjectAreas(db, code));
}

/**
 * Replaces the municipality's whole table (permission municipality.settings.write: its editors, as for
 * its bodies and departments). Area names are free text, so the CPR guard reads them; the write and its
 * audit event, with the table before and after, share one transaction.
 */
export async function saveSubjectAreaTable(deps: SubjectAreaDeps, caller: Caller, code: string, rows: readonly SubjectAreaRow[]): Promise<{ kind: "saved"; rows: readonly SubjectAreaRow[] } | Refusal> {
  const municipality = municipalityOr404(code);
  if (isRefusal(municipality)) return municipality;
  const denied = permitOrRefuse(deps, caller, { action: "municipality.settings.write", municipalityCode: municipality.code });
  if (denied) return denied;
  const cpr = cprRefusalOf(deps, caller, rows.flatMap((r) => [[SUBJECT_AREA_FIELDS_DA.subject, r.subject] as const, [SUBJECT_AREA_FIELDS_DA.area, r.area] as const]));
  if (cpr) return cpr;
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const checked = validateSubjectAreaRows(rows, await loadDepartments(tx, municipality.code));
    if (!checked.ok) return { kind: "refused" as const, status: 400 as const, messageDa: checked.problem.messageDa, field: checked.problem.field };
    const before = await loadSubjectAreas(tx, municipality.code);
    await saveSubjectAreas(tx, municipality.code, checked.rows, now.toISOString());
    await recordAuditEvent(tx, caller, now, { action: "municipality.subject-areas-save", municipalityCode: municipality.code, subject: `områdetabel ${municipality.code}`, before: { areas: before }, after: { areas: checked.rows } });
    return { kind: "saved" as const, rows: checked.rows };
  });
}
