import { authorize } from "../../domain/access-policy.js";
import type { ActionPlan } from "../../domain/action-plan/action-plan.js";
import { computeActionPlanFollowUp, type ActionPlanFollowUp } from "../../domain/action-plan/action-plan-follow-up.js";
import type { DatasetProvenance, YearProvenance } from "../../domain/complaint-cell.js";
import { findMunicipalityByCode, type Municipality, type MunicipalityCode } from "../../domain/municipality.js";
import { listActionPlans as listStoredPlans, loadActionPlan } from "../../storage/action-plans.js";
import { computePlanKnowledgeFollowUp, type PlanKnowledgeFollowUp } from "../../domain/action-plan/knowledge-follow-up.js";
import { listKnowledgeEntries, loadKnowledgeSetting, loadReasonTaxonomy } from "../../storage/knowledge-entries.js";
import type { Queryable } from "../../storage/database.js";
import type { Caller } from "../caller.js";
import { refuse, type Refusal } from "../use-case-result.js";
import type { ActionPlanDeps, FollowUpFigures } from "./action-plan-deps.js";

/** A plan with its follow-up and the dataset version behind each of its years (every figure knows its source). */
export type PlanWithFollowUp = {
  readonly plan: ActionPlan;
  readonly followUp: ActionPlanFollowUp;
  readonly versions: readonly (YearProvenance & { readonly year: number; readonly revision: DatasetProvenance | null })[];
  /** True when a figure of the follow-up is demo data: say DEMO_NOTICE_DA beside it. */
  readonly isDemo: boolean;
  /** What the knowledge bank holds for the focus areas; absent where the caller may see none of it. */
  readonly knowledge?: PlanKnowledgeFollowUp;
};

export type PlanListing = {
  readonly kind: "plans";
  readonly municipality: Municipality;
  readonly plans: readonly PlanWithFollowUp[];
  /** Drafts are included (the caller may read the municipality's internal material). */
  readonly includesDrafts: boolean;
  readonly mayWrite: boolean;
};

export function withFollowUp(plan: ActionPlan, figures: FollowUpFigures): PlanWithFollowUp {
  const followUp = computeActionPlanFollowUp(plan, plan.municipalityCode, { totals: figures.totals, revisedTotals: figures.revisedTotals });
  const versions = followUp.years.flatMap((year) => {
    const v = figures.versionsByYear.get(year);
    return v ? [{ ...v, year }] : [];
  });
  return { plan, followUp, versions, isDemo: versions.some((v) => v.isDemo) };
}

function mayReadInternal(caller: Caller, code: MunicipalityCode): boolean {
  return authorize(caller.actor, { action: "municipality.read-internal", municipalityCode: code }).allowed;
}

/**
 * The knowledge bank's counts for a plan's focus areas over its follow-up years: exact for those who may
 * read the bank (the municipality's users, tilsyn), with counts under 3 suppressed for others when the
 * municipality publishes its aggregate, and nothing otherwise (issue 14, point 3).
 */
async function withKnowledge(db: Queryable, caller: Caller, p: PlanWithFollowUp): Promise<PlanWithFollowUp> {
  const code = p.plan.municipalityCode;
  const exact = authorize(caller.actor, { action: "knowledge.read", municipalityCode: code }).allowed;
  if (!exact && !(await loadKnowledgeSetting(db, code)).publishAggregate) return p;
  const [entries, reasons] = await Promise.all([listKnowledgeEntries(db, code), loadReasonTaxonomy(db)]);
  if (!entries.some((e) => e.status === "approved")) return p;
  return { ...p, knowledge: computePlanKnowledgeFollowUp(p.plan, { entries, years: p.followUp.years, reasons, exact }) };
}

/**
 * A municipality's action plans with their follow-up computed from the active dataset versions. Everyone sees
 * the published plans; drafts only those who may read the municipality's internal material.
 */
export async function listActionPlansWithFollowUp(deps: Pick<ActionPlanDeps, "db" | "figures">, caller: Caller, municipalityCode: string): Promise<PlanListing | Refusal> {
  const municipality = findMunicipalityByCode(municipalityCode);
  if (!municipality) return refuse(404, `Ukendt kommune "${municipalityCode.slice(0, 20)}".`);
  const includesDrafts = mayReadInternal(caller, municipality.code);
  const [plans, figures] = await Promise.all([listStoredPlans(deps.db, municipality.code, { includeDrafts: includesDrafts }), deps.figures()]);
  return {
    kind: "plans",
    municipality,
    plans: await Promise.all(plans.map((p) => withKnowledge(deps.db, caller, withFollowUp(p, figures)))),
    includesDrafts,
    mayWrite: authorize(caller.actor, { action: "action-plan.write", municipalityCode: municipality.code }).allowed,
  };
}

/** One plan of the municipality with its follow-up; a draft reads as not found to those who may not see it. */
export async function loadActionPlanWithFollowUp(deps: Pick<ActionPlanDeps, "db" | "figures">, caller: Caller, municipalityCode: string, id: number): Promise<({ kind: "plan"; municipality: Municipality; mayWrite: boolean } & PlanWithFollowUp) | Refusal> {
  const municipality = findMunicipalityByCode(municipalityCode);
  if (!municipality) return refuse(404, `Ukendt kommune "${municipalityCode.slice(0, 20)}".`);
  const plan = await loadActionPlan(deps.db, id);
  // A draft of someone else's municipality must not even be confirmed to exist.
  if (plan === null || plan.municipalityCode !== municipality.code || (plan.status === "draft" && !mayReadInternal(caller, municipality.code))) {
    return refuse(404, `${municipality.name} har ingen handleplan med nummer ${id}.`);
  }
  return {
    kind: "plan",
    municipality,
    mayWrite: authorize(caller.actor, { action: "action-plan.write", municipalityCode: municipality.code }).allowed,
    ...(await withKnowledge(deps.db, caller, withFollowUp(plan, await deps.figures()))),
  };
}
