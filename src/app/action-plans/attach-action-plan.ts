import { buildActionPlanDocument, type ActionPlanDocument } from "../../reports/action-plan/action-plan-document.js";
import { listActionPlans } from "../../storage/action-plans.js";
import type { Queryable } from "../../storage/database.js";
import type { Caller } from "../caller.js";
import { refuse, type Refusal } from "../use-case-result.js";
import type { ActionPlanDeps } from "./action-plan-deps.js";
import { loadActionPlanWithFollowUp } from "./list-action-plans.js";

/**
 * Which action plans can go with the agenda item on `year`'s map as a bilag: published plans (the item is a
 * public document, so never a draft) that answer this year's map or an earlier one. A plan for a later map
 * cannot be "in force" for this treatment.
 */
export type AttachablePlan = { readonly id: number; readonly title: string; readonly dataYears: readonly number[] };

export async function listAttachablePlans(db: Queryable, municipalityCode: string, year: number): Promise<AttachablePlan[]> {
  const plans = await listActionPlans(db, municipalityCode, { includeDrafts: false });
  return plans.filter((p) => p.dataYears.length > 0 && Math.min(...p.dataYears) <= year).map((p) => ({ id: p.id, title: p.title, dataYears: p.dataYears }));
}

/**
 * The plan's document for the agenda item's bilag, with its follow-up computed from the active versions as
 * its own DOCX is (action-plan-files.ts), but without the chart image: the item draws its own figures.
 * Refused, in Danish, for a plan that is not the municipality's, not published, or answers a later map.
 */
export async function loadPlanForAgendaItem(
  deps: Pick<ActionPlanDeps, "db" | "figures" | "now">,
  caller: Caller,
  input: { readonly municipalityCode: string; readonly id: number; readonly year: number },
): Promise<{ kind: "plan"; document: ActionPlanDocument } | Refusal> {
  const found = await loadActionPlanWithFollowUp(deps, caller, input.municipalityCode, input.id);
  if (found.kind === "refused") return found;
  if (found.plan.status !== "published") {
    return refuse(400, `Handleplan nr. ${input.id} er en kladde. Kun en offentliggjort handleplan kan vedlægges dagsordenpunktet som bilag.`);
  }
  const first = Math.min(...found.plan.dataYears);
  if (!(first <= input.year)) {
    return refuse(400, `Handleplan nr. ${input.id} svarer på danmarkskortet for ${found.plan.dataYears.join(", ")} og kan ikke vedlægges dagsordenpunktet for ${input.year}.`);
  }
  return { kind: "plan", document: buildActionPlanDocument({ plan: found.plan, followUp: found.followUp, versions: found.versions, madeAt: deps.now().toISOString(), withChart: false }) };
}
