import type { MunicipalityCode } from "../domain/municipality.js";

/**
 * The choices a jurist makes when writing the item (issue 16). Every choice has a default that gives the
 * short "orientering" item of the seeds (Herning Handicaprådet 28.8.2025); nothing here is a figure.
 */

/** "orientering" as Herning writes it; "beslutning" with Tema, Kompetence, Sagsbeskrivelse … (Allerød 2025, issue 16). */
export type ReportTemplate = "orientering" | "beslutning";

export const REPORT_TEMPLATES: readonly ReportTemplate[] = ["orientering", "beslutning"];

export function isReportTemplate(value: string): value is ReportTemplate {
  return (REPORT_TEMPLATES as readonly string[]).includes(value);
}

/** Where an optional section goes: in the Sagsfremstilling/Sagsbeskrivelse, or after the item as a bilag. */
export type SectionPlacement = "main" | "bilag";

/** The municipalities the item compares with; the subject municipality is always the first row. */
export type ComparisonChoice =
  | { readonly kind: "neighbours" }
  | { readonly kind: "region" }
  /** Municipalities of about the same size, measured by the number of decided cases on the general map (see comparison-section.ts). */
  | { readonly kind: "similar-size"; readonly count: number }
  | { readonly kind: "chosen"; readonly codes: readonly MunicipalityCode[] };

/**
 * The action-plan point of the recommendation (retssikkerhedslovens § 79 b, stk. 2–3). `auto` follows the
 * dated rule: a point asking the council to decide where the rule applies, none where it does not.
 */
export type ActionPlanStance = "auto" | "decide" | "no-plan" | "make-plan" | "none";

export const ACTION_PLAN_STANCES: readonly ActionPlanStance[] = ["auto", "decide", "no-plan", "make-plan", "none"];

/** One body on the case's route, with the meeting date where known and the decision where it is taken. */
export type RouteStep = {
  readonly body: string;
  /** ISO date (yyyy-mm-dd) of the meeting, if planned or held. */
  readonly date?: string;
  /** The decision text as the minutes record it; absent before the meeting. */
  readonly decision?: string;
  /** True for a body that gets the case for høring, not for decision (Handicaprådet, Ældrerådet …). */
  readonly hearing?: boolean;
};

/** A subject (Ankestyrelsen's label) → the municipality's own area, for grouping all cases (issue 16, point 4). */
export type SubjectAreaTable = ReadonlyMap<string, string>;
