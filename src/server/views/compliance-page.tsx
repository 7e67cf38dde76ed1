import type { JSX } from "preact";
import { finishedDa } from "../../app/compliance/compliance-table.js";
import type { ComplianceLine, ComplianceOverview } from "../../app/compliance/load-compliance-overview.js";
import type { Refusal } from "../../app/use-case-result.js";
import {
  COMPLIANCE_STATUS_KEYS,
  COMPLIANCE_STATUS_NAMES_DA,
  FOLLOW_UP_CATEGORIES,
  FOLLOW_UP_CATEGORY_NAMES_DA,
  FOLLOW_UP_FIELDS_DA,
  MAX_FOLLOW_UP_NOTE_LENGTH,
  NO_FOLLOW_UP_DA,
  type ComplianceFilter,
} from "../../domain/compliance-follow-up.js";
import { formatDanishDate } from "../../domain/council-treatment.js";
import { formatDateTimeDa } from "../../domain/format-danish-date.js";
import { formatInteger } from "../../domain/format-danish-number.js";
import { councilDeadline } from "../../domain/legal-rules.js";
import {
  CsrfInput,
  ErrorSummary,
  errorFor,
  FieldGroup,
  SelectField,
  SuccessNotice,
  SelectionSubmit,
} from "./form-fields.js";
import { PageLayout, type LayoutAccount } from "./page-layout.js";
import { renderHtmlPage } from "./render-html-page.js";
import type { TrustedSvg } from "../../viz/trusted-svg.js";
import { TrustedSvgHost } from "./trusted-svg-host.js";

export const REGIONS_DA = [
  "Region Hovedstaden",
  "Region Sjælland",
  "Region Syddanmark",
  "Region Midtjylland",
  "Region Nordjylland",
] as const;

/** The private page for tilsyn and admin, and the public one without notes, share one view. */
export type ComplianceVersion = "tilsyn" | "public";

export const COMPLIANCE_PATHS: Readonly<Record<ComplianceVersion, string>> = {
  tilsyn: "/tilsyn/behandling",
  public: "/behandling",
};

export type CompliancePageModel = {
  readonly version: ComplianceVersion;
  readonly account: LayoutAccount | null;
  readonly isDemo: boolean;
  readonly overview: ComplianceOverview;
  /** The lines the filter keeps. */
  readonly rows: readonly ComplianceLine[];
  readonly filter: ComplianceFilter;
  readonly years: readonly number[];
  /** The filter as a query string ("aar=2024&status=overdue"), for the export links. */
  readonly query: string;
  /** Only tilsyn registers follow-ups; admin reads them. */
  readonly mayWriteFollowUp: boolean;
  readonly savedDa: string | null;
  /** The tile map coloured by status, with its legend; null when there is none to show. */
  readonly map: {
    readonly svg: TrustedSvg;
    readonly legend: readonly {
      readonly swatchClass: string;
      readonly mark: string;
      readonly labelDa: string;
      readonly count: number;
    }[];
  } | null;
};

function FilterForm({ m }: { m: CompliancePageModel }): JSX.Element {
  const f = m.filter;
  return (
    <form method="get" action={COMPLIANCE_PATHS[m.version]} class="selection-form" aria-label="Vælg år og filtre">
      <SelectField
        id="bh-aar"
        name="aar"
        label="Dataår"
        options={m.years.map((y) => ({ value: String(y), labelDa: String(y) }))}
        selected={String(m.overview.dataYear)}
        inline
      />
      <SelectField
        id="bh-status"
        name="status"
        label="Status"
        options={[
          { value: "", labelDa: "Alle" },
          ...COMPLIANCE_STATUS_KEYS.map((k) => ({ value: k, labelDa: COMPLIANCE_STATUS_NAMES_DA[k] })),
        ]}
        selected={f.status ?? ""}
        inline
      />
      <SelectField
        id="bh-region"
        name="region"
        label="Region"
        options={[{ value: "", labelDa: "Alle" }, ...REGIONS_DA.map((r) => ({ value: r, labelDa: r }))]}
        selected={f.region ?? ""}
        inline
      />
      <SelectField
        id="bh-opfoelgning"
        name="opfoelgning"
        label="Ankestyrelsens opfølgning"
        options={[
          { value: "", labelDa: "Alle" },
          ...FOLLOW_UP_CATEGORIES.map((c) => ({ value: c, labelDa: FOLLOW_UP_CATEGORY_NAMES_DA[c] })),
          { value: "unset", labelDa: NO_FOLLOW_UP_DA },
        ]}
        selected={f.followUp ?? ""}
        inline
      />
      <SelectionSubmit />
    </form>
  );
}

function Summary({ o }: { o: ComplianceOverview }): JSX.Element {
  return (
    <ul class="compliance-counts">
      {COMPLIANCE_STATUS_KEYS.map((k) => (
        <li>
          {COMPLIANCE_STATUS_NAMES_DA[k]}: <strong>{formatInteger(o.statusCounts[k])}</strong>
        </li>
      ))}
    </ul>
  );
}

function StatusMap({ map }: { map: NonNullable<CompliancePageModel["map"]> }): JSX.Element {
  return (
    <figure class="map-figure compliance-map" data-geometry="tile">
      <div
        class="map-scroll"
        tabindex={0}
        role="region"
        aria-label="Kort over kommunernes status (tabellen herunder siger det samme med ord)"
      >
        <TrustedSvgHost svg={map.svg} />
      </div>
      <figcaption>
        <ul class="map-legend-list" aria-label="Forklaring">
          {map.legend.map((e) => (
            <li>
              <span class={`legend-swatch compliance-swatch ${e.swatchClass}`} aria-hidden="true">
                {e.mark}
              </span>
              {e.labelDa} <span class="legend-count">({formatInteger(e.count)})</span>
            </li>
          ))}
        </ul>
        <p class="legend-note">
          Kortet viser alle 98 kommuner, også dem, filtrene skjuler i tabellen. Tabellen herunder er kortets tekst.
        </p>
      </figcaption>
    </figure>
  );
}

function Row({ r, m }: { r: ComplianceLine; m: CompliancePageModel }): JSX.Element {
  const year = m.overview.dataYear;
  return (
    <tr id={`k-${r.municipalityCode}`}>
      <th scope="row">
        <a href={`/kommuner/${r.municipalityCode}?aar=${year}`}>{r.municipalityName}</a>
        <br />
        <span class="compliance-region">{r.region}</span>
      </th>
      <td>
        {COMPLIANCE_STATUS_NAMES_DA[r.statusKey]}
        {r.detailDa && (
          <>
            <br />
            <span class="compliance-detail">{r.detailDa}</span>
          </>
        )}
      </td>
      <td>{r.state.kind === "treated" ? formatDanishDate(r.state.date) : "–"}</td>
      <td>{r.state.kind === "treated" ? (r.state.beforeDeadline ? "ja" : "nej") : "–"}</td>
      <td>{finishedDa(r)}</td>
      <td>{r.bodiesDa.length === 0 ? "–" : r.bodiesDa.join(", ")}</td>
      <td>
        {r.actionPlanDa ?? "–"}
        {r.orderDeadline && (
          <>
            <br />
            Påbud med frist {formatDanishDate(r.orderDeadline)}.
          </>
        )}
      </td>
      <td>
        {r.followUp ? FOLLOW_UP_CATEGORY_NAMES_DA[r.followUp.category] : NO_FOLLOW_UP_DA}
        {m.version === "tilsyn" && r.followUp?.note && (
          <>
            <br />
            <span class="compliance-note">Note: {r.followUp.note}</span>
          </>
        )}
        {m.version === "tilsyn" && m.mayWriteFollowUp && (
          <>
            <br />
            <a href={`/tilsyn/behandling/${year}/${r.municipalityCode}`}>
              Registrér opfølgning<span class="sr-only"> for {r.municipalityName}</span>
            </a>
          </>
        )}
      </td>
    </tr>
  );
}

/** /tilsyn/behandling (tilsyn, admin) and /behandling (everyone, without notes): all 98 councils for a data year. */
export function CompliancePage(m: CompliancePageModel): JSX.Element {
  const o = m.overview;
  const title =
    m.version === "tilsyn" ? "Tilsyn: kommunernes behandling af kortet" : "Kommunernes behandling af kortet";
  const path = COMPLIANCE_PATHS[m.version];
  const caption = `${formatInteger(m.rows.length)} af 98 kommuner, dataår ${o.dataYear}`;
  return (
    <PageLayout title={title} isDemo={m.isDemo} account={m.account}>
      <h1>{title}</h1>
      <p>
        Hver kommunalbestyrelse skal behandle danmarkskortet for {o.dataYear} på et møde senest{" "}
        {formatDanishDate(councilDeadline(o.dataYear))} (retssikkerhedslovens § 79 b, stk. 1). Siden viser, hvad
        kommunerne har registreret og bekræftet om behandlingen; en kommune uden registrering står som "ikke
        registreret" – det betyder ikke, at kortet ikke er behandlet.
        {m.version === "tilsyn"
          ? " Ankestyrelsens noter vises kun for tilsyn og administratorer."
          : " Ankestyrelsens interne noter vises ikke her."}
      </p>
      <SuccessNotice textDa={m.savedDa} />
      <FilterForm m={m} />
      <Summary o={o} />
      {m.map && <StatusMap map={m.map} />}
      <p class="download-links">
        Hent tabellen: <a href={`${path}.csv?${m.query}`}>CSV</a> · <a href={`${path}.xlsx?${m.query}`}>Excel (XLSX)</a>
      </p>
      {m.rows.length === 0 ? (
        <p>Ingen kommuner passer til filtrene.</p>
      ) : (
        <div class="table-scroll" tabindex={0} role="region" aria-label="Kommunernes behandling">
          <table class="table table--compact compliance-table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">Kommune</th>
                <th scope="col">Status</th>
                <th scope="col">Byrådets behandling</th>
                <th scope="col">Inden fristen</th>
                <th scope="col">Afsluttet</th>
                <th scope="col">Organer</th>
                <th scope="col">Handleplan</th>
                <th scope="col">Ankestyrelsens opfølgning</th>
              </tr>
            </thead>
            <tbody>
              {m.rows.map((r) => (
                <Row r={r} m={m} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </PageLayout>
  );
}

export function renderCompliancePage(m: CompliancePageModel): string {
  return renderHtmlPage(<CompliancePage {...m} />);
}

export type FollowUpPageModel = {
  readonly account: LayoutAccount | null;
  readonly line: ComplianceLine;
  readonly dataYear: number;
  readonly values: { readonly category: string; readonly note: string };
  readonly refusal: Refusal | null;
  readonly csrfToken: string;
};

/** /tilsyn/behandling/<år>/<kode>: tilsyn registers Ankestyrelsen's follow-up for one council. */
export function FollowUpPage(m: FollowUpPageModel): JSX.Element {
  const r = m.line;
  const F = FOLLOW_UP_FIELDS_DA;
  const title = `Ankestyrelsens opfølgning: ${r.municipalityName}, dataår ${m.dataYear}`;
  const noteError = errorFor(m.refusal, F.note);
  return (
    <PageLayout title={title} isDemo={false} account={m.account}>
      <h1>{title}</h1>
      <p>
        Status: {COMPLIANCE_STATUS_NAMES_DA[r.statusKey]}. {r.detailDa ?? ""}
      </p>
      {r.actionPlanDa && <p>Handleplan: {r.actionPlanDa}</p>}
      {r.followUp && (
        <p>
          Senest registreret {formatDateTimeDa(r.followUp.updatedAt)} af {r.followUp.updatedBy}.
        </p>
      )}
      {r.followUp && (
        <p>
          <a href={`/tilsyn/behandling/${m.dataYear}/${r.municipalityCode}/brev.docx`}>
            Hent brev til kommunen ({FOLLOW_UP_CATEGORY_NAMES_DA[r.followUp.category]}) som Word
          </a>
        </p>
      )}
      <ErrorSummary refusal={m.refusal} />
      <form method="post" action={`/tilsyn/behandling/${m.dataYear}/${r.municipalityCode}`} class="comment-form">
        <CsrfInput token={m.csrfToken} />
        <SelectField
          id="op-kategori"
          name="kategori"
          label={F.category}
          options={[
            { value: "", labelDa: `${NO_FOLLOW_UP_DA} (fjern registreringen)` },
            ...FOLLOW_UP_CATEGORIES.map((c) => ({ value: c, labelDa: FOLLOW_UP_CATEGORY_NAMES_DA[c] })),
          ]}
          selected={m.values.category}
          error={errorFor(m.refusal, F.category)}
        />
        <FieldGroup
          id="op-note"
          label={`${F.note} (intern)`}
          hint={`Vises kun for tilsyn og administratorer, aldrig på den offentlige side. Højst ${formatInteger(MAX_FOLLOW_UP_NOTE_LENGTH)} tegn; skriv ikke CPR-numre.`}
          error={noteError}
        >
          {(describedBy) => (
            <textarea
              class="form-input"
              id="op-note"
              name="note"
              rows={5}
              maxLength={MAX_FOLLOW_UP_NOTE_LENGTH}
              aria-describedby={describedBy}
            >
              {m.values.note}
            </textarea>
          )}
        </FieldGroup>
        <button class="button button-primary" type="submit">
          Gem opfølgningen
        </button>
      </form>
      <p>
        <a href={`/tilsyn/behandling?aar=${m.dataYear}#k-${r.municipalityCode}`}>Tilbage til oversigten</a>
      </p>
    </PageLayout>
  );
}

export function renderFollowUpPage(m: FollowUpPageModel): string {
  return renderHtmlPage(<FollowUpPage {...m} />);
}
