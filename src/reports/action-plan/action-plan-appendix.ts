import type { ReportBlock } from "../report-document.js";
import type { ActionPlanDocument } from "./action-plan-document.js";

/**
 * An action plan attached to the agenda item as a bilag (issue 13, item 4; seed: Allerød 2025, the plan as
 * bilag 2 of the decision item). The bilag is the plan's own document — the same sections, figures and
 * sources as its DOCX — so the council reads one text, not a summary that could drift from it. Its tables
 * are renumbered in the item's sequence: the item already has a "Tabel 1".
 */
export type AttachedPlanAppendix = { readonly title: string; readonly blocks: readonly ReportBlock[] };

/** "Handleplan for danmarkskortet 2021" stays as it is; a title without the word gets it in front. */
export function planAppendixTitle(planTitle: string): string {
  return /^handle?plan/i.test(planTitle.trim()) ? planTitle.trim() : `Handleplan: ${planTitle.trim()}`;
}

export function buildPlanAppendix(doc: ActionPlanDocument, nextTableLabel: () => string): AttachedPlanAppendix {
  const blocks: ReportBlock[] = [{ kind: "paragraph", text: doc.subtitle, emphasis: "note" }];
  if (doc.demoNotice) blocks.push({ kind: "paragraph", text: doc.demoNotice, emphasis: "strong" });
  for (const section of doc.sections) {
    blocks.push({ kind: "heading", level: 3, text: section.heading });
    for (const b of section.blocks) {
      // A figure would need the plan's chart among the item's images; the follow-up table carries the same figures.
      if (b.kind === "figure") continue;
      blocks.push(b.kind === "table" ? { ...b, label: nextTableLabel() } : b);
    }
  }
  return { title: planAppendixTitle(doc.title), blocks };
}
