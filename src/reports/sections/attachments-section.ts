import type { ReportContext } from "../report-context.js";
import type { ReportBlock } from "../report-document.js";

/**
 * "Bilag": the bilag that follow the item (the optional sections the user placed there, numbered), then the
 * three published maps and their reading guide, as the seeds attach them.
 */
export function buildAttachmentsSection(ctx: ReportContext, appendixTitles: readonly string[] = []): ReportBlock[] {
  return [
    {
      kind: "bullets",
      items: [
        ...appendixTitles.map((t, i) => `Bilag ${i + 1}: ${t}`),
        `Omgørelsesprocenter på socialområdet i ${ctx.year} – danmarkskortet på sm.dk`,
        `Omgørelsesprocenter på børnehandicapområdet i ${ctx.year} – danmarkskortet på sm.dk`,
        `Omgørelsesprocenter på voksenhandicapområdet i ${ctx.year} – danmarkskortet på sm.dk`,
        "Læsevejledning til danmarkskortet",
      ],
    },
  ];
}
