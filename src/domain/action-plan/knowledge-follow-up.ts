import { classifyEntry, type KnowledgeEntry } from "../knowledge/knowledge-entry.js";
import { suppress, type AggregateCell } from "../knowledge/public-aggregate.js";
import type { ReasonDefinition } from "../knowledge/reason-taxonomy.js";
import { DEFAULT_MAP_RULES, type MapRuleTable } from "../map-rules.js";
import type { ActionPlanContent } from "./action-plan.js";
import { FOCUS_AREA_GROUPS, type FocusAreaGroup } from "./focus-area-groups.js";
import { createFocusAreaMatcher, focusAreaKey, focusAreaNameDa } from "./focus-area.js";

export type KnowledgeReasonCount = { readonly code: string; readonly labelDa: string; readonly cell: AggregateCell };

export type KnowledgeFocusYear = {
  readonly year: number;
  /** Approved entries of the year in the focus area. */
  readonly entries: AggregateCell;
  /** Their reasons, most frequent first (an entry may have several). */
  readonly byReason: readonly KnowledgeReasonCount[];
};

export type KnowledgeFocusArea = { readonly key: string; readonly nameDa: string; readonly years: readonly KnowledgeFocusYear[] };

/**
 * What the municipality's knowledge bank says about an action plan's focus areas (issue 14, point 3): per
 * focus area and year, how many approved entries it has and why they were reversed. The entries are matched
 * to the focus areas by the same dated classification as the statistics (classifyEntry → the focus area's
 * matcher), so an entry counts where the figures count its subject. `exact` is for those who may read the
 * bank; anyone else gets the published aggregate's rule: every count under 3 as "<3".
 */
export type PlanKnowledgeFollowUp = { readonly exact: boolean; readonly areas: readonly KnowledgeFocusArea[] };

export function computePlanKnowledgeFollowUp(
  plan: Pick<ActionPlanContent, "focusAreas">,
  input: {
    readonly entries: readonly KnowledgeEntry[];
    readonly years: readonly number[];
    readonly reasons: readonly ReasonDefinition[];
    readonly exact: boolean;
    readonly rules?: MapRuleTable;
    readonly groups?: readonly FocusAreaGroup[];
  },
): PlanKnowledgeFollowUp {
  const rules = input.rules ?? DEFAULT_MAP_RULES;
  const groups = input.groups ?? FOCUS_AREA_GROUPS;
  // A zero points at nobody, so it is shown as 0 also where small counts are suppressed.
  const cell = (n: number): AggregateCell => (input.exact || n === 0 ? { kind: "count", count: n } : suppress(n));
  const approved = input.entries
    .filter((e) => e.status === "approved" && input.years.includes(e.dataYear))
    .map((e) => ({ entry: e, classification: classifyEntry(e, rules), subject: e.provision.trim() === "" ? e.subject : `${e.subject} ${e.provision}` }));
  const areas = plan.focusAreas.map((area): KnowledgeFocusArea => {
    const matches = createFocusAreaMatcher(area, groups);
    const inArea = approved.filter((a) => matches({ subject: a.subject, law: a.entry.law, year: a.entry.dataYear }, a.classification));
    const years = input.years.map((year): KnowledgeFocusYear => {
      const ofYear = inArea.filter((a) => a.entry.dataYear === year);
      const counts = new Map<string, number>();
      for (const a of ofYear) for (const code of a.entry.reasonCodes) counts.set(code, (counts.get(code) ?? 0) + 1);
      const byReason = [...counts]
        .map(([code, n]) => ({ code, labelDa: input.reasons.find((r) => r.code === code)?.labelDa ?? code, n }))
        .sort((x, y) => y.n - x.n || x.labelDa.localeCompare(y.labelDa, "da"))
        .map(({ code, labelDa, n }) => ({ code, labelDa, cell: cell(n) }));
      return { year, entries: cell(ofYear.length), byReason };
    });
    return { key: focusAreaKey(area), nameDa: focusAreaNameDa(area, groups), years };
  });
  return { exact: input.exact, areas };
}
