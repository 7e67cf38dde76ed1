import type { CellTotals } from "../domain/cell-totals.js";
import type { DatasetProvenance } from "../domain/complaint-cell.js";
import { buildMunicipalityProfile } from "../domain/municipality-profile.js";
import type { MunicipalityCode } from "../domain/municipality.js";
import type { AgendaItemFigures } from "./agenda-item-figures.js";
import { buildAgendaItemModel, type AgendaItemModel } from "./agenda-item-model.js";
import { figuresFromProfile } from "./figures-from-profile.js";
import type { ReportBody } from "./report-context.js";
import type { ReportImages } from "./report-images.js";
import { renderAgendaItemDocx } from "./render-agenda-item-docx.js";
import { renderAgendaItemHtml } from "./render-agenda-item-html.js";
import { renderAgendaItemMarkdown } from "./render-agenda-item-markdown.js";

export type ReportFormat = "docx" | "pdf" | "html" | "md";

export const REPORT_FORMATS: readonly ReportFormat[] = ["docx", "pdf", "html", "md"];

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}

export const REPORT_CONTENT_TYPES: Readonly<Record<ReportFormat, string>> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  html: "text/html; charset=utf-8",
  md: "text/markdown; charset=utf-8",
};

export type AgendaItemOptions = {
  readonly body?: ReportBody;
  readonly caseNumber?: string;
  readonly caseworker?: string;
  readonly includeFigures?: boolean;
};

/** Profile → figures → model for one municipality; `totals` is indexed once per batch. */
export function buildAgendaItemFor(
  totals: CellTotals,
  provenanceByYear: ReadonlyMap<number, DatasetProvenance>,
  code: MunicipalityCode,
  year: number,
  options: AgendaItemOptions = {},
): { readonly model: AgendaItemModel; readonly figures: AgendaItemFigures } {
  const figures = figuresFromProfile(buildMunicipalityProfile(totals, code, { year }), year);
  return { figures, model: buildAgendaItemModel({ figures, provenanceByYear, ...options }) };
}

/** The file for every format but PDF (which is made from the DOCX by convert-docx-to-pdf.ts). */
export async function renderAgendaItemFile(model: AgendaItemModel, images: ReportImages, format: Exclude<ReportFormat, "pdf">): Promise<Buffer> {
  switch (format) {
    case "docx":
      return renderAgendaItemDocx(model, images);
    case "html":
      return Buffer.from(renderAgendaItemHtml(model, images), "utf8");
    case "md": {
      const sources = new Map([...images].map(([id, img]) => [id, `data:image/svg+xml;base64,${Buffer.from(img.svg).toString("base64")}`]));
      return Buffer.from(renderAgendaItemMarkdown(model, sources), "utf8");
    }
  }
}
