import type { FastifyInstance, FastifyReply } from "fastify";
import type { ActionPlanDeps } from "../../app/action-plans/action-plan-deps.js";
import { listActionPlansWithFollowUp, loadActionPlanWithFollowUp, withFollowUp, type PlanWithFollowUp } from "../../app/action-plans/list-action-plans.js";
import { deleteActionPlan, saveActionPlan, type PlanRefusal } from "../../app/action-plans/save-action-plan.js";
import type { ActionPlanContent, ActionStatus, PlanStatus } from "../../domain/action-plan/action-plan.js";
import { toActionPlanRecord } from "../../domain/action-plan/action-plan-record.js";
import { FOCUS_AREA_GROUPS, formatParagraphSpan } from "../../domain/action-plan/focus-area-groups.js";
import type { FocusArea } from "../../domain/action-plan/focus-area.js";
import type { ApiError } from "../api-types.js";
import { accountDepsOf, type AppContext } from "../app-context.js";
import { resolveApiCaller } from "../auth/request-caller.js";
import { toDatasetVersionInfo } from "./figures-cache.js";
import { sendError, sendRefusal, writeCaller } from "./api-writes.js";
import { ACTION_PLAN_ROUTES } from "../api-schemas/action-plans-routes.js";
import type { TypedRequests } from "../api-schemas/schema-kit.js";

/** The use cases' slice, with the server's cache of the active versions as the follow-up's figures. */
export function actionPlanDepsOf(ctx: AppContext): ActionPlanDeps {
  const cache = ctx.figures;
  return { ...accountDepsOf(ctx), figures: () => cache.current() };
}

/** The plan as the API answers it: content, computed follow-up, the version behind each year. */
export function actionPlanJson(p: PlanWithFollowUp) {
  return {
    ...toActionPlanRecord(p.plan, p.followUp),
    datasetVersions: p.versions.map((v) => toDatasetVersionInfo(v.year, v, v.revision ?? undefined)),
    isDemo: p.isDemo,
  };
}

export type ActionPlanBodyJson = {
  title: string;
  basisDecision?: string;
  dataYears: number[];
  followUpFrom?: number;
  goal: string;
  actions?: { text: string; owner?: string; dueDate?: string | null; status: ActionStatus }[];
  focusAreas: FocusArea[];
  evaluations?: { year: number; text: string }[];
  status: PlanStatus;
};

/**
 * The follow-up starts two years before the plan's first data year unless the body says otherwise: the
 * seed's plan for the 2021 map shows 2019, 2020 and 2021. Never before the first map (2016).
 */
export function planContentOf(body: ActionPlanBodyJson): ActionPlanContent {
  return {
    title: body.title,
    basisDecision: body.basisDecision ?? "",
    dataYears: body.dataYears,
    followUpFrom: body.followUpFrom ?? Math.max(2016, Math.min(...body.dataYears) - 2),
    goal: body.goal,
    actions: (body.actions ?? []).map((a) => ({ text: a.text, owner: a.owner ?? "", dueDate: a.dueDate ?? null, status: a.status })),
    focusAreas: body.focusAreas,
    evaluations: body.evaluations ?? [],
    status: body.status,
  };
}

function sendPlanRefusal(reply: FastifyReply, refusal: PlanRefusal): FastifyReply {
  if (refusal.status !== 400 || !refusal.issues) return sendRefusal(reply, refusal);
  const body: ApiError & { issues: readonly { field: string; messageDa: string }[] } = { error: "ugyldigt-indhold", message: refusal.messageDa, issues: refusal.issues };
  return reply.code(400).send(body);
}

function parseId(value: string, reply: FastifyReply): number | null {
  if (/^[1-9]\d{0,15}$/.test(value) && Number.isSafeInteger(Number(value))) return Number(value);
  sendError(reply, 400, "ugyldigt-nummer", `Handleplanens nummer skal være et positivt heltal, ikke "${value.slice(0, 20)}".`);
  return null;
}

/**
 * /api/v1 for action plans (issue 13, item 5): reads answer everyone (drafts only with a token of the
 * municipality's own users, tilsyn or admin); writes need a Bearer token and are the web form's use cases,
 * so role check, CPR guard and audit trail are the same.
 */
export function registerApiActionPlans(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<TypedRequests>();
  const deps = actionPlanDepsOf(ctx);

  api.get("/api/v1/action-plan-focus-areas", { schema: ACTION_PLAN_ROUTES["GET /api/v1/action-plan-focus-areas"] }, async (_request, reply) =>
    reply.send({
      groups: FOCUS_AREA_GROUPS.map((g) => ({
        id: g.id,
        nameDa: g.nameDa,
        map: g.map,
        ...(g.noteDa ? { noteDa: g.noteDa } : {}),
        rules: g.rules.map((r) => ({
          law: r.law,
          paragraphs: r.paragraphs.map(formatParagraphSpan),
          validFrom: r.valid.from,
          validTo: r.valid.to,
          source: r.source,
        })),
      })),
    }),
  );

  api.get("/api/v1/municipalities/:code/action-plans", { schema: ACTION_PLAN_ROUTES["GET /api/v1/municipalities/:code/action-plans"] }, async (request, reply) => {
    const caller = await resolveApiCaller(ctx, request);
    if (caller === null) return sendError(reply, 401, "ugyldig-noegle", "API-nøglen er ukendt, tilbagekaldt eller udløbet. Lav en ny under Dine API-nøgler.");
    const listing = await listActionPlansWithFollowUp(deps, caller, request.params.code);
    if (listing.kind === "refused") return sendRefusal(reply, listing);
    if (listing.includesDrafts) reply.header("cache-control", "private, no-store");
    return reply.send({ municipalityCode: listing.municipality.code, municipalityName: listing.municipality.name, plans: listing.plans.map(actionPlanJson), includesDrafts: listing.includesDrafts });
  });

  api.get("/api/v1/municipalities/:code/action-plans/:id", { schema: ACTION_PLAN_ROUTES["GET /api/v1/municipalities/:code/action-plans/:id"] }, async (request, reply) => {
    const id = parseId(request.params.id, reply);
    if (id === null) return reply;
    const caller = await resolveApiCaller(ctx, request);
    if (caller === null) return sendError(reply, 401, "ugyldig-noegle", "API-nøglen er ukendt, tilbagekaldt eller udløbet. Lav en ny under Dine API-nøgler.");
    const found = await loadActionPlanWithFollowUp(deps, caller, request.params.code, id);
    if (found.kind === "refused") return sendRefusal(reply, found);
    if (found.plan.status === "draft") reply.header("cache-control", "private, no-store");
    return reply.send(actionPlanJson(found));
  });

  api.post("/api/v1/municipalities/:code/action-plans", { schema: ACTION_PLAN_ROUTES["POST /api/v1/municipalities/:code/action-plans"], attachValidation: true }, async (request, reply) => {
    const caller = await writeCaller(ctx, request, reply);
    if (!caller) return reply;
    const result = await saveActionPlan(deps, caller, { municipalityCode: request.params.code, plan: planContentOf(request.body) });
    if (result.kind === "refused") return sendPlanRefusal(reply, result);
    return reply.code(201).send(actionPlanJson(withFollowUp(result.plan, await deps.figures())));
  });

  api.put("/api/v1/municipalities/:code/action-plans/:id", { schema: ACTION_PLAN_ROUTES["PUT /api/v1/municipalities/:code/action-plans/:id"], attachValidation: true }, async (request, reply) => {
    const caller = await writeCaller(ctx, request, reply);
    if (!caller) return reply;
    const id = parseId(request.params.id, reply);
    if (id === null) return reply;
    const result = await saveActionPlan(deps, caller, { municipalityCode: request.params.code, id, plan: planContentOf(request.body) });
    if (result.kind === "refused") return sendPlanRefusal(reply, result);
    return reply.send(actionPlanJson(withFollowUp(result.plan, await deps.figures())));
  });

  api.delete("/api/v1/municipalities/:code/action-plans/:id", { schema: ACTION_PLAN_ROUTES["DELETE /api/v1/municipalities/:code/action-plans/:id"], attachValidation: true }, async (request, reply) => {
    const caller = await writeCaller(ctx, request, reply);
    if (!caller) return reply;
    const id = parseId(request.params.id, reply);
    if (id === null) return reply;
    const result = await deleteActionPlan(deps, caller, request.params.code, id);
    if (result.kind === "refused") return sendRefusal(reply, result);
    return reply.send({ deleted: true });
  });
}
