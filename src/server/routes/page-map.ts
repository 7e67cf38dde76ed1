import type { FastifyInstance, FastifyReply } from "fastify";
import { formatInteger, formatPercent } from "../../domain/format-danish-number.js";
import { AREA_NAMES_DA, MAP_DEFINITIONS, MAP_IDS, type Area } from "../../domain/map-definition.js";
import { buildMapFigures, type MapFigures } from "../../domain/map-figures.js";
import { MUNICIPALITIES } from "../../domain/municipality.js";
import { buildChoroplethModel } from "../../viz/choropleth-model.js";
import { buildFigureTableModel, renderTableCsv, type TableModel } from "../../viz/figure-table.js";
import { buildFunnelPlotModel, renderFunnelPlotSvg } from "../../viz/funnel-plot.js";
import { MEASURE_IDS, MEASURES } from "../../viz/map-measure.js";
import { areaParam, mapPageQuery, PageStateError, parseMapPageState, type MapPageState, type ViewId } from "../../viz/page-state.js";
import { renderChoroplethSvg } from "../../viz/render-choropleth-svg.js";
import { buildSourceLineDa } from "../../viz/source-line.js";
import type { AppContext } from "../app-context.js";
import { mapGeometries, type LoadedGeometries } from "../geo-boundaries.js";
import { escapeHtml, renderPage } from "../html-page.js";
import { loadPageData, type PageData } from "./page-data.js";
import { renderTableXlsx } from "./page-table-xlsx.js";

type Query = Record<string, string | undefined>;

const VIEW_NAMES_DA: Readonly<Record<ViewId, string>> = { kort: "Kort", tabel: "Tabel", tragt: "Tragtplot" };

export function profileHref(code: string, state: Pick<MapPageState, "map" | "year">): string {
  return `/kommuner/${code}?kort=${state.map}&aar=${state.year}`;
}

type Resolved = { state: MapPageState; data: PageData; figures: MapFigures; titleDa: string; sourceLineDa: string };

async function resolve(ctx: AppContext, query: Query): Promise<Resolved> {
  const data = await loadPageData(ctx.db);
  const state = parseMapPageState(query, { year: data.years.at(-1) ?? 2024 });
  const figures = buildMapFigures(data.totals, { map: state.map, year: state.year, area: state.area });
  const def = MAP_DEFINITIONS[state.map];
  const areaPart = state.area === "total" ? "" : `, ${AREA_NAMES_DA[state.area]}`;
  const titleDa = `${MEASURES[state.measure].nameDa.replace(" (pct.)", "")}, ${def.nameDa.toLowerCase()}${areaPart}, ${state.year}`;
  return { state, data, figures, titleDa, sourceLineDa: buildSourceLineDa(data.provenanceByYear.get(state.year)) };
}

function geometryFor(state: MapPageState, geometries: LoadedGeometries) {
  if (state.geometry === "felter" || !geometries.geographic) return geometries.tile;
  return geometries.geographic;
}

function badRequest(reply: FastifyReply, error: unknown): string {
  reply.code(400).type("text/html; charset=utf-8");
  const message = error instanceof Error ? error.message : String(error);
  return renderPage({ title: "Ugyldig adresse", isDemo: false, body: `<h1>Adressen kan ikke vises</h1><p class="alert-text">${escapeHtml(message)}</p><p><a href="/kort">Gå til kortet</a></p>` });
}

/** The map page and its table and funnel views, plus the downloads of the same selection. */
export function registerMapPage(app: FastifyInstance, ctx: AppContext): void {
  app.get("/kort", async (request, reply) => {
    let resolved: Resolved;
    try {
      resolved = await resolve(ctx, request.query as Query);
    } catch (error) {
      if (error instanceof PageStateError || error instanceof RangeError) return badRequest(reply, error);
      throw error;
    }
    const geometries = await mapGeometries();
    reply.type("text/html; charset=utf-8");
    return renderPage({
      title: resolved.titleDa,
      isDemo: resolved.data.isDemo,
      body: renderMapPageBody(resolved, geometries),
      scripts: ["/assets/build/map-page.js"],
    });
  });

  const download = (path: string, produce: (r: Resolved, g: LoadedGeometries) => Promise<{ type: string; body: string | Buffer; name: string }>) =>
    app.get(path, async (request, reply) => {
      let resolved: Resolved;
      try {
        resolved = await resolve(ctx, request.query as Query);
      } catch (error) {
        if (error instanceof PageStateError || error instanceof RangeError) return badRequest(reply, error);
        throw error;
      }
      const file = await produce(resolved, await mapGeometries());
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
  return buildFigureTableModel(r.figures, r.titleDa, r.sourceLineDa);
}

function choroplethSvg(r: Resolved, g: LoadedGeometries): string {
  const model = buildChoroplethModel({
    geometry: geometryFor(r.state, g),
    figures: r.figures,
    measure: r.state.measure,
    titleDa: r.titleDa,
    sourceLineDa: r.sourceLineDa,
    profileHref: (code) => profileHref(code, r.state),
  });
  return renderChoroplethSvg(model);
}

function funnelSvg(r: Resolved): string {
  const titleDa = `Tragtplot: omgørelsesprocent og antal sager, ${MAP_DEFINITIONS[r.state.map].nameDa.toLowerCase()}, ${r.state.year}`;
  return renderFunnelPlotSvg(buildFunnelPlotModel({ figures: r.figures, titleDa, sourceLineDa: r.sourceLineDa, profileHref: (code) => profileHref(code, r.state) }));
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
${field("vaelg-maal", "Mål", `<select class="form-select" id="vaelg-maal" name="maal">${MEASURE_IDS.map((m) => option(m, MEASURES[m].nameDa, m === state.measure)).join("")}</select>`)}
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
  return `<nav aria-label="Visninger"><ul class="view-tabs">${tabs}</ul></nav>`;
}

function renderNational(r: Resolved): string {
  const e = r.figures.national.estimate;
  switch (e.kind) {
    case "estimate":
      return `<p class="national-line"><strong>Hele landet:</strong> omgørelsesprocent ${formatPercent(e.reversalRate)} pct. (${formatInteger(e.reversed)} omgjort af ${formatInteger(e.decided)} realitetsbehandlede sager; ændret/ophævet ${formatPercent(e.changedRate)} pct., hjemvist ${formatPercent(e.remittedRate)} pct.).</p>`;
    case "no-cases":
      return `<p class="national-line"><strong>Hele landet:</strong> ingen realitetsbehandlede sager.</p>`;
    case "no-data":
      return `<div class="alert alert-info" role="status"><div class="alert-body"><p class="alert-text"><strong>Ingen data:</strong> ${escapeHtml(e.reasonDa)}.</p></div></div>`;
  }
}

function renderTableHtml(model: TableModel): string {
  const head = model.columns
    .map((c, i) => `<th scope="col" data-sort-index="${i}"${c.numeric ? ' class="numeric"' : ""}><button type="button" class="sort-button">${escapeHtml(c.labelDa)}</button></th>`)
    .join("");
  const body = model.rows
    .map((row) => {
      const cells = row.cells
        .map((cell, i) => {
          const attrs = `${cell.value === null ? ' data-sort=""' : ` data-sort="${escapeHtml(String(cell.value))}"`}${model.columns[i]!.numeric ? ' class="numeric"' : ""}`;
          if (i === 0) return row.code ? `<th scope="row"${attrs}><a href="/kommuner/${row.code}">${escapeHtml(cell.text)}</a></th>` : `<th scope="row"${attrs}>${escapeHtml(cell.text)}</th>`;
          return `<td${attrs}>${escapeHtml(cell.text)}</td>`;
        })
        .join("");
      return row.code ? `<tr data-municipality="${row.code}">${cells}</tr>` : `<tr class="national-row" data-fixed-row>${cells}</tr>`;
    })
    .join("");
  return `<div class="table-scroll"><table class="table table--compact figure-table" data-sortable><caption>${escapeHtml(model.captionDa)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

function renderDownloads(r: Resolved, kind: "map" | "table" | "funnel"): string {
  const q = escapeHtml(mapPageQuery(r.state));
  const links = [
    `<li><a href="/kort/tabel.csv?${q}" download>Tabel som CSV</a></li>`,
    `<li><a href="/kort/tabel.xlsx?${q}" download>Tabel som XLSX (Excel)</a></li>`,
  ];
  if (kind === "map") links.push(`<li><a href="/kort/kort.svg?${q}" download>Kort som SVG</a></li>`, `<li class="needs-js" hidden><button type="button" class="button button-unstyled link-button" data-png-from="svg.choropleth" data-png-name="danmarkskort-${r.state.map}-${r.state.year}.png">Kort som PNG</button></li>`);
  if (kind === "funnel") links.push(`<li><a href="/kort/tragt.svg?${q}" download>Tragtplot som SVG</a></li>`, `<li class="needs-js" hidden><button type="button" class="button button-unstyled link-button" data-png-from="svg.funnel-plot" data-png-name="tragtplot-${r.state.map}-${r.state.year}.png">Tragtplot som PNG</button></li>`);
  return `<section class="downloads" aria-labelledby="downloads-heading"><h2 id="downloads-heading" class="h4">Hent data og figurer</h2><ul class="nobullet-list">${links.join("")}</ul><p class="source-line">${escapeHtml(r.sourceLineDa)}</p><p>Link til denne visning: <a href="/kort?${q}">${escapeHtml(`/kort?${mapPageQuery(r.state)}`)}</a></p></section>`;
}

function renderSearch(): string {
  return `<form class="municipality-search" method="get" action="/kommuner" role="search">
<div class="form-group"><label class="form-label" for="soeg-kommune">Find en kommune</label>
<span class="form-hint" id="soeg-kommune-hint">Skriv navnet og tryk Enter for at åbne kommunens side. På kortet kan du også gå fra kommune til kommune med Tab.</span>
<input class="form-input" id="soeg-kommune" name="soeg" list="kommuneliste" autocomplete="off" aria-describedby="soeg-kommune-hint">
<datalist id="kommuneliste">${MUNICIPALITIES.map((m) => `<option value="${escapeHtml(m.name)}"></option>`).join("")}</datalist></div>
<button class="button button-secondary" type="submit">Åbn kommunen</button></form>`;
}

const NOTES_DA = `<section class="reading-notes" aria-labelledby="notes-heading"><h2 id="notes-heading" class="h4">Sådan læses tallene</h2><ul>
<li>Omgørelsesprocenten er andelen af de realitetsbehandlede klagesager, hvor Ankestyrelsen ændrede, ophævede eller hjemviste kommunens afgørelse. Afviste sager tæller ikke med.</li>
<li>Procenten siger intet om de afgørelser, som ingen klagede over, og en hjemvisning betyder ikke nødvendigvis, at afgørelsen var forkert – den kan skyldes nye oplysninger.</li>
<li>Med få sager kan procenten svinge meget fra år til år af ren tilfældighed. Se derfor altid antallet af sager og 95 %-intervallet.</li>
<li>Tragtplottet viser, om en kommune ligger uden for den variation, man kan forvente af tilfældighed omkring landsgennemsnittet.</li>
</ul></section>`;

function renderMapPageBody(r: Resolved, geometries: LoadedGeometries): string {
  const { state } = r;
  const geometry = geometryFor(state, geometries);
  let view: string;
  switch (state.view) {
    case "kort": {
      const notice =
        !geometries.geographic || state.geometry === "felter"
          ? `<p class="geometry-note">Feltkort: hver kommune er et lige stort felt, placeret omtrent som på et almindeligt kort (Bornholm er rykket ind).${geometries.geographic ? "" : ` ${escapeHtml(geometries.geographicStatusDa)}`}</p>`
          : `<p class="geometry-note">${escapeHtml(geometries.geographicStatusDa)} Bornholm er vist i en ramme øverst til højre.</p>`;
      view = `${renderSearch()}<figure class="map-figure" data-geometry="${geometry.kind}">${choroplethSvg(r, geometries)}<figcaption>${notice} Klik på en kommune for at se dens side. Tallene kan også ses i <a href="/kort?${escapeHtml(mapPageQuery({ ...state, view: "tabel" }))}">tabellen</a>.</figcaption></figure>
<div class="map-tooltip" role="tooltip" id="map-tooltip" hidden></div>
${renderDownloads(r, "map")}`;
      break;
    }
    case "tabel":
      view = `<p>Klik på en kolonneoverskrift for at sortere tabellen.</p>${renderTableHtml(tableFor(r))}${renderDownloads(r, "table")}`;
      break;
    case "tragt":
      view = `<figure class="funnel-figure">${funnelSvg(r)}<figcaption>Hver kommune er et punkt: vandret antallet af realitetsbehandlede sager, lodret omgørelsesprocenten. Punkter uden for de stiplede linjer (95 %) eller de fuldt optrukne (99,8 %) afviger mere fra landsgennemsnittet, end tilfældighed plejer at give (Spiegelhalter 2005). Hold musen over eller gå med Tab til et punkt for at se kommunens tal.</figcaption></figure>
<div class="map-tooltip" role="tooltip" id="map-tooltip" hidden></div>
${renderDownloads(r, "funnel")}`;
      break;
  }
  return `<h1>Danmarkskort over omgørelsesprocenter</h1>
${renderSelectionForm(r, geometries)}
${renderNational(r)}
${renderViewTabs(state)}
<div class="view-content" data-view="${state.view}">${view}</div>
${NOTES_DA}`;
}
