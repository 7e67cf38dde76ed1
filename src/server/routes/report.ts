import type { FastifyInstance, FastifyReply } from "fastify";
import type { Municipality } from "../../domain/municipality.js";
import { parseFormat, parseMunicipalityCode, parseYear } from "../../app/params.js";
import { UserFacingError } from "../../app/user-facing-error.js";
import type { Caller } from "../../app/caller.js";
import { loadEffectiveLegalRules } from "../../app/treatment/load-treatment.js";
import { loadAttachedPlans, makeAgendaItem, openAgendaItemRasterizer, type AgendaItemSources } from "../../app/report/make-agenda-item.js";
import { parseAttachedPlanIds } from "../../reports/parse-report-choices.js";
import { actionPlanDepsOf } from "./api-action-plans.js";
import { resolveApiCaller } from "../auth/request-caller.js";
import { REPORT_CONTENT_TYPES, REPORT_FORMATS, renderAgendaItemFile, type ReportFormat } from "../../reports/agenda-item-files.js";
import { convertDocxToPdf, PdfConversionError, PdfConverterMissingError } from "../../reports/convert-docx-to-pdf.js";
import { isReportBody, REPORT_BODIES, type ReportBody } from "../../reports/report-context.js";
import type { AppContext } from "../app-context.js";
import { renderMessagePage } from "../views/message-page.js";
import { pageAccount } from "../auth/page-account.js";
import { loadPageData } from "./page-data.js";
import { createRenderQueue, RenderQueueFullError } from "../render-queue.js";
import { parseReportChoices, ReportChoiceError, type ParsedReportChoices, type RawReportChoices } from "../../reports/parse-report-choices.js";
import { loadMunicipalityYearCells } from "../../storage/complaint-store.js";
import { AGENDA_ITEM_ROUTE_OPTIONS } from "../api-schemas/agenda-item-routes.js";

type Query = Record<string, string | string[] | undefined>;

class ReportRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

function fail(reply: FastifyReply, error: ReportRequestError): string {
  reply.code(error.status).type("text/html; charset=utf-8");
  return renderMessagePage({ title: "Dagsordenpunktet kan ikke laves", messageDa: error.message, link: "forside", isDemo: false, account: pageAccount(reply.request) });
}

/** Agenda items rendered at once, and requests that may wait for a turn (README, "Dagsordenpunkt til byrådet"). */
export const REPORT_CONCURRENCY = 2;
export const REPORT_MAX_WAITING = 16;

type ReportRequest = {
  readonly municipality: Municipality;
  readonly year: number;
  readonly format: ReportFormat;
  /** Absent: the treatment record's next body, else the Byråd. */
  readonly body?: ReportBody;
  readonly caseNumber?: string;
  readonly choices: ParsedReportChoices;
  /** Published action plans to attach as bilag, by number (issue 13). */
  readonly attachPlans: readonly number[];
};

/** The parameter names of each door: the page's Danish ones, the API's English ones (issue 16). */
type ParamNames = Readonly<Record<"year" | "format" | "body" | "caseNumber" | "caseworker" | "caseworkers" | "attachPlan" | keyof Omit<RawReportChoices, "caseworkers">, string>>;

const PAGE_PARAMS: ParamNames = {
  year: "aar",
  format: "format",
  body: "organ",
  caseNumber: "journalnummer",
  caseworker: "sagsbehandler",
  caseworkers: "sagsbehandlere",
  template: "skabelon",
  sections: "afsnit",
  compare: "sammenlign",
  years: "antal-aar",
  actionPlan: "handleplan",
  points: "punkt",
  route: "forloeb",
  competence: "kompetence",
  economy: "oekonomi",
  attachPlan: "bilag-handleplan",
};

const API_PARAMS: ParamNames = {
  year: "year",
  format: "format",
  body: "body",
  caseNumber: "caseNumber",
  caseworker: "caseworker",
  caseworkers: "caseworkers",
  template: "template",
  sections: "sections",
  compare: "compare",
  years: "compareYears",
  actionPlan: "actionPlan",
  points: "point",
  route: "route",
  competence: "competence",
  economy: "economy",
  attachPlan: "attachPlan",
};

/** A query value the client sent once; a repeated parameter counts as its first value. */
function one(q: Query, name: string): string | undefined {
  const v = q[name];
  return Array.isArray(v) ? v[0] : v;
}

/** The request's parameters checked once, for GET and HEAD alike; a ReportRequestError says what is wrong. */
function parseReportRequest(code: string, q: Query, names: ParamNames = PAGE_PARAMS): ReportRequest | ReportRequestError {
  let municipality: Municipality, year: number, format: ReportFormat;
  try {
    // The parameters every door shares, said as at every door (src/app/params.ts).
    municipality = parseMunicipalityCode(code);
    year = parseYear(one(q, names.year) ?? "", names.year);
    format = parseFormat(one(q, names.format), REPORT_FORMATS, names.format);
  } catch (error) {
    if (error instanceof UserFacingError) return new ReportRequestError(error.messageDa, error.httpStatus);
    throw error;
  }
  const body = one(q, names.body);
  if (body !== undefined && !isReportBody(body)) return new ReportRequestError(`Ukendt organ "${body.slice(0, 40)}". Brug ${names.body}=${REPORT_BODIES.join("|")}.`, 400);
  const rawPoints = q[names.points];
  // Points come separated by semicolons: an address may not hold line breaks (request-guard.ts), nor the
  // same parameter twice.
  const points = (Array.isArray(rawPoints) ? rawPoints : rawPoints ? [rawPoints] : []).flatMap((p) => p.split(";"));
  // The page's form sends one field per section ("afsnit-udvikling=bilag") and the chosen municipalities in
  // their own field; both become the same words the CLI takes.
  const perSection = Object.entries(q)
    .filter(([k, v]) => k.startsWith("afsnit-") && typeof v === "string" && v !== "")
    .map(([k, v]) => (v === "ud" ? `-${k.slice("afsnit-".length)}` : `${k.slice("afsnit-".length)}:${v as string}`));
  const sections = [one(q, names.sections), ...perSection].filter((s) => s && s.trim() !== "").join(",");
  const compare = one(q, "sammenlign-kommuner")?.trim() || one(q, names.compare);
  try {
    const choices = parseReportChoices({
      template: one(q, names.template),
      sections,
      compare,
      years: one(q, names.years),
      actionPlan: one(q, names.actionPlan),
      points,
      route: one(q, names.route),
      caseworkers: one(q, names.caseworkers) ?? one(q, names.caseworker),
      competence: one(q, names.competence),
      economy: one(q, names.economy),
    });
    const caseNumber = one(q, names.caseNumber);
    const attachPlans = parseAttachedPlanIds(one(q, names.attachPlan), names.attachPlan);
    return { municipality, year: Number(year), format, ...(body !== undefined ? { body } : {}), ...(caseNumber ? { caseNumber } : {}), choices, attachPlans };
  } catch (error) {
    if (error instanceof ReportChoiceError) return new ReportRequestError(error.message, 400);
    throw error;
  }
}

/**
 * GET /kommuner/{code}/dagsordenpunkt?aar=YYYY&format=docx|pdf|html|md[&organ=byraad|udvalg|handicapraad]
 * [&journalnummer=…&sagsbehandler(e)=…&skabelon=…&afsnit=…&afsnit-<id>=tekst|bilag|ud&sammenlign=…&sammenlign-kommuner=…
 * &antal-aar=…&handleplan=…&punkt=…&forloeb=…&kompetence=…&oekonomi=…]: the profile page's "Lav dagsordenpunkt"
 * and its form (issue 16). Returns the file with a
 * Danish, ASCII-only file name; HTML opens in the browser (to copy into an agenda system), the rest download.
 * Renderings run REPORT_CONCURRENCY at a time with REPORT_MAX_WAITING waiting (issue 19); more get a Danish
 * 503 with Retry-After. HEAD answers from the parameters and the data alone: it never renders.
 */
export function registerReportRoute(app: FastifyInstance, ctx: AppContext): void {
  const queue = createRenderQueue({ concurrency: REPORT_CONCURRENCY, maxWaiting: REPORT_MAX_WAITING });
  // Before the GET route: Fastify then uses this HEAD handler instead of running GET and dropping the body.
  app.head<{ Params: { code: string }; Querystring: Query }>("/kommuner/:code/dagsordenpunkt", async (request, reply) => {
    const parsed = parseReportRequest(request.params.code, request.query);
    if (parsed instanceof ReportRequestError) return reply.code(parsed.status).type("text/html; charset=utf-8").send();
    const data = await loadPageData(ctx.figures);
    if (!data.provenanceByYear.has(parsed.year)) return reply.code(404).type("text/html; charset=utf-8").send();
    return reply.code(200).type(REPORT_CONTENT_TYPES[parsed.format]).send();
  });
  app.get<{ Params: { code: string }; Querystring: Query }>("/kommuner/:code/dagsordenpunkt", async (request, reply) => {
    const parsed = parseReportRequest(request.params.code, request.query);
    if (parsed instanceof ReportRequestError) return fail(reply, parsed);
    return answer(reply, parsed, (error) => fail(reply, error), request.caller);
  });

  /**
   * GET /api/v1/municipalities/{code}/agenda-item?year=YYYY[&format=…&template=orientering|beslutning&sections=…
   * &compare=…&compareYears=…&actionPlan=…&point=…&route=…&caseworkers=…&caseNumber=…&competence=…&economy=…]:
   * the same item with the same choices as the CLI and the page (README, "Dagsordenpunkt til byrådet").
   * Errors are the API's JSON ({ error, message }) in Danish.
   */
  app.get<{ Params: { code: string }; Querystring: Query }>("/api/v1/municipalities/:code/agenda-item", AGENDA_ITEM_ROUTE_OPTIONS, async (request, reply) => {
    const apiFail = (error: ReportRequestError) =>
      reply.code(error.status).type("application/json; charset=utf-8").send({ error: error.status === 404 ? "not-found" : error.status === 503 ? "unavailable" : "bad-request", message: error.message });
    const parsed = parseReportRequest(request.params.code, request.query, API_PARAMS);
    if (parsed instanceof ReportRequestError) return apiFail(parsed);
    return answer(reply, parsed, apiFail, (await resolveApiCaller(ctx, request)) ?? { actor: { kind: "public" }, channel: "api" });
  });

  /** Renders the item for a checked request, in turn (the render queue), and sends it as a file. */
  async function answer(reply: FastifyReply, parsed: ReportRequest, failWith: (error: ReportRequestError) => unknown, caller: Caller) {
    const { municipality, year, format } = parsed;
    const [data, legalRules] = await Promise.all([loadPageData(ctx.figures), loadEffectiveLegalRules(ctx.db)]);
    if (!data.provenanceByYear.has(year)) return failWith(new ReportRequestError(`Der er ingen data for ${year}, så dagsordenpunktet kan ikke laves.`, 404));
    const attachedPlans = await loadAttachedPlans(actionPlanDepsOf(ctx), caller, { municipalityCode: municipality.code, year, ids: parsed.attachPlans });
    if ("kind" in attachedPlans) return failWith(new ReportRequestError(attachedPlans.messageDa, attachedPlans.status));
    const plans = attachedPlans;
    // The page data the server keeps (page-data.ts), and the one municipality's cells of the year.
    const sources: AgendaItemSources = {
      totals: data.totals,
      provenanceByYear: data.provenanceByYear,
      revised: { totals: data.revisedTotals, provenanceByYear: data.revisionByYear },
      context: data.context,
      legalRules,
      yearCells: (code, y) => loadMunicipalityYearCells(ctx.db, code, y),
    };
    try {
      return await queue.run(() => render());
    } catch (error) {
      if (!(error instanceof RenderQueueFullError)) throw error;
      reply.header("Retry-After", String(error.retryAfterSeconds));
      return failWith(new ReportRequestError(`Der laves mange dagsordenpunkter lige nu. Prøv igen om ${error.retryAfterSeconds} sekunder.`, 503));
    }

    async function render() {
      const rasterizer = await openAgendaItemRasterizer(format, true);
      try {
        const geometries = await ctx.geometries();
        const item = await makeAgendaItem({ db: ctx.db, geometry: geometries.geographic ?? undefined, rasterizer }, caller, sources, {
          municipalityCode: municipality.code,
          year,
          format,
          ...(parsed.body !== undefined ? { body: parsed.body } : {}),
          ...(parsed.caseNumber !== undefined ? { caseNumber: parsed.caseNumber } : {}),
          choices: parsed.choices,
          images: true,
          attachedPlans: plans,
        });
        const { model } = item;
        let bytes: Buffer;
        if (format === "pdf") {
          try {
            bytes = await convertDocxToPdf(await item.docx(), model.fileBaseName, { command: ctx.config.sofficeCommand });
          } catch (error) {
            if (error instanceof PdfConverterMissingError || error instanceof PdfConversionError) return failWith(new ReportRequestError(error.message, 503));
            throw error;
          }
        } else {
          bytes = format === "docx" ? await item.docx() : await renderAgendaItemFile(model, item.images, format);
        }
        // The person downloading gets the file; what was left out goes to the operator's log.
        for (const notice of item.noticesDa) reply.request.log.warn(notice);
        const fileName = `${model.fileBaseName}.${format}`;
        return reply
          .type(REPORT_CONTENT_TYPES[format])
          .header("Content-Disposition", `${format === "html" ? "inline" : "attachment"}; filename="${fileName}"`)
          .send(bytes);
      } finally {
        await rasterizer?.close();
      }
    }
  }
}
