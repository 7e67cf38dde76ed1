import type { ReportContext } from "../report-context.js";
import type { ReportBlock } from "../report-document.js";

/** The datasets behind the figures: file, version, extraction and import date (style.md: figures know their source). */
export function buildDataSourceSection(ctx: ReportContext): ReportBlock[] {
  return [{ kind: "heading", level: 3, text: "Datagrundlag" }, ...ctx.sourceLines.map((text) => ({ kind: "paragraph" as const, text }))];
}
