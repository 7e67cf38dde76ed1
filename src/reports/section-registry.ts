import type { ReportContext } from "./report-context.js";
import type { ReportBlock } from "./report-document.js";
import type { ReportTemplate, SectionPlacement } from "./report-choices.js";
import { buildAllCasesSection } from "./sections/all-cases-section.js";
import { buildChangeSection } from "./sections/change-section.js";
import { buildCommentSection } from "./sections/comment-section.js";
import { buildComparisonSection } from "./sections/comparison-section.js";
import { buildDataSourceSection } from "./sections/data-source-section.js";
import { buildFiguresSection } from "./sections/figures-section.js";
import { buildKnowledgeBankSection } from "./sections/knowledge-bank-section.js";
import { buildActionPlanFollowUpSection } from "./sections/action-plan-follow-up-section.js";
import { buildLegalBasisSection } from "./sections/legal-basis-section.js";
import { buildProcessSection } from "./sections/process-section.js";
import { buildSubjectsSection } from "./sections/subjects-section.js";
import { buildUncertaintySection } from "./sections/uncertainty-section.js";

/**
 * The sections a user can add to the item, in the order they appear, each with where it goes by default
 * per template (null: left out). The default item is the seed's short one (issue 16, point 1): the figures
 * a committee reads are always there; everything below is a choice, in the Sagsfremstilling or as a bilag.
 *
 * A new section (an action plan, the knowledge bank) is one more entry here: an id, its Danish title and
 * its builder; the CLI, the route and the form read their lists from this array.
 */
export type OptionalSection = {
  readonly id: string;
  /** The title a user chooses it by, and the bilag's heading when placed there. */
  readonly titleDa: string;
  readonly defaults: Readonly<Record<ReportTemplate, SectionPlacement | null>>;
  build(ctx: ReportContext): ReportBlock[];
};

const OFF = { orientering: null, beslutning: null } as const;

export const OPTIONAL_SECTIONS: readonly OptionalSection[] = [
  { id: "udvikling", titleDa: "Udviklingen fra året før", defaults: OFF, build: buildChangeSection },
  { id: "sammenligning", titleDa: "Sammenligning med andre kommuner", defaults: { orientering: null, beslutning: "main" }, build: buildComparisonSection },
  { id: "figurer", titleDa: "Kort og udviklingsdiagram", defaults: OFF, build: (ctx) => (ctx.includeFigures ? buildFiguresSection(ctx) : []) },
  { id: "sagsemner", titleDa: "Sagsemner bag omgørelserne", defaults: OFF, build: buildSubjectsSection },
  { id: "alle-sager", titleDa: "Alle klagesager", defaults: { orientering: null, beslutning: "bilag" }, build: buildAllCasesSection },
  { id: "usikkerhed", titleDa: "Usikkerhed ved små tal", defaults: OFF, build: buildUncertaintySection },
  { id: "lovgrundlag", titleDa: "Lovgrundlag", defaults: OFF, build: buildLegalBasisSection },
  { id: "sagens-gang", titleDa: "Sagens videre behandling", defaults: OFF, build: buildProcessSection },
  { id: "kommentar", titleDa: "Kommunens kommentar", defaults: { orientering: "main", beslutning: "main" }, build: (ctx) => buildCommentSection(ctx.municipality, ctx.year, ctx.municipalityComment) },
  // Only with approved entries for the year; otherwise the builder returns nothing (issue 14).
  { id: "vidensbank", titleDa: "Kommunens vidensbank", defaults: { orientering: "main", beslutning: "main" }, build: (ctx) => buildKnowledgeBankSection(ctx.municipality, ctx.knowledgeBank) },
  // Only with a published plan that answers an earlier year's map; otherwise nothing (issue 13).
  { id: "handleplaner", titleDa: "Opfølgning på handleplaner", defaults: { orientering: "main", beslutning: "main" }, build: (ctx) => buildActionPlanFollowUpSection(ctx.municipality, ctx.actionPlans) },
  { id: "datagrundlag", titleDa: "Datagrundlag", defaults: OFF, build: buildDataSourceSection },
];

export const OPTIONAL_SECTION_IDS: readonly string[] = OPTIONAL_SECTIONS.map((s) => s.id);

/** The user's choice per section id; a section not named keeps its template default. `"alle"` puts every section in the main text. */
export type SectionChoices = Readonly<Record<string, SectionPlacement | null>> | "alle";

export function placementOf(section: OptionalSection, template: ReportTemplate, choices: SectionChoices | undefined): SectionPlacement | null {
  if (choices === "alle") return "main";
  if (choices && Object.hasOwn(choices, section.id)) return choices[section.id] ?? null;
  return section.defaults[template];
}
