import { municipalityDisplayName } from "../../reports/municipality-display-name.js";
import { buildActionPlanDocument } from "../../reports/action-plan/action-plan-document.js";
import { renderActionPlanDocx } from "../../reports/action-plan/render-action-plan-docx.js";
import { convertDocxToPdf, type PdfConverterOptions } from "../../reports/convert-docx-to-pdf.js";
import type { SvgRasterizer } from "../../reports/rasterize-svg.js";
import { NO_IMAGES } from "../../reports/report-images.js";
import { buildActionPlanChartModel, renderActionPlanChartSvg } from "../../viz/action-plan-chart.js";
import type { Caller } from "../caller.js";
import type { Refusal } from "../use-case-result.js";
import type { ActionPlanDeps } from "./action-plan-deps.js";
import { loadActionPlanWithFollowUp, type PlanWithFollowUp } from "./list-action-plans.js";

export type PlanFileFormat = "docx" | "pdf";

export type PlanFile = { readonly kind: "file"; readonly bytes: Buffer; readonly fileName: string; readonly contentType: string };

const CONTENT_TYPES: Readonly<Record<PlanFileFormat, string>> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
};

/** The plan's chart as SVG, drawn by the shared viz renderer (the plan's page draws the same). */
export function actionPlanChart(p: PlanWithFollowUp, idPrefix = "ap"): { svg: string; width: number; height: number } {
  const model = buildActionPlanChartModel({ municipalityNameDa: municipalityDisplayName(p.plan.municipalityCode), planTitleDa: p.plan.title, followUp: p.followUp });
  return { svg: renderActionPlanChartSvg(model, idPrefix), width: model.width, height: model.height };
}

/**
 * The plan as DOCX or PDF (issue 13, item 4): the document model from the computed follow-up, the chart as a
 * PNG where a rasterizer is given (without one the figure is described in words), and the PDF made from the
 * DOCX by LibreOffice, so the two are the same document page for page. Reading rights are the plan's own:
 * a draft only for those who may read the municipality's internal material.
 */
export async function renderActionPlanFile(
  deps: Pick<ActionPlanDeps, "db" | "figures" | "now">,
  caller: Caller,
  input: { readonly municipalityCode: string; readonly id: number; readonly format: PlanFileFormat },
  tools: { readonly rasterizer?: SvgRasterizer | null; readonly pdf?: PdfConverterOptions } = {},
): Promise<PlanFile | Refusal> {
  const found = await loadActionPlanWithFollowUp(deps, caller, input.municipalityCode, input.id);
  if (found.kind === "refused") return found;
  const images = tools.rasterizer ? await tools.rasterizer.rasterize(new Map([["trend-chart", actionPlanChart(found)]])) : NO_IMAGES;
  const doc = buildActionPlanDocument({ plan: found.plan, followUp: found.followUp, versions: found.versions, madeAt: deps.now().toISOString(), withChart: images.size > 0, ...(found.knowledge ? { knowledge: found.knowledge } : {}) });
  const docx = await renderActionPlanDocx(doc, images);
  const bytes = input.format === "pdf" ? await convertDocxToPdf(docx, doc.fileBaseName, tools.pdf) : docx;
  return { kind: "file", bytes, fileName: `${doc.fileBaseName}.${input.format}`, contentType: CONTENT_TYPES[input.format] };
}
