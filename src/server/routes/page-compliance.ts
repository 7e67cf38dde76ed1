import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { buildComplianceTable, renderComplianceCsv, renderComplianceXlsx } from "../../app/compliance/compliance-table.js";
import { filterComplianceLines, loadComplianceLineForFollowUp, loadComplianceOverview, loadPublicComplianceOverview, type ComplianceOverview } from "../../app/compliance/load-compliance-overview.js";
import { buildReminderLetter } from "../../app/compliance/reminder-letter.js";
import { clearFollowUp, setFollowUp } from "../../app/compliance/save-follow-up.js";
import { refuse, type Refusal } from "../../app/use-case-result.js";
import { authorize } from "../../domain/access-policy.js";
import { asMunicipalityCode, findMunicipalityByCode } from "../../domain/municipality.js";
import { FOLLOW_UP_FIELDS_DA, isComplianceStatusKey, isFollowUpCategory, type ComplianceFilter } from "../../domain/compliance-follow-up.js";
import { copenhagenDate } from "../../domain/treatment-record.js";
import { accountDepsOf, type AppContext } from "../app-context.js";
import { pageAccount, sendRefusalPage } from "../auth/page-account.js";
import { csrfTokenFor } from "../auth/security-plugins.js";
import { formField } from "../form-field.js";
import { buildComplianceTileMapModel, renderComplianceTileMapSvg } from "../../viz/compliance-tile-map.js";
import { COMPLIANCE_PATHS, REGIONS_DA, renderCompliancePage, renderFollowUpPage, type CompliancePageModel, type ComplianceVersion } from "../views/compliance-page.js";
import { parseOptionalYear, parseYear } from "../../app/params.js";

/** The tile map of all 98 (filters do not thin the map: it keeps the country's picture), with its legend. */
function statusMap(overview: ComplianceOverview): NonNullable<CompliancePageModel["map"]> {
  const model = buildComplianceTileMapModel({
    titleDa: `Kort: kommunernes behandling af danmarkskortet for ${overview.dataYear}`,
    municipalities: overview.rows.map((r) => ({ code: r.municipalityCode, nameDa: r.municipalityName, statusKey: r.statusKey, href: `/kommuner/${r.municipalityCode}?aar=${overview.dataYear}` })),
  });
  return { svg: renderComplianceTileMapSvg(model), legend: model.legend.map((e) => ({ swatchClass: `status-${e.statusKey}`, mark: e.mark, labelDa: e.labelDa, count: e.count })) };
}

type Query = { aar?: string; status?: string; region?: string; opfoelgning?: string; gemt?: string };

const SAVED_DA: Readonly<Record<string, string>> = { opfoelgning: "Opfølgningen er gemt.", "opfoelgning-fjernet": "Opfølgningen er fjernet; kommunen står som ikke vurderet." };

/** The year and filters of the address, each checked; an unknown value is the asker's error (400), never ignored. */
function parseSelection(query: Query, now: Date): { year: number; filter: ComplianceFilter; query: string } | Refusal {
  const thisYear = Number(copenhagenDate(now).slice(0, 4));
  const aar = query.aar ?? "";
  // The latest map is the one published this year: last year's data.
  const year = parseOptionalYear(aar, "aar") ?? thisYear - 1;
  const status = query.status ?? "";
  if (status !== "" && !isComplianceStatusKey(status)) return refuse(400, `Ukendt status "${status.slice(0, 40)}" (parameter status).`);
  const region = query.region ?? "";
  if (region !== "" && !(REGIONS_DA as readonly string[]).includes(region)) return refuse(400, `Ukendt region "${region.slice(0, 40)}" (parameter region).`);
  const followUp = query.opfoelgning ?? "";
  if (followUp !== "" && followUp !== "unset" && !isFollowUpCategory(followUp)) return refuse(400, `Ukendt opfølgning "${followUp.slice(0, 40)}" (parameter opfoelgning).`);
  const filter: ComplianceFilter = { status: status === "" ? null : status, region: region === "" ? null : region, followUp: followUp === "" ? null : followUp };
  const params = new URLSearchParams({ aar: String(year) });
  if (filter.status) params.set("status", filter.status);
  if (filter.region) params.set("region", filter.region);
  if (filter.followUp) params.set("opfoelgning", filter.followUp);
  return { year, filter, query: params.toString() };
}

function yearChoices(now: Date, chosen: number): number[] {
  const last = Math.max(Number(copenhagenDate(now).slice(0, 4)) - 1, chosen);
  const years: number[] = [];
  for (let y = last; y >= 2016; y--) years.push(y);
  return years;
}

/**
 * The compliance view (issue 15, item 4): /tilsyn/behandling for tilsyn and admin with Ankestyrelsen's
 * notes, /behandling for everyone without them, both with filters and CSV/XLSX of what the filter keeps;
 * /tilsyn/behandling/<år>/<kode> where tilsyn registers the follow-up. Every read and write is the
 * application layer's use case, which asks the access policy; the post carries the CSRF token.
 */
export function registerCompliancePages(app: FastifyInstance, ctx: AppContext): void {
  const deps = accountDepsOf(ctx);

  async function load(request: FastifyRequest, version: ComplianceVersion, year: number): Promise<{ kind: "overview"; overview: ComplianceOverview } | Refusal> {
    return version === "tilsyn" ? loadComplianceOverview(deps, request.caller, year) : loadPublicComplianceOverview(deps, year);
  }

  for (const version of ["tilsyn", "public"] as const) {
    const path = COMPLIANCE_PATHS[version];
    app.get<{ Querystring: Query }>(path, async (request, reply) => {
      const selection = parseSelection(request.query, deps.now());
      if ("kind" in selection) return sendRefusalPage(request, reply, selection);
      const loaded = await load(request, version, selection.year);
      if (loaded.kind === "refused") return sendRefusalPage(request, reply, loaded);
      const saved = request.query.gemt;
      reply.type("text/html; charset=utf-8").header("cache-control", version === "tilsyn" ? "private, no-store" : "no-cache");
      return reply.send(
        renderCompliancePage({
          version,
          account: pageAccount(request),
          isDemo: false,
          overview: loaded.overview,
          rows: filterComplianceLines(loaded.overview.rows, selection.filter),
          filter: selection.filter,
          years: yearChoices(deps.now(), selection.year),
          query: selection.query,
          // Ankestyrelsen's acts are the same permission for every municipality (tilsyn); any code asks it.
          mayWriteFollowUp: version === "tilsyn" && authorize(request.caller.actor, { action: "treatment.order", municipalityCode: asMunicipalityCode("0101") }).allowed,
          savedDa: saved ? (SAVED_DA[saved] ?? null) : null,
          map: statusMap(loaded.overview),
        }),
      );
    });

    for (const format of ["csv", "xlsx"] as const) {
      app.get<{ Querystring: Query }>(`${path}.${format}`, async (request, reply) => {
        const selection = parseSelection(request.query, deps.now());
        if ("kind" in selection) return sendRefusalPage(request, reply, selection);
        const loaded = await load(request, version, selection.year);
        if (loaded.kind === "refused") return sendRefusalPage(request, reply, loaded);
        const table = buildComplianceTable(loaded.overview, filterComplianceLines(loaded.overview.rows, selection.filter));
        const stem = `${version === "tilsyn" ? "tilsyn-" : ""}behandling-${selection.year}`;
        reply.header("content-disposition", `attachment; filename="${stem}.${format}"`).header("cache-control", version === "tilsyn" ? "private, no-store" : "no-cache");
        if (format === "csv") return reply.type("text/csv; charset=utf-8").send(renderComplianceCsv(table));
        return reply.type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").send(await renderComplianceXlsx(table));
      });
    }
  }

  type LineParams = { Params: { year: string; code: string } };
  const linePath = "/tilsyn/behandling/:year/:code";

  async function followUpPage(request: FastifyRequest<LineParams>, reply: FastifyReply, form: { values: { category: string; note: string }; refusal: Refusal } | null) {
    const year = parseYear(request.params.year);
    const found = await loadComplianceLineForFollowUp(deps, request.caller, request.params.code, year);
    if (found.kind === "refused") return sendRefusalPage(request, reply, found);
    const f = found.line.followUp;
    reply.type("text/html; charset=utf-8").header("cache-control", "private, no-store");
    if (form) reply.code(form.refusal.status);
    return reply.send(
      renderFollowUpPage({
        account: pageAccount(request),
        line: found.line,
        dataYear: year,
        values: form?.values ?? { category: f?.category ?? "", note: f?.note ?? "" },
        refusal: form?.refusal ?? null,
        csrfToken: csrfTokenFor(ctx, request, reply),
      }),
    );
  }

  app.get<LineParams>(linePath, (request, reply) => followUpPage(request, reply, null));

  app.get<LineParams & { Querystring: { kategori?: string } }>(`${linePath}/brev.docx`, async (request, reply) => {
    const letter = await buildReminderLetter(deps, request.caller, { municipalityCode: request.params.code, dataYear: parseYear(request.params.year), category: request.query.kategori || null });
    if (letter.kind === "refused") return sendRefusalPage(request, reply, letter);
    return reply
      .type("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
      .header("content-disposition", `attachment; filename="${letter.fileName}"`)
      .header("cache-control", "private, no-store")
      .send(letter.body);
  });

  app.post<LineParams>(linePath, async (request, reply) => {
    const year = parseYear(request.params.year);
    const values = { category: formField(request.body, "kategori"), note: formField(request.body, "note") };
    const input = { municipalityCode: request.params.code, dataYear: year };
    const known = findMunicipalityByCode(request.params.code);
    let result;
    if (values.category === "") {
      // "Ikke vurderet" removes the registration; a note alone has no follow-up to belong to.
      result =
        values.note.trim() !== "" && known !== undefined && authorize(request.caller.actor, { action: "treatment.order", municipalityCode: known.code }).allowed
          ? refuse(400, "Vælg en opfølgning for at gemme en note, eller slet noten for at fjerne registreringen.", { field: FOLLOW_UP_FIELDS_DA.category })
          : await clearFollowUp(deps, request.caller, input);
    } else {
      result = await setFollowUp(deps, request.caller, { ...input, category: values.category, note: values.note });
    }
    if (result.kind === "refused") {
      if (result.status === 400) return followUpPage(request, reply, { values, refusal: result });
      return sendRefusalPage(request, reply, result);
    }
    const code = result.kind === "saved" ? result.followUp.municipalityCode : request.params.code.padStart(4, "0");
    return reply.redirect(`/tilsyn/behandling?aar=${year}&gemt=${result.kind === "saved" ? "opfoelgning" : "opfoelgning-fjernet"}#k-${code}`, 303);
  });
}
