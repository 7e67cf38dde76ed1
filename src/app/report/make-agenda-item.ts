import type { CellTotals } from "../../domain/cell-totals.js";
import type { ComplaintCell } from "../../domain/complaint-cell.js";
import type { ContextIndex } from "../../domain/context/context-index.js";
import type { DatasetProvenance, DatasetStanding } from "../../domain/complaint-cell.js";
import type { EffectiveLegalRule } from "../../domain/legal-rule-edits.js";
import type { MunicipalityCode } from "../../domain/municipality.js";
import type { ActionPlanDocument } from "../../reports/action-plan/action-plan-document.js";
import type { AgendaItemFigures } from "../../reports/agenda-item-figures.js";
import { buildAgendaItemFor, renderAgendaItemFile, type ReportFormat } from "../../reports/agenda-item-files.js";
import type { AgendaItemModel } from "../../reports/agenda-item-model.js";
import { buildReportSvgs } from "../../reports/build-report-svgs.js";
import type { ParsedReportChoices } from "../../reports/parse-report-choices.js";
import { ImageRendererMissingError, openSvgRasterizer, svgOnlyImages, type SvgRasterizer } from "../../reports/rasterize-svg.js";
import type { ReportBody } from "../../reports/report-context.js";
import type { ReportImages } from "../../reports/report-images.js";
import { DocxTemplateError, renderAgendaItemFromTemplate } from "../../reports/render-agenda-item-docx-template.js";
import { chooseRoute } from "../../reports/treatment-route.js";
import type { Queryable } from "../../storage/database.js";
import type { MapGeometry } from "../../viz/map-geometry.js";
import { loadActionPlanAgendaSummary } from "../action-plans/action-plan-agenda.js";
import type { ActionPlanDeps } from "../action-plans/action-plan-deps.js";
import { loadPlanForAgendaItem } from "../action-plans/attach-action-plan.js";
import type { Caller } from "../caller.js";
import { loadDocxTemplateForReport } from "../docx-template/municipality-docx-template.js";
import { loadKnowledgeAgendaSummary } from "../knowledge/knowledge-figures.js";
import { loadSubjectAreaLookup } from "../subject-areas/subject-area-table.js";
import { loadTreatmentRoute } from "../treatment/treatment-route-for-report.js";
import type { Refusal } from "../use-case-result.js";
import { UserFacingError } from "../user-facing-error.js";

/**
 * The agenda item (issue 16), made once for both doors: `danmarkskort report` (one municipality or a batch of
 * all 98, write-agenda-item-files.ts) and the server's /kommuner/{code}/dagsordenpunkt and API route. The doors
 * parse their parameters and load the figures their own way (the server from its page-data cache, the CLI
 * from the database at once); everything from there to the document's parts is here, with one policy:
 *
 * - PNG figures for DOCX and PDF are drawn by resvg. Should its native module not load, the item is still made,
 *   without figures, and the result says so (noticesDa), rather than not at all.
 * - Maps are geographic where the door has boundaries loaded, else the tile map.
 * - A Word template given for this item (the CLI's --docx-template) that does not fit is refused; the
 *   municipality's stored template was checked when stored, and should it fail now the item is made in the
 *   built-in layout, with a notice.
 */

/** The figures of the shown versions an item is built from (loaded once per request or batch by the door). */
export type AgendaItemSources = {
  readonly totals: CellTotals;
  readonly provenanceByYear: ReadonlyMap<number, DatasetProvenance & { readonly standing?: DatasetStanding }>;
  /** Newer extractions of published years: the item keeps the published figures and names these (issue 9). */
  readonly revised: { readonly totals: CellTotals; readonly provenanceByYear: ReadonlyMap<number, DatasetProvenance> };
  readonly context: ContextIndex;
  readonly legalRules: readonly EffectiveLegalRule[];
  /** One municipality's cells of the year, every subject (the all-cases section). */
  readonly yearCells: (code: MunicipalityCode, year: number) => Promise<readonly ComplaintCell[]>;
};

export type AgendaItemRequest = {
  readonly municipalityCode: MunicipalityCode;
  readonly year: number;
  readonly format: ReportFormat;
  /** Absent: the treatment record's next body, else the Byråd. */
  readonly body?: ReportBody;
  readonly caseNumber?: string;
  readonly choices: ParsedReportChoices;
  /** False: without maps and charts (the CLI's --no-images). */
  readonly images: boolean;
  readonly attachedPlans: readonly ActionPlanDocument[];
  /** A Word template given for this item (the CLI's --docx-template), named for its refusal; else the stored one. */
  readonly docxTemplate?: { readonly bytes: Buffer; readonly name: string };
};

export type AgendaItemDeps = {
  readonly db: Queryable;
  /** The geographic map where boundaries are loaded; absent: the tile map. */
  readonly geometry: MapGeometry | undefined;
  /** From openAgendaItemRasterizer, once per request or batch; null: no PNG (the figures are SVG, or left out). */
  readonly rasterizer: SvgRasterizer | null;
};

/** An item's parts; the door turns them into the file it answers with or writes. */
export type AgendaItemParts = {
  readonly model: AgendaItemModel;
  readonly figures: AgendaItemFigures;
  readonly images: ReportImages;
  /** The DOCX: the given template, else the municipality's stored one, else the built-in layout. */
  docx(): Promise<Buffer>;
  /** What a person should know about the item (figures or template left out), in Danish. */
  readonly noticesDa: readonly string[];
};

const PNG_FORMATS: readonly ReportFormat[] = ["docx", "pdf"];

export const FIGURES_LEFT_OUT_DA =
  "Kort og diagrammer er udeladt: SVG-tegneren (@resvg/resvg-js) kunne ikke indlæses på denne maskine. Kør npm ci igen for at få dem med.";

/**
 * The PNG drawer an item (or a batch of them) in `format` needs; null when none is needed, or when resvg's native
 * module cannot load (makeAgendaItem then leaves the figures out and says so).
 */
export async function openAgendaItemRasterizer(format: ReportFormat, images: boolean): Promise<SvgRasterizer | null> {
  if (!images || !PNG_FORMATS.includes(format)) return null;
  try {
    return await openSvgRasterizer();
  } catch (error) {
    if (error instanceof ImageRendererMissingError) return null;
    throw error;
  }
}

/** The published action plans to attach as bilag, in the caller's view; a draft or another's plan is refused. */
export async function loadAttachedPlans(
  deps: Pick<ActionPlanDeps, "db" | "figures" | "now">,
  caller: Caller,
  request: { readonly municipalityCode: MunicipalityCode; readonly year: number; readonly ids: readonly number[] },
): Promise<readonly ActionPlanDocument[] | Refusal> {
  const plans: ActionPlanDocument[] = [];
  for (const id of request.ids) {
    const plan = await loadPlanForAgendaItem(deps, caller, { municipalityCode: request.municipalityCode, id, year: request.year });
    if (plan.kind === "refused") return plan;
    plans.push(plan.document);
  }
  return plans;
}

/** Builds one municipality's item: model, figures and images, and its DOCX on request. */
export async function makeAgendaItem(deps: AgendaItemDeps, caller: Caller, sources: AgendaItemSources, request: AgendaItemRequest): Promise<AgendaItemParts> {
  const { db } = deps;
  const { municipalityCode: code, year, format } = request;
  const noticesDa: string[] = [];
  const drawsPng = PNG_FORMATS.includes(format);
  const includeFigures = request.images && (!drawsPng || deps.rasterizer !== null);
  if (request.images && !includeFigures) noticesDa.push(FIGURES_LEFT_OUT_DA);
  const { model, figures } = buildAgendaItemFor(sources.totals, sources.provenanceByYear, code, year, {
    revised: sources.revised,
    caseNumber: request.caseNumber,
    includeFigures,
    context: sources.context,
    legalRules: sources.legalRules,
    attachedPlans: request.attachedPlans,
    ...request.choices,
    // The route and body from the year's treatment record, where the caller gave none.
    ...chooseRoute({ route: request.choices.route, body: request.body, competence: request.choices.competence }, await loadTreatmentRoute(db, code, year)),
    // Every subject of the year, on the maps and outside them, for the all-cases section.
    yearCells: await sources.yearCells(code, year),
    // The municipality's own subject → area table groups those cases, where it keeps one.
    subjectAreas: await loadSubjectAreaLookup(db, code),
    // Exact counts for a caller who may read the bank, and only where there are approved entries.
    knowledgeBank: await loadKnowledgeAgendaSummary(db, caller, code, year),
    actionPlans: await loadActionPlanAgendaSummary(db, { totals: sources.totals, revisedTotals: sources.revised.totals }, code, year),
  });
  const svgs = includeFigures ? buildReportSvgs({ figures, geometry: deps.geometry }) : new Map();
  const images: ReportImages = deps.rasterizer && drawsPng ? await deps.rasterizer.rasterize(svgs) : svgOnlyImages(svgs);
  const docx = async (): Promise<Buffer> => {
    if (request.docxTemplate) {
      try {
        return renderAgendaItemFromTemplate(model, figures, request.docxTemplate.bytes);
      } catch (error) {
        if (error instanceof DocxTemplateError) throw new UserFacingError("ugyldig-skabelon", `${request.docxTemplate.name}: ${error.message}`, 400);
        throw error;
      }
    }
    const stored = await loadDocxTemplateForReport(db, code);
    if (!stored) return renderAgendaItemFile(model, images, "docx");
    try {
      return renderAgendaItemFromTemplate(model, figures, stored);
    } catch (error) {
      // Checked when stored; a template that fails now still gives the item, in the built-in layout.
      if (!(error instanceof DocxTemplateError)) throw error;
      noticesDa.push(`Kommunens gemte skabelon (${model.municipality}) kunne ikke bruges (${error.message}); dagsordenpunktet er lavet i det indbyggede layout.`);
      return renderAgendaItemFile(model, images, "docx");
    }
  };
  return { model, figures, images, docx, noticesDa };
}
