import { formatInteger, formatPercent } from "../../domain/format-danish-number.js";
import type { RateEstimate } from "../../domain/rate-estimate.js";
import type { ReportBlock } from "../report-document.js";

/**
 * The follow-up of the municipality's published action plans in the agenda item (issue 13, point 4): for
 * each plan that answers an earlier year's map, its focus areas' figures in the item's year, computed from
 * the data (never typed), with the national level and the same plain judgement as the plan's own page.
 * No plan in force, no section.
 */
export type ActionPlanAgendaLine = {
  readonly nameDa: string;
  readonly municipality: RateEstimate;
  readonly national: RateEstimate;
  readonly judgementDa: string;
};

export type ActionPlanAgendaPlan = {
  readonly title: string;
  readonly dataYears: readonly number[];
  readonly goal: string;
  readonly lines: readonly ActionPlanAgendaLine[];
};

export type ActionPlanAgendaSummary = { readonly year: number; readonly plans: readonly ActionPlanAgendaPlan[] };

function rateDa(e: RateEstimate): string {
  if (e.kind !== "estimate") return "ingen sager";
  return `${formatPercent(e.reversalRate)} pct. (${formatInteger(e.reversed)} af ${formatInteger(e.decided)} sager)`;
}

function yearsDa(years: readonly number[]): string {
  return years.length === 1 ? String(years[0]) : `${years.slice(0, -1).join(", ")} og ${years[years.length - 1]}`;
}

export function buildActionPlanFollowUpSection(municipality: string, summary: ActionPlanAgendaSummary | null | undefined): ReportBlock[] {
  if (!summary || summary.plans.length === 0) return [];
  const blocks: ReportBlock[] = [
    { kind: "heading", level: 3, text: "Opfølgning på handleplaner" },
    {
      kind: "paragraph",
      text: `${municipality} har ${summary.plans.length === 1 ? "en handleplan" : `${summary.plans.length} handleplaner`} for den juridiske kvalitet. Tallene for ${summary.year} er opgjort af Ankestyrelsens data for planens fokusområder, med landsplan ved siden af.`,
    },
  ];
  for (const plan of summary.plans) {
    blocks.push({ kind: "paragraph", text: `${plan.title} (svarer på danmarkskortet for ${yearsDa(plan.dataYears)}). Mål: ${plan.goal}`, emphasis: "strong" });
    blocks.push({
      kind: "bullets",
      items: plan.lines.map((l) => `${l.nameDa}: ${rateDa(l.municipality)} i ${summary.year}; landsplan ${rateDa(l.national)}. ${l.judgementDa}`),
    });
  }
  return blocks;
}
