import { describeChanceFlagsDa, describeOverdispersionDa, describeTooFewDa } from "../../domain/funnel-summary-text.js";
import { formatInteger } from "../../domain/format-danish-number.js";
import type { FunnelSummary } from "../../domain/map-figures.js";
import { FUNNEL_VERDICT_SHORT_DA, FUNNEL_VERDICTS } from "../../domain/statistics/funnel-limits.js";
import { escapeHtml } from "../html-page.js";

/**
 * The funnel plot's summary beside every view that shows who is over or under landsplan: the verdicts
 * counted (with "kan ikke vurderes – for få sager" as its own kind), how many municipalities would fall
 * outside by chance alone, and the over-dispersion sentence. The sentences are the domain's, shared with the report.
 */
export function renderFunnelSummaryHtml(summary: FunnelSummary, options: { readonly withCounts?: boolean } = {}): string {
  const sentences = [describeChanceFlagsDa(summary), describeOverdispersionDa(summary), describeTooFewDa(summary)].filter((s): s is string => s !== null);
  if (sentences.length === 0) return "";
  const counts = options.withCounts
    ? `<ul class="verdict-counts">${[...FUNNEL_VERDICTS]
        .reverse()
        .map((v) => `<li data-verdict="${v}">${escapeHtml(FUNNEL_VERDICT_SHORT_DA[v])}: ${formatInteger(summary.verdictCounts[v])}</li>`)
        .join("")}</ul>`
    : "";
  return `<div class="funnel-summary">${counts}${sentences.map((s) => `<p>${escapeHtml(s)}</p>`).join("")}</div>`;
}
