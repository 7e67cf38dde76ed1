import type { JSX } from "preact";
import {
  AUDIT_FIELD_NAMES_DA,
  auditActionNameDa,
  auditValueDa,
  CHANNEL_NAMES_DA,
} from "../../app/audit/audit-action-names.js";
import type { Refusal } from "../../app/use-case-result.js";
import { ROLE_NAMES_DA, type RoleKind } from "../../domain/access-policy.js";
import { formatDateTimeDa } from "../../domain/format-danish-date.js";
import { MUNICIPALITIES, municipalityName } from "../../domain/municipality.js";
import type { AuditEvent } from "../../storage/audit-trail.js";
import { ErrorSummary, SelectField, SelectionSubmit } from "./form-fields.js";
import { PageLayout, type LayoutAccount } from "./page-layout.js";
import { renderHtmlPage } from "./render-html-page.js";

export type AuditPageModel = {
  readonly account: LayoutAccount | null;
  readonly events: readonly AuditEvent[];
  /** The municipality the trail is filtered to, or null for all. */
  readonly municipalityCode: string | null;
  /** Admin and tilsyn choose among all municipalities; a municipality's users see their own. */
  readonly national: boolean;
  readonly userEmail: string;
  readonly refusal: Refusal | null;
};

function roleDa(role: AuditEvent["actorRole"]): string {
  return role === "operator" ? "Operatør" : ROLE_NAMES_DA[role as RoleKind];
}

/** Before/after as field: value lines in Danish; a text is shown as written. */
function AuditState({ value }: { readonly value: unknown }): JSX.Element {
  if (value === null || value === undefined) return <>–</>;
  if (typeof value !== "object" || Array.isArray(value))
    return <span class="audit-state">{JSON.stringify(value)}</span>;
  return (
    <dl class="audit-state">
      {Object.entries(value as Record<string, unknown>).map(([k, v]) => (
        <>
          <dt>{AUDIT_FIELD_NAMES_DA[k] ?? k}</dt>
          <dd>{auditValueDa(v)}</dd>
        </>
      ))}
    </dl>
  );
}

function EventRow({ e }: { readonly e: AuditEvent }): JSX.Element {
  return (
    <tr>
      <td>{formatDateTimeDa(e.at)}</td>
      <td>
        {e.actorLabel}
        <br />
        <span class="audit-role">
          {roleDa(e.actorRole)}
          {e.actorMunicipalityCode ? `, ${municipalityName(e.actorMunicipalityCode)}` : ""} ·{" "}
          {CHANNEL_NAMES_DA[e.channel]}
        </span>
      </td>
      <td>
        {auditActionNameDa(e.action)}
        <br />
        <span class="audit-subject">{e.subject}</span>
      </td>
      <td>{e.municipalityCode ? municipalityName(e.municipalityCode) : "–"}</td>
      <td>
        <AuditState value={e.before} />
      </td>
      <td>
        <AuditState value={e.after} />
      </td>
    </tr>
  );
}

/** /revisionsspor: every write (who, role, when, what, before and after), newest first. */
export function AuditPage(m: AuditPageModel): JSX.Element {
  const options = [
    { value: "", labelDa: "Alle kommuner" },
    ...MUNICIPALITIES.map((x) => ({ value: x.code, labelDa: `${x.name} (${x.code})` })),
  ];
  return (
    <PageLayout title="Revisionsspor" isDemo={false} account={m.account}>
      <h1>Revisionsspor</h1>
      <p>
        Hver ændring gemmes her med hvem, i hvilken rolle, hvornår, hvad, og indholdet før og efter. Sporet kan kun
        udvides; intet i det kan ændres eller slettes.
      </p>
      <ErrorSummary refusal={m.refusal} />
      <form method="get" action="/revisionsspor" class="selection-form">
        {m.national ? (
          <SelectField
            id="rs-kommune"
            name="kommune"
            label="Kommune"
            options={options}
            selected={m.municipalityCode ?? ""}
            inline
          />
        ) : (
          <p>Du ser revisionssporet for {m.municipalityCode ? municipalityName(m.municipalityCode) : "din kommune"}.</p>
        )}
        <div class="form-group selection-field">
          <label class="form-label" for="rs-bruger">
            Bruger (e-mail)
          </label>
          <input class="form-input" id="rs-bruger" name="bruger" type="text" value={m.userEmail} />
        </div>
        <SelectionSubmit />
      </form>
      {m.events.length === 0 ? (
        <p>Ingen ændringer passer til valget.</p>
      ) : (
        <div class="table-scroll" tabindex={0} role="region" aria-label="Revisionssporet">
          <table class="table table--compact audit-table">
            <caption>
              {m.events.length} {m.events.length === 1 ? "ændring" : "ændringer"}, nyeste først
            </caption>
            <thead>
              <tr>
                <th scope="col">Tidspunkt</th>
                <th scope="col">Hvem</th>
                <th scope="col">Hvad</th>
                <th scope="col">Kommune</th>
                <th scope="col">Før</th>
                <th scope="col">Efter</th>
              </tr>
            </thead>
            <tbody>
              {m.events.map((e) => (
                <EventRow e={e} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </PageLayout>
  );
}

export function renderAuditPage(m: AuditPageModel): string {
  return renderHtmlPage(<AuditPage {...m} />);
}
