import type { ReportContext } from "../report-context.js";
import type { ReportBlock } from "../report-document.js";

/** Where the case goes: the bodies that usually treat it (domain/council-treatment.ts) and the deadline. */
export function buildProcessSection(ctx: ReportContext): ReportBlock[] {
  const t = ctx.treatment;
  return [
    { kind: "heading", level: 3, text: "Sagens videre behandling" },
    {
      kind: "paragraph",
      text: `Sagen forelægges normalt i denne rækkefølge, så Byrådet kan behandle danmarkskortet inden fristen den ${t.deadlineDa}:`,
    },
    { kind: "bullets", items: t.bodies.map((b) => `${b.nameDa}: ${b.descriptionDa}.`) },
  ];
}
