/**
 * The municipality's own subject → area table (issue 16, point 4): which of its departments/areas each of
 * Ankestyrelsen's subject labels (sagsemner) belongs to, so the agenda item can group every complaint case
 * by the municipality's own organisation (Allerød 2025 groups by "Børneområdet", "Voksenområdet",
 * "Jobcenter" …). Keyed by the subject label as the import stores it; a subject without a row is shown as
 * not placed, never dropped.
 */
export type SubjectAreaRow = { readonly subject: string; readonly area: string };

/** Ankestyrelsen's labels run to about 120 characters; the limits only keep a pasted document out. */
export const MAX_SUBJECT_LENGTH = 500;
export const MAX_AREA_LENGTH = 200;
/** A municipality has cases under some 150 subjects a year; the cap leaves room for renamed labels. */
export const MAX_SUBJECT_AREA_ROWS = 1000;

export const SUBJECT_AREA_FIELDS_DA = { subject: "Sagsemne", area: "Område" } as const;

export type SubjectAreaProblem = { readonly field: string; readonly messageDa: string };

export type SubjectAreaCheck = { readonly ok: true; readonly rows: readonly SubjectAreaRow[] } | { readonly ok: false; readonly problem: SubjectAreaProblem };

function short(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/**
 * Checks a whole table as a person or a program sends it. Names are trimmed; a row with an empty area
 * means "not placed" and is left out, so clearing a field removes the row. A subject may have one area
 * only. Where the municipality keeps a list of its departments, the area must be one of them, so the item
 * cannot group by a misspelt department.
 */
export function validateSubjectAreaRows(rows: readonly SubjectAreaRow[], departments: readonly string[] = []): SubjectAreaCheck {
  const bySubject = new Map<string, string>();
  for (const raw of rows) {
    const subject = raw.subject.trim();
    const area = raw.area.trim();
    if (area === "") continue;
    if (subject === "") return { ok: false, problem: { field: SUBJECT_AREA_FIELDS_DA.subject, messageDa: `Området "${short(area)}" mangler et sagsemne.` } };
    if (subject.length > MAX_SUBJECT_LENGTH) return { ok: false, problem: { field: SUBJECT_AREA_FIELDS_DA.subject, messageDa: `Sagsemnet "${short(subject)}" er på ${subject.length} tegn; højst ${MAX_SUBJECT_LENGTH} er tilladt.` } };
    if (area.length > MAX_AREA_LENGTH) return { ok: false, problem: { field: SUBJECT_AREA_FIELDS_DA.area, messageDa: `Området for "${short(subject)}" er på ${area.length} tegn; højst ${MAX_AREA_LENGTH} er tilladt.` } };
    if (departments.length > 0 && !departments.includes(area)) {
      return { ok: false, problem: { field: SUBJECT_AREA_FIELDS_DA.area, messageDa: `"${short(area)}" (for "${short(subject)}") står ikke på kommunens liste over afdelinger. Vælg et af: ${departments.join(", ")}.` } };
    }
    const earlier = bySubject.get(subject);
    if (earlier !== undefined && earlier !== area) {
      return { ok: false, problem: { field: SUBJECT_AREA_FIELDS_DA.area, messageDa: `Sagsemnet "${short(subject)}" står to gange, under "${short(earlier)}" og "${short(area)}". Et sagsemne hører til ét område.` } };
    }
    bySubject.set(subject, area);
  }
  if (bySubject.size > MAX_SUBJECT_AREA_ROWS) return { ok: false, problem: { field: SUBJECT_AREA_FIELDS_DA.subject, messageDa: `Tabellen har ${bySubject.size} sagsemner; højst ${MAX_SUBJECT_AREA_ROWS} er tilladt.` } };
  const sorted = [...bySubject].map(([subject, area]) => ({ subject, area })).sort((a, b) => a.subject.localeCompare(b.subject, "da"));
  return { ok: true, rows: sorted };
}

/** The table as the report groups by it; null when the municipality keeps none (the item then groups by map). */
export function subjectAreaLookup(rows: readonly SubjectAreaRow[]): ReadonlyMap<string, string> | null {
  return rows.length === 0 ? null : new Map(rows.map((r) => [r.subject, r.area]));
}
