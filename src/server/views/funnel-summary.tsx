import type { JSX } from "preact";
import type { FunnelSummaryModel } from "./funnel-summary-model.js";

/** The funnel plot's summary (buildFunnelSummaryModel): the verdicts counted, then the domain's sentences. */
export function FunnelSummaryNote({ summary }: { readonly summary: FunnelSummaryModel | null }): JSX.Element | null {
  if (!summary) return null;
  return (
    <div class="funnel-summary">
      {summary.counts && (
        <ul class="verdict-counts">
          {summary.counts.map((c) => (
            <li data-verdict={c.verdict}>
              {c.labelDa}: {c.countDa}
            </li>
          ))}
        </ul>
      )}
      {summary.sentencesDa.map((s) => (
        <p>{s}</p>
      ))}
    </div>
  );
}
