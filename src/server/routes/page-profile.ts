import type { FastifyInstance, FastifyReply } from "fastify";
import { isMapId, MAP_IDS } from "../../domain/map-definition.js";
import { buildMunicipalityProfile, type MapProfile, type MunicipalityProfile } from "../../domain/municipality-profile.js";
import { MUNICIPALITIES, type MunicipalityCode } from "../../domain/municipality.js";
import { searchMunicipalities } from "../../domain/search-municipalities.js";
import { renderTableCsv, type TableModel } from "../../viz/figure-table.js";
import { buildComparisonTableModel, buildProfileTableModel, buildSubjectTableModel } from "../../viz/profile-tables.js";
import { buildSeriesSourceLineDa, buildSourceLineDa } from "../../viz/source-line.js";
import { loadMunicipalityComment } from "../../storage/municipality-comments.js";
import type { AppContext } from "../app-context.js";
import { renderMessagePage } from "../views/message-page.js";
import { loadPageData } from "./page-data.js";
import { loadCommentForEditing, MAX_COMMENT_LENGTH } from "../../app/comments/save-comment.js";
import type { Caller } from "../../app/caller.js";
import { loadPublicAggregate } from "../../app/knowledge/knowledge-figures.js";
import { authorize } from "../../domain/access-policy.js";
import type { KnowledgePublicSectionModel } from "../views/knowledge-public-section.js";
import { loadEffectiveLegalRules, loadTreatmentRecord } from "../../app/treatment/load-treatment.js";
import { listAttachablePlans } from "../../app/action-plans/attach-action-plan.js";
import type { TreatmentSectionModel } from "../views/treatment-section.js";
import { accountDepsOf } from "../app-context.js";
import { pageAccount } from "../auth/page-account.js";
import { csrfTokenFor } from "../auth/security-plugins.js";
import { renderTableXlsx } from "./page-table-xlsx.js";
import { parseMunicipalityCode, parseYear } from "../../app/params.js";
import { UserFacingError } from "../../app/user-facing-error.js";
import { buildMunicipalityListPageModel } from "../views/municipality-list-page-model.js";
import { renderMunicipalityListPage } from "../views/municipality-list-page.js";
import { renderProfileNeighbourSvg, renderProfileTrendSvg } from "../views/profile-figures.js";
import { buildProfilePageModel, type CommentEditing, type ProfileData } from "../views/profile-page-model.js";
import { renderProfilePage } from "../views/profile-page.js";

type Query = Record<string, string | undefined>;
type Loaded = ProfileData;

class ProfileRequestError extends Error {}

async function load(ctx: AppContext, codeParam: string, query: Query): Promise<Loaded> {
  const municipality = parseMunicipalityCode(codeParam);
  const [data, legalRules] = await Promise.all([loadPageData(ctx.figures), loadEffectiveLegalRules(ctx.db)]);
  if (query.aar !== undefined) parseYear(query.aar, "aar");
  const year = query.aar ? Number(query.aar) : (data.years.at(-1) ?? null);
  const profile = buildMunicipalityProfile(data.totals, municipality.code, { ...(year === null ? {} : { year }), revised: data.revisedTotals });
  const comment = year === null ? null : await loadMunicipalityComment(ctx.db, municipality.code, year);
  const attachablePlans = year === null ? [] : await listAttachablePlans(ctx.db, municipality.code, year);
  // The profile's tables and charts run over years: the source line names the version behind each (issue 9).
  const sourceLineDa = year === null ? buildSourceLineDa(undefined) : buildSeriesSourceLineDa(data.provenanceByYear, data.years.filter((y) => y <= year));
  return { profile, data, year, sourceLineDa, comment, context: data.context, legalRules, attachablePlans };
}

function mapOf(profile: MunicipalityProfile, query: Query): MapProfile {
  const id = query.kort ?? "socialomraadet";
  if (!isMapId(id)) throw new ProfileRequestError(`Ukendt kort "${id}" (parameter kort).`);
  return profile.maps[id];
}

function fail(reply: FastifyReply, error: unknown): string {
  // Anything but the request's own error goes to the app's error handler: 503 while the database
  // reconnects, a 500 without internal details otherwise (an internal message is English and no use).
  if (!(error instanceof ProfileRequestError || error instanceof UserFacingError)) throw error;
  reply.code(400).type("text/html; charset=utf-8");
  return renderMessagePage({ title: "Kommunen kan ikke vises", messageDa: error.message, link: "kort", isDemo: false, account: pageAccount(reply.request) });
}

/** The municipality profile (/kommuner/0657), the name search that leads to it, and its downloads. */
export function registerProfilePage(app: FastifyInstance, ctx: AppContext): void {
  app.get("/kommuner", async (request, reply) => {
    const search = ((request.query as Query).soeg ?? "").trim();
    const result = searchMunicipalities(search);
    if (result.kind === "found") return reply.redirect(`/kommuner/${result.municipality.code}`);
    reply.code(result.kind === "none" ? 404 : 200).type("text/html; charset=utf-8");
    const model = buildMunicipalityListPageModel(search, result, MUNICIPALITIES, (await loadPageData(ctx.figures)).isDemo);
    return renderMunicipalityListPage(model, pageAccount(request));
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
    const code = loaded.profile.municipality.code;
    const treatment = loaded.year === null ? null : await loadTreatmentSection(ctx, request.caller, code, loaded.year);
    const knowledge = loaded.year === null ? null : await loadKnowledgeSection(ctx, request.caller, code, loaded.profile.municipality.name, loaded.year);
    const model = buildProfilePageModel({ ...loaded, editing, treatment, knowledge, geometries: await ctx.geometries(), maxCommentLength: MAX_COMMENT_LENGTH });
    return renderProfilePage(model, pageAccount(request));
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
        return buildProfileTableModel(m, l.year ?? 0, name, MAP_IDS.indexOf(m.map) + 1, l.sourceLineDa);
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
  download("udvikling.svg", async (l, q) => ({ type: "image/svg+xml; charset=utf-8", body: renderProfileTrendSvg(l.profile, mapOf(l.profile, q), l.sourceLineDa), name: `${l.profile.municipality.code}-${q.kort ?? "socialomraadet"}-udvikling.svg` }));
  download("naboer.svg", async (l) => ({ type: "image/svg+xml; charset=utf-8", body: renderProfileNeighbourSvg(l.profile, l.sourceLineDa, await ctx.geometries()), name: `${l.profile.municipality.code}-naboer.svg` }));
}

/**
 * The council's treatment record for the year (issue 13), for the status sentence in the box at the top and
 * the section with the meetings. Null for a year before the maps existed (data year 2016), where the page
 * keeps its general text.
 */
async function loadTreatmentSection(ctx: AppContext, caller: Caller, code: MunicipalityCode, year: number): Promise<TreatmentSectionModel | null> {
  const found = await loadTreatmentRecord(accountDepsOf(ctx), caller, code, year);
  if (found.kind !== "record") return null;
  const r = found.record;
  return { record: r, editHref: r.may.write || r.may.order ? `/kommuner/${code}/behandling/${year}` : null };
}

/** The published knowledge-bank counts for the year, or null when the municipality does not publish them. */
async function loadKnowledgeSection(ctx: AppContext, caller: Caller, code: MunicipalityCode, name: string, year: number): Promise<KnowledgePublicSectionModel | null> {
  const published = await loadPublicAggregate(ctx.db, code, year);
  if (published.kind !== "aggregate") return null;
  const mayRead = authorize(caller.actor, { action: "knowledge.read", municipalityCode: code }).allowed;
  return { municipalityName: name, aggregate: published.aggregate, bankHref: mayRead ? `/kommuner/${code}/vidensbank?aar=${year}` : null };
}
