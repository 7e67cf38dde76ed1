import type { JSX } from "preact";
import type { Refusal } from "../../app/use-case-result.js";
import { formatInteger } from "../../domain/format-danish-number.js";
import type { MunicipalitySubject } from "../../storage/subject-areas.js";
import { CsrfInput, ErrorSummary, FieldGroup, SuccessNotice } from "./form-fields.js";
import { PageLayout, type LayoutAccount } from "./page-layout.js";
import { renderHtmlPage } from "./render-html-page.js";

/** One row of the form: a subject, what is known about its cases, and the area typed for it. */
export type SubjectAreaFormRow = {
  readonly subject: string;
  readonly law: string | null;
  readonly years: readonly number[];
  readonly decided: number;
  readonly area: string;
};

/**
 * The rows the editor sees: every subject with cases in the loaded years, then the subjects the table
 * still places that have no cases now (a renamed label), so saving the page never drops a row unseen.
 */
export function subjectAreaFormRows(
  subjects: readonly MunicipalitySubject[],
  areaOf: ReadonlyMap<string, string>,
): SubjectAreaFormRow[] {
  const rows: SubjectAreaFormRow[] = subjects.map((s) => ({
    subject: s.subject,
    law: s.law || null,
    years: s.years,
    decided: s.decided,
    area: areaOf.get(s.subject) ?? "",
  }));
  const shown = new Set(subjects.map((s) => s.subject));
  for (const [subject, area] of areaOf)
    if (!shown.has(subject)) rows.push({ subject, law: null, years: [], decided: 0, area });
  return rows;
}

type Props = {
  readonly code: string;
  readonly name: string;
  readonly rows: readonly SubjectAreaFormRow[];
  readonly departments: readonly string[];
  readonly refusal: Refusal | null;
  readonly savedDa: string | null;
  readonly csrfToken: string;
  readonly account: LayoutAccount | null;
};

function hintOf(r: SubjectAreaFormRow): string {
  if (r.years.length === 0) return "Ingen sager i de indlæste år (fx et sagsemne, Ankestyrelsen har omdøbt).";
  const decided =
    r.decided === 1 ? "1 realitetsbehandlet sag" : `${formatInteger(r.decided)} realitetsbehandlede sager`;
  return `${r.law ?? "Ukendt lovgivning"} · ${r.years.join(", ")} · ${decided}`;
}

/** Rows grouped by law as the import names it, in the order given; rows without a law last. */
function byLaw(
  rows: readonly SubjectAreaFormRow[],
): { readonly law: string; readonly rows: { readonly row: SubjectAreaFormRow; readonly index: number }[] }[] {
  const groups = new Map<string, { row: SubjectAreaFormRow; index: number }[]>();
  rows.forEach((row, index) => {
    const law = row.years.length === 0 ? "Sagsemner uden sager i de indlæste år" : (row.law ?? "Ukendt lovgivning");
    groups.set(law, [...(groups.get(law) ?? []), { row, index }]);
  });
  return [...groups].map(([law, rs]) => ({ law, rows: rs }));
}

/**
 * The municipality's subject → area table (issue 16, point 4): for each of Ankestyrelsen's subjects the
 * municipality has cases under, the area/department it belongs to. The agenda item's section on all
 * complaint cases groups by it. One text field per subject, suggesting the municipality's departments.
 */
export function SubjectAreasPage(props: Props): JSX.Element {
  const listId = props.departments.length > 0 ? "kommunens-afdelinger" : undefined;
  return (
    <PageLayout title={`Områdetabel – ${props.name} Kommune`} isDemo={false} account={props.account}>
      <h1>Kommunens områdetabel</h1>
      <p>
        {props.name} Kommune. Skriv for hvert sagsemne, hvilket af kommunens områder det hører til. Dagsordenpunktets
        afsnit om alle klagesager grupperer sagerne efter tabellen; et sagsemne uden område står under »Ikke placeret i
        kommunens områdetabel«. Et tomt felt fjerner sagsemnet fra tabellen.
      </p>
      {props.departments.length > 0 ? (
        <p>
          Områderne skal stå på kommunens liste over afdelinger: {props.departments.join(", ")}. Listen rettes under
          vidensbanken.
        </p>
      ) : (
        <p>Kommunen har ingen liste over afdelinger, så områderne skrives frit.</p>
      )}
      <SuccessNotice textDa={props.savedDa} />
      {props.rows.length === 0 ? (
        <p>Der er ingen sager fra kommunen i de indlæste data og intet i tabellen endnu.</p>
      ) : (
        <form method="post" action={`/kommuner/${props.code}/omraader`} novalidate class="subject-area-form">
          <CsrfInput token={props.csrfToken} />
          <ErrorSummary refusal={props.refusal} />
          <input type="hidden" name="antal" value={String(props.rows.length)} />
          {listId && (
            <datalist id={listId}>
              {props.departments.map((d) => (
                <option value={d} />
              ))}
            </datalist>
          )}
          {byLaw(props.rows).map((g) => (
            <fieldset>
              <legend class="h3">{g.law}</legend>
              {g.rows.map(({ row, index }) => (
                <FieldGroup id={`omraade-${index}`} label={row.subject} hint={hintOf(row)}>
                  {(describedBy) => (
                    <>
                      <input type="hidden" name={`emne-${index}`} value={row.subject} />
                      <input
                        class="form-input"
                        type="text"
                        id={`omraade-${index}`}
                        name={`omraade-${index}`}
                        value={row.area}
                        list={listId}
                        aria-describedby={describedBy}
                      />
                    </>
                  )}
                </FieldGroup>
              ))}
            </fieldset>
          ))}
          <button class="button button-primary" type="submit">
            Gem områdetabellen
          </button>
        </form>
      )}
    </PageLayout>
  );
}

export function renderSubjectAreasPage(props: Props): string {
  return renderHtmlPage(<SubjectAreasPage {...props} />);
}
