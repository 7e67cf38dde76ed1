import type { JSX } from "preact";
import type { ReasonDefinition } from "../../domain/knowledge/reason-taxonomy.js";
import { CsrfInput } from "./form-fields.js";
import { EntryForm, type EntryFormState } from "./knowledge-entry-form.js";
import { PageLayout, type LayoutAccount } from "./page-layout.js";
import { renderHtmlPage } from "./render-html-page.js";

/** One entry's own page, for its editors: change it, or delete it (both audited by the use cases). */
export type KnowledgeEntryPageModel = {
  readonly municipalityCode: string;
  readonly municipalityName: string;
  readonly entryId: number;
  readonly dataYear: number;
  readonly state: EntryFormState;
  readonly reasons: readonly ReasonDefinition[];
  readonly departments: readonly string[];
  readonly csrfToken: string;
  readonly account: LayoutAccount | null;
  /** A refused deletion (the confirmation was not ticked) comes back with its message. */
  readonly deleteMessageDa: string | null;
};

export function KnowledgeEntryPage({ model }: { model: KnowledgeEntryPageModel }): JSX.Element {
  const bank = `/kommuner/${model.municipalityCode}/vidensbank`;
  const self = `${bank}/${model.entryId}`;
  return (
    <PageLayout
      title={`Ret afgørelse nr. ${model.entryId} – vidensbank, ${model.municipalityName} Kommune`}
      isDemo={false}
      account={model.account}
    >
      <h1>{`Ret afgørelse nr. ${model.entryId}`}</h1>
      <p>
        {`${model.municipalityName} Kommunes vidensbank. Ændringen gemmes i revisionssporet med, hvad der stod før. `}
        <a href={`${bank}?aar=${model.dataYear}#h-afgoerelser`}>Tilbage til vidensbanken</a>
      </p>
      <EntryForm
        action={self}
        submitLabel="Gem ændringerne"
        csrfToken={model.csrfToken}
        state={model.state}
        reasons={model.reasons}
        departments={model.departments}
      />
      <h2 id="h-slet">Slet afgørelsen</h2>
      <p>
        Sletningen kan ikke fortrydes. Revisionssporet gemmer, at afgørelsen blev slettet, af hvem og hvornår, men ikke
        dens tekst.
      </p>
      <form method="post" action={`${self}/slet`} class="knowledge-delete-form" novalidate>
        <CsrfInput token={model.csrfToken} />
        <div class={`form-group${model.deleteMessageDa ? " form-error" : ""}`}>
          {model.deleteMessageDa && (
            <span class="form-error-message" id="vb-slet-error">
              <span class="sr-only">Fejl: </span>
              {model.deleteMessageDa}
            </span>
          )}
          <div class="form-group-checkbox">
            <input
              class="form-checkbox"
              type="checkbox"
              id="vb-slet"
              name="bekraeft"
              value="ja"
              aria-describedby={model.deleteMessageDa ? "vb-slet-error" : undefined}
            />
            <label for="vb-slet">{`Ja, slet afgørelse nr. ${model.entryId}`}</label>
          </div>
        </div>
        <button class="button button-secondary" type="submit">
          Slet afgørelsen
        </button>
      </form>
    </PageLayout>
  );
}

export function renderKnowledgeEntryPage(model: KnowledgeEntryPageModel): string {
  return renderHtmlPage(<KnowledgeEntryPage model={model} />);
}
