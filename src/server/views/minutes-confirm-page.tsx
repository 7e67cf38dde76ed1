import type { JSX } from "preact";
import type { ItemProposal } from "../../app/minutes/treatment-from-minutes.js";
import type { TreatmentRecordView } from "../../app/treatment/load-treatment.js";
import type { Refusal } from "../../app/use-case-result.js";
import { formatDanishDate } from "../../domain/council-treatment.js";
import { MEETING_BODY_KIND_NAMES_DA } from "../../domain/minutes/minutes-item.js";
import { isIsoDate } from "../../domain/iso-date.js";
import { ACTION_PLAN_DECISION_NAMES_DA, ACTION_PLAN_DECISIONS } from "../../domain/treatment-record.js";
import { CsrfInput, ErrorSummary, errorFor } from "./form-fields.js";
import { PageLayout, type LayoutAccount } from "./page-layout.js";
import { renderHtmlPage } from "./render-html-page.js";
import { MeetingFields, type MeetingFormValues } from "./treatment-editor-page.js";

/**
 * Reading a council's minutes into the treatment record (issue 15 item 3): first the reader's findings,
 * each with the text it rests on marked in the item's excerpt, then one form of proposed meetings and the
 * plan decision. The person ticks, corrects and confirms; nothing is stored before that.
 */

/** One proposed meeting as the confirmation form shows it: the values (proposed or typed) and where they came from. */
export type ConfirmRow = {
  readonly documentBodyDa: string;
  readonly selected: boolean;
  readonly values: MeetingFormValues;
  /** Why the row is not ticked, or what to check, in Danish; null when nothing to say. */
  readonly noteDa: string | null;
  /** The line of the decision in the document, when the findings are shown. */
  readonly line: number | null;
};

export type MinutesConfirmModel = {
  readonly record: TreatmentRecordView;
  readonly sourceDa: string;
  readonly warningsDa: readonly string[];
  /** The reader's findings; empty when the form is shown again after a refused confirmation. */
  readonly items: readonly ItemProposal[];
  readonly rows: readonly ConfirmRow[];
  /** The plan decision the form proposes ("" leaves the stored one as it is). */
  readonly planDecision: string;
  readonly planEvidenceDa: string | null;
  readonly refusal: Refusal | null;
  readonly csrfToken: string;
  readonly account: LayoutAccount | null;
};

function base(r: TreatmentRecordView): string {
  return `/kommuner/${r.municipality.code}/behandling/${r.dataYear}`;
}

function Excerpt({ proposal }: { proposal: ItemProposal }): JSX.Element {
  return (
    <figure class="minutes-excerpt">
      <figcaption>
        Punktets tekst fra linje {proposal.excerptFirstLine}. Det, læseren fandt, er markeret og indledt af, hvad det
        blev læst som.
      </figcaption>
      <div
        class="minutes-excerpt-text"
        role="region"
        tabIndex={0}
        aria-label={`Punktets tekst fra linje ${proposal.excerptFirstLine}`}
      >
        <pre>
          {proposal.excerpt.map((s) =>
            s.labelDa ? (
              <mark>
                <span class="minutes-excerpt-label">[{s.labelDa}]</span> {s.text}
              </mark>
            ) : (
              s.text
            ),
          )}
        </pre>
      </div>
    </figure>
  );
}

function Findings({ proposal, index }: { proposal: ItemProposal; index: number }): JSX.Element {
  const item = proposal.item;
  return (
    <section aria-labelledby={`punkt-${index}`}>
      <h2 id={`punkt-${index}`}>
        {item.itemNumber ? `Punkt ${item.itemNumber.value}: ` : ""}
        {item.title.value}
      </h2>
      <dl class="minutes-findings">
        <dt>Fundet ud fra</dt>
        <dd>
          {item.matchedBy === "title" ? "punktets titel" : "punktets tekst"} (linje {item.title.span.line})
        </dd>
        <dt>Dataår</dt>
        <dd>
          {item.dataYear
            ? `${item.dataYear.value} (${item.dataYear.basis === "stated" ? `står i linje ${item.dataYear.span.line}` : "ikke nævnt; året før mødet"})`
            : "ikke fundet"}
        </dd>
        <dt>Indstilling</dt>
        <dd>
          {item.recommendations.length === 0 ? (
            "ingen fundet"
          ) : (
            <ol>
              {item.recommendations.map((r) => (
                <li>{r.value}</li>
              ))}
            </ol>
          )}
        </dd>
        <dt>Beslutninger</dt>
        <dd>
          {item.decisions.length === 0 ? (
            "ingen fundet"
          ) : (
            <ul>
              {item.decisions.map((d) => (
                <li>
                  {d.body} ({MEETING_BODY_KIND_NAMES_DA[d.bodyKind]}), {d.date ? formatDanishDate(d.date) : "uden dato"}
                  , linje {d.span.line}: {d.textDa}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>Handleplan</dt>
        <dd>
          {proposal.stanceDa}
          {item.actionPlan.stance !== "ikke-naevnt" &&
            ` (linje ${item.actionPlan.evidence.line}: "${item.actionPlan.evidence.text}")`}
        </dd>
        <dt>Tal i punktet</dt>
        <dd>
          {item.figures.length === 0 ? (
            "ingen fundet"
          ) : (
            <ul>
              {item.figures.map((f) => (
                <li>{f.check.textDa}</li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      <Excerpt proposal={proposal} />
    </section>
  );
}

function PlanChoice({ model }: { model: MinutesConfirmModel }): JSX.Element | null {
  const r = model.record;
  if (!r.treatment.actionPlanDecisionRequired) return null;
  const choices: { value: string; labelDa: string }[] = [
    {
      value: "",
      labelDa: r.planDecision
        ? `lad den gemte beslutning (${ACTION_PLAN_DECISION_NAMES_DA[r.planDecision.decision]}) stå`
        : "registrér ingen beslutning",
    },
    ...ACTION_PLAN_DECISIONS.map((d) => ({ value: d, labelDa: ACTION_PLAN_DECISION_NAMES_DA[d] })),
  ];
  return (
    <fieldset class="form-group">
      <legend class="form-label">Besluttede {r.councilNameDa}, at der er behov for en handleplan?</legend>
      {model.planEvidenceDa && <p class="form-hint">Referatet siger: "{model.planEvidenceDa}"</p>}
      <ul class="nobullet-list">
        {choices.map((c) => (
          <li>
            <input
              class="form-radio"
              type="radio"
              id={`handleplan-${c.value || "ingen"}`}
              name="handleplan"
              value={c.value}
              checked={model.planDecision === c.value}
            />
            <label for={`handleplan-${c.value || "ingen"}`}>{c.labelDa}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

export function MinutesConfirmPage(model: MinutesConfirmModel): JSX.Element {
  const r = model.record;
  const name = `${r.municipality.name} Kommune`;
  return (
    <PageLayout title={`Registrér fra referat – ${name} ${r.dataYear}`} isDemo={false} account={model.account}>
      <h1>Registrér behandlingen ud fra et referat</h1>
      <p>
        {name}, kortet for {r.dataYear}. Dokument: {model.sourceDa}.{" "}
        <a href={base(r)}>Tilbage til behandlingen uden at gemme</a>
      </p>
      <p>
        Intet er gemt endnu. Kontrollér det, læseren fandt, ret felterne, hvor det er forkert, og bekræft. Kun de
        afkrydsede møder gemmes.
      </p>
      {model.warningsDa.length > 0 && (
        <div class="alert alert-warning" role="status">
          <div class="alert-body">
            {model.warningsDa.map((w) => (
              <p class="alert-text">{w}</p>
            ))}
          </div>
        </div>
      )}
      {model.items.map((p, i) => (
        <Findings proposal={p} index={i + 1} />
      ))}
      <h2 id="bekraeft">Det, der gemmes</h2>
      <form method="post" action={`${base(r)}/referat/bekraeft`} novalidate aria-labelledby="bekraeft">
        <CsrfInput token={model.csrfToken} />
        <input type="hidden" name="kilde" value={model.sourceDa} />
        <input type="hidden" name="antal" value={String(model.rows.length)} />
        <ErrorSummary refusal={model.refusal} />
        {model.rows.length === 0 && <p>Læseren fandt ingen daterede beslutninger i punktet.</p>}
        {model.rows.map((row, i) => (
          <fieldset class="form-group minutes-proposal">
            <legend class="form-label">
              Møde {i + 1}: {row.documentBodyDa}
              {isIsoDate(row.values.date) ? ` den ${formatDanishDate(row.values.date)}` : ""}
              {row.line !== null ? ` (linje ${row.line})` : ""}
            </legend>
            <input type="hidden" name={`fund-${i}`} value={row.documentBodyDa} />
            {row.noteDa && <p class="form-hint">{row.noteDa}</p>}
            <div class="form-group form-group-checkbox">
              <input
                class="form-checkbox"
                type="checkbox"
                id={`valgt-${i}`}
                name={`valgt-${i}`}
                value="ja"
                checked={row.selected}
              />
              <label for={`valgt-${i}`}>Registrér mødet</label>
            </div>
            <MeetingFields
              idPrefix={`fund-${i}`}
              name={(field) => `${field}-${i}`}
              bodies={r.bodies}
              values={row.values}
              error={(field) => errorFor(model.refusal, `Møde ${i + 1}: ${field}`)}
              dataYear={r.dataYear}
            />
          </fieldset>
        ))}
        <PlanChoice model={model} />
        <button class="button button-primary" type="submit">
          Bekræft og gem i behandlingen
        </button>
      </form>
    </PageLayout>
  );
}

/** The rows the form starts with: one per proposed meeting, ticked where the reader is sure enough. */
export function confirmRowsFromReading(items: readonly ItemProposal[]): ConfirmRow[] {
  return items.flatMap((item) =>
    item.meetings.map((p): ConfirmRow => {
      const noteDa = p.alreadyRecorded
        ? "Et møde i dette organ på denne dato er allerede registreret; det er ikke valgt."
        : p.bodyId === null
          ? `"${p.documentBodyDa}" står ikke på kommunens liste over organer: vælg organet, eller ret listen først.`
          : p.date === null
            ? "Dokumentet giver ingen dato for beslutningen: skriv den."
            : p.bodyMatch === "kind"
              ? `Organet er valgt, fordi det er det eneste af sin slags på listen; dokumentet kalder det "${p.documentBodyDa}".`
              : null;
      return {
        documentBodyDa: p.documentBodyDa,
        selected: p.selected,
        line: p.span.line,
        noteDa,
        values: {
          bodyId: p.bodyId ?? "",
          date: p.date ?? "",
          agendaItemNumber: p.agendaItemNumber,
          agendaItemTitle: p.agendaItemTitle,
          role: p.role,
          state: "held",
          outcome: p.outcome,
          decisionText: p.decisionText,
          minutesUrl: p.minutesUrl,
        },
      };
    }),
  );
}

export function renderMinutesConfirmPage(model: MinutesConfirmModel): string {
  return renderHtmlPage(<MinutesConfirmPage {...model} />);
}
