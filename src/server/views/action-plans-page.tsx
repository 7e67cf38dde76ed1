import type { JSX } from "preact";
import { PlanKnowledgeTable } from "./plan-knowledge-table.js";
import type { PlanWithFollowUp } from "../../app/action-plans/list-action-plans.js";
import {
  ACTION_STATUS_NAMES_DA,
  ACTION_STATUSES,
  PLAN_STATUS_NAMES_DA,
  type ActionPlanContent,
} from "../../domain/action-plan/action-plan.js";
import type { FocusAreaFollowUp } from "../../domain/action-plan/action-plan-follow-up.js";
import { FOCUS_AREA_GROUPS } from "../../domain/action-plan/focus-area-groups.js";
import { formatDateDa } from "../../domain/format-danish-date.js";
import { formatInteger, formatPercent } from "../../domain/format-danish-number.js";
import type { RateEstimate } from "../../domain/rate-estimate.js";
import { FUNNEL_VERDICT_SHORT_DA } from "../../domain/statistics/funnel-limits.js";
import type { TrustedSvg } from "../../viz/trusted-svg.js";
import { CsrfInput } from "./form-fields.js";
import { PageLayout, type LayoutAccount } from "./page-layout.js";
import { renderHtmlPage } from "./render-html-page.js";
import { TrustedSvgHost } from "./trusted-svg-host.js";

/**
 * The municipality's action plans (issue 13): each plan with its goal, actions and focus areas, and the
 * follow-up computed from the data – a table per focus area and year with the number of cases beside every
 * rate, the national level, the maps' verdict and the judgement in words – and the plan's chart. Editors get
 * the form. The figures are never typed: they follow the active dataset versions.
 */
export type ActionPlansPageModel = {
  readonly municipalityCode: string;
  readonly municipalityName: string;
  readonly plans: readonly (PlanWithFollowUp & { readonly chart: TrustedSvg })[];
  readonly includesDrafts: boolean;
  readonly mayWrite: boolean;
  readonly account: LayoutAccount | null;
  readonly savedNotice: string | null;
};

export type PlanFormModel = {
  readonly municipalityCode: string;
  readonly municipalityName: string;
  /** null: a new plan. */
  readonly planId: number | null;
  readonly values: ActionPlanContent;
  /** The subject text and law of a chosen subject focus area, as typed. */
  readonly csrfToken: string;
  readonly problems: readonly { readonly field: string; readonly messageDa: string }[];
  readonly account: LayoutAccount | null;
};

function rate(e: RateEstimate): string {
  return e.kind === "estimate"
    ? `${formatPercent(e.reversalRate)} %`
    : e.kind === "no-cases"
      ? "ingen sager"
      : "ingen data";
}

function cases(e: RateEstimate): string {
  return e.kind === "no-data" ? "–" : formatInteger(e.decided);
}

function FollowUpTable({ area }: { area: FocusAreaFollowUp }): JSX.Element {
  return (
    <div class="table--responsive-scroll">
      <table class="table table--compact action-plan-follow-up">
        <caption>{area.nameDa}</caption>
        <thead>
          <tr>
            <th scope="col">År</th>
            <th scope="col">Sager</th>
            <th scope="col">Ændret</th>
            <th scope="col">Hjemvist</th>
            <th scope="col">Omgjort</th>
            <th scope="col">95 %-interval</th>
            <th scope="col">Landsplan</th>
            <th scope="col">Vurdering</th>
          </tr>
        </thead>
        <tbody>
          {area.years.map((y) => (
            <tr>
              <th scope="row">{`${y.year}${y.role === "follow-up" ? " (opfølgning)" : ""}`}</th>
              <td class="numeric">{cases(y.municipality)}</td>
              <td class="numeric">
                {y.municipality.kind === "no-data" ? "–" : formatInteger(y.municipality.counts.changed)}
              </td>
              <td class="numeric">
                {y.municipality.kind === "no-data" ? "–" : formatInteger(y.municipality.counts.remitted)}
              </td>
              <td class="numeric">{rate(y.municipality)}</td>
              <td class="numeric">
                {y.municipality.kind === "estimate"
                  ? `${formatPercent(y.municipality.ci95[0])}–${formatPercent(y.municipality.ci95[1])} %`
                  : "–"}
              </td>
              <td class="numeric">
                {y.national.kind === "estimate"
                  ? `${rate(y.national)} af ${formatInteger(y.national.decided)}`
                  : rate(y.national)}
              </td>
              <td>{y.funnel.kind === "assessed" ? FUNNEL_VERDICT_SHORT_DA[y.funnel.verdict] : "ikke vurderet"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul class="action-plan-judgements">
        {area.years.map((y) => (
          <li>{y.judgementDa}</li>
        ))}
      </ul>
    </div>
  );
}

function Plan({ p, model }: { p: ActionPlansPageModel["plans"][number]; model: ActionPlansPageModel }): JSX.Element {
  const plan = p.plan;
  const base = `/kommuner/${model.municipalityCode}/handleplaner/${plan.id}`;
  return (
    <article class="action-plan" id={`handleplan-${plan.id}`} aria-labelledby={`h-plan-${plan.id}`}>
      <h2 id={`h-plan-${plan.id}`}>{plan.title}</h2>
      <p class="action-plan-state">{`${PLAN_STATUS_NAMES_DA[plan.status]} · Dataår ${plan.dataYears.join(", ")} · Senest ændret ${formatDateDa(plan.updatedAt)}`}</p>
      <p>
        <a href={`${base}.docx`}>Hent som Word (DOCX)</a> · <a href={`${base}.pdf`}>som PDF</a>
        {model.mayWrite && (
          <>
            {" · "}
            <a href={`${base}/rediger`}>Rediger</a>
          </>
        )}
      </p>
      {plan.basisDecision && <p>{plan.basisDecision}</p>}
      <h3>Mål</h3>
      <p>{plan.goal}</p>
      <h3>Handlinger</h3>
      {plan.actions.length === 0 ? (
        <p>Ingen handlinger endnu.</p>
      ) : (
        <table class="table table--compact">
          <thead>
            <tr>
              <th scope="col">Handling</th>
              <th scope="col">Ansvarlig</th>
              <th scope="col">Frist</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {plan.actions.map((a) => (
              <tr>
                <td>{a.text}</td>
                <td>{a.owner || "–"}</td>
                <td>{a.dueDate ? formatDateDa(a.dueDate) : "løbende"}</td>
                <td>{ACTION_STATUS_NAMES_DA[a.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Opfølgning: fokusområdernes tal</h3>
      <p>
        Beregnet af Ankestyrelsens tal med de samme regler som danmarkskortene; tallene følger nye år og reviderede tal
        af sig selv. Sager er realitetsbehandlede sager; med få sager kan én sag flytte procenten meget.
      </p>
      {[...(p.followUp.combined ? [p.followUp.combined] : []), ...p.followUp.areas].map((a) => (
        <FollowUpTable area={a} />
      ))}
      <TrustedSvgHost svg={p.chart} as="figure" class="action-plan-chart" />
      {p.knowledge && <PlanKnowledgeTable knowledge={p.knowledge} />}
      {plan.evaluations.length > 0 && (
        <>
          <h3>Evaluering</h3>
          <dl>
            {plan.evaluations.map((e) => (
              <>
                <dt>{String(e.year)}</dt>
                <dd>{e.text}</dd>
              </>
            ))}
          </dl>
        </>
      )}
      <p class="source-line">
        {p.versions
          .map(
            (v) =>
              `${v.year}: ${v.fileName} (version ${v.datasetVersionId}, ${v.standing === "published" ? "kortet som offentliggjort" : "udtræk"}${v.revision ? ", siden revideret" : ""})`,
          )
          .join(" · ")}
      </p>
    </article>
  );
}

export function ActionPlansPage({ model }: { model: ActionPlansPageModel }): JSX.Element {
  const isDemo = model.plans.some((p) => p.isDemo);
  return (
    <PageLayout title={`Handleplaner – ${model.municipalityName} Kommune`} isDemo={isDemo} account={model.account}>
      <h1>{`Handleplaner – ${model.municipalityName} Kommune`}</h1>
      <p>
        <a href={`/kommuner/${model.municipalityCode}`}>Tilbage til kommunens side</a>
      </p>
      {model.savedNotice && (
        <div class="alert alert-success" role="status">
          <div class="alert-body">
            <p class="alert-text">{model.savedNotice}</p>
          </div>
        </div>
      )}
      {model.mayWrite && (
        <p>
          <a class="button button-primary" href={`/kommuner/${model.municipalityCode}/handleplaner/ny`}>
            Ny handleplan
          </a>
        </p>
      )}
      {model.plans.length === 0 ? (
        <p>{`${model.municipalityName} Kommune har ingen ${model.includesDrafts ? "" : "offentliggjorte "}handleplaner.`}</p>
      ) : (
        model.plans.map((p) => <Plan p={p} model={model} />)
      )}
    </PageLayout>
  );
}

const ACTION_ROWS = 8;
const EVALUATION_ROWS = 4;

function problemFor(model: PlanFormModel, prefix: string): string | null {
  return model.problems.find((p) => p.field === prefix || p.field.startsWith(`${prefix}.`))?.messageDa ?? null;
}

function Problem({ text }: { text: string | null }): JSX.Element | null {
  return text ? (
    <span class="form-error-message">
      <span class="sr-only">Fejl: </span>
      {text}
    </span>
  ) : null;
}

/** The plan's form: every field of the plan, actions and evaluations as rows (empty rows are ignored). */
export function ActionPlanFormPage({ model }: { model: PlanFormModel }): JSX.Element {
  const v = model.values;
  const action =
    model.planId === null
      ? `/kommuner/${model.municipalityCode}/handleplaner`
      : `/kommuner/${model.municipalityCode}/handleplaner/${model.planId}`;
  const chosenGroups = new Set(v.focusAreas.flatMap((f) => (f.kind === "group" ? [f.groupId] : [])));
  const subject = v.focusAreas.find((f) => f.kind === "subject");
  const actions = [
    ...v.actions,
    ...Array.from({ length: Math.max(2, ACTION_ROWS - v.actions.length) }, () => ({
      text: "",
      owner: "",
      dueDate: null,
      status: "planned" as const,
    })),
  ];
  const evaluations = [
    ...v.evaluations,
    ...Array.from({ length: Math.max(1, EVALUATION_ROWS - v.evaluations.length) }, () => ({ year: 0, text: "" })),
  ];
  return (
    <PageLayout
      title={`${model.planId === null ? "Ny handleplan" : "Rediger handleplan"} – ${model.municipalityName} Kommune`}
      isDemo={false}
      account={model.account}
    >
      <h1>{model.planId === null ? "Ny handleplan" : "Rediger handleplan"}</h1>
      <p>
        {`${model.municipalityName} Kommune. `}
        <a href={`/kommuner/${model.municipalityCode}/handleplaner`}>Tilbage til handleplanerne</a>
      </p>
      {model.problems.length > 0 && (
        <div class="alert alert-error form-refusal" role="alert">
          <div class="alert-body">
            <ul class="alert-text">
              {model.problems.map((p) => (
                <li>{p.messageDa}</li>
              ))}
            </ul>
          </div>
        </div>
      )}
      <p class="form-hint">
        Skriv aldrig personoplysninger som CPR-numre i handleplanen. Tallene skrives ikke: de beregnes af Ankestyrelsens
        tal.
      </p>
      <form method="post" action={action} class="action-plan-form" novalidate>
        <CsrfInput token={model.csrfToken} />
        <div class="form-group">
          <label class="form-label" for="titel">
            Titel
          </label>
          <Problem text={problemFor(model, "title")} />
          <input class="form-input" id="titel" name="titel" value={v.title} maxLength={300} />
        </div>
        <div class="form-group">
          <label class="form-label" for="baggrund">
            Baggrund (beslutning)
          </label>
          <span class="form-hint">
            Fx "På baggrund af beslutning truffet i Social- og Sundhedsudvalget den 17. august 2022".
          </span>
          <textarea class="form-input" id="baggrund" name="baggrund" rows={2}>
            {v.basisDecision}
          </textarea>
        </div>
        <div class="form-group">
          <label class="form-label" for="dataaar">
            Dataår, planen svarer på
          </label>
          <span class="form-hint">Et eller flere årstal adskilt af komma, fx 2021.</span>
          <Problem text={problemFor(model, "dataYears")} />
          <input class="form-input" id="dataaar" name="dataaar" value={v.dataYears.join(", ")} />
        </div>
        <div class="form-group">
          <label class="form-label" for="opfoelgning">
            Opfølgningens første år
          </label>
          <span class="form-hint">Tom: to år før planens første dataår.</span>
          <Problem text={problemFor(model, "followUpFrom")} />
          <input
            class="form-input"
            id="opfoelgning"
            name="opfoelgning_fra"
            value={v.followUpFrom > 0 ? String(v.followUpFrom) : ""}
          />
        </div>
        <div class="form-group">
          <label class="form-label" for="maal">
            Mål
          </label>
          <Problem text={problemFor(model, "goal")} />
          <textarea class="form-input" id="maal" name="maal" rows={3}>
            {v.goal}
          </textarea>
        </div>
        <fieldset class="form-group">
          <legend class="form-label">Handlinger</legend>
          <Problem text={problemFor(model, "actions")} />
          {actions.map((a, i) => (
            <div class="action-plan-action-row">
              <label class="form-label" for={`handling-${i}`}>{`Handling ${i + 1}`}</label>
              <textarea class="form-input" id={`handling-${i}`} name={`handling_${i}_tekst`} rows={2}>
                {a.text}
              </textarea>
              <label class="form-label" for={`ansvarlig-${i}`}>
                Ansvarlig
              </label>
              <input class="form-input" id={`ansvarlig-${i}`} name={`handling_${i}_ansvarlig`} value={a.owner} />
              <label class="form-label" for={`frist-${i}`}>
                Frist
              </label>
              <input
                class="form-input"
                type="date"
                id={`frist-${i}`}
                name={`handling_${i}_frist`}
                value={a.dueDate ?? ""}
              />
              <label class="form-label" for={`status-${i}`}>
                Status
              </label>
              <select class="form-select" id={`status-${i}`} name={`handling_${i}_status`}>
                {ACTION_STATUSES.map((s) => (
                  <option value={s} selected={a.status === s}>
                    {ACTION_STATUS_NAMES_DA[s]}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </fieldset>
        <fieldset class="form-group">
          <legend class="form-label">Fokusområder</legend>
          <span class="form-hint">
            Kortenes paragrafgrupper. Sagsemnerne findes med de samme daterede regler som kortene, så omdøbte sagsemner
            og barnets lov følger med.
          </span>
          <Problem text={problemFor(model, "focusAreas")} />
          <ul class="nobullet-list">
            {FOCUS_AREA_GROUPS.map((g) => (
              <li class="form-group-checkbox">
                <input
                  class="form-checkbox"
                  type="checkbox"
                  id={`fokus-${g.id}`}
                  name="fokus"
                  value={g.id}
                  checked={chosenGroups.has(g.id)}
                />
                <label for={`fokus-${g.id}`}>{g.nameDa}</label>
              </li>
            ))}
          </ul>
          <label class="form-label" for="fokus-sagsemne">
            Eller et sagsemne fra tallene
          </label>
          <span class="form-hint">
            Sagsemnet som i Ankestyrelsens tal, fx "Voksne - socialpædagogisk støtte - § 85".
          </span>
          <input
            class="form-input"
            id="fokus-sagsemne"
            name="fokus_sagsemne"
            value={subject?.kind === "subject" ? subject.subject : ""}
          />
          <label class="form-label" for="fokus-lov">
            Sagsemnets lovgivning
          </label>
          <select class="form-select" id="fokus-lov" name="fokus_lov">
            {["Serviceloven", "Barnets lov", "Ældreloven"].map((law) => (
              <option value={law} selected={subject?.kind === "subject" && subject.law === law}>
                {law}
              </option>
            ))}
          </select>
        </fieldset>
        <fieldset class="form-group">
          <legend class="form-label">Evaluering pr. år</legend>
          <Problem text={problemFor(model, "evaluations")} />
          {evaluations.map((e, i) => (
            <div class="action-plan-evaluation-row">
              <label class="form-label" for={`evaluering-aar-${i}`}>
                År
              </label>
              <input
                class="form-input"
                id={`evaluering-aar-${i}`}
                name={`evaluering_${i}_aar`}
                value={e.year > 0 ? String(e.year) : ""}
              />
              <label class="form-label" for={`evaluering-${i}`}>
                Evaluering
              </label>
              <textarea class="form-input" id={`evaluering-${i}`} name={`evaluering_${i}_tekst`} rows={2}>
                {e.text}
              </textarea>
            </div>
          ))}
        </fieldset>
        <fieldset class="form-group">
          <legend class="form-label">Status</legend>
          <ul class="nobullet-list">
            <li>
              <input
                class="form-radio"
                type="radio"
                id="status-kladde"
                name="status"
                value="kladde"
                checked={v.status === "draft"}
              />
              <label for="status-kladde">Kladde (kun kommunens egne brugere ser den)</label>
            </li>
            <li>
              <input
                class="form-radio"
                type="radio"
                id="status-offentliggjort"
                name="status"
                value="offentliggjort"
                checked={v.status === "published"}
              />
              <label for="status-offentliggjort">Offentliggjort</label>
            </li>
          </ul>
        </fieldset>
        <button class="button button-primary" type="submit">
          Gem
        </button>
      </form>
      {model.planId !== null && (
        <form
          method="post"
          action={`/kommuner/${model.municipalityCode}/handleplaner/${model.planId}/slet`}
          class="action-plan-delete"
        >
          <CsrfInput token={model.csrfToken} />
          <button class="button button-secondary" type="submit">
            Slet handleplanen
          </button>
        </form>
      )}
    </PageLayout>
  );
}

export function renderActionPlansPage(model: ActionPlansPageModel): string {
  return renderHtmlPage(<ActionPlansPage model={model} />);
}

export function renderActionPlanFormPage(model: PlanFormModel): string {
  return renderHtmlPage(<ActionPlanFormPage model={model} />);
}
