import type { CouncilTreatment } from "../domain/council-treatment.js";
import type { MunicipalityCode } from "../domain/municipality.js";
import type { AgendaItemFigures } from "./agenda-item-figures.js";

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
  nextTableLabel(): string;
  nextFigureLabel(): string;
};
