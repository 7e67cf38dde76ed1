import { DEMO_NOTICE_DA, type DatasetProvenance } from "../domain/complaint-cell.js";
import { buildCouncilTreatment, formatDanishDate } from "../domain/council-treatment.js";
import { foldMunicipalityName, municipalityName } from "../domain/municipality.js";
import type { AgendaItemFigures } from "./agenda-item-figures.js";
import { municipalityDisplayName } from "./municipality-display-name.js";
import type { ReportBody, ReportContext } from "./report-context.js";
import type { ReportSection } from "./report-document.js";
import { buildAttachmentsSection } from "./sections/attachments-section.js";
import { buildChangeSection } from "./sections/change-section.js";
import { buildDisabilityMapSection } from "./sections/disability-map-section.js";
import { buildFiguresSection } from "./sections/figures-section.js";
import { buildIntroductionSection } from "./sections/introduction-section.js";
import { buildLegalBasisSection } from "./sections/legal-basis-section.js";
import { buildNeighboursSection } from "./sections/neighbours-section.js";
import { buildProcessSection } from "./sections/process-section.js";
import { buildRecommendationSection } from "./sections/recommendation-section.js";
import { buildResumeSection } from "./sections/resume-section.js";
import { buildSocialMapSection } from "./sections/social-map-section.js";
import { buildSubjectsSection } from "./sections/subjects-section.js";
import { buildUncertaintySection } from "./sections/uncertainty-section.js";

/**
 * The yearly Danmarkskort case as a municipality writes it for its committees and council (seeds:
 * Herning Handicaprådet 28.8.2025, Ballerup Socialudvalget 30.9.2025): title, journal number and
 * caseworker, Resume, Sagsfremstilling, Indstilling, Bilag. Pure: every figure comes from `figures`,
 * every date from the data year; renderers only draw this.
 */
export type AgendaItemModel = {
  readonly municipalityCode: string;
  readonly municipality: string;
  readonly year: number;
  readonly publicationYear: number;
  readonly body: ReportBody;
  readonly title: string;
  /** "Dagsordenpunkt til Byrådet". */
  readonly bodyLine: string;
  readonly caseNumber: Placeholdable;
  readonly caseworker: Placeholdable;
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
  /** The provenance of each data year the figures use. */
  readonly provenanceByYear: ReadonlyMap<number, DatasetProvenance>;
  readonly body?: ReportBody;
  readonly caseNumber?: string;
  readonly caseworker?: string;
  /** False when no images can be drawn; the text then does not refer to figures. */
  readonly includeFigures?: boolean;
};

const BODY_LINES: Readonly<Record<ReportBody, string>> = {
  byraad: "Dagsordenpunkt til Byrådet",
  udvalg: "Dagsordenpunkt til fagudvalget",
  handicapraad: "Dagsordenpunkt til Handicaprådet (høring)",
};

export function buildAgendaItemModel(input: AgendaItemInput): AgendaItemModel {
  const { figures } = input;
  const body = input.body ?? "byraad";
  const municipality = municipalityDisplayName(figures.municipalityCode);
  let tables = 0;
  let figureCount = 0;
  const ctx: ReportContext = {
    figures,
    municipalityCode: figures.municipalityCode,
    municipality,
    year: figures.year,
    previousYear: figures.year - 1,
    treatment: buildCouncilTreatment(figures.year),
    body,
    nextTableLabel: () => `Tabel ${++tables}`,
    nextFigureLabel: () => `Figur ${++figureCount}`,
  };
  const usedYears = [...input.provenanceByYear.keys()].filter((y) => y <= figures.year).sort((a, b) => a - b);
  const provenances = usedYears.map((y) => input.provenanceByYear.get(y)!);
  const isDemo = provenances.some((p) => p.isDemo);
  const title = `Danmarkskortet – omgørelsesprocenter i Ankestyrelsen ${figures.year}`;
  const caseNumber = placeholdable(input.caseNumber, "[Journalnummer indsættes]");
  const caseworker = placeholdable(input.caseworker, "[Sagsbehandler indsættes]");

  // Built in reading order: the table and figure counters number them as a reader meets them.
  const resume = buildResumeSection(ctx);
  const presentation = [
    ...buildIntroductionSection(ctx),
    ...buildSocialMapSection(ctx, figures.maps.socialomraadet),
    ...buildDisabilityMapSection(ctx, figures.maps.boernehandicapomraadet),
    ...buildDisabilityMapSection(ctx, figures.maps.voksenhandicapomraadet),
    ...buildChangeSection(ctx),
    ...buildNeighboursSection(ctx),
    ...(input.includeFigures === false ? [] : buildFiguresSection(ctx)),
    ...buildSubjectsSection(ctx),
    ...buildUncertaintySection(ctx),
    ...buildLegalBasisSection(ctx),
    ...buildProcessSection(ctx),
  ];
  const sourceLines = sourceLinesOf(input.provenanceByYear, usedYears);
  return {
    municipalityCode: figures.municipalityCode,
    municipality,
    year: figures.year,
    publicationYear: ctx.treatment.publicationYear,
    body,
    title,
    bodyLine: BODY_LINES[body],
    caseNumber,
    caseworker,
    demoNotice: isDemo ? DEMO_NOTICE_DA : null,
    sourceLines,
    footer: `${isDemo ? `${DEMO_NOTICE_DA} · ` : ""}Danmarkskortet ${figures.year} · ${municipality}`,
    sections: [
      { heading: "Resume", blocks: resume },
      {
        heading: "Sagsfremstilling",
        blocks: [...presentation, { kind: "heading", level: 3, text: "Datagrundlag" }, ...sourceLines.map((text) => ({ kind: "paragraph" as const, text }))],
      },
      { heading: "Indstilling", blocks: buildRecommendationSection(ctx) },
      { heading: "Bilag", blocks: buildAttachmentsSection(ctx) },
    ],
    fileBaseName: `dagsordenpunkt-danmarkskort-${figures.year}-${figures.municipalityCode}-${foldMunicipalityName(municipalityName(figures.municipalityCode)).replace(/[^a-z0-9]+/g, "-")}`,
  };
}

function placeholdable(value: string | undefined, placeholder: string): Placeholdable {
  const v = value?.trim();
  return v ? { text: v, isPlaceholder: false } : { text: placeholder, isPlaceholder: true };
}

/** Groups the years by dataset version: "Kilde: … datasættet x.csv (version 3, dataår 2016–2024, udtrukket …)". */
function sourceLinesOf(byYear: ReadonlyMap<number, DatasetProvenance>, years: readonly number[]): string[] {
  const groups = new Map<number, { p: DatasetProvenance; years: number[] }>();
  for (const y of years) {
    const p = byYear.get(y)!;
    const g = groups.get(p.datasetVersionId) ?? { p, years: [] };
    g.years.push(y);
    groups.set(p.datasetVersionId, g);
  }
  if (groups.size === 0) return ["Datagrundlag: ingen indlæste datasæt."];
  return [...groups.values()].map(({ p, years: ys }) => {
    const span = ys.length === 1 ? `dataår ${ys[0]}` : `dataår ${ys[0]}–${ys[ys.length - 1]}`;
    const extracted = p.extractedOn ? `udtrukket ${formatDanishDate(p.extractedOn.slice(0, 10))}` : "udtrækningsdato ikke oplyst";
    const origin = p.isDemo ? `${DEMO_NOTICE_DA}. Syntetiske tal fra` : "Kilde: Ankestyrelsens ankestatistik,";
    // A demo dataset's own source text repeats the demo notice; said once is enough.
    const source = p.source && !(p.isDemo && p.source.startsWith(DEMO_NOTICE_DA)) ? `, ${p.source}` : "";
    return `${origin} datasættet ${p.fileName} (version ${p.datasetVersionId}, ${span}, ${extracted}, indlæst ${formatDanishDate(p.importedAt.slice(0, 10))}${source}).`;
  });
}
