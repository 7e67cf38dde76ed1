import type { JSX } from "preact";
import type { TreatmentRecordView } from "../../app/treatment/load-treatment.js";
import { formatDanishDate, USUAL_COUNCIL_BODIES } from "../../domain/council-treatment.js";
import {
  ATTACHMENT_TYPE_NAMES_DA,
  MEETING_OUTCOME_NAMES_DA,
  MEETING_ROLE_NAMES_DA,
  MEETING_STATE_NAMES_DA,
  type AttachmentInfo,
  type TreatmentMeeting,
} from "../../domain/treatment-record.js";
import { genitiveDa } from "../../domain/treatment-status.js";

/** Where a meeting's attachment is downloaded on the web (the session decides what may be seen). */
export function webAttachmentHref(code: string, year: number, a: Pick<AttachmentInfo, "id">): string {
  return `/kommuner/${code}/behandling/${year}/bilag/${a.id}`;
}

/** "1,2 MB", "34 kB": the size a person decides to download by. */
export function formatFileSizeDa(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1).replace(".", ",")} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} kB`;
}

export function meetingStateDa(m: TreatmentMeeting): string {
  return m.state === "held" && m.outcome
    ? `${MEETING_STATE_NAMES_DA.held}, ${MEETING_OUTCOME_NAMES_DA[m.outcome]}`
    : MEETING_STATE_NAMES_DA[m.state];
}

export function AttachmentLinks({
  code,
  year,
  attachments,
}: {
  code: string;
  year: number;
  attachments: readonly AttachmentInfo[];
}): JSX.Element | null {
  if (attachments.length === 0) return null;
  return (
    <ul class="treatment-attachments">
      {attachments.map((a) => (
        <li>
          <a href={webAttachmentHref(code, year, a)}>{a.fileName}</a> ({ATTACHMENT_TYPE_NAMES_DA[a.mediaType]},{" "}
          {formatFileSizeDa(a.sizeBytes)}){a.isPublic ? "" : " – ikke offentligt"}
        </li>
      ))}
    </ul>
  );
}

/** One meeting as a list entry: body and date as its heading, then the agenda item, the role and what was decided. */
export function MeetingEntry({
  meeting,
  headingLevel = 3,
}: {
  meeting: TreatmentMeeting;
  headingLevel?: 3 | 4;
}): JSX.Element {
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const m = meeting;
  return (
    <>
      <Heading class="h5 treatment-meeting-heading">
        {m.body.nameDa}, {formatDanishDate(m.date)}
      </Heading>
      <p>
        {m.agendaItemNumber ? `Punkt ${m.agendaItemNumber}: ` : ""}
        {m.agendaItemTitle}. Rolle: {MEETING_ROLE_NAMES_DA[m.role]}. Status: {meetingStateDa(m)}.
      </p>
      {m.decisionText && (
        <div class="treatment-decision">
          <p class="treatment-decision-label">Beslutning:</p>
          <blockquote>
            {m.decisionText.split("\n").map((line, i) => (
              <>
                {i > 0 && <br />}
                {line}
              </>
            ))}
          </blockquote>
        </div>
      )}
      {m.minutesUrl && (
        <p>
          <a href={m.minutesUrl} rel="noopener noreferrer">
            Referatet på kommunens hjemmeside
          </a>
        </p>
      )}
      <AttachmentLinks code={m.municipalityCode} year={m.dataYear} attachments={m.attachments} />
    </>
  );
}

export type TreatmentSectionModel = {
  readonly record: TreatmentRecordView;
  /** The editor's page, for those who may write or record an order; null for everyone else. */
  readonly editHref: string | null;
};

/**
 * The council's treatment on the municipality's page (issue 13): the status sentence first, then the
 * action-plan status where it says something, the meetings in order, the rule's source, and the history
 * as CSV/XLSX.
 */
export function TreatmentSection({ record, editHref }: TreatmentSectionModel): JSX.Element {
  const r = record;
  const code = r.municipality.code;
  const notes = r.status.kind === "treated" ? [] : r.status.notesDa;
  const planNotes = r.actionPlan.kind === "decided" ? r.actionPlan.notesDa : [];
  const planRule = r.rules.find((rule) => rule.id === "action-plan-decision");
  return (
    <section aria-labelledby="h-behandling" class="treatment-section">
      <h2 id="h-behandling">{`${genitiveDa(r.councilNameDa)} behandling af kortet for ${r.dataYear}`}</h2>
      <p class={`treatment-status treatment-status-${r.status.kind}`}>
        <strong>{r.status.sentenceDa}</strong>
      </p>
      {notes.map((n) => (
        <p>{n}</p>
      ))}
      <p>
        {r.actionPlan.sentenceDa}
        {planNotes.map((n) => ` ${n}`)}
      </p>
      {r.meetings.length === 0 ? (
        <>
          <p>Kommunen har ikke registreret nogen møder om kortet for {r.dataYear}.</p>
          {/* Until it does, the usual route says who is likely to see the case (seeds: Herning, Ballerup). */}
          <p>Sagen går typisk gennem:</p>
          <ul>
            {USUAL_COUNCIL_BODIES.map((b) => (
              <li>
                {b.nameDa}: {b.descriptionDa}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <ol class="treatment-meetings nobullet-list no-max-width">
          {r.meetings.map((m) => (
            <li class="treatment-meeting">
              <MeetingEntry meeting={m} />
            </li>
          ))}
        </ol>
      )}
      {r.hiddenAttachments > 0 && (
        <p class="form-hint">
          {r.hiddenAttachments === 1 ? "Ét bilag er" : `${r.hiddenAttachments} bilag er`} ikke offentligt og vises kun
          for kommunens egne brugere.
        </p>
      )}
      {planRule && (
        <p class="source-line">
          {planRule.provision} gælder fra {formatDanishDate(planRule.validFrom)}
          {planRule.validTo ? ` til ${formatDanishDate(planRule.validTo)}` : " uden slutdato"}. Kilde: {planRule.source}
          {planRule.origin.kind === "edited" ? ` (rettet af ${planRule.origin.by})` : ""}. Alle lovregler og kilder:{" "}
          <a href="/api/v1/legal-rules">/api/v1/legal-rules</a>
        </p>
      )}
      <p class="download-links">
        Hent kommunens behandling for alle år: <a href={`/api/v1/municipalities/${code}/treatment?format=csv`}>CSV</a> ·{" "}
        <a href={`/api/v1/municipalities/${code}/treatment?format=xlsx`}>XLSX</a>
      </p>
      {editHref && (
        <p>
          <a class="button button-secondary" href={editHref}>
            Registrér behandlingen
          </a>
        </p>
      )}
    </section>
  );
}
