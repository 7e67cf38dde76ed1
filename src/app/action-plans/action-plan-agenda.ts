import { computeActionPlanFollowUp } from "../../domain/action-plan/action-plan-follow-up.js";
import type { CellTotals } from "../../domain/cell-totals.js";
import { listActionPlans } from "../../storage/action-plans.js";
import type { Queryable } from "../../storage/database.js";
import type { ActionPlanAgendaSummary } from "../../reports/sections/action-plan-follow-up-section.js";

/**
 * The published action plans in force for an agenda item on `year`'s map: plans that answer an earlier
 * year's map, with each focus area's figures in `year` from the active versions (the combined row first
 * where a plan has several areas). Drafts are never in the item: it is a public document. Null: none.
 */
export async function loadActionPlanAgendaSummary(db: Queryable, figures: { readonly totals: CellTotals; readonly revisedTotals?: CellTotals }, municipalityCode: string, year: number): Promise<ActionPlanAgendaSummary | null> {
  const plans = (await listActionPlans(db, municipalityCode, { includeDrafts: false })).filter((p) => p.dataYears.length > 0 && Math.min(...p.dataYears) < year);
  const summarised = plans.flatMap((plan) => {
    const followUp = computeActionPlanFollowUp(plan, plan.municipalityCode, { totals: figures.totals, ...(figures.revisedTotals ? { revisedTotals: figures.revisedTotals } : {}) });
    const lines = [...(followUp.combined ? [followUp.combined] : []), ...followUp.areas].flatMap((area) => {
      const y = area.years.find((x) => x.year === year);
      return y ? [{ nameDa: area.nameDa, municipality: y.municipality, national: y.national, judgementDa: y.judgementDa }] : [];
    });
    return lines.length === 0 ? [] : [{ title: plan.title, dataYears: plan.dataYears, goal: plan.goal, lines }];
  });
  return summarised.length === 0 ? null : { year, plans: summarised };
}
