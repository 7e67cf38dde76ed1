import { formatInteger } from "../../domain/format-danish-number.js";
import { describeChanceFlagsDa, describeOverdispersionDa, describeTooFewDa } from "../../domain/funnel-summary-text.js";
import type { FunnelSummary } from "../../domain/map-figures.js";
import { FUNNEL_VERDICT_SHORT_DA, FUNNEL_VERDICTS, type FunnelVerdict } from "../../domain/statistics/funnel-limits.js";

/** The funnel plot's verdicts counted and its sentences; null when it has nothing to say. */
export type FunnelSummaryModel = {
  readonly counts:
    readonly { readonly verdict: FunnelVerdict; readonly labelDa: string; readonly countDa: string }[] | null;
  readonly sentencesDa: readonly string[];
};

/**
 * The funnel plot's summary beside every view that shows who is over or under landsplan: the verdicts
 * counted (with "kan ikke vurderes – for få sager" as its own kind), how many municipalities would fall
 * outside by chance alone, and the over-dispersion sentence. The sentences are the domain's, shared with the report.
 */
export function buildFunnelSummaryModel(
  summary: FunnelSummary,
  options: { readonly withCounts?: boolean } = {},
): FunnelSummaryModel | null {
  const sentencesDa = [
    describeChanceFlagsDa(summary),
    describeOverdispersionDa(summary),
    describeTooFewDa(summary),
  ].filter((s): s is string => s !== null);
  if (sentencesDa.length === 0) return null;
  const counts = options.withCounts
    ? [...FUNNEL_VERDICTS].reverse().map((v) => ({
        verdict: v,
        labelDa: FUNNEL_VERDICT_SHORT_DA[v],
        countDa: formatInteger(summary.verdictCounts[v]),
      }))
    : null;
  return { counts, sentencesDa };
}
