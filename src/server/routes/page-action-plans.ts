import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { renderActionPlanFile } from "../../app/action-plans/action-plan-files.js";
import { listActionPlansWithFollowUp, loadActionPlanWithFollowUp } from "../../app/action-plans/list-action-plans.js";
import { deleteActionPlan, saveActionPlan, type PlanRefusal } from "../../app/action-plans/save-action-plan.js";
import { refuse } from "../../app/use-case-result.js";
import { authorize } from "../../domain/access-policy.js";
import { isActionStatus, type ActionPlanContent, type PlanAction } from "../../domain/action-plan/action-plan.js";
import type { FocusArea } from "../../domain/action-plan/focus-area.js";
import { findMunicipalityByCode } from "../../domain/municipality.js";
import { PdfConversionError, PdfConverterMissingError } from "../../reports/convert-docx-to-pdf.js";
import { openSvgRasterizer } from "../../reports/rasterize-svg.js";
import { buildActionPlanChartModel, renderActionPlanChartTrustedSvg } from "../../viz/action-plan-chart.js";
import type { AppContext } from "../app-context.js";
import { pageAccount, sendRefusalPage } from "../auth/page-account.js";
import { csrfTokenFor } from "../auth/security-plugins.js";
import { formField } from "../form-field.js";
import { renderActionPlanFormPage, renderActionPlansPage, type PlanFormModel } from "../views/action-plans-page.js";
import { actionPlanDepsOf } from "./api-action-plans.js";
import { parseMunicipalityCode } from "../../app/params.js";

function formList(body: unknown, name: string): string[] {
  if (body === null || typeof body !== "object") return [];
  const value = (body as Record<string, unknown>)[name];
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

function yearOf(text: string): number {
  return /^\s*\d{4}\s*$/.test(text) ? Number(text.trim()) : Number.NaN;
}

/** The form's fields as a plan; empty action and evaluation rows are left out, and the use case checks the rest. */
export function planFromForm(body: unknown): ActionPlanContent {
  const dataYears = formField(body, "dataaar")
    .split(/[\s,;]+/)
    .filter((s) => s !== "")
    .map(yearOf);
  const followUpText = formField(body, "opfoelgning_fra").trim();
  const actions: PlanAction[] = [];
  for (let i = 0; i < 50; i++) {
    const text = formField(body, `handling_${i}_tekst`);
    const owner = formField(body, `handling_${i}_ansvarlig`);
    const due = formField(body, `handling_${i}_frist`).trim();
    if (text.trim() === "" && owner.trim() === "" && due === "") continue;
    const status = formField(body, `handling_${i}_status`);
    actions.push({ text, owner, dueDate: due === "" ? null : due, status: isActionStatus(status) ? status : "planned" });
  }
  const focusAreas: FocusArea[] = formList(body, "fokus").map((groupId) => ({ kind: "group", groupId }));
  const subject = formField(body, "fokus_sagsemne");
  if (subject.trim() !== "") focusAreas.push({ kind: "subject", subject, law: formField(body, "fokus_lov") || "Serviceloven" });
  const evaluations: { year: number; text: string }[] = [];
  for (let i = 0; i < 20; i++) {
    const year = formField(body, `evaluering_${i}_aar`);
    const text = formField(body, `evaluering_${i}_tekst`);
    if (year.trim() === "" && text.trim() === "") continue;
    evaluations.push({ year: yearOf(year), text });
  }
  const first = dataYears.filter((y) => Number.isFinite(y));
  return {
    title: formField(body, "titel"),
    basisDecision: formField(body, "baggrund"),
    dataYears,
    followUpFrom: followUpText === "" ? Math.max(2016, (first.length > 0 ? Math.min(...first) : 2018) - 2) : yearOf(followUpText),
    goal: formField(body, "maal"),
    actions,
    focusAreas,
    evaluations,
    status: formField(body, "status") === "offentliggjort" ? "published" : "draft",
  };
}

const EMPTY_PLAN: ActionPlanContent = { title: "", basisDecision: "", dataYears: [], followUpFrom: 0, goal: "", actions: [], focusAreas: [], evaluations: [], status: "draft" };

function html(reply: FastifyReply, page: string, status = 200): FastifyReply {
  return reply.code(status).type("text/html; charset=utf-8").header("cache-control", "private, no-store").send(page);
}

/**
 * The action plans' pages (issue 13): /kommuner/0657/handleplaner lists the plans with their computed
 * follow-up and chart; editors get /ny and /{id}/rediger, whose forms post with the CSRF token every form
 * carries to the same use cases as the API; /{id}.docx and /{id}.pdf download the plan.
 */
export function registerActionPlanPages(app: FastifyInstance, ctx: AppContext): void {
  const deps = actionPlanDepsOf(ctx);
  type CodeParams = { Params: { code: string }; Querystring: { gemt?: string } };
  type PlanParams = { Params: { code: string; id: string } };

  const writeRefusal = (request: FastifyRequest, code: string) => {
    const m = parseMunicipalityCode(code);
    const decision = authorize(request.caller.actor, { action: "action-plan.write", municipalityCode: m.code });
    return decision.allowed ? null : refuse(decision.status, decision.reasonDa);
  };

  function formPage(request: FastifyRequest, reply: FastifyReply, code: string, planId: number | null, values: ActionPlanContent, problems: PlanFormModel["problems"]): string {
    const m = findMunicipalityByCode(code)!;
    return renderActionPlanFormPage({ municipalityCode: m.code, municipalityName: m.name, planId, values, csrfToken: csrfTokenFor(ctx, request, reply), problems, account: pageAccount(request) });
  }

  function refusedForm(request: FastifyRequest, reply: FastifyReply, code: string, planId: number | null, values: ActionPlanContent, result: PlanRefusal): FastifyReply {
    if (result.status !== 400) return sendRefusalPage(request, reply, result);
    const problems = result.issues ?? [{ field: result.field ?? "", messageDa: result.messageDa }];
    // The refused text comes back to its writer for correction; it is not stored, and no cache keeps it.
    return html(reply, formPage(request, reply, code, planId, values, problems), 400);
  }

  app.get<CodeParams>("/kommuner/:code/handleplaner", async (request, reply) => {
    const listing = await listActionPlansWithFollowUp(deps, request.caller, request.params.code);
    if (listing.kind === "refused") return sendRefusalPage(request, reply, listing);
    const plans = listing.plans.map((p) => ({
      ...p,
      chart: renderActionPlanChartTrustedSvg(buildActionPlanChartModel({ municipalityNameDa: `${listing.municipality.name} Kommune`, planTitleDa: p.plan.title, followUp: p.followUp }), `ap-${p.plan.id}`),
    }));
    const saved = request.query.gemt && /^\d{1,12}$/.test(request.query.gemt) ? `Handleplan nr. ${request.query.gemt} er gemt.` : request.query.gemt === "slettet" ? "Handleplanen er slettet." : null;
    return html(
      reply,
      renderActionPlansPage({ municipalityCode: listing.municipality.code, municipalityName: listing.municipality.name, plans, includesDrafts: listing.includesDrafts, mayWrite: listing.mayWrite, account: pageAccount(request), savedNotice: saved }),
    );
  });

  app.get<PlanParams>("/kommuner/:code/handleplaner/ny", async (request, reply) => {
    const refusal = writeRefusal(request, request.params.code);
    if (refusal) return sendRefusalPage(request, reply, refusal);
    return html(reply, formPage(request, reply, request.params.code, null, EMPTY_PLAN, []));
  });

  app.post<PlanParams>("/kommuner/:code/handleplaner", async (request, reply) => {
    const values = planFromForm(request.body);
    const result = await saveActionPlan(deps, request.caller, { municipalityCode: request.params.code, plan: values });
    if (result.kind === "refused") return refusedForm(request, reply, request.params.code, null, values, result);
    return reply.redirect(`/kommuner/${result.plan.municipalityCode}/handleplaner?gemt=${result.plan.id}#handleplan-${result.plan.id}`, 303);
  });

  const planId = (value: string) => (/^[1-9]\d{0,12}$/.test(value) ? Number(value) : null);

  app.get<PlanParams>("/kommuner/:code/handleplaner/:id/rediger", async (request, reply) => {
    const refusal = writeRefusal(request, request.params.code);
    if (refusal) return sendRefusalPage(request, reply, refusal);
    const id = planId(request.params.id);
    if (id === null) return sendRefusalPage(request, reply, refuse(404, `Ukendt handleplan "${request.params.id.slice(0, 20)}".`));
    const found = await loadActionPlanWithFollowUp(deps, request.caller, request.params.code, id);
    if (found.kind === "refused") return sendRefusalPage(request, reply, found);
    return html(reply, formPage(request, reply, request.params.code, id, found.plan, []));
  });

  app.post<PlanParams>("/kommuner/:code/handleplaner/:id", async (request, reply) => {
    const id = planId(request.params.id);
    if (id === null) return sendRefusalPage(request, reply, refuse(404, `Ukendt handleplan "${request.params.id.slice(0, 20)}".`));
    const values = planFromForm(request.body);
    const result = await saveActionPlan(deps, request.caller, { municipalityCode: request.params.code, id, plan: values });
    if (result.kind === "refused") return refusedForm(request, reply, request.params.code, id, values, result);
    return reply.redirect(`/kommuner/${result.plan.municipalityCode}/handleplaner?gemt=${result.plan.id}#handleplan-${result.plan.id}`, 303);
  });

  app.post<PlanParams>("/kommuner/:code/handleplaner/:id/slet", async (request, reply) => {
    const id = planId(request.params.id);
    if (id === null) return sendRefusalPage(request, reply, refuse(404, `Ukendt handleplan "${request.params.id.slice(0, 20)}".`));
    const result = await deleteActionPlan(deps, request.caller, request.params.code, id);
    if (result.kind === "refused") return sendRefusalPage(request, reply, result);
    return reply.redirect(`/kommuner/${findMunicipalityByCode(request.params.code)!.code}/handleplaner?gemt=slettet`, 303);
  });

  for (const format of ["docx", "pdf"] as const) {
    app.get<PlanParams>(`/kommuner/:code/handleplaner/:id.${format}`, async (request, reply) => {
      const id = planId(request.params.id);
      if (id === null) return sendRefusalPage(request, reply, refuse(404, `Ukendt handleplan "${request.params.id.slice(0, 20)}".`));
      // Without the image renderer the document says in words what the chart shows; it is still the plan.
      const rasterizer = await openSvgRasterizer().catch(() => null);
      try {
        const file = await renderActionPlanFile(deps, request.caller, { municipalityCode: request.params.code, id, format }, { rasterizer, pdf: { command: ctx.config.sofficeCommand } });
        if (file.kind === "refused") return sendRefusalPage(request, reply, file);
        return reply.type(file.contentType).header("content-disposition", `attachment; filename="${file.fileName}"`).header("cache-control", "private, no-store").send(file.bytes);
      } catch (error) {
        if (error instanceof PdfConverterMissingError || error instanceof PdfConversionError) return sendRefusalPage(request, reply, { kind: "refused", status: 409, messageDa: `${error.message} Hent handleplanen som Word (DOCX) i stedet.` });
        throw error;
      } finally {
        await rasterizer?.close();
      }
    });
  }
}
