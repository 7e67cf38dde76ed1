import { authorize, type Permission } from "../../domain/access-policy.js";
import { normaliseActionPlan, planTextFields, validateActionPlan, type ActionPlan, type ActionPlanContent, type ActionPlanIssue } from "../../domain/action-plan/action-plan.js";
import { checkFreeTextForCpr } from "../../domain/cpr-number.js";
import { findMunicipalityByCode, type Municipality } from "../../domain/municipality.js";
import { deleteActionPlan as deleteStoredPlan, insertActionPlan, loadActionPlan, updateActionPlan } from "../../storage/action-plans.js";
import { recordAuditEvent } from "../audit/record-audit-event.js";
import type { Caller } from "../caller.js";
import { refuseCpr } from "../cpr-guard.js";
import { refuse, type Refusal } from "../use-case-result.js";
import type { ActionPlanDeps } from "./action-plan-deps.js";

/** A refusal with every problem of the plan, the first as its message (a form shows each on its field). */
export type PlanRefusal = Refusal & { readonly issues?: readonly ActionPlanIssue[] };

/** Authorizes the caller for one municipality and logs a denial: who, what, through which door. */
export function authorizePlans(deps: Pick<ActionPlanDeps, "securityLog">, caller: Caller, action: "action-plan.write" | "municipality.read-internal", municipalityCode: string): { kind: "ok"; municipality: Municipality } | Refusal {
  const municipality = findMunicipalityByCode(municipalityCode);
  if (!municipality) return refuse(404, `Ukendt kommune "${municipalityCode.slice(0, 20)}".`);
  const permission: Permission = { action, municipalityCode: municipality.code };
  const decision = authorize(caller.actor, permission);
  if (!decision.allowed) {
    deps.securityLog.record({ event: "access-denied", action, municipalityCode: municipality.code, actor: caller.actor.kind === "user" ? caller.actor.userId : caller.actor.kind, channel: caller.channel });
    return refuse(decision.status, decision.reasonDa);
  }
  return { kind: "ok", municipality };
}

/** What the audit trail keeps of a plan: its content as written (a plan holds no citizen's data; the CPR guard sees to that). */
function audited(plan: ActionPlanContent | null): ActionPlanContent | null {
  if (plan === null) return null;
  const { title, basisDecision, dataYears, followUpFrom, goal, actions, focusAreas, evaluations, status } = plan;
  return { title, basisDecision, dataYears, followUpFrom, goal, actions, focusAreas, evaluations, status };
}

export type SaveActionPlanInput = {
  readonly municipalityCode: string;
  /** Absent: a new plan. Present: replaces that plan of the municipality. */
  readonly id?: number;
  readonly plan: ActionPlanContent;
};

/**
 * Creates or replaces an action plan. Only the municipality's editors (and the operator) write; every
 * free-text field is checked for CPR numbers before anything is stored; the write and its audit event
 * share one transaction.
 */
export async function saveActionPlan(deps: ActionPlanDeps, caller: Caller, input: SaveActionPlanInput): Promise<{ kind: "saved"; plan: ActionPlan; before: ActionPlan | null } | PlanRefusal> {
  const auth = authorizePlans(deps, caller, "action-plan.write", input.municipalityCode);
  if (auth.kind === "refused") return auth;
  const code = auth.municipality.code;
  for (const field of planTextFields(input.plan)) {
    const cpr = checkFreeTextForCpr(field.fieldDa, field.text);
    if (cpr) return refuseCpr(deps, caller, cpr);
  }
  const issues = validateActionPlan(input.plan);
  if (issues.length > 0) return { ...refuse(400, issues[0]!.messageDa, { field: issues[0]!.field }), issues };
  const plan = normaliseActionPlan(input.plan);
  const now = deps.now();
  const at = now.toISOString();
  return deps.db.transaction(async (tx) => {
    const before = input.id === undefined ? null : await loadActionPlan(tx, input.id);
    if (input.id !== undefined && (before === null || before.municipalityCode !== code)) {
      return refuse(404, `${auth.municipality.name} har ingen handleplan med nummer ${input.id}.`);
    }
    const id = before === null ? await insertActionPlan(tx, code, plan, at) : (await updateActionPlan(tx, before.id, plan, at), before.id);
    const saved = (await loadActionPlan(tx, id))!;
    const action = before === null ? "actionplan.create" : plan.status === "published" && before.status !== "published" ? "actionplan.publish" : "actionplan.update";
    await recordAuditEvent(tx, caller, now, { action, municipalityCode: code, subject: `handleplan ${code}/${id}`, before: audited(before), after: audited(saved) });
    return { kind: "saved" as const, plan: saved, before };
  });
}

/** Deletes a plan of the municipality, with its before-image in the audit trail, in one transaction. */
export async function deleteActionPlan(deps: ActionPlanDeps, caller: Caller, municipalityCode: string, id: number): Promise<{ kind: "deleted" } | Refusal> {
  const auth = authorizePlans(deps, caller, "action-plan.write", municipalityCode);
  if (auth.kind === "refused") return auth;
  const code = auth.municipality.code;
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const before = await loadActionPlan(tx, id);
    if (before === null || before.municipalityCode !== code) return refuse(404, `${auth.municipality.name} har ingen handleplan med nummer ${id}.`);
    await deleteStoredPlan(tx, id);
    await recordAuditEvent(tx, caller, now, { action: "actionplan.delete", municipalityCode: code, subject: `handleplan ${code}/${id}`, before: audited(before), after: null });
    return { kind: "deleted" as const };
  });
}
