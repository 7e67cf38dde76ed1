import type { FastifyInstance, FastifyReply } from "fastify";
import { buildCouncilTreatment } from "../../domain/council-treatment.js";
import { isMapId, MAP_DEFINITIONS, type MapId } from "../../domain/map-definition.js";
import { buildMunicipalityProfile, type MapProfile, type MunicipalityProfile } from "../../domain/municipality-profile.js";
import { findMunicipalityByCode, resolveMunicipality } from "../../domain/municipality.js";
import { neighboursOf } from "../../domain/neighbours.js";
import { renderTableCsv, type TableModel } from "../../viz/figure-table.js";
import { buildNeighbourMapModel, renderMunicipalityMapSvg } from "../../viz/neighbour-map.js";
import { buildComparisonTableModel, buildProfileTableModel, buildSubjectTableModel } from "../../viz/profile-tables.js";
import { buildSourceLineDa } from "../../viz/source-line.js";
import { funnelVerdictDa, intervalDa } from "../../viz/figure-text.js";
import { formatMeasureNumberDa, measureValue } from "../../viz/map-measure.js";
import { formatInteger, formatPercent } from "../../domain/format-danish-number.js";
import { buildTrendChartModel, renderTrendChartSvg } from "../../viz/trend-chart.js";
import { loadMunicipalityComment, type MunicipalityComment } from "../../storage/municipality-comments.js";
import type { AppContext } from "../app-context.js";
import { mapGeometries } from "../geo-boundaries.js";
import { escapeHtml, renderPage } from "../html-page.js";
import { loadPageData, type PageData } from "./page-data.js";
import { renderSimpleTableHtml } from "./page-table-html.js";
import { renderTableXlsx } from "./page-table-xlsx.js";

type Query = Record<string, string | undefined>;
type Loaded = { profile: MunicipalityProfile; data: PageData; year: number | null; sourceLineDa: string; comment: MunicipalityComment | null };

class ProfileRequestError extends Error {}

async function load(ctx: AppContext, codeParam: string, query: Query): Promise<Loaded> {
  const municipality = findMunicipalityByCode(codeParam);
  if (!municipality || !/^\d{1,4}$/.test(codeParam)) throw new ProfileRequestError(`Ukendt kommunekode "${codeParam}". Brug den firecifrede kode, fx 0657 for Herning.`);
  const data = await loadPageData(ctx.db);
  if (query.aar !== undefined && !/^\d{4}$/.test(query.aar)) throw new ProfileRequestError(`Året skal være fire cifre, ikke "${query.aar}" (parameter aar).`);
  const year = query.aar ? Number(query.aar) : (data.years.at(-1) ?? null);
  const profile = buildMunicipalityProfile(data.totals, municipality.code, year === null ? {} : { year });
  const comment = year === null ? null : await loadMunicipalityComment(ctx.db, municipality.code, year);
  return { profile, data, year, sourceLineDa: buildSourceLineDa(year === null ? undefined : data.provenanceByYear.get(year)), comment };
}

function mapOf(profile: MunicipalityProfile, query: Query): MapProfile {
  const id = query.kort ?? "socialomraadet";
  if (!isMapId(id)) throw new ProfileRequestError(`Ukendt kort "${id}" (parameter kort).`);
  return profile.maps.find((m) => m.map === id)!;
}

function fail(reply: FastifyReply, error: unknown): string {
  reply.code(error instanceof ProfileRequestError ? 400 : 500).type("text/html; charset=utf-8");
  return renderPage({ title: "Kommunen kan ikke vises", isDemo: false, body: `<h1>Kommunen kan ikke vises</h1><p>${escapeHtml(error instanceof Error ? error.message : String(error))}</p><p><a href="/kort">Gå til kortet</a></p>` });
}

function trendSvg(loaded: Loaded, mapProfile: MapProfile): string {
  const total = mapProfile.areas.find((a) => a.area === "total")!;
  return renderTrendChartSvg(
    buildTrendChartModel({
      municipalityNameDa: loaded.profile.municipality.name,
      mapNameDa: MAP_DEFINITIONS[mapProfile.map].nameDa.toLowerCase(),
      series: total.years.map((y) => ({ year: y.year, estimate: y.municipality.estimate })),
      national: total.years.map((y) => ({ year: y.year, estimate: y.national.estimate })),
      sourceLineDa: loaded.sourceLineDa,
    }),
  );
}

async function neighbourSvg(loaded: Loaded): Promise<string> {
  const geometries = await mapGeometries();
  const code = loaded.profile.municipality.code;
  return renderMunicipalityMapSvg(
    buildNeighbourMapModel({ geometry: geometries.geographic ?? geometries.tile, focusCode: code, neighbourCodes: neighboursOf(code), sourceLineDa: loaded.sourceLineDa }),
  );
}

/** The municipality profile (/kommuner/0657), the name search that leads to it, and its downloads. */
export function registerProfilePage(app: FastifyInstance, ctx: AppContext): void {
  app.get("/kommuner", async (request, reply) => {
    const search = ((request.query as Query).soeg ?? "").trim();
    const found = search ? resolveMunicipality(search) : undefined;
    if (found) return reply.redirect(`/kommuner/${found.code}`);
    reply.code(search ? 404 : 200).type("text/html; charset=utf-8");
    const message = search ? `<p>Ingen kommune hedder "${escapeHtml(search)}". Vælg en fra listen:</p>` : "<p>Vælg en kommune:</p>";
    const { MUNICIPALITIES } = await import("../../domain/municipality.js");
    return renderPage({
      title: "Kommuner",
      isDemo: (await loadPageData(ctx.db)).isDemo,
      body: `<h1>Kommuner</h1>${message}${renderMunicipalityList(MUNICIPALITIES)}`,
    });
  });

  app.get("/kommuner/:code", async (request, reply) => {
    let loaded: Loaded;
    try {
      loaded = await load(ctx, (request.params as { code: string }).code, request.query as Query);
    } catch (error) {
      return fail(reply, error);
    }
    reply.type("text/html; charset=utf-8");
    return renderPage({ title: `${loaded.profile.municipality.name} Kommune`, isDemo: loaded.data.isDemo, body: await renderProfileBody(loaded), scripts: ["/assets/build/profile-page.js"] });
  });

  const download = (suffix: string, produce: (l: Loaded, q: Query) => Promise<{ type: string; body: string | Buffer; name: string }>) =>
    app.get(`/kommuner/:code/${suffix}`, async (request, reply) => {
      let file: { type: string; body: string | Buffer; name: string };
      try {
        const loaded = await load(ctx, (request.params as { code: string }).code, request.query as Query);
        file = await produce(loaded, request.query as Query);
      } catch (error) {
        return fail(reply, error);
      }
      reply.type(file.type).header("content-disposition", `attachment; filename="${file.name}"`);
      return file.body;
    });
  const tableOf = (l: Loaded, q: Query): TableModel => {
    const m = mapOf(l.profile, q);
    const name = l.profile.municipality.name;
    const table = q.tabel ?? "tal";
    switch (table) {
      case "tal":
        return buildProfileTableModel(m, l.year ?? 0, name, l.profile.maps.indexOf(m) + 1, l.sourceLineDa);
      case "naboer":
        return buildComparisonTableModel(m, name, l.sourceLineDa);
      case "emner":
        return buildSubjectTableModel(m, l.year ?? 0, name, l.sourceLineDa);
      default:
        throw new ProfileRequestError(`Ukendt tabel "${table}" (parameter tabel). Gyldige: tal, naboer, emner.`);
    }
  };
  const name = (l: Loaded, q: Query, ext: string) => `${l.profile.municipality.code}-${q.kort ?? "socialomraadet"}-${q.tabel ?? "tal"}-${l.year ?? "alle"}.${ext}`;
  download("tabel.csv", async (l, q) => ({ type: "text/csv; charset=utf-8", body: renderTableCsv(tableOf(l, q)), name: name(l, q, "csv") }));
  download("tabel.xlsx", async (l, q) => ({ type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body: await renderTableXlsx(tableOf(l, q)), name: name(l, q, "xlsx") }));
  download("udvikling.svg", async (l, q) => ({ type: "image/svg+xml; charset=utf-8", body: trendSvg(l, mapOf(l.profile, q)), name: `${l.profile.municipality.code}-${q.kort ?? "socialomraadet"}-udvikling.svg` }));
  download("naboer.svg", async (l) => ({ type: "image/svg+xml; charset=utf-8", body: await neighbourSvg(l), name: `${l.profile.municipality.code}-naboer.svg` }));
}

function subjectsHtml(mapProfile: MapProfile, year: number, municipalityNameDa: string, code: string): string {
  const model = buildSubjectTableModel(mapProfile, year, municipalityNameDa);
  if (model.rows.length === 0) return `<p>Ingen realitetsbehandlede sager på dette kort i ${year}.</p>`;
  return `${renderSimpleTableHtml(model, `subjects-${mapProfile.map}`)}${downloadLinks(code, mapProfile.map, year, "emner")}`;
}

function downloadLinks(code: string, map: MapId, year: number | null, table: "tal" | "naboer" | "emner"): string {
  const q = `kort=${map}${year ? `&amp;aar=${year}` : ""}&amp;tabel=${table}`;
  return `<p class="download-links">Hent tabellen: <a href="/kommuner/${code}/tabel.csv?${q}" download>CSV</a> · <a href="/kommuner/${code}/tabel.xlsx?${q}" download>XLSX</a></p>`;
}

function chartDownloadLinks(code: string, map: MapId, year: number | null): string {
  const q = `kort=${map}${year ? `&amp;aar=${year}` : ""}`;
  return `<p class="download-links">Hent figuren: <a href="/kommuner/${code}/udvikling.svg?${q}" download>SVG</a><span class="needs-js" hidden> · <button type="button" class="button button-unstyled link-button" data-png-from="#trend-${map} svg" data-png-name="${code}-${map}-udvikling.png">PNG</button></span></p>`;
}

/** The 98 municipalities by region, each list alphabetical in Danish order (Æ, Ø, Å last). */
function renderMunicipalityList(municipalities: readonly { code: string; name: string; region: string }[]): string {
  const regions = [...new Set(municipalities.map((m) => m.region))].sort((a, b) => a.localeCompare(b, "da"));
  return regions
    .map((region) => {
      const items = municipalities
        .filter((m) => m.region === region)
        .sort((a, b) => a.name.localeCompare(b.name, "da"))
        .map((m) => `<li><a href="/kommuner/${m.code}">${escapeHtml(m.name)}</a></li>`)
        .join("");
      return `<h2 class="h3">${escapeHtml(region)}</h2><ul class="municipality-list nobullet-list no-max-width">${items}</ul>`;
    })
    .join("");
}

/** The year's reversal rate on each map in one line each, with cases, interval, the national rate and the verdict. */
function renderKeyFigures(loaded: Loaded, year: number): string {
  const items = loaded.profile.maps
    .map((mapProfile) => {
      const label = `<strong>${escapeHtml(MAP_DEFINITIONS[mapProfile.map].nameDa)}:</strong>`;
      const y = mapProfile.areas.find((a) => a.area === "total")?.years.find((p) => p.year === year);
      const e = y?.municipality.estimate;
      if (!y || !e || e.kind === "no-data") return `<li>${label} ingen data for ${year}.</li>`;
      if (e.kind === "no-cases") return `<li>${label} ingen realitetsbehandlede sager i ${year}.</li>`;
      const national = y.national.estimate.kind === "estimate" ? ` Landsplan ${formatPercent(y.national.estimate.reversalRate)} pct.;` : "";
      const perCapita = measureValue("sager-pr-10000", e, loaded.profile.municipality.code);
      const nationalPerCapita = y.national.estimate.kind === "estimate" ? measureValue("sager-pr-10000", y.national.estimate, null) : null;
      const perCapitaText = perCapita
        ? ` ${formatMeasureNumberDa("sager-pr-10000", perCapita.value)} realitetsbehandlede sager pr. 10.000 indbyggere${nationalPerCapita ? ` (landsplan ${formatMeasureNumberDa("sager-pr-10000", nationalPerCapita.value)})` : ""}.`
        : "";
      return `<li>${label} ${formatPercent(e.reversalRate)} pct. omgjort (${formatInteger(e.reversed)} af ${formatInteger(e.decided)} realitetsbehandlede sager, 95 %-interval ${escapeHtml(intervalDa(y.municipality))}).${national} ${escapeHtml(funnelVerdictDa(y.municipality.funnel))}.${perCapitaText}</li>`;
    })
    .join("");
  return `<section class="key-figures" aria-labelledby="h-noegletal"><h2 id="h-noegletal" class="h3">Omgørelsesprocenten i ${year}</h2><ul class="no-max-width">${items}</ul></section>`;
}

/** The municipality's own comment on the year's figures (stored with `danmarkskort kommentar`), or a note that there is none. */
function renderComment(loaded: Loaded, year: number): string {
  const name = loaded.profile.municipality.name;
  const body = loaded.comment
    ? `<div class="municipality-comment"><blockquote>${escapeHtml(loaded.comment.text)}</blockquote><p class="source-line">Kommentar fra ${escapeHtml(name)} Kommune om tallene for ${year}, senest ændret ${formatDateDa(loaded.comment.updatedAt)}. Kommentaren er kommunens egen; den er ikke en del af Ankestyrelsens statistik.</p></div>`
    : `<p>${escapeHtml(name)} Kommune har ikke skrevet en kommentar til tallene for ${year}.</p>`;
  return `<section class="comment-section" aria-labelledby="h-kommentar"><h2 id="h-kommentar" class="h3">Kommunens kommentar</h2>${body}</section>`;
}

/** "5. juni 2025" from an ISO timestamp (the date in Danish time). */
function formatDateDa(iso: string): string {
  return new Intl.DateTimeFormat("da-DK", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Copenhagen" }).format(new Date(iso));
}

async function renderProfileBody(loaded: Loaded): Promise<string> {
  const { profile, year } = loaded;
  const m = profile.municipality;
  if (year === null) return `<h1>${escapeHtml(m.name)} Kommune</h1><p>Der er endnu ikke indlæst data.</p>`;
  const treatment = buildCouncilTreatment(year);
  const yearOptions = [...loaded.data.years].reverse().map((y) => `<option value="${y}"${y === year ? " selected" : ""}>${y}</option>`).join("");
  const sections = profile.maps
    .map((mapProfile, i) => {
      const def = MAP_DEFINITIONS[mapProfile.map];
      const table = buildProfileTableModel(mapProfile, year, m.name, i + 1);
      const neighbours = mapProfile.neighbours.members.length > 0 ? buildComparisonTableModel(mapProfile, m.name) : null;
      return `<section class="profile-map" aria-labelledby="h-${mapProfile.map}"><h2 id="h-${mapProfile.map}">${escapeHtml(def.nameDa)}</h2>
${renderSimpleTableHtml(table, `profile-table-${mapProfile.map}`)}
${downloadLinks(m.code, mapProfile.map, year, "tal")}
<h3>Udviklingen over årene</h3>
<figure class="trend-figure" id="trend-${mapProfile.map}">${trendSvg(loaded, mapProfile)}</figure>
${chartDownloadLinks(m.code, mapProfile.map, year)}
<h3>Nabokommuner de seneste fire år</h3>
${neighbours ? `${renderSimpleTableHtml(neighbours, `neighbours-${mapProfile.map}`)}${downloadLinks(m.code, mapProfile.map, year, "naboer")}` : `<p>${escapeHtml(m.name)} har ingen landgrænse til andre kommuner. Sammenlign i stedet med ${escapeHtml(m.region)} på <a href="/kort?kort=${mapProfile.map}&amp;aar=${year}&amp;visning=tabel">tabellen over alle kommuner</a>.</p>`}
<h3>Sagsemner bag omgørelserne</h3>
${subjectsHtml(mapProfile, year, m.name, m.code)}
</section>`;
    })
    .join("\n");
  const bodies = treatment.bodies.map((b) => `<li><strong>${escapeHtml(b.nameDa)}</strong> (${b.role}): ${escapeHtml(b.descriptionDa)}</li>`).join("");
  const plan = treatment.actionPlanDecisionRequired
    ? "<p>Kommunalbestyrelsen skal også tage stilling til, om der er behov for en handleplan (retssikkerhedslovens § 79 b, stk. 2-3).</p>"
    : treatment.actionPlanRuleExpired
      ? "<p>Pligten til at tage stilling til en handleplan (retssikkerhedslovens § 79 b, stk. 2-3) gælder ikke længere for dette år; bestemmelsen er ophævet.</p>"
      : "";
  const reportLinks = (["docx", "pdf", "html", "md"] as const).map((f) => `<a href="/kommuner/${m.code}/dagsordenpunkt?aar=${year}&amp;format=${f}">${f.toUpperCase()}</a>`).join(" · ");
  return `<h1>${escapeHtml(m.name)} Kommune</h1>
<p>${escapeHtml(m.region)}. Kommunekode ${m.code}. Tal for dataåret ${year}. <a href="/kort?aar=${year}&amp;kommune=${m.code}">Se ${escapeHtml(m.name)} på Danmarkskortet</a></p>
<form method="get" action="/kommuner/${m.code}" class="selection-form" data-auto-submit><div class="form-group selection-field"><label class="form-label" for="profil-aar">År</label><select class="form-select" id="profil-aar" name="aar">${yearOptions}</select></div><div class="selection-field selection-submit"><button class="button button-secondary" type="submit">Vis</button></div></form>
${renderKeyFigures(loaded, year)}
<nav aria-label="På denne side" class="profile-nav"><ul class="nobullet-list no-max-width"><li><a href="#h-kommentar">Kommunens kommentar</a></li>${profile.maps.map((mp) => `<li><a href="#h-${mp.map}">${escapeHtml(MAP_DEFINITIONS[mp.map].nameDa)}</a></li>`).join("")}<li><a href="#h-behandling">Byrådets behandling</a></li></ul></nav>
<section class="council" aria-labelledby="h-behandling-kort"><h2 id="h-behandling-kort" class="h3">Byrådets behandling af kortet for ${year}</h2>
<p>Kortet for ${year} ${treatment.publishedOn ? `blev offentliggjort den ${escapeHtml(treatment.publishedDa)}` : `offentliggøres ${escapeHtml(treatment.publishedDa)}`}. Kommunalbestyrelsen skal behandle det på et møde senest <strong>${escapeHtml(treatment.deadlineDa)}</strong> (retssikkerhedslovens § 79 b, stk. 1).</p>
<p><a class="button button-primary" href="/kommuner/${m.code}/dagsordenpunkt?aar=${year}&amp;format=docx">Lav dagsordenpunkt</a> <span class="report-formats">Også som ${reportLinks}</span></p></section>
<div class="alert alert-info small-numbers-note"><div class="alert-body"><p class="alert-text"><strong>Om små tal:</strong> Har kommunen få sager på et kort, kan procenten svinge meget fra år til år af ren tilfældighed – Ankestyrelsen kalder selv en enkelt års procent "lidt tilfældig". Se derfor antallet af sager og 95 %-intervallet (det skraverede bånd). Omgørelsesprocenten siger intet om de afgørelser, ingen klagede over, og en hjemvisning kan skyldes nye oplysninger frem for en forkert afgørelse.</p></div></div>
${renderComment(loaded, year)}
${sections}
<section aria-labelledby="h-naboer-kort"><h2 id="h-naboer-kort">Kommunen og dens naboer på kortet</h2><figure class="neighbour-figure">${await neighbourSvg(loaded)}</figure><p class="download-links">Hent nabokortet: <a href="/kommuner/${m.code}/naboer.svg?aar=${year}" download>SVG</a><span class="needs-js" hidden> · <button type="button" class="button button-unstyled link-button" data-png-from=".neighbour-figure svg" data-png-name="${m.code}-naboer.png">PNG</button></span></p></section>
<section aria-labelledby="h-behandling"><h2 id="h-behandling">Byrådets behandling</h2>
<p>Kortet skal behandles af kommunalbestyrelsen senest ${escapeHtml(treatment.deadlineDa)}. Sagen går normalt gennem:</p><ul>${bodies}</ul>${plan}
</section>
<p class="source-line">${escapeHtml(loaded.sourceLineDa)}</p>`;
}
