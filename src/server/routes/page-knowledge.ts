import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { entryMapsDa, exportKnowledgeBank } from "../../app/knowledge/export-knowledge-bank.js";
import { loadKnowledgeFigures } from "../../app/knowledge/knowledge-figures.js";
import { deleteKnowledgeEntriesAudited, listKnowledgeEntriesFor, loadKnowledgeEntryFor, saveKnowledgeEntry, type EntryRefusal } from "../../app/knowledge/save-knowledge-entry.js";
import { refuse } from "../../app/use-case-result.js";
import {
  KNOWLEDGE_OUTCOMES,
  NEW_DECISION_RESULTS,
  type KnowledgeEntryInput,
  type KnowledgeOutcome,
  type NewDecisionResult,
} from "../../domain/knowledge/knowledge-entry.js";
import { formatInteger } from "../../domain/format-danish-number.js";
import { findMunicipalityByCode } from "../../domain/municipality.js";
import { buildReasonTrendChartModel } from "../../viz/reason-trend-chart.js";
import { accountDepsOf, type AppContext } from "../app-context.js";
import { pageAccount, sendRefusalPage } from "../auth/page-account.js";
import { CSRF_FIELD } from "../auth/csrf-field.js";
import { csrfTokenFor } from "../auth/security-plugins.js";
import { formField } from "../form-field.js";
import type { EntryFormState } from "../views/knowledge-entry-form.js";
import { renderKnowledgeEntryPage } from "../views/knowledge-entry-page.js";
import { renderKnowledgePage, type KnowledgePageModel } from "../views/knowledge-page.js";
import { parseOptionalYear } from "../../app/params.js";

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

/** The inverse of `entryFromForm`: an entry's values under the form's field names, for its edit page. */
export function formValuesOf(e: KnowledgeEntryInput): Record<string, string> {
  return {
    afgoerelsesdato: e.decisionDate,
    dataaar: String(e.dataYear),
    udfald: e.outcome,
    lov: e.law,
    sagsemne: e.subject,
    paragraf: e.provision,
    afdeling: e.department,
    aarsag: e.reasonCodes.join(","),
    resume: e.summary,
    laering: e.learningPoint,
    links: e.links.join("\n"),
    sagsreference: e.caseReference,
    ny_afgoerelse: e.newDecision?.result ?? "",
    ny_afgoerelse_dato: e.newDecision?.date ?? "",
    status: e.status,
  };
}

/** What a refused form sent, under its own names, so the person gets back what they typed. */
function typedValues(body: unknown): Record<string, string> {
  const values = Object.fromEntries(
    ["afgoerelsesdato", "dataaar", "udfald", "lov", "sagsemne", "paragraf", "afdeling", "resume", "laering", "links", "sagsreference", "ny_afgoerelse", "ny_afgoerelse_dato", "status"].map((n) => [n, formField(body, n)]),
  );
  values["aarsag"] = formList(body, "aarsag").join(",");
  return values;
}

function savedNoticeOf(query: { gemt?: string; slettet?: string; indlaest?: string }): string | null {
  const id = (text: string | undefined) => (text && /^\d{1,9}$/.test(text) ? text : null);
  if (id(query.indlaest)) return `${formatInteger(Number(query.indlaest))} afgørelser er indlæst fra regnearket.`;
  if (id(query.gemt)) return `Afgørelse nr. ${id(query.gemt)} er gemt.`;
  if (id(query.slettet)) return `Afgørelse nr. ${id(query.slettet)} er slettet.`;
  return null;
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
  const defaultYear = () => ctx.now().getUTCFullYear() - 1;

  app.get<{ Params: { code: string }; Querystring: { aar?: string; gemt?: string; slettet?: string; indlaest?: string } }>("/kommuner/:code/vidensbank", async (request, reply) => {
    const year = parseOptionalYear(request.query.aar) ?? defaultYear();
    const model = await pageModel(ctx, request, reply, request.params.code, year, { savedNotice: savedNoticeOf(request.query), form: null });
    if ("kind" in model) return sendRefusalPage(request, reply, model);
    return reply.type("text/html; charset=utf-8").header("cache-control", "private, no-store").send(renderKnowledgePage(model));
  });

  app.post<{ Params: { code: string } }>("/kommuner/:code/vidensbank", async (request, reply) => {
    const entry = entryFromForm(request.body);
    const result = await saveKnowledgeEntry(deps, request.caller, { municipalityCode: request.params.code, entry });
    if (result.kind === "refused") {
      if (result.status !== 400) return sendRefusalPage(request, reply, result);
      const values = typedValues(request.body);
      const problems = result.problems ?? (result.field ? [{ field: "summary" as const, messageDa: result.messageDa }] : []);
      const model = await pageModel(ctx, request, reply, request.params.code, entry.dataYear >= 2013 ? entry.dataYear : defaultYear(), { savedNotice: null, form: { values, problems, messageDa: result.messageDa } });
      if ("kind" in model) return sendRefusalPage(request, reply, model);
      // The refused text comes back to its writer for correction; it is not stored, and no cache keeps it.
      return reply.code(400).type("text/html; charset=utf-8").header("cache-control", "no-store").send(renderKnowledgePage(model));
    }
    return reply.redirect(`/kommuner/${result.entry.municipalityCode}/vidensbank?aar=${result.entry.dataYear}&gemt=${result.entry.id}#h-afgoerelser`, 303);
  });

  type EntryParams = { Params: { code: string; id: string } };
  const entryId = (text: string) => (/^\d{1,9}$/.test(text) ? Number(text) : null);
  const noEntry = (id: string) => refuse(404, `Afgørelse nr. "${id.slice(0, 12)}" findes ikke.`);

  /** An entry's own page: the edit form (filled from the entry, or with what was typed) and the deletion. */
  async function entryPage(request: FastifyRequest<EntryParams>, reply: FastifyReply, id: number, refused: { state?: EntryFormState; deleteMessageDa?: string } = {}) {
    const found = await loadKnowledgeEntryFor(deps, request.caller, request.params.code, id);
    if (found.kind === "refused") return sendRefusalPage(request, reply, found);
    // Reading an entry is for its municipality's users and tilsyn; changing it only for its editors.
    const context = await listKnowledgeEntriesFor(deps, request.caller, found.entry.municipalityCode, { dataYear: found.entry.dataYear });
    if (context.kind === "refused") return sendRefusalPage(request, reply, context);
    if (!context.mayWrite) return sendRefusalPage(request, reply, refuse(403, "Kun kommunens redaktører kan rette afgørelser i vidensbanken."));
    const m = findMunicipalityByCode(found.entry.municipalityCode)!;
    const html = renderKnowledgeEntryPage({
      municipalityCode: m.code,
      municipalityName: m.name,
      entryId: found.entry.id,
      dataYear: found.entry.dataYear,
      state: refused.state ?? { values: formValuesOf(found.entry), problems: [], messageDa: null },
      reasons: context.context.reasons,
      departments: context.context.departments,
      csrfToken: csrfTokenFor(ctx, request, reply),
      account: pageAccount(request),
      deleteMessageDa: refused.deleteMessageDa ?? null,
    });
    return reply.code(refused.state || refused.deleteMessageDa ? 400 : 200).type("text/html; charset=utf-8").header("cache-control", "private, no-store").send(html);
  }

  app.get<EntryParams>("/kommuner/:code/vidensbank/:id/rediger", async (request, reply) => {
    const id = entryId(request.params.id);
    return id === null ? sendRefusalPage(request, reply, noEntry(request.params.id)) : entryPage(request, reply, id);
  });

  app.post<EntryParams>("/kommuner/:code/vidensbank/:id", async (request, reply) => {
    const id = entryId(request.params.id);
    if (id === null) return sendRefusalPage(request, reply, noEntry(request.params.id));
    const result = await saveKnowledgeEntry(deps, request.caller, { municipalityCode: request.params.code, id, entry: entryFromForm(request.body) });
    if (result.kind === "refused") {
      if (result.status !== 400) return sendRefusalPage(request, reply, result);
      const problems = result.problems ?? (result.field ? [{ field: "summary" as const, messageDa: result.messageDa }] : []);
      return entryPage(request, reply, id, { state: { values: typedValues(request.body), problems, messageDa: result.messageDa } });
    }
    return reply.redirect(`/kommuner/${result.entry.municipalityCode}/vidensbank?aar=${result.entry.dataYear}&gemt=${result.entry.id}#h-afgoerelser`, 303);
  });

  app.post<EntryParams>("/kommuner/:code/vidensbank/:id/slet", async (request, reply) => {
    const id = entryId(request.params.id);
    if (id === null) return sendRefusalPage(request, reply, noEntry(request.params.id));
    const found = await loadKnowledgeEntryFor(deps, request.caller, request.params.code, id);
    if (found.kind === "refused") return sendRefusalPage(request, reply, found);
    if (formField(request.body, "bekraeft") !== "ja") return entryPage(request, reply, id, { deleteMessageDa: "Sæt flueben for at bekræfte, at afgørelsen skal slettes." });
    const deleted = await deleteKnowledgeEntriesAudited(deps, request.caller, request.params.code, [id]);
    if (deleted.kind === "refused") return sendRefusalPage(request, reply, deleted);
    return reply.redirect(`/kommuner/${found.entry.municipalityCode}/vidensbank?aar=${found.entry.dataYear}&slettet=${id}#h-afgoerelser`, 303);
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
