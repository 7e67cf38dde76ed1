import { DEMO_NOTICE_DA, type DatasetProvenance, type DatasetStanding } from "../domain/complaint-cell.js";
import { buildCouncilTreatment, formatDanishDate } from "../domain/council-treatment.js";
import type { LegalRule } from "../domain/legal-rules.js";
import { foldMunicipalityName, municipalityName } from "../domain/municipality.js";
import type { MapId } from "../domain/map-definition.js";
import type { AgendaItemFigures } from "./agenda-item-figures.js";
import { municipalityDisplayName } from "./municipality-display-name.js";
import type { ReportBody, ReportContext } from "./report-context.js";
import type { ReportBlock, ReportSection } from "./report-document.js";
import type { ActionPlanStance, ReportTemplate, RouteStep, SubjectAreaTable } from "./report-choices.js";
import { OPTIONAL_SECTIONS, placementOf, type SectionChoices } from "./section-registry.js";
import { buildPlanAppendix } from "./action-plan/action-plan-appendix.js";
import type { ActionPlanDocument } from "./action-plan/action-plan-document.js";
import { buildActionPlanNoteSection } from "./sections/action-plan-note-section.js";
import { buildAttachmentsSection } from "./sections/attachments-section.js";
import type { PublishedComment } from "./sections/comment-section.js";
import type { KnowledgeAgendaSummary } from "./sections/knowledge-bank-section.js";
import type { ActionPlanAgendaSummary } from "./sections/action-plan-follow-up-section.js";
import { buildDecisionSection, buildHearingSection } from "./sections/decision-section.js";
import { buildDisabilityMapSection } from "./sections/disability-map-section.js";
import { buildIntroductionSection } from "./sections/introduction-section.js";
import { buildRecommendationSection } from "./sections/recommendation-section.js";
import { buildResumeSection } from "./sections/resume-section.js";
import { buildSocialMapSection } from "./sections/social-map-section.js";
import type { CaseFigures, ComparisonFigures } from "./agenda-item-figures.js";

/**
 * The yearly Danmarkskort case as a municipality writes it for its committees and council (seeds:
 * Herning Handicaprådet 28.8.2025, Ballerup Socialudvalget 30.9.2025). Two templates: "orientering" (Resume,
 * Sagsfremstilling, Indstilling, Beslutning, Bilag) and "beslutning" (Tema, Kompetence, Sagsbeskrivelse,
 * Administrationens forslag, Økonomi og finansiering, Dialog/høring, Beslutning, Bilag). Pure: every figure
 * comes from `figures`, every date from the data year; renderers only draw this.
 */
export type AgendaItemModel = {
  readonly municipalityCode: string;
  readonly municipality: string;
  readonly year: number;
  readonly publicationYear: number;
  readonly body: ReportBody;
  readonly template: ReportTemplate;
  readonly title: string;
  /** "Dagsordenpunkt til Byrådet". */
  readonly bodyLine: string;
  readonly caseNumber: Placeholdable;
  readonly caseworker: Placeholdable;
  /** The lines under the title: journal number, caseworker, other caseworkers (seed: Herning "Øvrige sagsbehandlere"). */
  readonly headerLines: readonly string[];
  /** DEMO_NOTICE_DA when any dataset behind the figures is demo data: shown on the title page and in the footer. */
  readonly demoNotice: string | null;
  /** One line per dataset version used: file, version, extraction and import date. */
  readonly sourceLines: readonly string[];
  readonly footer: string;
  readonly sections: readonly ReportSection[];
  /** File name without extension: Danish words, ASCII only, so every mail and agenda system accepts it. */
  readonly fileBaseName: string;
};

export type Placeholdable = { readonly text: string; readonly isPlaceholder: boolean };

export type AgendaItemInput = {
  readonly figures: AgendaItemFigures;
  /** The provenance of each data year the figures use, and whether it is the published map or an extraction. */
  readonly provenanceByYear: ReadonlyMap<number, Provenance>;
  /** Newer extractions that revised a published year (issue 9). */
  readonly revisionByYear?: ReadonlyMap<number, DatasetProvenance>;
  readonly body?: ReportBody;
  readonly template?: ReportTemplate;
  /** Which optional sections, and where (section-registry.ts); unnamed sections keep the template's default. */
  readonly sections?: SectionChoices;
  readonly caseNumber?: string;
  /** The first is "Sagsbehandler", the rest "Øvrige sagsbehandlere". */
  readonly caseworkers?: readonly string[];
  /** @deprecated one caseworker; use `caseworkers`. */
  readonly caseworker?: string;
  /** False when no images can be drawn; the text then does not refer to figures. */
  readonly includeFigures?: boolean;
  /** The municipality's published comment on the year's figures, if it has one. */
  readonly municipalityComment?: PublishedComment | null;
  readonly knowledgeBank?: KnowledgeAgendaSummary | null;
  /** The published action plans in force, with their focus areas' figures in the item's year (issue 13). */
  readonly actionPlans?: ActionPlanAgendaSummary | null;
  /** Per map, a paragraph of Danmarks Statistik context (context-notes.ts); absent: none imported. */
  readonly contextNotes?: Partial<Record<MapId, string>>;
  readonly comparison?: ComparisonFigures | null;
  readonly allCases?: readonly CaseFigures[] | null;
  readonly subjectAreas?: SubjectAreaTable | null;
  readonly actionPlan?: ActionPlanStance;
  readonly extraRecommendationPoints?: readonly string[];
  /** The bodies the case goes through, with dates and decisions where known. */
  readonly route?: readonly RouteStep[];
  /** "Kompetence": who decides (beslutning template); default the body the item is written for. */
  readonly competence?: string;
  /** "Økonomi og finansiering" (beslutning template). */
  readonly economy?: string;
  readonly mapLinks?: Partial<Record<MapId, string>>;
  /**
   * The dated legal rules the product applies (the defaults with an administrator's edits, loaded by the
   * door), so the item, the profile page and the treatment status judge § 79 b stk. 2–3 by the same rule.
   * Absent: the built-in defaults of legal-rules.ts.
   */
  readonly legalRules?: readonly LegalRule[];
  /**
   * Published action plans the user chose to attach (issue 13, item 4): each becomes a bilag after the
   * optional sections placed there, named in the bilag list, with the plan's whole document as its text.
   */
  readonly attachedPlans?: readonly ActionPlanDocument[];
};

type Provenance = DatasetProvenance & { readonly standing?: DatasetStanding };

const BODY_LINES: Readonly<Record<ReportBody, string>> = {
  byraad: "Dagsordenpunkt til Byrådet",
  udvalg: "Dagsordenpunkt til fagudvalget",
  handicapraad: "Dagsordenpunkt til Handicaprådet (høring)",
};

const BODY_NAMES: Readonly<Record<ReportBody, string>> = { byraad: "Byrådet", udvalg: "Fagudvalget", handicapraad: "Handicaprådet" };

export function buildAgendaItemModel(input: AgendaItemInput): AgendaItemModel {
  const { figures } = input;
  const body = input.body ?? "byraad";
  const template = input.template ?? "orientering";
  const municipality = municipalityDisplayName(figures.municipalityCode);
  const usedYears = [...input.provenanceByYear.keys()].filter((y) => y <= figures.year).sort((a, b) => a - b);
  const provenances = usedYears.map((y) => input.provenanceByYear.get(y)!);
  const isDemo = provenances.some((p) => p.isDemo);
  const sourceLines = [...sourceLinesOf(input.provenanceByYear, usedYears), ...revisionLinesOf(input.revisionByYear, usedYears)];
  let tables = 0;
  let figureCount = 0;
  const ctx: ReportContext = {
    figures,
    municipalityCode: figures.municipalityCode,
    municipality,
    year: figures.year,
    previousYear: figures.year - 1,
    treatment: input.legalRules ? buildCouncilTreatment(figures.year, input.legalRules) : buildCouncilTreatment(figures.year),
    body,
    template,
    shown: input.provenanceByYear.get(figures.year) ?? null,
    revision: input.revisionByYear?.get(figures.year) ?? null,
    versionByYear: new Map([...input.provenanceByYear].map(([year, p]) => [year, p.datasetVersionId])),
    contextNotes: input.contextNotes ?? {},
    mapLinks: input.mapLinks ?? {},
    comparison: input.comparison ?? null,
    allCases: input.allCases ?? null,
    subjectAreas: input.subjectAreas ?? null,
    includeFigures: input.includeFigures !== false,
    municipalityComment: input.municipalityComment ?? null,
    knowledgeBank: input.knowledgeBank ?? null,
    actionPlans: input.actionPlans ?? null,
    sourceLines,
    nextTableLabel: () => `Tabel ${++tables}`,
    nextFigureLabel: () => `Figur ${++figureCount}`,
  };
  const title = `Danmarkskortet – omgørelsesprocenter i Ankestyrelsen ${figures.year}`;
  const caseNumber = placeholdable(input.caseNumber, "[Journalnummer indsættes]");
  const caseworkers = (input.caseworkers ?? (input.caseworker ? [input.caseworker] : [])).map((c) => c.trim()).filter((c) => c !== "");
  const caseworker = placeholdable(caseworkers[0], "[Sagsbehandler indsættes]");
  const others = caseworkers.slice(1);
  const route = input.route ?? [];

  // Built in reading order: the table and figure counters number them as a reader meets them. Sections
  // placed as bilag are built after the main text, so their tables are numbered after Tabel 1–3.
  const resume = buildResumeSection(ctx);
  const chosen = OPTIONAL_SECTIONS.map((section) => ({ section, placement: placementOf(section, template, input.sections) }));
  const core = [
    ...buildIntroductionSection(ctx),
    ...buildSocialMapSection(ctx, figures.maps.socialomraadet),
    ...buildDisabilityMapSection(ctx, figures.maps.boernehandicapomraadet),
    ...buildDisabilityMapSection(ctx, figures.maps.voksenhandicapomraadet),
    ...buildActionPlanNoteSection(ctx),
  ];
  // Every figure a council reads names the dataset version it comes from (issue 9): without the optional
  // "Datagrundlag" section, its lines close the presentation as a short note.
  const sourceChosen = chosen.some((c) => c.section.id === "datagrundlag" && c.placement !== null);
  const sourceNote: ReportBlock[] = sourceChosen ? [] : sourceLines.map((text) => ({ kind: "paragraph", text, emphasis: "note" }));
  const presentation = [...core, ...chosen.filter((c) => c.placement === "main").flatMap((c) => c.section.build(ctx)), ...sourceNote];
  const recommendation = buildRecommendationSection(ctx, { actionPlan: input.actionPlan ?? "auto", extraPoints: input.extraRecommendationPoints ?? [] });
  const decision = buildDecisionSection(route, input.competence?.trim() || BODY_NAMES[body]);
  const appendices = [
    ...chosen
      .filter((c) => c.placement === "bilag")
      .map((c) => ({ title: c.section.titleDa, blocks: c.section.build(ctx) }))
      .filter((a) => a.blocks.length > 0),
    ...(input.attachedPlans ?? []).map((doc) => buildPlanAppendix(doc, ctx.nextTableLabel)),
  ];
  const attachmentList = buildAttachmentsSection(ctx, appendices.map((a) => a.title));
  const appendixSections: ReportSection[] = appendices.map((a, i) => ({
    heading: `Bilag ${i + 1}: ${a.title}`,
    // The bilag's heading names it; the section's own first heading would only repeat it.
    blocks: a.blocks[0]?.kind === "heading" ? a.blocks.slice(1) : a.blocks,
  }));
  const sections: ReportSection[] =
    template === "orientering"
      ? [
          { heading: "Resume", blocks: resume },
          { heading: "Sagsfremstilling", blocks: presentation },
          { heading: "Indstilling", blocks: recommendation },
          { heading: "Beslutning", blocks: decision },
          { heading: "Bilag", blocks: attachmentList },
          ...appendixSections,
        ]
      : [
          { heading: "Tema", blocks: resume },
          { heading: "Kompetence", blocks: [{ kind: "paragraph", text: input.competence?.trim() || BODY_NAMES[body] }] },
          { heading: "Sagsbeskrivelse", blocks: presentation },
          { heading: "Administrationens forslag", blocks: recommendation },
          { heading: "Økonomi og finansiering", blocks: [{ kind: "paragraph", text: input.economy?.trim() || "Sagen har ingen økonomiske konsekvenser." }] },
          { heading: "Dialog/høring", blocks: buildHearingSection(route) },
          { heading: "Beslutning", blocks: decision },
          { heading: "Bilag", blocks: attachmentList },
          ...appendixSections,
        ];
  return {
    municipalityCode: figures.municipalityCode,
    municipality,
    year: figures.year,
    publicationYear: ctx.treatment.publicationYear,
    body,
    template,
    title,
    bodyLine: BODY_LINES[body],
    caseNumber,
    caseworker,
    headerLines: [`Journalnummer: ${caseNumber.text}`, `Sagsbehandler: ${caseworker.text}`, ...(others.length > 0 ? [`Øvrige sagsbehandlere: ${others.join(", ")}`] : [])],
    demoNotice: isDemo ? DEMO_NOTICE_DA : null,
    sourceLines,
    footer: `${isDemo ? `${DEMO_NOTICE_DA} · ` : ""}Danmarkskortet ${figures.year} · ${municipality}`,
    sections,
    fileBaseName: `dagsordenpunkt-danmarkskort-${figures.year}-${figures.municipalityCode}-${template === "beslutning" ? "beslutning-" : ""}${foldMunicipalityName(municipalityName(figures.municipalityCode)).replace(/[^a-z0-9]+/g, "-")}`,
  };
}

function placeholdable(value: string | undefined, placeholder: string): Placeholdable {
  const v = value?.trim();
  return v ? { text: v, isPlaceholder: false } : { text: placeholder, isPlaceholder: true };
}

/** Groups the years by dataset version and standing: "Kilde: … datasættet x.csv (version 3, dataår 2016–2024, udtrukket …)". */
function sourceLinesOf(byYear: ReadonlyMap<number, Provenance>, years: readonly number[]): string[] {
  const groups = new Map<string, { p: Provenance; years: number[] }>();
  for (const y of years) {
    const p = byYear.get(y)!;
    const key = `${p.datasetVersionId}|${p.standing ?? ""}`;
    const g = groups.get(key) ?? { p, years: [] };
    g.years.push(y);
    groups.set(key, g);
  }
  if (groups.size === 0) return ["Datagrundlag: ingen indlæste datasæt."];
  return [...groups.values()].map(({ p, years: ys }) => {
    const span = ys.length === 1 ? `dataår ${ys[0]}` : `dataår ${ys[0]}–${ys[ys.length - 1]}`;
    const extracted = p.extractedOn ? `udtrukket ${formatDanishDate(p.extractedOn.slice(0, 10))}` : "udtrækningsdato ikke oplyst";
    // Which version the figures are (issue 9): the map as it was published, or an extraction of a date.
    const standing =
      p.isDemo || p.standing === undefined ? "" : p.standing === "published" ? " danmarkskortet, som det blev offentliggjort:" : " et udtræk, ikke danmarkskortet, som det blev offentliggjort:";
    const origin = p.isDemo ? `${DEMO_NOTICE_DA}. Syntetiske tal fra` : `Kilde: Ankestyrelsens ankestatistik,${standing}`;
    // A demo dataset's own source text repeats the demo notice; said once is enough.
    const source = p.source && !(p.isDemo && p.source.startsWith(DEMO_NOTICE_DA)) ? `, ${p.source}` : "";
    return `${origin} datasættet ${p.fileName} (version ${p.datasetVersionId}, ${span}, ${extracted}, indlæst ${formatDanishDate(p.importedAt.slice(0, 10))}${source}).`;
  });
}

/** One line per newer extraction that revised a published year the item uses. */
function revisionLinesOf(byYear: ReadonlyMap<number, DatasetProvenance> | undefined, years: readonly number[]): string[] {
  if (!byYear) return [];
  return years.flatMap((y) => {
    const r = byYear.get(y);
    if (!r) return [];
    const extracted = r.extractedOn ? `et udtræk af ${formatDanishDate(r.extractedOn.slice(0, 10))}` : "et senere udtræk";
    return [`Ankestyrelsen har siden revideret tallene for ${y} i ${extracted} (datasættet ${r.fileName}, version ${r.datasetVersionId}). Dagsordenpunktet bruger tallene fra danmarkskortet, som det blev offentliggjort; hvor revisionen ændrer kommunens tal, står det ved tallet.`];
  });
}
