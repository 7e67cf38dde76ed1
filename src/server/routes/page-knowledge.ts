import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { entryMapsDa, exportKnowledgeBank } from "../../app/knowledge/export-knowledge-bank.js";
import { loadKnowledgeFigures } from "../../app/knowledge/knowledge-figures.js";
import { listKnowledgeEntriesFor, saveKnowledgeEntry, type EntryRefusal } from "../../app/knowledge/save-knowledge-entry.js";
import { refuse } from "../../app/use-case-result.js";
import {
  KNOWLEDGE_OUTCOMES,
  NEW_DECISION_RESULTS,
  type KnowledgeEntryInput,
  type KnowledgeOutcome,
  type NewDecisionResult,
} from "../../domain/knowledge/knowledge-entry.js";
import { findMunicipalityByCode } from "../../domain/municipality.js";
import { buildReasonTrendChartModel } from "../../viz/reason-trend-chart.js";
import { accountDepsOf, type AppContext } from "../app-context.js";
import { pageAccount, sendRefusalPage } from "../auth/page-account.js";
import { CSRF_FIELD, csrfTokenFor } from "../auth/security-plugins.js";
import { formField } from "../form-html.js";
import { renderKnowledgePage, type KnowledgePageModel } from "../views/knowledge-page.js";

function formList(body: unknown, name: string): string[] {
  if (body === null || typeof body !== "object") return [];
  const value = (body as Record<string, unknown>)[name];
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** The form's fields as an entry; the use case validates every one of them. */
export function entryFromForm(body: unknown): KnowledgeEntryInput {
  const decisionDate = formField(body, "afgoerelsesdato").trim();
  const year = formField(body, "dataaar").trim();
  const outcome = formField(body, "udfald") as KnowledgeOutcome;
  const newResult = formField(body, "ny_afgoerelse") as NewDecisionResult | "";
  const newDate = formField(body, "ny_afgoerelse_dato").trim();
  return {
    decisionDate,
    dataYear: /^\d{4}$/.test(year) ? Number(year) : /^\d{4}/.test(decisionDate) ? Number(decisionDate.slice(0, 4)) : 0,
    outcome: KNOWLEDGE_OUTCOMES.includes(outcome) ? outcome : "remitted",
    law: formField(body, "lov"),
    subject: formField(body, "sagsemne"),
    provision: formField(body, "paragraf"),
    department: formField(body, "afdeling"),
    reasonCodes: formList(body, "aarsag"),
    summary: formField(body, "resume"),
    learningPoint: formField(body, "laering"),
    links: formField(body, "links")
      .split(/\s+/)
      .filter((l) => l !== ""),
    caseReference: formField(body, "sagsreference"),
    newDecision: NEW_DECISION_RESULTS.includes(newResult as NewDecisionResult) ? { result: newResult as NewDecisionResult, date: newDate === "" ? null : newDate } : null,
    status: formField(body, "status") === "approved" ? "approved" : "draft",
  };
}

function parseYear(value: string | undefined, fallback: number): number | null {
  if (value === undefined || value === "") return fallback;
  return /^\d{4}$/.test(value) ? Number(value) : null;
}

async function pageModel(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, code: string, year: number, extra: Pick<KnowledgePageModel, "savedNotice" | "form">): Promise<KnowledgePageModel | EntryRefusal> {
  const deps = accountDepsOf(ctx);
  const [listed, figures] = await Promise.all([listKnowledgeEntriesFor(deps, request.caller, code, { dataYear: year }), loadKnowledgeFigures(deps, request.caller, code, year)]);
  if (listed.kind === "refused") return listed;
  if (figures.kind === "refused") return figures;
  const m = findMunicipalityByCode(code)!;
  return {
    municipalityCode: m.code,
    municipalityName: m.name,
    year,
    years: figures.years,
    figures: figures.figures,
    statistics: figures.statistics,
    chart: buildReasonTrendChartModel(figures.trend, `Årsager til omgørelse i ${m.name} Kommunes vidensbank pr. dataår`),
    entries: listed.entries.map((e) => ({ ...e, mapsDa: entryMapsDa(e) })),
    reasons: listed.context.reasons,
    departments: listed.context.departments,
    mayWrite: listed.mayWrite,
    csrfToken: listed.mayWrite ? csrfTokenFor(ctx, request, reply) : null,
    csrfField: CSRF_FIELD,
    account: pageAccount(request),
    ...extra,
  };
}

/**
 * The knowledge bank's page (issue 14): what it tells for a year, its entries, and for editors the form to
 * register one. GET /kommuner/0657/vidensbank?aar=2024; the form posts to the same address with the CSRF
 * token every form carries; .xlsx and .csv download the bank.
 */
export function registerKnowledgePage(app: FastifyInstance, ctx: AppContext): void {
  const deps = accountDepsOf(ctx);
  const defaultYear = () => (ctx.now ?? (() => new Date()))().getUTCFullYear() - 1;

  app.get<{ Params: { code: string }; Querystring: { aar?: string; gemt?: string } }>("/kommuner/:code/vidensbank", async (request, reply) => {
    const year = parseYear(request.query.aar, defaultYear());
    if (year === null) return sendRefusalPage(request, reply, refuse(400, `Året skal være fire cifre, fx 2024, ikke "${String(request.query.aar).slice(0, 20)}".`));
    const model = await pageModel(ctx, request, reply, request.params.code, year, { savedNotice: request.query.gemt ? `Afgørelse nr. ${request.query.gemt.slice(0, 12)} er gemt.` : null, form: null });
    if ("kind" in model) return sendRefusalPage(request, reply, model);
    return reply.type("text/html; charset=utf-8").header("cache-control", "private, no-store").send(renderKnowledgePage(model));
  });

  app.post<{ Params: { code: string } }>("/kommuner/:code/vidensbank", async (request, reply) => {
    const entry = entryFromForm(request.body);
    const result = await saveKnowledgeEntry(deps, request.caller, { municipalityCode: request.params.code, entry });
    if (result.kind === "refused") {
      if (result.status !== 400) return sendRefusalPage(request, reply, result);
      const values = Object.fromEntries(
        ["afgoerelsesdato", "dataaar", "udfald", "lov", "sagsemne", "paragraf", "afdeling", "resume", "laering", "links", "sagsreference", "ny_afgoerelse", "ny_afgoerelse_dato", "status"].map((n) => [n, formField(request.body, n)]),
      );
      values["aarsag"] = formList(request.body, "aarsag").join(",");
      const problems = result.problems ?? (result.field ? [{ field: "summary" as const, messageDa: result.messageDa }] : []);
      const model = await pageModel(ctx, request, reply, request.params.code, entry.dataYear >= 2013 ? entry.dataYear : defaultYear(), { savedNotice: null, form: { values, problems, messageDa: result.messageDa } });
      if ("kind" in model) return sendRefusalPage(request, reply, model);
      // The refused text comes back to its writer for correction; it is not stored, and no cache keeps it.
      return reply.code(400).type("text/html; charset=utf-8").header("cache-control", "no-store").send(renderKnowledgePage(model));
    }
    return reply.redirect(`/kommuner/${result.entry.municipalityCode}/vidensbank?aar=${result.entry.dataYear}&gemt=${result.entry.id}#h-afgoerelser`, 303);
  });

  for (const format of ["xlsx", "csv"] as const) {
    app.get<{ Params: { code: string }; Querystring: { aar?: string } }>(`/kommuner/:code/vidensbank.${format}`, async (request, reply) => {
      const year = request.query.aar && /^\d{4}$/.test(request.query.aar) ? Number(request.query.aar) : undefined;
      const exported = await exportKnowledgeBank(deps, request.caller, { municipalityCode: request.params.code, format, ...(year ? { dataYear: year } : {}) });
      if ("kind" in exported) return sendRefusalPage(request, reply, exported);
      return reply.type(exported.contentType).header("content-disposition", `attachment; filename="${exported.fileName}"`).header("cache-control", "private, no-store").send(exported.body);
    });
  }
}
