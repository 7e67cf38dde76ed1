import type { JSX } from "preact";
import type { Refusal } from "../../app/use-case-result.js";
import { formatDateTimeDa } from "../../domain/format-danish-date.js";
import type { CommentRecord, CommentStatus } from "../../storage/municipality-comments.js";
import { lengthCounterText } from "../../viz/length-counter-text.js";
import { CsrfInput, ErrorSummary } from "./form-fields.js";
import { PageLayout, type LayoutAccount } from "./page-layout.js";
import { renderHtmlPage } from "./render-html-page.js";

/** The form's words for the two states. */
export const COMMENT_STATUS_FIELD: Readonly<Record<CommentStatus, string>> = {
  draft: "kladde",
  published: "offentliggjort",
};

export function commentStatusDa(comment: CommentRecord): string {
  return comment.status === "published" && comment.publishedAt
    ? `Offentliggjort ${formatDateTimeDa(comment.publishedAt)}; vises på kommunens side, i API'et og i dagsordenpunktet.`
    : `Kladde, gemt ${formatDateTimeDa(comment.updatedAt)}; kun kommunens egne brugere kan se den.`;
}

export type CommentFormModel = {
  readonly csrfToken: string;
  readonly municipalityCode: string;
  readonly year: number;
  readonly text: string;
  readonly status: CommentStatus;
  readonly maxLength: number;
  readonly refusal?: Refusal | null;
};

function StatusChoice({
  status,
  label,
  hint,
  checked,
}: {
  readonly status: CommentStatus;
  readonly label: string;
  readonly hint: string;
  readonly checked: boolean;
}): JSX.Element {
  const id = `kommentar-status-${status}`;
  return (
    <li>
      <input
        class="form-radio"
        type="radio"
        id={id}
        name="status"
        value={COMMENT_STATUS_FIELD[status]}
        checked={checked}
        aria-describedby={`${id}-hint`}
      />
      <label for={id}>{label}</label>
      <span class="form-hint" id={`${id}-hint`}>
        {hint}
      </span>
    </li>
  );
}

/**
 * The comment form (issue 12, point 3): textarea "Kommentar" with its length shown while typing (the
 * server writes the count at load, src/client/length-counter.ts keeps it current), draft or published,
 * button "Gem". Shown under "Kommunens kommentar" on the municipality's page to its editors, and alone at
 * /kommuner/0657/kommentar (where a refused text comes back for correction).
 */
export function CommentForm(m: CommentFormModel): JSX.Element {
  const refusal = m.refusal ?? null;
  const error = refusal && refusal.status === 400 ? refusal.messageDa : null;
  return (
    <form method="post" action={`/kommuner/${m.municipalityCode}/kommentar`} class="comment-form" novalidate>
      <CsrfInput token={m.csrfToken} />
      <input type="hidden" name="aar" value={String(m.year)} />
      <ErrorSummary refusal={refusal} />
      <div class={error ? "form-group form-error" : "form-group"}>
        <label class="form-label" for="kommentar">
          Kommentar
        </label>
        <span class="form-hint" id="kommentar-hint">
          Kommunens egen kommentar til tallene for {m.year}. Skriv aldrig personoplysninger som CPR-numre.
        </span>
        {error && (
          <span class="form-error-message" id="kommentar-error">
            <span class="sr-only">Fejl: </span>
            {error}
          </span>
        )}
        <textarea
          class="form-input comment-textarea"
          id="kommentar"
          name="kommentar"
          rows={8}
          maxLength={m.maxLength}
          data-length-counter="kommentar-taeller"
          aria-describedby={`kommentar-hint kommentar-taeller${error ? " kommentar-error" : ""}`}
          value={m.text}
        />
        <p class="form-hint length-counter" id="kommentar-taeller" aria-live="polite">
          {lengthCounterText(m.text.length, m.maxLength)}
        </p>
      </div>
      <fieldset class="form-group">
        <legend class="form-label">Status</legend>
        <ul class="nobullet-list">
          <StatusChoice
            status="draft"
            label="Kladde"
            hint="Gemmes, men vises kun for kommunens egne brugere. En offentliggjort kommentar, der gemmes som kladde, er ikke offentlig, før den offentliggøres igen."
            checked={m.status === "draft"}
          />
          <StatusChoice
            status="published"
            label="Offentliggjort"
            hint="Vises på kommunens side, i API'et og i dagsordenpunktet."
            checked={m.status === "published"}
          />
        </ul>
      </fieldset>
      <button class="button button-primary" type="submit">
        Gem
      </button>
    </form>
  );
}

export type CommentPageModel = CommentFormModel & {
  readonly account: LayoutAccount | null;
  readonly municipalityName: string;
  readonly current: CommentRecord | null;
};

/** /kommuner/0657/kommentar: the form alone. */
export function CommentPage(m: CommentPageModel): JSX.Element {
  return (
    <PageLayout
      title={`Kommentar – ${m.municipalityName} Kommune ${m.year}`}
      isDemo={false}
      account={m.account}
      scripts={["/assets/build/comment-page.js"]}
    >
      <h1>Kommunens kommentar</h1>
      <p>
        {m.municipalityName} Kommune, tallene for {m.year}.{" "}
        <a href={`/kommuner/${m.municipalityCode}?aar=${m.year}#h-kommentar`}>Tilbage til kommunens side</a>
      </p>
      {m.current && <p class="comment-state">{commentStatusDa(m.current)}</p>}
      <CommentForm {...m} />
    </PageLayout>
  );
}

export function renderCommentPage(m: CommentPageModel): string {
  return renderHtmlPage(<CommentPage {...m} />);
}
