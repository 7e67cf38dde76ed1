import type { PublishedComment } from "./sections/comment-section.js";
import type { KnowledgeAgendaSummary } from "./sections/knowledge-bank-section.js";
import type { ActionPlanAgendaSummary } from "./sections/action-plan-follow-up-section.js";
import type { ActionPlanDocument } from "./action-plan/action-plan-document.js";
import type { LegalRule } from "../domain/legal-rules.js";
import type { CellTotals } from "../domain/cell-totals.js";
import type { DatasetProvenance, DatasetStanding } from "../domain/complaint-cell.js";
import { buildMunicipalityProfile } from "../domain/municipality-profile.js";
import type { MunicipalityCode } from "../domain/municipality.js";
import type { AgendaItemFigures } from "./agenda-item-figures.js";
import { buildAgendaItemModel, type AgendaItemModel } from "./agenda-item-model.js";
import { figuresFromProfile } from "./figures-from-profile.js";
import type { ContextIndex } from "../domain/context/context-index.js";
import { buildContextNotesDa } from "./context-notes.js";
import type { ReportBody } from "./report-context.js";
import type { ReportImages } from "./report-images.js";
import { renderAgendaItemDocx } from "./render-agenda-item-docx.js";
import { renderAgendaItemHtml } from "./render-agenda-item-html.js";
import { renderAgendaItemMarkdown } from "./render-agenda-item-markdown.js";
import type { ComplaintCell } from "../domain/complaint-cell.js";
import type { MapId } from "../domain/map-definition.js";
import { COMPARISON_YEARS } from "../domain/municipality-profile.js";
import type { ActionPlanStance, ComparisonChoice, ReportTemplate, RouteStep, SubjectAreaTable } from "./report-choices.js";
import type { SectionChoices } from "./section-registry.js";
import { buildCaseFigures, buildComparisonFigures } from "./comparison-figures.js";

export type ReportFormat = "docx" | "pdf" | "html" | "md";

export const REPORT_FORMATS: readonly [ReportFormat, ...ReportFormat[]] = ["docx", "pdf", "html", "md"];

export const REPORT_CONTENT_TYPES: Readonly<Record<ReportFormat, string>> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  html: "text/html; charset=utf-8",
  md: "text/markdown; charset=utf-8",
};

export type AgendaItemOptions = {
  readonly template?: ReportTemplate;
  readonly sections?: SectionChoices;
  /** The comparison group; absent: the neighbour table of the profile (issue 16, point 3). */
  readonly compare?: ComparisonChoice;
  /** How many data years the comparison table shows, ending with the item's year (default 4). */
  readonly compareYears?: number;
  /** The municipality's cells of the item's year, every subject, on the maps and outside them (all-cases section). */
  readonly yearCells?: readonly ComplaintCell[];
  readonly subjectAreas?: SubjectAreaTable | null;
  readonly caseworkers?: readonly string[];
  readonly actionPlan?: ActionPlanStance;
  readonly extraRecommendationPoints?: readonly string[];
  readonly route?: readonly RouteStep[];
  readonly competence?: string;
  readonly economy?: string;
  readonly mapLinks?: Partial<Record<MapId, string>>;
  /** Newer extractions of published years: the item keeps the published figures and names these (issue 9). */
  readonly revised?: { readonly totals: CellTotals; readonly provenanceByYear: ReadonlyMap<number, DatasetProvenance> };
  readonly body?: ReportBody;
  readonly caseNumber?: string;
  readonly caseworker?: string;
  readonly includeFigures?: boolean;
  readonly municipalityComment?: PublishedComment | null;
  readonly knowledgeBank?: KnowledgeAgendaSummary | null;
  readonly actionPlans?: ActionPlanAgendaSummary | null;
  /** Published action plans attached as bilag, each as its own document (agenda-item-model.ts). */
  readonly attachedPlans?: readonly ActionPlanDocument[];
  /** The dated legal rules with an administrator's edits (agenda-item-model.ts); absent: the defaults. */
  readonly legalRules?: readonly LegalRule[];
  /** Imported Danmarks Statistik figures: population per 10.000 and recipients, per map (issue 18). */
  readonly context?: ContextIndex;
};

/** Profile → figures → model for one municipality; `totals` is indexed once per batch. */
export function buildAgendaItemFor(
  totals: CellTotals,
  provenanceByYear: ReadonlyMap<number, DatasetProvenance & { readonly standing?: DatasetStanding }>,
  code: MunicipalityCode,
  year: number,
  options: AgendaItemOptions = {},
): { readonly model: AgendaItemModel; readonly figures: AgendaItemFigures } {
  const { revised, context, compare, compareYears, yearCells, ...rest } = options;
  const profile = buildMunicipalityProfile(totals, code, { year, ...(revised ? { revised: revised.totals } : {}) });
  const figures = figuresFromProfile(profile, year);
  const contextNotes = context ? buildContextNotesDa(context, profile, year) : {};
  const comparison = compare ? buildComparisonFigures(totals, code, year, compare, compareYears ?? COMPARISON_YEARS) : null;
  const allCases = yearCells ? buildCaseFigures(yearCells, code, year) : null;
  return {
    figures,
    model: buildAgendaItemModel({ figures, provenanceByYear, ...(revised ? { revisionByYear: revised.provenanceByYear } : {}), contextNotes, comparison, allCases, ...rest }),
  };
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
