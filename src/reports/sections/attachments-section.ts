import type { ReportContext } from "../report-context.js";
import type { ReportBlock } from "../report-document.js";

/** "Bilag": the three published maps and their reading guide, as the seeds attach them. */
export function buildAttachmentsSection(ctx: ReportContext): ReportBlock[] {
  return [
    {
      kind: "bullets",
      items: [
        `Omgørelsesprocenter på socialområdet i ${ctx.year} – danmarkskortet på sm.dk`,
        `Omgørelsesprocenter på børnehandicapområdet i ${ctx.year} – danmarkskortet på sm.dk`,
        `Omgørelsesprocenter på voksenhandicapområdet i ${ctx.year} – danmarkskortet på sm.dk`,
        "Læsevejledning til danmarkskortet",
      ],
    },
  ];
}
