import type { JSX } from "preact";
import { formatInteger } from "../../domain/format-danish-number.js";
import { SHEET_FIELD_NAMES_DA, type SheetField } from "../../importers/knowledge-sheet/knowledge-headings.js";
import { CsrfInput, FieldGroup, InputField, SuccessNotice } from "./form-fields.js";
import { PageLayout, type LayoutAccount } from "./page-layout.js";
import { renderHtmlPage } from "./render-html-page.js";

/** The forms of the page; a refusal is shown beside the form it came from. */
export type KnowledgeAdminForm = "import" | "settings" | "departments" | "retention";

/** What a check or an import of a spreadsheet found, as the page shows it. */
export type SheetCheckView = {
  readonly kind: "checked" | "rejected" | "imported";
  readonly fileName: string;
  readonly sheet: string;
  readonly entries: number;
  readonly errors: number;
  /** Each issue in Danish, naming file, row and column (formatKnowledgeIssue). */
  readonly issuesDa: readonly string[];
  readonly unknownHeadings: readonly string[];
  /** The mapping the check used, heading → field, so the next step sends it again. */
  readonly mappings: readonly (readonly [string, SheetField])[];
  /**
   * The file itself, base64, carried in the next step's form: the person confirms the file they checked
   * without choosing it again, and the server keeps nothing between the steps (any instance can answer).
   */
  readonly fileBase64: string | null;
};

export type KnowledgeAdminPageModel = {
  readonly municipalityCode: string;
  readonly municipalityName: string;
  readonly account: LayoutAccount | null;
  readonly csrfToken: string;
  readonly mayWrite: boolean;
  readonly mayEditDepartments: boolean;
  readonly setting: { readonly publishAggregate: boolean; readonly retentionYears: number };
  readonly departments: readonly string[];
  readonly retention: {
    readonly cutoff: string;
    readonly entries: readonly { readonly id: number; readonly decisionDate: string; readonly subject: string }[];
  };
  readonly notice: string | null;
  readonly refusal: { readonly form: KnowledgeAdminForm; readonly messageDa: string } | null;
  readonly check: SheetCheckView | null;
};

const FIELD_OPTIONS = Object.entries(SHEET_FIELD_NAMES_DA) as [SheetField, string][];

function FormRefusal({
  model,
  form,
}: {
  model: KnowledgeAdminPageModel;
  form: KnowledgeAdminForm;
}): JSX.Element | null {
  if (model.refusal?.form !== form) return null;
  return (
    <div class="alert alert-error" role="alert">
      <div class="alert-body">
        <p class="alert-text">{model.refusal.messageDa}</p>
      </div>
    </div>
  );
}

/** The hidden fields that carry a checked file and its mapping to the next step. */
function CarriedFile({ check }: { check: SheetCheckView }): JSX.Element {
  return (
    <>
      <input type="hidden" name="fil_data" value={check.fileBase64 ?? ""} />
      <input type="hidden" name="fil_navn" value={check.fileName} />
      <input type="hidden" name="ark" value={check.sheet} />
    </>
  );
}

function MappingInputs({ check }: { check: SheetCheckView }): JSX.Element {
  const known = check.mappings.filter(([heading]) => !check.unknownHeadings.includes(heading));
  return (
    <>
      {known.map(([heading, field], i) => (
        <>
          <input type="hidden" name={`overskrift_k${i}`} value={heading} />
          <input type="hidden" name={`felt_k${i}`} value={field} />
        </>
      ))}
      {check.unknownHeadings.map((heading, i) => (
        <FieldGroup
          id={`vb-felt-${i}`}
          label={`Kolonnen "${heading}"`}
          hint="Vælg det felt, kolonnen svarer til, eller Ignorer. Valget huskes til næste gang."
        >
          {(d) => (
            <>
              <input type="hidden" name={`overskrift_${i}`} value={heading} />
              <select class="form-select" id={`vb-felt-${i}`} name={`felt_${i}`} aria-describedby={d}>
                <option value="">(vælg felt)</option>
                {FIELD_OPTIONS.map(([field, nameDa]) => (
                  <option value={field}>{nameDa}</option>
                ))}
              </select>
            </>
          )}
        </FieldGroup>
      ))}
    </>
  );
}

function CheckResult({ model, check }: { model: KnowledgeAdminPageModel; check: SheetCheckView }): JSX.Element {
  const action = `/kommuner/${model.municipalityCode}/vidensbank/indlaes`;
  const summary =
    check.kind === "checked"
      ? `${check.fileName}: ${formatInteger(check.entries)} afgørelser uden fejl. Intet er gemt endnu.`
      : `${check.fileName}: ${formatInteger(check.errors)} ${check.errors === 1 ? "fejl" : "fejl"}. Intet er gemt.`;
  return (
    <section class="knowledge-check" aria-labelledby="h-tjek">
      <h3 id="h-tjek">Resultatet af tjekket</h3>
      <div
        class={`alert ${check.kind === "checked" ? "alert-info" : "alert-error"}`}
        role={check.kind === "checked" ? "status" : "alert"}
      >
        <div class="alert-body">
          <p class="alert-text">{summary}</p>
        </div>
      </div>
      {check.issuesDa.length > 0 && (
        <ul class="knowledge-issues">
          {check.issuesDa.slice(0, 100).map((text) => (
            <li>{text}</li>
          ))}
          {check.issuesDa.length > 100 && <li>{`… og ${formatInteger(check.issuesDa.length - 100)} mere.`}</li>}
        </ul>
      )}
      {check.fileBase64 !== null && check.kind === "checked" && (
        <form method="post" action={action} enctype="multipart/form-data">
          <CsrfInput token={model.csrfToken} />
          <CarriedFile check={check} />
          <MappingInputs check={check} />
          <input type="hidden" name="handling" value="indlaes" />
          <button class="button button-primary" type="submit">
            {`Indlæs de ${formatInteger(check.entries)} afgørelser`}
          </button>
        </form>
      )}
      {check.fileBase64 !== null && check.kind === "rejected" && check.unknownHeadings.length > 0 && (
        <form method="post" action={action} enctype="multipart/form-data">
          <CsrfInput token={model.csrfToken} />
          <CarriedFile check={check} />
          <p>Filen har kolonner, som ikke genkendes. Sig, hvad de er, og tjek filen igen:</p>
          <MappingInputs check={check} />
          <input type="hidden" name="handling" value="tjek" />
          <button class="button button-secondary" type="submit">
            Tjek filen igen
          </button>
        </form>
      )}
    </section>
  );
}

/**
 * The knowledge bank's administration (issue 14): import a register from a spreadsheet (checked first,
 * then confirmed), the department list, whether to publish the anonymised aggregate, the retention period
 * and what is past it, and the complete export for the data-protection officer.
 */
export function KnowledgeAdminPage({ model }: { model: KnowledgeAdminPageModel }): JSX.Element {
  const base = `/kommuner/${model.municipalityCode}/vidensbank`;
  return (
    <PageLayout
      title={`Vidensbankens administration – ${model.municipalityName} Kommune`}
      isDemo={false}
      account={model.account}
    >
      <h1>{`Vidensbankens administration – ${model.municipalityName} Kommune`}</h1>
      <p>
        <a href={base}>Tilbage til vidensbanken</a>
      </p>
      <SuccessNotice textDa={model.notice} />

      {model.mayWrite && (
        <>
          <h2 id="h-indlaes">Indlæs et regneark</h2>
          <p>
            Kommunens eget register som Excel (XLSX) eller CSV. Almindelige danske overskrifter (dato, sagsnr.,
            afdeling, lov, sagsemne, paragraf, udfald, årsag, læring, ny afgørelse) genkendes af sig selv, og
            titelrækker over overskriften springes over. Filen tjekkes først; intet gemmes, før du bekræfter, og en fil
            med fejl gemmes slet ikke. CPR-numre afvises celle for celle.
          </p>
          <FormRefusal model={model} form="import" />
          <form method="post" action={`${base}/indlaes`} enctype="multipart/form-data" class="knowledge-upload">
            <CsrfInput token={model.csrfToken} />
            <FieldGroup id="vb-fil" label="Regnearket" hint="XLSX eller CSV, højst 5 MB">
              {(d) => (
                <input
                  class="form-file"
                  id="vb-fil"
                  name="fil"
                  type="file"
                  accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  aria-describedby={d}
                />
              )}
            </FieldGroup>
            <InputField
              id="vb-ark"
              name="ark"
              label="Fanen (valgfrit)"
              hint="Navnet på fanen i Excel-filen, når det ikke er den første"
            />
            <input type="hidden" name="handling" value="tjek" />
            <button class="button button-primary" type="submit">
              Tjek filen
            </button>
          </form>
          {model.check && <CheckResult model={model} check={model.check} />}
        </>
      )}

      {model.mayEditDepartments && (
        <>
          <h2 id="h-afdelinger">Afdelinger</h2>
          <p>Kommunens egne afdelinger eller områder, som afgørelserne fordeles på. Én pr. linje.</p>
          <FormRefusal model={model} form="departments" />
          <form method="post" action={`${base}/afdelinger`} novalidate>
            <CsrfInput token={model.csrfToken} />
            <FieldGroup id="vb-afdelinger" label="Afdelinger" hint="Fx Børneområdet, Ældre- og Sundhed, Voksenhandicap">
              {(d) => (
                <textarea class="form-input" id="vb-afdelinger" name="afdelinger" rows={6} aria-describedby={d}>
                  {model.departments.join("\n")}
                </textarea>
              )}
            </FieldGroup>
            <button class="button button-secondary" type="submit">
              Gem afdelingerne
            </button>
          </form>
        </>
      )}

      {model.mayWrite && (
        <>
          <h2 id="h-indstillinger">Offentliggørelse og opbevaring</h2>
          <p>
            Den offentlige optælling viser kun antal pr. årsag og sagsemne for godkendte afgørelser – ingen tekst – og
            tal under 3 vises som "&lt;3". Den står på kommunens offentlige side og tæller med i landstallet.
          </p>
          <FormRefusal model={model} form="settings" />
          <form method="post" action={`${base}/indstillinger`} novalidate>
            <CsrfInput token={model.csrfToken} />
            <div class="form-group form-group-checkbox">
              <input
                class="form-checkbox"
                type="checkbox"
                id="vb-offentlig"
                name="offentliggoer"
                value="ja"
                checked={model.setting.publishAggregate}
              />
              <label for="vb-offentlig">Offentliggør den anonymiserede optælling</label>
            </div>
            <InputField
              id="vb-opbevaring"
              name="opbevaring"
              label="Opbevaringstid i år"
              hint="Afgørelser ældre end dette listes til sletning (standard 5 år)"
              inputMode="numeric"
              value={String(model.setting.retentionYears)}
            />
            <button class="button button-secondary" type="submit">
              Gem indstillingerne
            </button>
          </form>
        </>
      )}

      <h2 id="h-sletning">Sletning efter opbevaringstiden</h2>
      <p>{`Opbevaringstiden er ${model.setting.retentionYears} år: afgørelser truffet før ${model.retention.cutoff} skal slettes.`}</p>
      {model.retention.entries.length === 0 ? (
        <p>Ingen afgørelser er ældre end opbevaringstiden.</p>
      ) : (
        <>
          <ul>
            {model.retention.entries.map((e) => (
              <li>{`Nr. ${e.id}, ${e.decisionDate}: ${e.subject}`}</li>
            ))}
          </ul>
          {model.mayWrite && (
            <>
              <FormRefusal model={model} form="retention" />
              <form method="post" action={`${base}/sletning`} novalidate>
                <CsrfInput token={model.csrfToken} />
                <div class="form-group form-group-checkbox">
                  <input class="form-checkbox" type="checkbox" id="vb-slet-gamle" name="bekraeft" value="ja" />
                  <label for="vb-slet-gamle">{`Ja, slet de ${formatInteger(model.retention.entries.length)} afgørelser`}</label>
                </div>
                <button class="button button-secondary" type="submit">
                  Slet afgørelserne
                </button>
              </form>
            </>
          )}
        </>
      )}

      <h2 id="h-databeskyttelse">Til databeskyttelsesrådgiveren</h2>
      <p>
        Alt, hvad produktet opbevarer i kommunens vidensbank: afgørelserne med alle felter, afdelingerne, de huskede
        overskrifter, indstillingerne, årsagerne og vidensbankens revisionsspor. Udtrækket registreres i
        revisionssporet. <a href={`${base}/databeskyttelse.json`}>Hent udtrækket (JSON)</a>
      </p>
    </PageLayout>
  );
}

export function renderKnowledgeAdminPage(model: KnowledgeAdminPageModel): string {
  return renderHtmlPage(<KnowledgeAdminPage model={model} />);
}
