import type { CouncilTreatment } from "../domain/council-treatment.js";
import type { DatasetProvenance, DatasetStanding } from "../domain/complaint-cell.js";
import type { MunicipalityCode } from "../domain/municipality.js";
import type { MapId } from "../domain/map-definition.js";
import type { AgendaItemFigures, CaseFigures, ComparisonFigures } from "./agenda-item-figures.js";
import type { ReportTemplate, SubjectAreaTable } from "./report-choices.js";
import type { PublishedComment } from "./sections/comment-section.js";
import type { KnowledgeAgendaSummary } from "./sections/knowledge-bank-section.js";
import type { ActionPlanAgendaSummary } from "./sections/action-plan-follow-up-section.js";

/** Which body the item is written for; it decides the recommendation's wording (seeds: Herning, Ballerup). */
export type ReportBody = "byraad" | "udvalg" | "handicapraad";

export const REPORT_BODIES: readonly ReportBody[] = ["byraad", "udvalg", "handicapraad"];

export function isReportBody(value: string): value is ReportBody {
  return (REPORT_BODIES as readonly string[]).includes(value);
}

/** What every section builder reads. Tables and figures are numbered in reading order through the counters. */
export type ReportContext = {
  readonly figures: AgendaItemFigures;
  readonly municipalityCode: MunicipalityCode;
  /** "Herning Kommune". */
  readonly municipality: string;
  readonly year: number;
  readonly previousYear: number;
  readonly treatment: CouncilTreatment;
  readonly body: ReportBody;
  readonly template: ReportTemplate;
  /** The version behind the focus year's figures, and how it stands (the published map, or an extraction). */
  readonly shown: (DatasetProvenance & { readonly standing?: DatasetStanding }) | null;
  /** A newer extraction that revised the focus year's published figures, if any (issue 9). */
  readonly revision: DatasetProvenance | null;
  /** The dataset version behind each loaded year, so a figure pooled over years can say when it mixes versions. */
  readonly versionByYear: ReadonlyMap<number, number>;
  /** Per map, Danmarks Statistik's context (cases per 10.000 of the map's band, recipients); empty without an import. */
  readonly contextNotes: Partial<Record<MapId, string>>;
  /** The user's own addresses of the ministry's map pages, before the known ones (sections/ministry-map-pages.ts). */
  readonly mapLinks: Partial<Record<MapId, string>>;
  /** The chosen comparison group; null when none was built (the neighbour table then reads `figures.neighbours`). */
  readonly comparison: ComparisonFigures | null;
  /** Every subject of the municipality's cases in the year, on the maps and outside; null when the cells were not given. */
  readonly allCases: readonly CaseFigures[] | null;
  /** The municipality's own subject → area table for grouping all cases; null: grouped by map. */
  readonly subjectAreas: SubjectAreaTable | null;
  readonly includeFigures: boolean;
  readonly municipalityComment: PublishedComment | null;
  /** The knowledge bank's figures for the year (issue 14); null: no approved entries, or not loaded. */
  readonly knowledgeBank?: KnowledgeAgendaSummary | null;
  /** The published action plans in force and their follow-up in the year (issue 13); null: none. */
  readonly actionPlans?: ActionPlanAgendaSummary | null;
  /** One line per dataset version used (the data-source section). */
  readonly sourceLines: readonly string[];
  nextTableLabel(): string;
  nextFigureLabel(): string;
};
