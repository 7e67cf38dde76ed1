import type { JSX } from "preact";
import type { YearProvenance } from "../../domain/complaint-cell.js";
import { formatInteger } from "../../domain/format-danish-number.js";
import type { Count, KnowledgeFigures } from "../../domain/knowledge/knowledge-figures.js";
import {
  KNOWLEDGE_OUTCOME_NAMES_DA,
  KNOWLEDGE_STATUS_NAMES_DA,
  NEW_DECISION_NAMES_DA,
  type KnowledgeEntry,
} from "../../domain/knowledge/knowledge-entry.js";
import type { ReasonDefinition } from "../../domain/knowledge/reason-taxonomy.js";
import type { ReasonTrendChartModel } from "../../viz/reason-trend-chart.js";
import { EntryForm, type EntryFormState } from "./knowledge-entry-form.js";
import { ScrollableTable } from "./scrollable-table.js";
import { PageLayout, type LayoutAccount } from "./page-layout.js";
import { renderHtmlPage } from "./render-html-page.js";

/** What the knowledge-bank page shows; the route fills it from the use cases, the view only draws it. */
export type KnowledgePageModel = {
  readonly municipalityCode: string;
  readonly municipalityName: string;
  readonly year: number;
  readonly years: readonly number[];
  readonly figures: KnowledgeFigures;
  readonly statistics: YearProvenance | null;
  readonly chart: ReasonTrendChartModel;
  readonly entries: readonly (KnowledgeEntry & { readonly mapsDa: string })[];
  readonly reasons: readonly ReasonDefinition[];
  readonly departments: readonly string[];
  readonly mayWrite: boolean;
  readonly csrfToken: string | null;
  readonly csrfField: string;
  readonly account: LayoutAccount | null;
  readonly savedNotice: string | null;
  /** A refused form comes back with what was typed and each problem by its field. */
  readonly form: EntryFormState | null;
};

function CountTable({ caption, first, rows }: { caption: string; first: string; rows: readonly Count[] }): JSX.Element {
  return (
    <table class="table table--compact">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{first}</th>
          <th scope="col" class="text-align-right">
            Afgørelser
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={2}>Ingen</td>
          </tr>
        ) : (
          rows.map((r) => (
            <tr>
              <td>{r.labelDa}</td>
              <td class="text-align-right">{formatInteger(r.count)}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}

function sourceLine(p: YearProvenance | null, year: number): string {
  if (p === null) return `Ingen statistik for ${year} er indlæst; fuldstændigheden kan ikke beregnes.`;
  return `Statistikken: Ankestyrelsens tal, datasætversion ${p.datasetVersionId} (${p.fileName}${p.extractedOn ? `, udtrukket ${p.extractedOn}` : ""}${p.standing === "published" ? ", kortet som offentliggjort" : ""})${p.isDemo ? " – demodata, ikke Ankestyrelsens tal" : ""}. Omgjorte sager = ændrede/ophævede + hjemviste.`;
}

function ReasonChart({ chart }: { chart: ReasonTrendChartModel }): JSX.Element {
  if (chart.rows.length === 0) return <p>Ingen årsager registreret endnu.</p>;
  return (
    <figure class="knowledge-chart">
      <svg
        viewBox={`0 0 ${chart.width} ${chart.height}`}
        width={chart.width}
        height={chart.height}
        role="img"
        aria-labelledby="vidensbank-diagram-titel"
      >
        <title id="vidensbank-diagram-titel">{chart.titleDa}</title>
        {chart.rows.map((row) => (
          <g>
            <text x={chart.barX - 8} y={row.labelY} text-anchor="end" font-size="12">
              {row.labelDa}
            </text>
            {row.bars.map((b) => (
              <g>
                <rect
                  x={b.x}
                  y={b.y}
                  width={Math.max(b.width, b.count > 0 ? 1 : 0)}
                  height={b.height}
                  fill="#1a5b8f"
                  fill-opacity={b.shade}
                >
                  <title>{`${row.labelDa}, ${b.year}: ${formatInteger(b.count)}`}</title>
                </rect>
                <text x={b.x + b.width + 4} y={b.y + b.height - 2} font-size="10">
                  {`${b.year}: ${formatInteger(b.count)}`}
                </text>
              </g>
            ))}
          </g>
        ))}
      </svg>
      <figcaption>{`${chart.titleDa}. Én bjælke pr. dataår (${chart.years.join(", ")}), lysest for det ældste.`}</figcaption>
    </figure>
  );
}

export function KnowledgePage({ model }: { model: KnowledgePageModel }): JSX.Element {
  const f = model.figures;
  const base = `/kommuner/${model.municipalityCode}/vidensbank`;
  return (
    <PageLayout
      title={`Vidensbank – ${model.municipalityName} Kommune ${model.year}`}
      isDemo={model.statistics?.isDemo ?? false}
      account={model.account}
    >
      <h1>{`Vidensbank – ${model.municipalityName} Kommune`}</h1>
      <p>
        Ankestyrelsens omgjorte og hjemviste afgørelser, hvorfor de blev omgjort, og hvad kommunen har lært. Kun
        kommunens egne brugere og tilsynet kan se siden.{" "}
        <a href={`/kommuner/${model.municipalityCode}`}>Tilbage til kommunens side</a>
        {model.mayWrite && (
          <>
            {" · "}
            <a href={`${base}/administration`}>Indlæs regneark, afdelinger, offentliggørelse og sletning</a>
          </>
        )}
      </p>
      {model.savedNotice && (
        <div class="alert alert-success" role="status">
          <div class="alert-body">
            <p class="alert-text">{model.savedNotice}</p>
          </div>
        </div>
      )}
      <nav aria-label="Dataår">
        <p>
          {"Dataår: "}
          {[...new Set([model.year, ...model.years])]
            .sort((a, b) => b - a)
            .map((y, i) => (
              <>
                {i > 0 && " · "}
                {y === model.year ? <strong>{String(y)}</strong> : <a href={`${base}?aar=${y}`}>{String(y)}</a>}
              </>
            ))}
        </p>
      </nav>
      <h2 id="h-fuldstaendighed">{`Registreret i ${model.year}`}</h2>
      <p>{`${formatInteger(f.entries)} afgørelser i ${model.year}${f.drafts > 0 ? `, heraf ${formatInteger(f.drafts)} kladder` : ""}.`}</p>
      <ul class="knowledge-completeness">
        {f.completeness.map((c) => (
          <li data-map={c.map}>{`${c.textDa[0]!.toUpperCase()}${c.textDa.slice(1)}.`}</li>
        ))}
      </ul>
      <p class="source-line">{sourceLine(model.statistics, model.year)}</p>
      {f.outsideMaps > 0 && (
        <p>{`${formatInteger(f.outsideMaps)} afgørelser ligger uden for kortene (fx beskæftigelse) eller kan ikke placeres; de tælles med ovenfor under sagsemner og årsager.`}</p>
      )}
      <h2 id="h-aarsager">Årsager</h2>
      <CountTable
        caption={`Afgørelser pr. årsag, ${model.year} (en afgørelse kan have flere årsager)`}
        first="Årsag"
        rows={f.byReason}
      />
      <h2 id="h-ny-afgoerelse">Resultat efter ny afgørelse</h2>
      <p>{f.newDecisions.textDa}</p>
      <CountTable
        caption={`Hjemviste sager efter resultatet af kommunens nye afgørelse, ${model.year}`}
        first="Ny afgørelse"
        rows={f.newDecisions.byResult}
      />
      <h2 id="h-borgere">Borgere med flere afgørelser</h2>
      <p>{f.repeatCitizens.textDa}</p>
      <h2 id="h-fordeling">Fordeling</h2>
      <CountTable caption={`Afgørelser pr. kort, ${model.year}`} first="Kort" rows={f.byMap} />
      <CountTable caption={`Afgørelser pr. sagsemne, ${model.year}`} first="Sagsemne" rows={f.bySubject} />
      <CountTable caption={`Afgørelser pr. afdeling, ${model.year}`} first="Afdeling" rows={f.byDepartment} />
      <CountTable caption={`Afgørelser pr. udfald, ${model.year}`} first="Udfald" rows={f.byOutcome} />
      <h2 id="h-udvikling">Årsager over årene</h2>
      <ReasonChart chart={model.chart} />
      <h2 id="h-afgoerelser">{`Afgørelserne i ${model.year}`}</h2>
      <p>
        <a href={`${base}.xlsx`}>Hent hele vidensbanken som Excel (XLSX)</a> · <a href={`${base}.csv`}>som CSV</a>
      </p>
      <ScrollableTable captionDa={`Afgørelserne i ${model.year}`}>
        <table class="table table--compact knowledge-entries">
          <thead>
            <tr>
              <th scope="col">Nr.</th>
              <th scope="col">Afgørelsesdato</th>
              <th scope="col">Sagsemne</th>
              <th scope="col">Kort</th>
              <th scope="col">Udfald</th>
              <th scope="col">Årsager</th>
              <th scope="col">Resumé og læring</th>
              <th scope="col">Ny afgørelse</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {model.entries.map((e) => (
              <tr>
                <td>
                  {String(e.id)}
                  {model.mayWrite && (
                    <>
                      <br />
                      <a href={`${base}/${e.id}/rediger`}>
                        Ret<span class="sr-only">{` afgørelse nr. ${e.id}`}</span>
                      </a>
                    </>
                  )}
                </td>
                <td>{e.decisionDate}</td>
                <td>{`${e.subject}${e.provision ? ` (${e.provision})` : ""}${e.department ? ` – ${e.department}` : ""}`}</td>
                <td>{e.mapsDa}</td>
                <td>{KNOWLEDGE_OUTCOME_NAMES_DA[e.outcome]}</td>
                <td>{e.reasonCodes.map((c) => model.reasons.find((r) => r.code === c)?.labelDa ?? c).join(", ")}</td>
                <td>
                  {e.summary}
                  {e.learningPoint && (
                    <>
                      <br />
                      <strong>Læring: </strong>
                      {e.learningPoint}
                    </>
                  )}
                  {e.links.map((l) => (
                    <>
                      <br />
                      <a href={l} rel="noopener noreferrer">
                        {l}
                      </a>
                    </>
                  ))}
                </td>
                <td>
                  {e.newDecision
                    ? `${NEW_DECISION_NAMES_DA[e.newDecision.result]}${e.newDecision.date ? ` ${e.newDecision.date}` : ""}`
                    : "–"}
                </td>
                <td>{KNOWLEDGE_STATUS_NAMES_DA[e.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>
      {model.mayWrite && (
        <>
          <h2 id="h-ny">Registrér en afgørelse</h2>
          <EntryForm
            action={base}
            submitLabel="Gem afgørelsen"
            csrfToken={model.csrfToken ?? ""}
            state={model.form ?? { values: { dataaar: String(model.year) }, problems: [], messageDa: null }}
            reasons={model.reasons}
            departments={model.departments}
          />
        </>
      )}
      <h2 id="h-taksonomi">Årsagerne og deres kilder</h2>
      <dl class="knowledge-taxonomy">
        {model.reasons.map((r) => (
          <>
            <dt>{r.labelDa}</dt>
            <dd>{`${r.definitionDa} Kilde: ${r.source}. Gælder fra dataåret ${r.validFrom}${r.validTo === null ? "" : ` til ${r.validTo}`}.`}</dd>
          </>
        ))}
      </dl>
    </PageLayout>
  );
}

export function renderKnowledgePage(model: KnowledgePageModel): string {
  return renderHtmlPage(<KnowledgePage model={model} />);
}
