import type { JSX } from "preact";
import type { TreatmentRecordView } from "../../app/treatment/load-treatment.js";
import type { Refusal } from "../../app/use-case-result.js";
import { BODY_KIND_NAMES_DA, BODY_KINDS, type CouncilBodyEntry } from "../../domain/council-bodies.js";
import {
  ACTION_PLAN_DECISION_NAMES_DA,
  ACTION_PLAN_DECISIONS,
  ATTACHMENT_TYPE_NAMES_DA,
  MAX_AGENDA_ITEM_NUMBER_LENGTH,
  MAX_AGENDA_ITEM_TITLE_LENGTH,
  MAX_ATTACHMENT_BYTES,
  MAX_DECISION_TEXT_LENGTH,
  MAX_NOTE_LENGTH,
  MEETING_OUTCOME_NAMES_DA,
  MEETING_OUTCOMES,
  MEETING_ROLE_NAMES_DA,
  MEETING_ROLES,
  MEETING_STATE_NAMES_DA,
  MEETING_STATES,
  TREATMENT_FIELDS_DA,
  type TreatmentMeeting,
} from "../../domain/treatment-record.js";
import { genitiveDa } from "../../domain/treatment-status.js";
import { CsrfInput, ErrorSummary, errorFor, FieldGroup } from "./form-fields.js";
import { PageLayout, type LayoutAccount } from "./page-layout.js";
import { renderHtmlPage } from "./render-html-page.js";
import { formatFileSizeDa, MeetingEntry, webAttachmentHref } from "./treatment-section.js";

/** What a meeting form shows: the stored meeting, or what the person typed when it was refused. */
export type MeetingFormValues = {
  readonly bodyId: string;
  readonly date: string;
  readonly agendaItemNumber: string;
  readonly agendaItemTitle: string;
  readonly role: string;
  readonly state: string;
  readonly outcome: string;
  readonly decisionText: string;
  readonly minutesUrl: string;
};

export function meetingFormValues(m: TreatmentMeeting): MeetingFormValues {
  return {
    bodyId: m.body.id,
    date: m.date,
    agendaItemNumber: m.agendaItemNumber ?? "",
    agendaItemTitle: m.agendaItemTitle,
    role: m.role,
    state: m.state,
    outcome: m.outcome ?? "",
    decisionText: m.decisionText ?? "",
    minutesUrl: m.minutesUrl ?? "",
  };
}

/** Which form a refusal belongs to, so its message stands next to the fields it is about. */
export type FormKey =
  "meeting-new" | `meeting:${string}` | `upload:${string}` | "plan" | "order" | "bodies" | `rule:${string}` | "minutes";

export type FormRefusal = { readonly form: FormKey; readonly refusal: Refusal };

export function MeetingForm(props: {
  action: string;
  idPrefix: string;
  csrfToken: string;
  bodies: readonly CouncilBodyEntry[];
  values: MeetingFormValues;
  refusal: Refusal | null;
  submitDa: string;
  dataYear: number;
}): JSX.Element {
  return (
    <form method="post" action={props.action} class="treatment-meeting-form" novalidate>
      <CsrfInput token={props.csrfToken} />
      <ErrorSummary refusal={props.refusal} />
      <MeetingFields
        idPrefix={props.idPrefix}
        name={(field) => field}
        bodies={props.bodies}
        values={props.values}
        error={(field) => errorFor(props.refusal, field)}
        dataYear={props.dataYear}
      />
      <button class="button button-primary" type="submit">
        {props.submitDa}
      </button>
    </form>
  );
}

/**
 * A meeting's fields, for the meeting forms and for each proposed meeting when confirming minutes (where
 * the names carry the row number and a refusal names "Møde 2: Dato"). `bodyId` empty selects nothing, so a
 * body the reader could not match must be chosen.
 */
export function MeetingFields(props: {
  idPrefix: string;
  name: (field: string) => string;
  bodies: readonly CouncilBodyEntry[];
  values: MeetingFormValues;
  error: (fieldDa: string) => string | null;
  dataYear: number;
}): JSX.Element {
  const F = TREATMENT_FIELDS_DA;
  const v = props.values;
  const id = (name: string) => `${props.idPrefix}-${name}`;
  const name = props.name;
  const err = props.error;
  return (
    <>
      <FieldGroup id={id("organ")} label={F.body} hint="Fra kommunens liste over udvalg og råd." error={err(F.body)}>
        {(d) => (
          <select class="form-select" id={id("organ")} name={name("organ")} aria-describedby={d}>
            {v.bodyId === "" && (
              <option value="" selected>
                – vælg organet –
              </option>
            )}
            {props.bodies.map((b) => (
              <option value={b.id} selected={b.id === v.bodyId}>
                {b.nameDa}
              </option>
            ))}
          </select>
        )}
      </FieldGroup>
      <FieldGroup
        id={id("dato")}
        label={F.date}
        hint={`Kortet for ${props.dataYear} behandles i ${props.dataYear + 1}.`}
        error={err(F.date)}
      >
        {(d) => (
          <input
            class="form-input input-width-s"
            type="date"
            id={id("dato")}
            name={name("dato")}
            value={v.date}
            aria-describedby={d}
            required
          />
        )}
      </FieldGroup>
      <FieldGroup id={id("punkt")} label={F.agendaItemNumber} hint="Valgfrit, fx 42." error={err(F.agendaItemNumber)}>
        {(d) => (
          <input
            class="form-input input-width-xs"
            type="text"
            id={id("punkt")}
            name={name("punkt")}
            value={v.agendaItemNumber}
            maxLength={MAX_AGENDA_ITEM_NUMBER_LENGTH}
            aria-describedby={d}
          />
        )}
      </FieldGroup>
      <FieldGroup id={id("titel")} label={F.agendaItemTitle} error={err(F.agendaItemTitle)}>
        {(d) => (
          <input
            class="form-input"
            type="text"
            id={id("titel")}
            name={name("titel")}
            value={v.agendaItemTitle}
            maxLength={MAX_AGENDA_ITEM_TITLE_LENGTH}
            aria-describedby={d}
            required
          />
        )}
      </FieldGroup>
      <fieldset class="form-group">
        <legend class="form-label">{F.role}</legend>
        <ul class="nobullet-list">
          {MEETING_ROLES.map((role) => (
            <li>
              <input
                class="form-radio"
                type="radio"
                id={id(`rolle-${role}`)}
                name={name("rolle")}
                value={role}
                checked={v.role === role}
              />
              <label for={id(`rolle-${role}`)}>{MEETING_ROLE_NAMES_DA[role]}</label>
            </li>
          ))}
        </ul>
      </fieldset>
      <FieldGroup id={id("status")} label={F.state} error={err(F.state)}>
        {(d) => (
          <select class="form-select" id={id("status")} name={name("status")} aria-describedby={d}>
            {MEETING_STATES.map((s) => (
              <option value={s} selected={v.state === s}>
                {MEETING_STATE_NAMES_DA[s]}
              </option>
            ))}
          </select>
        )}
      </FieldGroup>
      <FieldGroup
        id={id("udfald")}
        label={F.outcome}
        hint="Kun for et holdt møde. Et byråd, der sendte sagen tilbage eller udsatte den, har ikke afsluttet behandlingen."
        error={err(F.outcome)}
      >
        {(d) => (
          <select class="form-select" id={id("udfald")} name={name("udfald")} aria-describedby={d}>
            <option value="" selected={v.outcome === ""}>
              – (planlagt møde)
            </option>
            {MEETING_OUTCOMES.map((o) => (
              <option value={o} selected={v.outcome === o}>
                {MEETING_OUTCOME_NAMES_DA[o]}
              </option>
            ))}
          </select>
        )}
      </FieldGroup>
      <FieldGroup
        id={id("beslutning")}
        label={F.decisionText}
        hint="Som i referatet. Skriv aldrig personoplysninger som CPR-numre."
        error={err(F.decisionText)}
      >
        {(d) => (
          <textarea
            class="form-input"
            id={id("beslutning")}
            name={name("beslutning")}
            rows={4}
            maxLength={MAX_DECISION_TEXT_LENGTH}
            aria-describedby={d}
          >
            {v.decisionText}
          </textarea>
        )}
      </FieldGroup>
      <FieldGroup
        id={id("referat")}
        label={F.minutesUrl}
        hint="Adressen på det offentliggjorte referat, fx https://…"
        error={err(F.minutesUrl)}
      >
        {(d) => (
          <input
            class="form-input"
            type="url"
            id={id("referat")}
            name={name("referat")}
            value={v.minutesUrl}
            aria-describedby={d}
          />
        )}
      </FieldGroup>
    </>
  );
}

export type TreatmentEditorModel = {
  readonly record: TreatmentRecordView;
  readonly csrfToken: string;
  readonly account: LayoutAccount | null;
  readonly savedDa: string | null;
  readonly refused: FormRefusal | null;
  /** What the new-meeting form shows (empty, or the refused input). */
  readonly newMeeting: MeetingFormValues;
};

function refusalFor(model: TreatmentEditorModel, form: FormKey): Refusal | null {
  return model.refused && model.refused.form === form ? model.refused.refusal : null;
}

function base(r: TreatmentRecordView): string {
  return `/kommuner/${r.municipality.code}/behandling/${r.dataYear}`;
}

function MeetingTools({ model, meeting }: { model: TreatmentEditorModel; meeting: TreatmentMeeting }): JSX.Element {
  const r = model.record;
  const uploadRefusal = refusalFor(model, `upload:${meeting.id}`);
  const prefix = `m-${meeting.id.slice(0, 8)}`;
  return (
    <div class="treatment-meeting-tools">
      <p>
        <a href={`${base(r)}/moeder/${meeting.id}`}>Ret mødet</a>
      </p>
      {meeting.attachments.length > 0 && (
        <ul class="treatment-attachments">
          {meeting.attachments.map((a) => (
            <li>
              <a href={webAttachmentHref(r.municipality.code, r.dataYear, a)}>{a.fileName}</a> (
              {ATTACHMENT_TYPE_NAMES_DA[a.mediaType]}, {formatFileSizeDa(a.sizeBytes)},{" "}
              {a.isPublic ? "offentligt" : "ikke offentligt"}){" "}
              <form method="post" action={`${base(r)}/bilag/${a.id}/synlighed`} class="inline-form">
                <CsrfInput token={model.csrfToken} />
                <input type="hidden" name="offentligt" value={a.isPublic ? "nej" : "ja"} />
                <button class="button button-unstyled link-button" type="submit">
                  {a.isPublic ? `Gør ${a.fileName} ikke-offentligt` : `Gør ${a.fileName} offentligt`}
                </button>
              </form>{" "}
              <form method="post" action={`${base(r)}/bilag/${a.id}/slet`} class="inline-form">
                <CsrfInput token={model.csrfToken} />
                <button class="button button-unstyled link-button" type="submit">
                  Slet {a.fileName}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <form
        method="post"
        action={`${base(r)}/moeder/${meeting.id}/bilag`}
        enctype="multipart/form-data"
        class="treatment-upload-form"
      >
        <CsrfInput token={model.csrfToken} />
        <ErrorSummary refusal={uploadRefusal} />
        <FieldGroup
          id={`${prefix}-fil`}
          label={`Vedhæft en fil til mødet i ${meeting.body.nameDa}`}
          hint={`PDF, DOCX eller HTML, højst ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB. Filen gemmes i databasen.`}
          error={uploadRefusal?.messageDa ?? null}
        >
          {(d) => (
            <input
              class="form-input"
              type="file"
              id={`${prefix}-fil`}
              name="fil"
              accept=".pdf,.docx,.html,.htm,application/pdf,text/html"
              aria-describedby={d}
            />
          )}
        </FieldGroup>
        <div class="form-group form-group-checkbox">
          <input class="form-checkbox" type="checkbox" id={`${prefix}-offentligt`} name="offentligt" value="ja" />
          <label for={`${prefix}-offentligt`}>Offentligt (ellers kun for kommunens egne brugere)</label>
        </div>
        <button class="button button-secondary" type="submit">
          Vedhæft
        </button>
      </form>
      <form method="post" action={`${base(r)}/moeder/${meeting.id}/slet`}>
        <CsrfInput token={model.csrfToken} />
        <button class="button button-tertiary" type="submit">
          Slet mødet i {meeting.body.nameDa} den {meeting.date}
        </button>
      </form>
    </div>
  );
}

function PlanDecisionForm({ model }: { model: TreatmentEditorModel }): JSX.Element {
  const r = model.record;
  const refusal = refusalFor(model, "plan");
  const current = r.planDecision;
  const F = TREATMENT_FIELDS_DA;
  return (
    <form method="post" action={`${base(r)}/handleplan`} novalidate>
      <CsrfInput token={model.csrfToken} />
      <ErrorSummary refusal={refusal} />
      <fieldset class="form-group">
        <legend class="form-label">Har {r.councilNameDa} besluttet, at der er behov for en handleplan?</legend>
        <ul class="nobullet-list">
          {ACTION_PLAN_DECISIONS.map((d) => (
            <li>
              <input
                class="form-radio"
                type="radio"
                id={`handleplan-${d}`}
                name="beslutning"
                value={d}
                checked={current?.decision === d}
              />
              <label for={`handleplan-${d}`}>{ACTION_PLAN_DECISION_NAMES_DA[d]}</label>
            </li>
          ))}
        </ul>
      </fieldset>
      <FieldGroup
        id="underrettet"
        label={`${F.notifiedOn} den`}
        hint="Kun ved nej: datoen, kommunen underrettede Ankestyrelsen (§ 79 b, stk. 2)."
        error={errorFor(refusal, F.notifiedOn)}
      >
        {(d) => (
          <input
            class="form-input input-width-s"
            type="date"
            id="underrettet"
            name="underrettet"
            value={current?.ankestyrelsenNotifiedOn ?? ""}
            aria-describedby={d}
          />
        )}
      </FieldGroup>
      <button class="button button-primary" type="submit">
        Gem beslutningen
      </button>
    </form>
  );
}

function OrderForm({ model }: { model: TreatmentEditorModel }): JSX.Element {
  const r = model.record;
  const refusal = refusalFor(model, "order");
  const F = TREATMENT_FIELDS_DA;
  return (
    <>
      <form method="post" action={`${base(r)}/paabud`} novalidate>
        <CsrfInput token={model.csrfToken} />
        <ErrorSummary refusal={refusal} />
        <FieldGroup id="paabudt" label={F.orderedOn} error={errorFor(refusal, F.orderedOn)}>
          {(d) => (
            <input
              class="form-input input-width-s"
              type="date"
              id="paabudt"
              name="paabudt"
              value={r.order?.orderedOn ?? ""}
              aria-describedby={d}
            />
          )}
        </FieldGroup>
        <FieldGroup
          id="frist"
          label={F.deadline}
          hint="Fristen, Ankestyrelsen har sat for handleplanen (§ 79 b, stk. 3)."
          error={errorFor(refusal, F.deadline)}
        >
          {(d) => (
            <input
              class="form-input input-width-s"
              type="date"
              id="frist"
              name="frist"
              value={r.order?.deadline ?? ""}
              aria-describedby={d}
            />
          )}
        </FieldGroup>
        <FieldGroup
          id="note"
          label={F.note}
          hint="Valgfrit. Skriv aldrig personoplysninger som CPR-numre."
          error={errorFor(refusal, F.note)}
        >
          {(d) => (
            <textarea
              class="form-input"
              id="note"
              name="note"
              rows={3}
              maxLength={MAX_NOTE_LENGTH}
              aria-describedby={d}
            >
              {r.order?.note ?? ""}
            </textarea>
          )}
        </FieldGroup>
        <button class="button button-primary" type="submit">
          Gem påbuddet
        </button>
      </form>
      {r.order && (
        <form method="post" action={`${base(r)}/paabud/slet`}>
          <CsrfInput token={model.csrfToken} />
          <button class="button button-tertiary" type="submit">
            Fjern påbuddet
          </button>
        </form>
      )}
    </>
  );
}

/**
 * The editors' page for one year's treatment (issue 13): the meetings with their files, a form for a new
 * meeting, the action-plan decision where § 79 b stk. 2–3 apply, and, for tilsyn, Ankestyrelsen's order.
 * Every form posts with its CSRF token; the server's use cases decide what is allowed.
 */
export function TreatmentEditorPage(model: TreatmentEditorModel): JSX.Element {
  const r = model.record;
  const name = `${r.municipality.name} Kommune`;
  return (
    <PageLayout title={`Behandlingen af kortet for ${r.dataYear} – ${name}`} isDemo={false} account={model.account}>
      <h1>Behandlingen af kortet for {r.dataYear}</h1>
      <p>
        {name}. Fristen for {genitiveDa(r.councilNameDa)} behandling er {r.treatment.deadlineDa}.{" "}
        <a href={`/kommuner/${r.municipality.code}?aar=${r.dataYear}#h-behandling`}>Tilbage til kommunens side</a>
      </p>
      {model.savedDa && (
        <div class="alert alert-success" role="status">
          <div class="alert-body">
            <p class="alert-text">{model.savedDa}</p>
          </div>
        </div>
      )}
      <p class="treatment-status">
        <strong>{r.status.sentenceDa}</strong>
      </p>
      <h2>Møder</h2>
      {r.meetings.length === 0 ? (
        <p>Der er endnu ingen møder registreret.</p>
      ) : (
        <ol class="treatment-meetings nobullet-list no-max-width">
          {r.meetings.map((m) => (
            <li class="treatment-meeting">
              <MeetingEntry meeting={m} />
              {r.may.write && <MeetingTools model={model} meeting={m} />}
            </li>
          ))}
        </ol>
      )}
      {r.may.confirmMinutes && (
        <>
          <h2>Registrér ud fra et referat</h2>
          <p>
            Læs referatet eller dagsordenen fra et møde, hvor kortet var på. Læseren finder punktet, organerne,
            datoerne, beslutningerne og holdningen til en handleplan og viser, hvor i teksten den fandt dem. Intet
            gemmes, før du har kontrolleret og bekræftet det.
          </p>
          <MinutesReadForm record={r} csrfToken={model.csrfToken} refusal={refusalFor(model, "minutes")} />
        </>
      )}
      {r.may.write && (
        <>
          <h2>Tilføj et møde</h2>
          <MeetingForm
            action={`${base(r)}/moeder`}
            idPrefix="nyt"
            csrfToken={model.csrfToken}
            bodies={r.bodies}
            values={model.newMeeting}
            refusal={refusalFor(model, "meeting-new")}
            submitDa="Tilføj mødet"
            dataYear={r.dataYear}
          />
          {r.may.editBodies && (
            <p>
              Mangler et udvalg eller råd på listen?{" "}
              <a href={`/kommuner/${r.municipality.code}/organer`}>Ret kommunens liste over organer</a>
            </p>
          )}
        </>
      )}
      <h2>Beslutning om handleplan</h2>
      <p>{r.actionPlan.sentenceDa}</p>
      {r.actionPlan.kind === "decided" && r.actionPlan.notesDa.map((n) => <p>{n}</p>)}
      {r.may.write && r.treatment.actionPlanDecisionRequired && <PlanDecisionForm model={model} />}
      {r.may.write && r.planDecision && (
        <form method="post" action={`${base(r)}/handleplan/slet`}>
          <CsrfInput token={model.csrfToken} />
          <button class="button button-tertiary" type="submit">
            Fjern beslutningen
          </button>
        </form>
      )}
      {r.may.order && r.treatment.actionPlanDecisionRequired && (
        <>
          <h2>Ankestyrelsens påbud om handleplan</h2>
          <OrderForm model={model} />
        </>
      )}
    </PageLayout>
  );
}

export function renderTreatmentEditorPage(model: TreatmentEditorModel): string {
  return renderHtmlPage(<TreatmentEditorPage {...model} />);
}

export function MeetingEditPage(props: {
  record: TreatmentRecordView;
  meeting: TreatmentMeeting;
  values: MeetingFormValues;
  refusal: Refusal | null;
  csrfToken: string;
  account: LayoutAccount | null;
}): JSX.Element {
  const r = props.record;
  return (
    <PageLayout
      title={`Ret mødet – ${r.municipality.name} Kommune ${r.dataYear}`}
      isDemo={false}
      account={props.account}
    >
      <h1>
        Ret mødet i {props.meeting.body.nameDa} den {props.meeting.date}
      </h1>
      <p>
        <a href={base(r)}>Tilbage til behandlingen af kortet for {r.dataYear}</a>
      </p>
      <MeetingForm
        action={`${base(r)}/moeder/${props.meeting.id}`}
        idPrefix="ret"
        csrfToken={props.csrfToken}
        bodies={r.bodies}
        values={props.values}
        refusal={props.refusal}
        submitDa="Gem mødet"
        dataYear={r.dataYear}
      />
    </PageLayout>
  );
}

export function renderMeetingEditPage(props: Parameters<typeof MeetingEditPage>[0]): string {
  return renderHtmlPage(<MeetingEditPage {...props} />);
}

/** The municipality's list of bodies: each row a name and a kind; empty rows at the end for new bodies. */
export function BodiesPage(props: {
  code: string;
  name: string;
  bodies: readonly { nameDa: string; kind: string }[];
  isDefault: boolean;
  refusal: Refusal | null;
  savedDa: string | null;
  csrfToken: string;
  account: LayoutAccount | null;
}): JSX.Element {
  const rows = [...props.bodies, ...Array.from({ length: 3 }, () => ({ nameDa: "", kind: "committee" }))];
  return (
    <PageLayout title={`Organer – ${props.name} Kommune`} isDemo={false} account={props.account}>
      <h1>Kommunens liste over organer</h1>
      <p>
        {props.name} Kommune. Møderne i behandlingen af danmarkskortet vælger deres organ fra denne liste. Et møde
        beholder det navn, det blev gemt med, også hvis organet senere omdøbes.{" "}
        {props.isDefault ? "Listen er den, kommunen starter med; ret den til kommunens egne udvalg og råd." : ""}
      </p>
      {props.savedDa && (
        <div class="alert alert-success" role="status">
          <div class="alert-body">
            <p class="alert-text">{props.savedDa}</p>
          </div>
        </div>
      )}
      <form method="post" action={`/kommuner/${props.code}/organer`} novalidate>
        <CsrfInput token={props.csrfToken} />
        <ErrorSummary refusal={props.refusal} />
        {rows.map((b, i) => (
          <fieldset class="form-group body-row">
            <legend class="form-label">Organ {i + 1}</legend>
            <label class="form-label" for={`organ-navn-${i}`}>
              Navn
            </label>
            <input class="form-input" type="text" id={`organ-navn-${i}`} name={`navn-${i}`} value={b.nameDa} />
            <label class="form-label" for={`organ-slags-${i}`}>
              Slags
            </label>
            <select class="form-select" id={`organ-slags-${i}`} name={`slags-${i}`}>
              {BODY_KINDS.map((k) => (
                <option value={k} selected={b.kind === k}>
                  {BODY_KIND_NAMES_DA[k]}
                </option>
              ))}
            </select>
          </fieldset>
        ))}
        <p class="form-hint">
          Et organ uden navn fjernes fra listen. Der skal være præcis ét byråd/én kommunalbestyrelse.
        </p>
        <button class="button button-primary" type="submit">
          Gem listen
        </button>
      </form>
    </PageLayout>
  );
}

export function renderBodiesPage(props: Parameters<typeof BodiesPage>[0]): string {
  return renderHtmlPage(<BodiesPage {...props} />);
}

/** The editors' form to read a document or an address; on the treatment page. */
export function MinutesReadForm(props: {
  record: TreatmentRecordView;
  csrfToken: string;
  refusal: Refusal | null;
}): JSX.Element {
  const r = props.record;
  const error = errorFor(props.refusal, "Referat") ?? props.refusal?.messageDa ?? null;
  return (
    <form
      method="post"
      action={`${base(r)}/referat`}
      enctype="multipart/form-data"
      class="minutes-read-form"
      novalidate
    >
      <CsrfInput token={props.csrfToken} />
      <ErrorSummary refusal={props.refusal} />
      <FieldGroup
        id="referat-fil"
        label="Referat eller dagsorden som fil"
        hint={`PDF, DOCX, HTML eller tekst, højst ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB. Filen læses, men gemmes ikke.`}
        error={error}
      >
        {(d) => (
          <input
            class="form-input"
            type="file"
            id="referat-fil"
            name="fil"
            accept=".pdf,.docx,.html,.htm,.txt,application/pdf,text/html,text/plain"
            aria-describedby={d}
          />
        )}
      </FieldGroup>
      <FieldGroup
        id="referat-adresse"
        label="Eller adressen på det offentliggjorte referat"
        hint="Fx https://kommune.dk/dagsordener/referat.pdf. Serveren henter dokumentet."
      >
        {(d) => <input class="form-input" type="url" id="referat-adresse" name="adresse" aria-describedby={d} />}
      </FieldGroup>
      <button class="button button-secondary" type="submit">
        Læs referatet
      </button>
    </form>
  );
}
