import type { FastifyInstance, FastifyReply } from "fastify";
import { renderAgendaItemFormHtml } from "../views/agenda-item-form.js";
import { buildCouncilTreatment } from "../../domain/council-treatment.js";
import { isMapId, MAP_DEFINITIONS, type MapId } from "../../domain/map-definition.js";
import { buildMunicipalityProfile, type MapProfile, type MunicipalityProfile } from "../../domain/municipality-profile.js";
import { searchMunicipalities } from "../../domain/search-municipalities.js";
import { neighboursOf } from "../../domain/neighbours.js";
import { renderTableCsv, type TableModel } from "../../viz/figure-table.js";
import { buildNeighbourMapModel, renderMunicipalityMapSvg } from "../../viz/neighbour-map.js";
import { buildComparisonTableModel, buildProfileTableModel, buildSubjectTableModel } from "../../viz/profile-tables.js";
import { buildSeriesSourceLineDa, buildSourceLineDa } from "../../viz/source-line.js";
import { funnelVerdictDa, intervalDa, intervalVerdictNoteDa } from "../../viz/figure-text.js";
import { describeChanceFlagsDa } from "../../domain/funnel-summary-text.js";
import { formatMeasureNumberDa, measureValue, missingPopulationDa } from "../../viz/map-measure.js";
import type { ContextIndex } from "../../domain/context/context-index.js";
import { recipientsForMap } from "../../domain/context/map-recipients.js";
import { selectPopulationDenominator } from "../../domain/context/population-denominator.js";
import { describeRecipientsDa } from "../../viz/recipients-text.js";
import { loadContextIndex } from "./context-data.js";
import { formatInteger, formatPercent } from "../../domain/format-danish-number.js";
import { buildTrendChartModel, renderTrendChartSvg } from "../../viz/trend-chart.js";
import { revisionNoteDa } from "../../viz/revision-note.js";
import { loadMunicipalityComment, type MunicipalityComment } from "../../storage/municipality-comments.js";
import type { AppContext } from "../app-context.js";
import { mapGeometries } from "../geo-boundaries.js";
import { escapeHtml, renderPage } from "../html-page.js";
import { renderMessagePage } from "../views/message-page.js";
import { loadPageData, type PageData } from "./page-data.js";
import { loadCommentForEditing } from "../../app/comments/save-comment.js";
import type { Caller } from "../../app/caller.js";
import { loadPublicAggregate } from "../../app/knowledge/knowledge-figures.js";
import { authorize } from "../../domain/access-policy.js";
import { renderKnowledgePublicSectionHtml } from "../views/knowledge-public-section.js";
import { loadEffectiveLegalRules, loadTreatmentRecord } from "../../app/treatment/load-treatment.js";
import type { EffectiveLegalRule } from "../../domain/legal-rule-edits.js";
import { listAttachablePlans, type AttachablePlan } from "../../app/action-plans/attach-action-plan.js";
import { renderTreatmentSectionHtml } from "../views/treatment-section.js";
import type { CommentRecord } from "../../storage/municipality-comments.js";
import { formatDateDa } from "../../domain/format-danish-date.js";
import { accountDepsOf } from "../app-context.js";
import { pageAccount } from "../auth/page-account.js";
import { csrfTokenFor } from "../auth/security-plugins.js";
import { commentFormHtml, commentStatusDa } from "./page-comment.js";
import { renderSimpleTableHtml } from "./page-table-html.js";
import { renderTableXlsx } from "./page-table-xlsx.js";
import { parseMunicipalityCode, parseYear } from "../../app/params.js";
import { UserFacingError } from "../../app/user-facing-error.js";

type Query = Record<string, string | undefined>;
type Loaded = {
  profile: MunicipalityProfile;
  data: PageData;
  year: number | null;
  sourceLineDa: string;
  comment: MunicipalityComment | null;
  context: ContextIndex;
  /** The dated legal rules with an administrator's edits: the same the agenda item and the treatment status use. */
  legalRules: readonly EffectiveLegalRule[];
  /** The published action plans the agenda item form offers as bilag. */
  attachablePlans: readonly AttachablePlan[];
};

class ProfileRequestError extends Error {}

async function load(ctx: AppContext, codeParam: string, query: Query): Promise<Loaded> {
  const municipality = parseMunicipalityCode(codeParam);
  const [data, context, legalRules] = await Promise.all([loadPageData(ctx.db), loadContextIndex(ctx.db), loadEffectiveLegalRules(ctx.db)]);
  if (query.aar !== undefined) parseYear(query.aar, "aar");
  const year = query.aar ? Number(query.aar) : (data.years.at(-1) ?? null);
  const profile = buildMunicipalityProfile(data.totals, municipality.code, { ...(year === null ? {} : { year }), revised: data.revisedTotals });
  const comment = year === null ? null : await loadMunicipalityComment(ctx.db, municipality.code, year);
  const attachablePlans = year === null ? [] : await listAttachablePlans(ctx.db, municipality.code, year);
  // The profile's tables and charts run over years: the source line names the version behind each (issue 9).
  const sourceLineDa = year === null ? buildSourceLineDa(undefined) : buildSeriesSourceLineDa(data.provenanceByYear, data.years.filter((y) => y <= year));
  return { profile, data, year, sourceLineDa, comment, context: context.index, legalRules, attachablePlans };
}

function mapOf(profile: MunicipalityProfile, query: Query): MapProfile {
  const id = query.kort ?? "socialomraadet";
  if (!isMapId(id)) throw new ProfileRequestError(`Ukendt kort "${id}" (parameter kort).`);
  return profile.maps.find((m) => m.map === id)!;
}

function fail(reply: FastifyReply, error: unknown): string {
  // Anything but the request's own error goes to the app's error handler: 503 while the database
  // reconnects, a 500 without internal details otherwise (an internal message is English and no use).
  if (!(error instanceof ProfileRequestError || error instanceof UserFacingError)) throw error;
  reply.code(400).type("text/html; charset=utf-8");
  return renderMessagePage({ title: "Kommunen kan ikke vises", messageDa: error.message, link: "kort", isDemo: false, account: pageAccount(reply.request) });
}

function trendSvg(loaded: Loaded, mapProfile: MapProfile, width?: number): string {
  const total = mapProfile.areas.find((a) => a.area === "total")!;
  return renderTrendChartSvg(
    buildTrendChartModel({
      municipalityNameDa: loaded.profile.municipality.name,
      mapNameDa: MAP_DEFINITIONS[mapProfile.map].nameDa.toLowerCase(),
      series: total.years.map((y) => ({ year: y.year, estimate: y.municipality.estimate })),
      national: total.years.map((y) => ({ year: y.year, estimate: y.national.estimate })),
      sourceLineDa: loaded.sourceLineDa,
      ...(width ? { width } : {}),
    }),
  );
}

/**
 * The chart laid out twice: for a wide page and for a phone (issue 9, point 7: scaled down from 640 px, its
 * text was about 6 px at 390 px). CSS shows one; the other is display: none, so out of the accessibility tree.
 */
function trendFigureHtml(loaded: Loaded, mapProfile: MapProfile): string {
  return `<div class="chart-wide">${trendSvg(loaded, mapProfile)}</div><div class="chart-narrow">${trendSvg(loaded, mapProfile, NARROW_CHART_WIDTH)}</div>`;
}

/** The narrow layout's width in px: the content width of a 390 px phone, so text is drawn at about its own size. */
const NARROW_CHART_WIDTH = 360;

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
    const result = searchMunicipalities(search);
    if (result.kind === "found") return reply.redirect(`/kommuner/${result.municipality.code}`);
    reply.code(result.kind === "none" ? 404 : 200).type("text/html; charset=utf-8");
    const links = (ms: readonly { code: string; name: string }[]) => ms.map((m) => `<a href="/kommuner/${m.code}">${escapeHtml(m.name)}</a>`);
    const message =
      result.kind === "several"
        ? `<p class="search-result" role="status">Flere kommuner passer på "${escapeHtml(search)}": ${joinDaHtml(links(result.matches))}. Vælg en, eller se alle kommuner nedenfor.</p>`
        : result.kind === "none"
          ? `<p class="search-result" role="status">Ingen kommune hedder "${escapeHtml(search)}".${result.suggestions.length > 0 ? ` Mente du ${joinDaHtml(links(result.suggestions), "eller")}?` : ""} Vælg en fra listen:</p>`
          : "<p>Vælg en kommune:</p>";
    const { MUNICIPALITIES } = await import("../../domain/municipality.js");
    return renderPage({
      title: "Kommuner",
      isDemo: (await loadPageData(ctx.db)).isDemo,
      account: pageAccount(request),
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
    let editing: CommentEditing | null = null;
    if (request.caller.actor.kind === "user" && loaded.year !== null) {
      const found = await loadCommentForEditing(accountDepsOf(ctx), request.caller, loaded.profile.municipality.code, loaded.year);
      if (found.kind === "comment") editing = { comment: found.comment, csrfToken: found.mayWrite ? csrfTokenFor(ctx, request, reply) : null, saved: (request.query as Query).gemt !== undefined };
    }
    const treatment = loaded.year === null ? null : await loadTreatmentSection(ctx, request.caller, loaded.profile.municipality.code, loaded.year);
    const knowledge = loaded.year === null ? "" : await knowledgeSectionHtml(ctx, request.caller, loaded.profile.municipality.code, loaded.profile.municipality.name, loaded.year);
    return renderPage({
      title: `${loaded.profile.municipality.name} Kommune`,
      isDemo: loaded.data.isDemo,
      account: pageAccount(request),
      body: await renderProfileBody(loaded, editing, treatment, knowledge),
      scripts: ["/assets/build/profile-page.js"],
    });
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
        return buildComparisonTableModel(m, name, l.sourceLineDa, l.data.years);
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
/** "a, b og c" (or "eller") for links already escaped. */
function joinDaHtml(items: readonly string[], last: "og" | "eller" = "og"): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} ${last} ${items.at(-1)}`;
}

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
      // The year's own population in the map's band (issue 18), or the labelled rounded fallback.
      const code = loaded.profile.municipality.code;
      const denominator = selectPopulationDenominator(loaded.context, mapProfile.map, "total", year);
      const perCapita = measureValue("sager-pr-10000", e, code, denominator);
      const nationalPerCapita = y.national.estimate.kind === "estimate" ? measureValue("sager-pr-10000", y.national.estimate, null, denominator) : null;
      const basis = denominator.basis.kind === "imported" ? `folketal 1. januar ${year}, FOLK1A ${denominator.basis.period}` : `afrundet, ${denominator.basis.year}`;
      const perCapitaText = perCapita
        ? ` ${formatMeasureNumberDa("sager-pr-10000", perCapita.value)} realitetsbehandlede sager pr. 10.000 ${denominator.labelDa} (${formatInteger(perCapita.base)}; ${basis})${nationalPerCapita ? `, landsplan ${formatMeasureNumberDa("sager-pr-10000", nationalPerCapita.value)}` : ""}.`
        : ` Sager pr. 10.000 ${denominator.labelDa}: ${missingPopulationDa(denominator, code)} (${basis}).`;
      const recipients = describeRecipientsDa(recipientsForMap(loaded.context, mapProfile.map, code, year));
      const revised = revisionNoteDa(e, y.municipality.revision, { revisedOn: loaded.data.revisionByYear.get(year)?.extractedOn ?? null, shownOn: loaded.data.provenanceByYear.get(year)?.extractedOn ?? null });
      const revisedText = revised ? ` <span class="revision-note">${escapeHtml(revised)}</span>` : "";
      return `<li>${label} ${formatPercent(e.reversalRate)} pct. omgjort (${formatInteger(e.reversed)} af ${formatInteger(e.decided)} realitetsbehandlede sager, 95 %-interval ${escapeHtml(intervalDa(y.municipality))}).${national} Sammenlignet med landsplan: ${escapeHtml(funnelVerdictDa(y.municipality.funnel))}.${escapeHtml([intervalVerdictNoteDa(y.municipality), describeChanceFlagsDa(y.funnelSummary)].filter((t) => t !== null).map((t) => ` ${t}`).join(""))}${escapeHtml(perCapitaText)}${recipients ? ` ${escapeHtml(recipients)}` : ""}${revisedText}</li>`;
    })
    .join("");
  // Said once for the page, instead of a one-dot chart and columns of "ingen data" per map (issue 9, point 4).
  const earlier = loaded.data.years.filter((y) => y < year);
  const missing = earlier.length === 0 ? `<p class="loaded-years-note">Der er kun indlæst tal for ${year}; tal for tidligere år er ikke indlæst, så siden viser ikke udviklingen over tid.</p>` : "";
  return `<section class="key-figures" aria-labelledby="h-noegletal"><h2 id="h-noegletal" class="h3">Omgørelsesprocenten i ${year}</h2><ul class="no-max-width">${items}</ul>${missing}</section>`;
}

/** The municipality's own comment on the year's figures (stored with `danmarkskort kommentar`), or a note that there is none. */
/**
 * What the signed-in person sees of the comment beyond the public text: the draft and its state for the
 * municipality's own users and the national roles, and the form for its editors (csrfToken set).
 */
type CommentEditing = { readonly comment: CommentRecord | null; readonly csrfToken: string | null; readonly saved: boolean };

function renderCommentEditing(code: string, year: number, editing: CommentEditing): string {
  const state = editing.comment ? `<p class="comment-state">${escapeHtml(commentStatusDa(editing.comment))}</p>` : "";
  const saved = editing.saved && editing.comment
    ? `<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">Kommentaren er gemt som ${editing.comment.status === "published" ? "offentliggjort" : "kladde"}.</p></div></div>`
    : "";
  if (editing.csrfToken === null) {
    const draft = editing.comment && editing.comment.status === "draft" ? `<div class="municipality-comment comment-draft"><p class="comment-draft-label">Kladde (ikke offentlig):</p><blockquote>${escapeHtml(editing.comment.text)}</blockquote></div>` : "";
    return `${state}${draft}`;
  }
  return `<div class="comment-editor">${saved}<h3 class="h4">Skriv kommunens kommentar</h3>${state}${commentFormHtml(editing.csrfToken, code, year, { text: editing.comment?.text ?? "", status: editing.comment?.status ?? "draft" })}</div>`;
}

function renderComment(loaded: Loaded, year: number, editing: CommentEditing | null): string {
  const name = loaded.profile.municipality.name;
  const body = loaded.comment
    ? `<div class="municipality-comment"><blockquote>${escapeHtml(loaded.comment.text)}</blockquote><p class="source-line">Kommentar fra ${escapeHtml(name)} Kommune om tallene for ${year}, senest ændret ${formatDateDa(loaded.comment.updatedAt)}. Kommentaren er kommunens egen; den er ikke en del af Ankestyrelsens statistik.</p></div>`
    : `<p>${escapeHtml(name)} Kommune har ikke skrevet en kommentar til tallene for ${year}.</p>`;
  const edit = editing ? renderCommentEditing(loaded.profile.municipality.code, year, editing) : "";
  return `<section class="comment-section" aria-labelledby="h-kommentar"><h2 id="h-kommentar" class="h3">Kommunens kommentar</h2>${body}${edit}</section>`;
}

/**
 * The council's treatment record for the year (issue 13): its status sentence for the box at the top and
 * the section with the meetings. Null for a year before the maps existed (data year 2016), where the page
 * keeps its general text.
 */
type TreatmentOnPage = { readonly statusDa: string; readonly sectionHtml: string };

async function loadTreatmentSection(ctx: AppContext, caller: Caller, code: string, year: number): Promise<TreatmentOnPage | null> {
  const found = await loadTreatmentRecord(accountDepsOf(ctx), caller, code, year);
  if (found.kind !== "record") return null;
  const r = found.record;
  return { statusDa: r.status.sentenceDa, sectionHtml: renderTreatmentSectionHtml({ record: r, editHref: r.may.write || r.may.order ? `/kommuner/${code}/behandling/${year}` : null }) };
}

/** The published knowledge-bank counts for the year, or "" when the municipality does not publish them. */
async function knowledgeSectionHtml(ctx: AppContext, caller: Caller, code: string, name: string, year: number): Promise<string> {
  const published = await loadPublicAggregate(ctx.db, code, year);
  if (published.kind !== "aggregate") return "";
  const mayRead = authorize(caller.actor, { action: "knowledge.read", municipalityCode: code }).allowed;
  return renderKnowledgePublicSectionHtml({ municipalityName: name, aggregate: published.aggregate, bankHref: mayRead ? `/kommuner/${code}/vidensbank?aar=${year}` : null });
}

async function renderProfileBody(loaded: Loaded, editing: CommentEditing | null = null, treatmentOnPage: TreatmentOnPage | null = null, knowledgeHtml = ""): Promise<string> {
  const { profile, year } = loaded;
  const m = profile.municipality;
  if (year === null) return `<h1>${escapeHtml(m.name)} Kommune</h1><p>Der er endnu ikke indlæst data.</p>`;
  const treatment = buildCouncilTreatment(year, loaded.legalRules);
  const yearOptions = [...loaded.data.years].reverse().map((y) => `<option value="${y}"${y === year ? " selected" : ""}>${y}</option>`).join("");
  const sections = profile.maps
    .map((mapProfile, i) => {
      const def = MAP_DEFINITIONS[mapProfile.map];
      const table = buildProfileTableModel(mapProfile, year, m.name, i + 1);
      const neighbours = mapProfile.neighbours.members.length > 0 ? buildComparisonTableModel(mapProfile, m.name, null, loaded.data.years) : null;
      // One dot is no development: the chart is drawn from two years with a rate (issue 9, point 4).
      const trendYears = mapProfile.areas.find((a) => a.area === "total")?.years.filter((p) => p.year <= year && p.municipality.estimate.kind === "estimate").length ?? 0;
      const neighbourYears = mapProfile.neighbours.years.filter((y) => loaded.data.years.includes(y));
      return `<section class="profile-map" aria-labelledby="h-${mapProfile.map}"><h2 id="h-${mapProfile.map}">${escapeHtml(def.nameDa)}</h2>
${renderSimpleTableHtml(table, `profile-table-${mapProfile.map}`)}
${downloadLinks(m.code, mapProfile.map, year, "tal")}
${
  trendYears >= 2
    ? `<h3>Udviklingen over årene</h3>
<figure class="trend-figure" id="trend-${mapProfile.map}">${trendFigureHtml(loaded, mapProfile)}</figure>
${chartDownloadLinks(m.code, mapProfile.map, year)}`
    : ""
}
<h3>${neighbourYears.length === 1 ? `Nabokommuner i ${neighbourYears[0]}` : "Nabokommuner de seneste fire år"}</h3>
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
${treatmentOnPage ? `<p class="treatment-status-summary"><strong>${escapeHtml(treatmentOnPage.statusDa)}</strong> <a href="#h-behandling">Se behandlingen</a></p>` : ""}
<p><a class="button button-primary" href="/kommuner/${m.code}/dagsordenpunkt?aar=${year}&amp;format=docx">Lav dagsordenpunkt</a> <span class="report-formats">Også som ${reportLinks}</span></p>
<details class="agenda-item-choices"><summary>Vælg skabelon, afsnit, sammenligning og indstilling</summary>${renderAgendaItemFormHtml({ code: m.code, year, plans: loaded.attachablePlans })}</details></section>
<div class="alert alert-info small-numbers-note"><div class="alert-body"><p class="alert-text"><strong>Om små tal:</strong> Har kommunen få sager på et kort, kan procenten svinge meget fra år til år af ren tilfældighed – Ankestyrelsen kalder selv en enkelt års procent "lidt tilfældig". Se derfor antallet af sager og 95 %-intervallet (det skraverede bånd). Omgørelsesprocenten siger intet om de afgørelser, ingen klagede over, og en hjemvisning kan skyldes nye oplysninger frem for en forkert afgørelse.</p></div></div>
${renderComment(loaded, year, editing)}
${sections}
<section aria-labelledby="h-naboer-kort"><h2 id="h-naboer-kort">Kommunen og dens naboer på kortet</h2><figure class="neighbour-figure">${await neighbourSvg(loaded)}</figure><p class="download-links">Hent nabokortet: <a href="/kommuner/${m.code}/naboer.svg?aar=${year}" download>SVG</a><span class="needs-js" hidden> · <button type="button" class="button button-unstyled link-button" data-png-from=".neighbour-figure svg" data-png-name="${m.code}-naboer.png">PNG</button></span></p></section>
${
  treatmentOnPage
    ? treatmentOnPage.sectionHtml
    : `<section aria-labelledby="h-behandling"><h2 id="h-behandling">Byrådets behandling</h2>
<p>Kortet skal behandles af kommunalbestyrelsen senest ${escapeHtml(treatment.deadlineDa)}. Sagen går normalt gennem:</p><ul>${bodies}</ul>${plan}
</section>`
}
${knowledgeHtml}
<p><a href="/kommuner/${m.code}/handleplaner">Kommunens handleplaner og opfølgningen på dem</a></p>
<p class="source-line">${escapeHtml(loaded.sourceLineDa)}</p>`;
}
