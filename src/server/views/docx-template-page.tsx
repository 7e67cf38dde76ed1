import type { JSX } from "preact";
import type { Refusal } from "../../app/use-case-result.js";
import { formatInteger } from "../../domain/format-danish-number.js";
import type { DocxTemplateInfo } from "../../storage/docx-templates.js";
import { CsrfInput, ErrorSummary, FieldGroup, SuccessNotice } from "./form-fields.js";
import { PageLayout, type LayoutAccount } from "./page-layout.js";
import { renderHtmlPage } from "./render-html-page.js";

type Props = {
  readonly code: string;
  readonly name: string;
  readonly template: DocxTemplateInfo | null;
  readonly placeholders: readonly string[];
  readonly refusal: Refusal | null;
  readonly savedDa: string | null;
  readonly csrfToken: string;
  readonly account: LayoutAccount | null;
};

/**
 * The municipality's own Word template for the agenda item (issue 16, point 2): which one it keeps, and
 * the upload of a new one. The placeholders are listed, so a refused file can be corrected in Word.
 */
export function DocxTemplatePage(props: Props): JSX.Element {
  const t = props.template;
  return (
    <PageLayout title={`Word-skabelon – ${props.name} Kommune`} isDemo={false} account={props.account}>
      <h1>Kommunens Word-skabelon</h1>
      <p>
        {props.name} Kommune. Dagsordenpunktet som DOCX og PDF laves i kommunens egen skabelon, så dagsordensystemets
        layout, skrifttyper og sidehoved bevares. Skabelonen er en almindelig Word-fil med pladsholdere i krøllede
        parenteser, fx {"{titel}"} og {"{@indhold}"}.
      </p>
      <SuccessNotice textDa={props.savedDa} />
      {t ? (
        <p>
          Kommunen bruger »{t.fileName}« ({formatInteger(Math.ceil(t.sizeBytes / 1024))} KB), gemt{" "}
          {t.uploadedAt.slice(0, 10)}, med pladsholderne {t.placeholders.map((p) => `{${p}}`).join(", ") || "ingen"}.
        </p>
      ) : (
        <p>Kommunen har ingen egen skabelon; dagsordenpunktet bruger den indbyggede.</p>
      )}
      <form method="post" action={`/kommuner/${props.code}/skabelon`} enctype="multipart/form-data" novalidate>
        <CsrfInput token={props.csrfToken} />
        <ErrorSummary refusal={props.refusal} />
        <FieldGroup id="skabelon-fil" label="Word-fil (DOCX)" hint="Højst 5 MB. En ny fil erstatter den gemte.">
          {(describedBy) => (
            <input
              class="form-file-input"
              type="file"
              id="skabelon-fil"
              name="fil"
              accept=".docx"
              aria-describedby={describedBy}
            />
          )}
        </FieldGroup>
        <button class="button button-primary" type="submit">
          Gem skabelonen
        </button>
      </form>
      <h2>Pladsholdere</h2>
      <p class="placeholder-list">{props.placeholders.map((p) => `{${p}}`).join(", ")}</p>
    </PageLayout>
  );
}

export function renderDocxTemplatePage(props: Props): string {
  return renderHtmlPage(<DocxTemplatePage {...props} />);
}
