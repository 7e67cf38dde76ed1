import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { formatInteger, formatPercent } from "../../domain/format-danish-number.js";
import { AREA_NAMES_DA, MAP_DEFINITIONS, MAP_IDS, type Area } from "../../domain/map-definition.js";
import { buildMapFigures, type MapFigures } from "../../domain/map-figures.js";
import { MUNICIPALITIES } from "../../domain/municipality.js";
import { buildChoroplethModel } from "../../viz/choropleth-model.js";
import { buildFigureTableModel, renderTableCsv, type TableModel } from "../../viz/figure-table.js";
import { buildFunnelPlotModel, renderFunnelPlotSvg } from "../../viz/funnel-plot.js";
import { shortValueDa } from "../../viz/figure-text.js";
import { formatMeasureCountDa, formatMeasureValueDa, MEASURE_IDS, MEASURES, measureNameDa, measureTitleDa, measureValue, readingOf, type MeasureId } from "../../viz/map-measure.js";
import { selectPopulationDenominator, type PopulationDenominator } from "../../domain/context/population-denominator.js";
import { recipientsForMap, type MapRecipients } from "../../domain/context/map-recipients.js";
import { describeRecipientsDa } from "../../viz/recipients-text.js";
import { loadContextIndex } from "./context-data.js";
import { areaParam, mapPageQuery, PageStateError, parseMapPageState, type MapPageState, type ViewId } from "../../viz/page-state.js";
import { renderChoroplethLegendHtml, renderChoroplethSvg } from "../../viz/render-choropleth-svg.js";
import { buildSourceLineDa } from "../../viz/source-line.js";
import { revisionNoteDa } from "../../viz/revision-note.js";
import type { AppContext } from "../app-context.js";
import { mapGeometries, type LoadedGeometries } from "../geo-boundaries.js";
import { escapeHtml, renderPage } from "../html-page.js";
import { renderMessagePage } from "../views/message-page.js";
import { pageAccount } from "../auth/page-account.js";
import { loadPageData, type PageData } from "./page-data.js";
import { scrollableTableHtml } from "./page-table-html.js";
import { renderTableXlsx } from "./page-table-xlsx.js";
import { renderFunnelSummaryHtml } from "./funnel-summary-html.js";

type Query = Record<string, string | undefined>;

const VIEW_NAMES_DA: Readonly<Record<ViewId, string>> = { kort: "Kort", tabel: "Tabel", tragt: "Tragtplot" };

export function profileHref(code: string, state: Pick<MapPageState, "map" | "year">): string {
  return `/kommuner/${code}?kort=${state.map}&aar=${state.year}`;
}

type Resolved = {
  state: MapPageState;
  data: PageData;
  figures: MapFigures;
  titleDa: string;
  sourceLineDa: string;
  /** Who cases per 10.000 are counted against on this map and year (issue 18): the year's FOLK1A band, or the rounded fallback. */
  denominator: PopulationDenominator;
  /** Recipients beside the rate where a Danmarks Statistik table covers the map; empty lists otherwise. */
  recipients: (code: string | null) => readonly MapRecipients[];
};

async function resolve(ctx: AppContext, query: Query): Promise<Resolved> {
  const [data, context] = await Promise.all([loadPageData(ctx.db), loadContextIndex(ctx.db)]);
  const state = parseMapPageState(query, { year: data.years.at(-1) ?? 2024 });
  const figures = buildMapFigures(data.totals, { map: state.map, year: state.year, area: state.area }, { revised: data.revisedTotals, rankIntervals: true });
  const def = MAP_DEFINITIONS[state.map];
  const areaPart = state.area === "total" ? "" : `, ${AREA_NAMES_DA[state.area]}`;
  const denominator = selectPopulationDenominator(context.index, state.map, state.area, state.year);
  const measureTitle = MEASURES[state.measure].unit === "pct" ? measureTitleDa(state.measure) : measureNameDa(state.measure, denominator);
  const titleDa = `${measureTitle}, ${def.nameDa.toLowerCase()}${areaPart}, ${state.year}`;
  const sourceLine = buildSourceLineDa(data.provenanceByYear.get(state.year));
  // Cases per 10.000 inhabitants rest on a second source, which every download then names too.
  const sourceLineDa = MEASURES[state.measure].unit === "per-10000" ? `${sourceLine} ${denominator.sourceDa}.` : sourceLine;
  const recipientsCache = new Map<string, readonly MapRecipients[]>();
  const recipients = (code: string | null) => {
    const key = code ?? "";
    let found = recipientsCache.get(key);
    if (!found) recipientsCache.set(key, (found = state.area === "total" ? recipientsForMap(context.index, state.map, code, state.year) : []));
    return found;
  };
  return { state, data, figures, titleDa, sourceLineDa, denominator, recipients };
}

function geometryFor(state: MapPageState, geometries: LoadedGeometries) {
  if (state.geometry === "felter" || !geometries.geographic) return geometries.tile;
  return geometries.geographic;
}

function badRequest(reply: FastifyReply, error: unknown): string {
  reply.code(400).type("text/html; charset=utf-8");
  const message = error instanceof Error ? error.message : String(error);
  return renderMessagePage({ title: "Ugyldig adresse", heading: "Adressen kan ikke vises", messageDa: message, messageIsAlert: true, link: "kort", isDemo: false, account: pageAccount(reply.request) });
}

/** The selection in the URL, or the Danish error that makes it a bad request (anything else is thrown). */
async function resolveQuery(ctx: AppContext, query: Query): Promise<Resolved | PageStateError | RangeError> {
  try {
    return await resolve(ctx, query);
  } catch (error) {
    if (error instanceof PageStateError || error instanceof RangeError) return error;
    throw error;
  }
}

/** The map page and its table and funnel views, plus the downloads of the same selection. */
export function registerMapPage(app: FastifyInstance, ctx: AppContext): void {
  const mapPage = async (request: FastifyRequest, reply: FastifyReply) => {
    const resolved = await resolveQuery(ctx, request.query as Query);
    if (resolved instanceof Error) return badRequest(reply, resolved);
    const geometries = await mapGeometries(ctx);
    reply.type("text/html; charset=utf-8");
    return renderPage({
      title: resolved.titleDa,
      isDemo: resolved.data.isDemo,
      account: pageAccount(request),
      body: renderMapPageBody(resolved, geometries),
      scripts: ["/assets/build/map-page.js"],
    });
  };
  // The front page is the map of the latest year with figures (real ones, once any are loaded), with the
  // national figures in one line (issue 9, point 7): a newcomer meets the map, not a table of files.
  app.get("/", mapPage);
  app.get("/kort", mapPage);

  const download = (path: string, produce: (r: Resolved, g: LoadedGeometries) => Promise<{ type: string; body: string | Buffer; name: string }>) =>
    app.get(path, async (request, reply) => {
      const resolved = await resolveQuery(ctx, request.query as Query);
      if (resolved instanceof Error) return badRequest(reply, resolved);
      const file = await produce(resolved, await mapGeometries(ctx));
      reply.type(file.type).header("content-disposition", `attachment; filename="${file.name}"`);
      return file.body;
    });
  const baseName = (s: MapPageState) => `danmarkskort-${s.map}-${s.year}-${areaParam(s.area)}`;
  download("/kort/tabel.csv", async (r) => ({ type: "text/csv; charset=utf-8", body: renderTableCsv(tableFor(r)), name: `${baseName(r.state)}.csv` }));
  download("/kort/tabel.xlsx", async (r) => ({
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    body: await renderTableXlsx(tableFor(r)),
    name: `${baseName(r.state)}.xlsx`,
  }));
  download("/kort/kort.svg", async (r, g) => ({ type: "image/svg+xml; charset=utf-8", body: choroplethSvg(r, g), name: `${baseName(r.state)}-${r.state.measure}.svg` }));
  download("/kort/tragt.svg", async (r) => ({ type: "image/svg+xml; charset=utf-8", body: funnelSvg(r), name: `${baseName(r.state)}-tragtplot.svg` }));
}

function tableFor(r: Resolved): TableModel {
  return buildFigureTableModel(r.figures, r.titleDa, r.sourceLineDa, { measure: r.state.measure, denominator: r.denominator, recipients: r.recipients });
}

function choroplethModel(r: Resolved, g: LoadedGeometries) {
  return buildChoroplethModel({
    geometry: geometryFor(r.state, g),
    figures: r.figures,
    measure: r.state.measure,
    titleDa: r.titleDa,
    sourceLineDa: r.sourceLineDa,
    profileHref: (code) => profileHref(code, r.state),
    selectedCode: r.state.municipality,
    denominator: r.denominator,
    extraDescriptionDa: (code) => {
      const text = describeRecipientsDa(r.recipients(code));
      return text ? ` ${text}` : "";
    },
  });
}

function choroplethSvg(r: Resolved, g: LoadedGeometries): string {
  return renderChoroplethSvg(choroplethModel(r, g));
}

function funnelSvg(r: Resolved, width?: number): string {
  const titleDa = `Tragtplot: omgørelsesprocent og antal sager, ${MAP_DEFINITIONS[r.state.map].nameDa.toLowerCase()}, ${r.state.year}`;
  return renderFunnelPlotSvg(
    buildFunnelPlotModel({
      figures: r.figures,
      titleDa,
      sourceLineDa: r.sourceLineDa,
      profileHref: (code) => profileHref(code, r.state),
      selectedCode: r.state.municipality,
      ...(width ? { width } : {}),
    }),
  );
}

/**
 * The funnel plot laid out for a wide page and for a phone (issue 9, point 7: scaled down from 720 px its
 * text was about 6 px at 390 px). CSS shows one; the other is display: none, out of the tab order and the
 * accessibility tree. The wide one comes first, so the PNG download draws it.
 */
function funnelFigureSvgs(r: Resolved): string {
  return `<div class="chart-wide">${funnelSvg(r)}</div><div class="chart-narrow">${funnelSvg(r, 360)}</div>`;
}

function option(value: string, label: string, selected: boolean): string {
  return `<option value="${escapeHtml(value)}"${selected ? " selected" : ""}>${escapeHtml(label)}</option>`;
}

function renderSelectionForm(r: Resolved, geometries: LoadedGeometries): string {
  const { state, data } = r;
  const years = data.years.length > 0 ? data.years : [state.year];
  const areas: readonly Area[] = MAP_DEFINITIONS[state.map].areas;
  const field = (id: string, label: string, control: string) => `<div class="form-group selection-field"><label class="form-label" for="${id}">${label}</label>${control}</div>`;
  return `<form class="selection-form" method="get" action="/kort" data-auto-submit>
${field("vaelg-kort", "Kort", `<select class="form-select" id="vaelg-kort" name="kort">${MAP_IDS.map((m) => option(m, MAP_DEFINITIONS[m].nameDa, m === state.map)).join("")}</select>`)}
${field("vaelg-aar", "År", `<select class="form-select" id="vaelg-aar" name="aar">${[...years].reverse().map((y) => option(String(y), String(y), y === state.year)).join("")}</select>`)}
${field("vaelg-omraade", "Område", `<select class="form-select" id="vaelg-omraade" name="omraade">${areas.map((a) => option(areaParam(a), a === "total" ? "I alt" : AREA_NAMES_DA[a], a === state.area)).join("")}</select>`)}
${field("vaelg-maal", "Mål", `<select class="form-select" id="vaelg-maal" name="maal">${MEASURE_IDS.map((m) => option(m, measureNameDa(m, r.denominator), m === state.measure)).join("")}</select>`)}
${field("vaelg-geometri", "Korttype", `<select class="form-select" id="vaelg-geometri" name="geometri">${geometries.geographic ? option("geografisk", "Geografisk kort", state.geometry !== "felter") : ""}${option("felter", "Feltkort (lige store felter)", state.geometry === "felter" || !geometries.geographic)}</select>`)}
<input type="hidden" name="visning" value="${state.view}">
${state.municipality ? `<input type="hidden" name="kommune" value="${state.municipality}">` : ""}
<div class="selection-field selection-submit"><button class="button button-primary" type="submit">Vis</button></div>
</form>`;
}

function renderViewTabs(state: MapPageState): string {
  const tabs = (Object.keys(VIEW_NAMES_DA) as ViewId[])
    .map((v) => `<li${v === state.view ? ' class="active"' : ""}><a href="/kort?${escapeHtml(mapPageQuery({ ...state, view: v }))}"${v === state.view ? ' aria-current="page"' : ""}>${VIEW_NAMES_DA[v]}</a></li>`)
    .join("");
  return `<nav aria-label="Visninger"><ul class="view-tabs no-max-width">${tabs}</ul></nav>`;
}

function renderNational(r: Resolved): string {
  const e = r.figures.national.estimate;
  switch (e.kind) {
    case "estimate": {
      const perCapita = MEASURES[r.state.measure].unit === "per-10000" ? measureValue(r.state.measure, e, null, r.denominator) : null;
      const perCapitaText = perCapita ? ` ${formatMeasureValueDa(r.state.measure, perCapita.value, r.denominator)} (${formatMeasureCountDa(r.state.measure, perCapita, r.denominator)}).` : "";
      return `<p class="national-line"><strong>Hele landet:</strong>${perCapitaText} Omgørelsesprocent ${formatPercent(e.reversalRate)} pct. (${formatInteger(e.reversed)} omgjort af ${formatInteger(e.decided)} realitetsbehandlede sager; ændret/ophævet ${formatPercent(e.changedRate)} pct., hjemvist ${formatPercent(e.remittedRate)} pct.).</p>`;
    }
    case "no-cases":
      return `<p class="national-line"><strong>Hele landet:</strong> ingen realitetsbehandlede sager.</p>`;
    case "no-data":
      return `<div class="alert alert-info" role="status"><div class="alert-body"><p class="alert-text"><strong>Ingen data:</strong> ${escapeHtml(e.reasonDa)}.</p></div></div>`;
  }
}

/**
 * Where Ankestyrelsen has revised the published map since, the map page says so under the national line,
 * with both figures for each revised row and both dates (issue 9, point 2). The map keeps the published figures.
 */
function renderRevisions(r: Resolved): string {
  const rows = [r.figures.national, ...r.figures.municipalities].filter((row) => row.revision?.kind === "revised");
  if (rows.length === 0) return "";
  const revisedOn = r.data.revisionByYear.get(r.state.year)?.extractedOn ?? null;
  const shownOn = r.data.provenanceByYear.get(r.state.year)?.extractedOn ?? null;
  const items = rows
    .map((row) => `<li><strong>${escapeHtml(row.municipalityName)}:</strong> ${escapeHtml(revisionNoteDa(row.estimate, row.revision, { revisedOn, shownOn }) ?? "")}</li>`)
    .join("");
  return `<section class="revision-notes" aria-labelledby="h-revideret"><h2 id="h-revideret" class="h5">Ankestyrelsen har siden revideret tallene for ${r.state.year}</h2><ul>${items}</ul></section>`;
}

/** Column classes: numbers right-aligned; the municipality code only in the downloads (the name links to the profile). */
function columnClass(column: TableModel["columns"][number]): string {
  const classes = [column.numeric ? "numeric" : "", column.key === "kode" ? "col-code" : ""].filter(Boolean);
  return classes.length > 0 ? ` class="${classes.join(" ")}"` : "";
}

function renderTableHtml(model: TableModel, selectedCode: string | null = null): string {
  const head = model.columns
    .map((c, i) => `<th scope="col" data-sort-index="${i}"${columnClass(c)}><button type="button" class="sort-button">${escapeHtml(c.labelDa)}</button></th>`)
    .join("");
  const body = model.rows
    .map((row) => {
      const cells = row.cells
        .map((cell, i) => {
          const attrs = `${cell.value === null ? ' data-sort=""' : ` data-sort="${escapeHtml(String(cell.value))}"`}${columnClass(model.columns[i]!)}`;
          if (i === 0) return row.code ? `<th scope="row"${attrs}><a href="/kommuner/${row.code}">${escapeHtml(cell.text)}</a></th>` : `<th scope="row"${attrs}>${escapeHtml(cell.text)}</th>`;
          return `<td${attrs}>${escapeHtml(cell.text)}</td>`;
        })
        .join("");
      if (!row.code) return `<tr class="national-row" data-fixed-row>${cells}</tr>`;
      return row.code === selectedCode ? `<tr data-municipality="${row.code}" class="selected-row" aria-current="true">${cells}</tr>` : `<tr data-municipality="${row.code}">${cells}</tr>`;
    })
    .join("");
  return scrollableTableHtml(model.captionDa, `<table class="table table--compact figure-table" data-sortable><caption>${escapeHtml(model.captionDa)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`);
}

function renderDownloads(r: Resolved, kind: "map" | "table" | "funnel"): string {
  const q = escapeHtml(mapPageQuery(r.state));
  const base = `danmarkskort-${r.state.map}-${r.state.year}-${areaParam(r.state.area)}`;
  const png = (selector: string, name: string, label: string) =>
    `<li class="needs-js" hidden><button type="button" class="button button-unstyled link-button" ${selector.startsWith("/") ? "data-png-src" : "data-png-from"}="${selector}" data-png-name="${escapeHtml(name)}">${label}</button></li>`;
  const links = [`<li><a href="/kort/tabel.csv?${q}" download>Tabel som CSV</a></li>`, `<li><a href="/kort/tabel.xlsx?${q}" download>Tabel som XLSX (Excel)</a></li>`];
  // The map's PNG is drawn from the downloadable SVG (with legend and source line), not the page's map-only SVG.
  if (kind === "map") links.push(`<li><a href="/kort/kort.svg?${q}" download>Kort som SVG</a></li>`, png(`/kort/kort.svg?${q}`, `${base}-${r.state.measure}.png`, "Kort som PNG"));
  if (kind === "funnel") links.push(`<li><a href="/kort/tragt.svg?${q}" download>Tragtplot som SVG</a></li>`, png("svg.funnel-plot", `${base}-tragtplot.png`, "Tragtplot som PNG"));
  return `<section class="downloads" aria-labelledby="downloads-heading"><h2 id="downloads-heading" class="h4">Hent data og figurer</h2><ul class="nobullet-list download-list">${links.join("")}</ul>
<p class="source-line">${escapeHtml(r.sourceLineDa)}</p>
<p class="permalink">Link til denne visning: <a href="/kort?${q}">${escapeHtml(`/kort?${mapPageQuery(r.state)}`)}</a></p>
<p><a href="/data">Indlæste datasæt og deres kilder</a></p></section>`;
}

function renderSearch(): string {
  return `<form class="municipality-search" method="get" action="/kommuner" role="search">
<div class="form-group"><label class="form-label" for="soeg-kommune">Find en kommune</label>
<span class="form-hint" id="soeg-kommune-hint">Skriv navnet og tryk Enter for at åbne kommunens side. På kortet kan du også gå fra kommune til kommune med Tab.</span>
<input class="form-input" id="soeg-kommune" name="soeg" list="kommuneliste" autocomplete="off" aria-describedby="soeg-kommune-hint">
<datalist id="kommuneliste">${MUNICIPALITIES.map((m) => `<option value="${escapeHtml(m.name)}"></option>`).join("")}</datalist></div>
<button class="button button-secondary" type="submit">Åbn kommunen</button></form>`;
}

const NOTES_TEMPLATE_DA = `<section class="reading-notes" aria-labelledby="notes-heading"><h2 id="notes-heading" class="h4">Sådan læses tallene</h2><ul>
<li>Omgørelsesprocenten er andelen af de realitetsbehandlede klagesager, hvor Ankestyrelsen ændrede, ophævede eller hjemviste kommunens afgørelse. Afviste sager tæller ikke med.</li>
<li>Procenten siger intet om de afgørelser, som ingen klagede over, og en hjemvisning betyder ikke nødvendigvis, at afgørelsen var forkert – den kan skyldes nye oplysninger.</li>
<li>Med få sager kan procenten svinge meget fra år til år af ren tilfældighed. Se derfor altid antallet af sager og 95 %-intervallet.</li>
<li>Tragtplottet viser, om en kommune ligger uden for den variation, man kan forvente af tilfældighed omkring landsplan (den samlede omgørelsesprocent for alle sager i landet). Med omkring 98 kommuner ligger nogle få uden for 95 %-grænserne af ren tilfældighed; "over" og "under landsplan" forbeholdes derfor 99,8 %-grænsen. En kommune med så få sager, at intet udfald kunne ligge uden for grænserne, står som "kan ikke vurderes – for få sager".</li>
__PER_CAPITA_NOTE__
</ul></section>`;

/**
 * What "sager pr. 10.000" divides by on this map and year (issue 18, issue 10 item 8): the year's own FOLK1A
 * population on 1 January in the map's age band, or, until that is imported, the rounded 2024 figures.
 */
function perCapitaNoteDa(d: PopulationDenominator): string {
  const lead = "Sager pr. 10.000 viser, hvor mange sager Ankestyrelsen realitetsbehandlede fra kommunen i forhold til dens størrelse. Det siger noget om, hvor meget der klages, ikke om hvor gode afgørelserne er.";
  switch (d.basis.kind) {
    case "imported":
      return `<li>${lead} På dette kort deles med ${escapeHtml(d.labelDa)} i kommunen den 1. januar i dataåret (Danmarks Statistik, FOLK1A, ${escapeHtml(d.basis.period)}).</li>`;
    case "rounded":
      return `<li>${lead} Der deles med alle kommunens indbyggere, også på børne- og voksenområdet, fordi årets folketal fra Danmarks Statistik ikke er indlæst: folketallene er afrundede og fra 1. januar ${d.basis.year} (afrundet, ${d.basis.year}).</li>`;
  }
}

function selectedNote(r: Resolved, how: "sort kant" | "gul baggrund" | "en sort ring" = "sort kant", measure: MeasureId = r.state.measure): string {
  const code = r.state.municipality;
  if (!code) return "";
  const row = r.figures.municipalities.find((m) => m.municipalityCode === code);
  const name = row?.municipalityName ?? code;
  const reading = row ? readingOf(measure, row, r.denominator) : null;
  // A rate is never shown without its number of cases.
  const value = reading ? `${formatMeasureValueDa(measure, reading.value, r.denominator)} (${formatMeasureCountDa(measure, reading, r.denominator)})` : row ? shortValueDa(row, measure, r.denominator) : "";
  return `<p class="selected-note"><strong>${escapeHtml(name)}</strong> er fremhævet med ${how}${value ? `: ${escapeHtml(value)}` : ""}. <a href="/kort?${escapeHtml(mapPageQuery({ ...r.state, municipality: null }))}">Fjern fremhævningen</a> · <a href="${escapeHtml(profileHref(code, r.state))}">Gå til ${escapeHtml(name)}s side</a></p>`;
}

/**
 * Each of the 98 municipalities on the map (and points in the funnel plot) is a Tab stop; a keyboard user
 * skips them with this link, shown when it has focus (issue 9, point 7: 113 Tab presses to reach search).
 */
function skipPastFigure(labelDa: string): string {
  return `<a class="skip-past-figure" href="#efter-figuren">${escapeHtml(labelDa)}</a>`;
}

/** An empty database: say so plainly, so nobody reads an empty map as zero. */
const NO_DATA_BODY_DA = `<h1>Danmarkskort over omgørelsesprocenter</h1>
<p>Der er endnu ikke indlæst data. Indlæs Ankestyrelsens tal med <code>npm run -s cli -- import &lt;fil&gt;</code>, eller prøv med demodata: <code>npm run -s cli -- demo</code>.</p>`;

function renderMapPageBody(r: Resolved, geometries: LoadedGeometries): string {
  if (r.data.years.length === 0) return NO_DATA_BODY_DA;
  const { state } = r;
  const geometry = geometryFor(state, geometries);
  const tableLink = `<a href="/kort?${escapeHtml(mapPageQuery({ ...state, view: "tabel" }))}">tabellen</a>`;
  let view: string;
  switch (state.view) {
    case "kort": {
      const notice =
        geometry.kind === "tile"
          ? `Feltkort: hver kommune er et lige stort felt, placeret omtrent som på et almindeligt kort (Bornholm er rykket ind), så små kommuner som Dragør og Vallensbæk er lige så synlige som store.${geometries.geographic ? "" : ` ${escapeHtml(geometries.geographicStatusDa)}`}`
          : `${escapeHtml(geometries.geographicStatusDa)} Bornholm er vist i en ramme øverst til højre. Små kommuner er lettere at ramme på feltkortet.`;
      const model = choroplethModel(r, geometries);
      view = `${selectedNote(r)}<h2 class="h4 map-title">${escapeHtml(r.titleDa)}</h2>${skipPastFigure("Spring kortets 98 kommuner over: gå til søgning og downloads")}<div class="figure-layout">
<figure class="map-figure" data-geometry="${geometry.kind}"><div class="map-scroll">${renderChoroplethSvg(model, { furniture: "map-only" })}</div><figcaption><p>Klik på en kommune for at se dens side, eller hold musen over den for at se tallene. Alle tal står også i ${tableLink}.</p><p class="geometry-note">${notice}</p></figcaption></figure>
<div class="figure-side" id="efter-figuren" tabindex="-1"><section class="map-legend" aria-labelledby="legend-heading"><h2 id="legend-heading" class="h4">Signaturforklaring</h2>${renderChoroplethLegendHtml(model)}<h3 class="h5">Sammenlignet med landsplan (tragtplot)</h3>${renderFunnelSummaryHtml(r.figures.funnelSummary, { withCounts: true })}</section>${renderSearch()}${renderDownloads(r, "map")}</div>
</div>
<div class="map-tooltip" role="tooltip" id="map-tooltip" hidden></div>`;
      break;
    }
    case "tabel":
      view = `${selectedNote(r, "gul baggrund")}<p>Klik på en kolonneoverskrift for at sortere tabellen. Klik på en kommune for at se dens side. Kolonnen "Sammenlignet med landsplan" siger, om kommunens omgørelsesprocent ligger over eller under tragtplottets 95 %- eller 99,8 %-grænser omkring landsplan, inden for dem (dvs. inden for den variation, tilfældighed kan give), eller ikke kan vurderes, fordi kommunen har for få sager.</p>${renderFunnelSummaryHtml(r.figures.funnelSummary)}${renderTableHtml(tableFor(r), r.state.municipality)}${renderDownloads(r, "table")}`;
      break;
    case "tragt":
      view = `${selectedNote(r, "en sort ring", "omgoerelse")}${skipPastFigure("Spring tragtplottets 98 punkter over: gå til downloads")}<div class="figure-layout">
<figure class="funnel-figure">${funnelFigureSvgs(r)}<figcaption><p>Hver kommune er et punkt: vandret antallet af realitetsbehandlede sager, lodret omgørelsesprocenten. Punkter uden for de stiplede linjer (95 %) eller de fuldt optrukne (99,8 %) afviger mere fra landsplan, end tilfældighed plejer at give (Spiegelhalter 2005): udfyldte trekanter ligger uden for 99,8 %-grænsen, åbne kun uden for 95 %-grænsen, og åbne cirkler har for få sager til at kunne vurderes. Hold musen over eller gå med Tab til et punkt for at se kommunens tal. Tragtplottet viser altid omgørelsesprocenten; alle tal står også i ${tableLink}.</p>${renderFunnelSummaryHtml(r.figures.funnelSummary)}</figcaption></figure>
<div class="figure-side" id="efter-figuren" tabindex="-1">${renderDownloads(r, "funnel")}</div>
</div>
<div class="map-tooltip" role="tooltip" id="map-tooltip" hidden></div>`;
      break;
  }
  return `<h1>Danmarkskort over omgørelsesprocenter</h1>
${renderSelectionForm(r, geometries)}
${renderNational(r)}
${renderRevisions(r)}
${renderViewTabs(state)}
<div class="view-content" data-view="${state.view}">${view}</div>
${NOTES_TEMPLATE_DA.replace("__PER_CAPITA_NOTE__", perCapitaNoteDa(r.denominator))}`;
}
