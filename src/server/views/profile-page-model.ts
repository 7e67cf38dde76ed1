import type { AttachablePlan } from "../../app/action-plans/attach-action-plan.js";
import type { ContextIndex } from "../../domain/context/context-index.js";
import { recipientsForMap } from "../../domain/context/map-recipients.js";
import { selectPopulationDenominator } from "../../domain/context/population-denominator.js";
import { buildCouncilTreatment, type CouncilBody } from "../../domain/council-treatment.js";
import { formatDateDa } from "../../domain/format-danish-date.js";
import { formatInteger, formatPercent } from "../../domain/format-danish-number.js";
import { describeChanceFlagsDa } from "../../domain/funnel-summary-text.js";
import type { EffectiveLegalRule } from "../../domain/legal-rule-edits.js";
import { MAP_DEFINITIONS, type MapId } from "../../domain/map-definition.js";
import { mapProfilesOf, type MapProfile, type MunicipalityProfile } from "../../domain/municipality-profile.js";
import type { CommentRecord, MunicipalityComment } from "../../storage/municipality-comments.js";
import type { TableModel } from "../../viz/figure-table.js";
import { funnelVerdictDa, intervalDa, intervalVerdictNoteDa } from "../../viz/figure-text.js";
import { formatMeasureNumberDa, measureValue, missingPopulationDa } from "../../viz/map-measure.js";
import { buildComparisonTableModel, buildProfileTableModel, buildSubjectTableModel } from "../../viz/profile-tables.js";
import { describeRecipientsDa } from "../../viz/recipients-text.js";
import { revisionNoteDa } from "../../viz/revision-note.js";
import { trustSvg, type TrustedSvg } from "../../viz/trusted-svg.js";
import type { LoadedGeometries } from "../../app/boundaries/map-geometries.js";
import type { PageData } from "../routes/page-data.js";
import { commentStatusDa, type CommentFormModel } from "./comment-form.js";
import type { SelectOption } from "./form-fields.js";
import type { KnowledgePublicSectionModel } from "./knowledge-public-section.js";
import { renderProfileNeighbourSvg, renderProfileTrendSvg } from "./profile-figures.js";
import type { TreatmentSectionModel } from "./treatment-section.js";

/** What the route loads for a municipality and a year: the figures and everything stored beside them. */
export type ProfileData = {
  readonly profile: MunicipalityProfile;
  readonly data: Pick<PageData, "years" | "isDemo" | "provenanceByYear" | "revisionByYear">;
  /** The data year shown; null when nothing is loaded. */
  readonly year: number | null;
  readonly sourceLineDa: string;
  readonly comment: MunicipalityComment | null;
  readonly context: ContextIndex;
  /** The dated legal rules with an administrator's edits: the same the agenda item and the treatment status use. */
  readonly legalRules: readonly EffectiveLegalRule[];
  /** The published action plans the agenda item form offers as bilag. */
  readonly attachablePlans: readonly AttachablePlan[];
};

/**
 * What the signed-in person sees of the comment beyond the public text: the draft and its state for the
 * municipality's own users and the national roles, and the form for its editors (csrfToken set).
 */
export type CommentEditing = {
  readonly comment: CommentRecord | null;
  readonly csrfToken: string | null;
  readonly saved: boolean;
};

export type ProfilePageInput = ProfileData & {
  readonly editing: CommentEditing | null;
  /** The council's treatment record for the year (issue 13); null for a year before the maps existed (2016). */
  readonly treatment: TreatmentSectionModel | null;
  /** The published knowledge-bank counts; null when the municipality does not publish them. */
  readonly knowledge: KnowledgePublicSectionModel | null;
  readonly geometries: LoadedGeometries;
  readonly maxCommentLength: number;
};

/** The municipality's page (/kommuner/0657): every text, link and figure decided here; the view only draws. */
export type ProfilePageModel = {
  readonly titleDa: string;
  readonly isDemo: boolean;
  readonly nameDa: string;
  readonly body: { readonly kind: "no-data" } | ProfileBody;
};

export type ProfileBody = {
  readonly kind: "profile";
  readonly code: string;
  readonly year: number;
  readonly introDa: string;
  readonly mapHref: string;
  readonly mapLinkDa: string;
  readonly years: { readonly options: readonly SelectOption[]; readonly selected: string };
  readonly keyFigures: KeyFigures;
  /** The page's table of contents: the comment, one entry per map, the treatment. */
  readonly mapLinks: readonly { readonly href: string; readonly nameDa: string }[];
  readonly council: CouncilBox;
  readonly comment: CommentSection;
  readonly maps: readonly MapSection[];
  readonly neighbourMap: { readonly svg: TrustedSvg; readonly svgHref: string; readonly pngName: string };
  readonly treatment: { readonly kind: "record"; readonly section: TreatmentSectionModel } | GeneralTreatment;
  readonly knowledge: KnowledgePublicSectionModel | null;
  readonly actionPlansHref: string;
  readonly sourceLineDa: string;
};

export type KeyFigures = {
  readonly headingDa: string;
  readonly items: readonly {
    readonly mapNameDa: string;
    readonly textDa: string;
    readonly revisionNoteDa: string | null;
  }[];
  /** Said once for the page, instead of a one-dot chart and columns of "ingen data" per map (issue 9, point 4). */
  readonly onlyYearNoteDa: string | null;
};

export type CouncilBox = {
  readonly headingDa: string;
  /** "Kortet for 2024 blev offentliggjort den 10. juni 2025." */
  readonly publishedDa: string;
  readonly deadlineDa: string;
  /** The treatment record's status sentence; null without a record. */
  readonly statusDa: string | null;
  readonly agendaItemHref: string;
  readonly formatLinks: readonly { readonly href: string; readonly labelDa: string }[];
  readonly agendaItemForm: { readonly code: string; readonly year: number; readonly plans: readonly AttachablePlan[] };
};

export type CommentSection = {
  /** The published comment with its source line, or the sentence saying there is none. */
  readonly shown:
    | { readonly kind: "comment"; readonly textDa: string; readonly sourceLineDa: string }
    | { readonly kind: "none"; readonly textDa: string };
  readonly editing:
    | null
    | { readonly kind: "reader"; readonly stateDa: string | null; readonly draftTextDa: string | null }
    | {
        readonly kind: "editor";
        readonly savedDa: string | null;
        readonly stateDa: string | null;
        readonly form: CommentFormModel;
      };
};

export type TableDownloads = { readonly csvHref: string; readonly xlsxHref: string };

export type MapSection = {
  readonly map: MapId;
  readonly nameDa: string;
  readonly table: { readonly model: TableModel; readonly id: string; readonly downloads: TableDownloads };
  /** One dot is no development: the chart is drawn from two years with a rate (issue 9, point 4). */
  readonly trend: {
    /**
     * The chart laid out twice: for a wide page and for a phone (issue 9, point 7: scaled down from 640 px,
     * its text was about 6 px at 390 px). CSS shows one; the other is display: none.
     */
    readonly wideSvg: TrustedSvg;
    readonly narrowSvg: TrustedSvg;
    readonly svgHref: string;
    readonly pngName: string;
  } | null;
  readonly neighboursHeadingDa: string;
  readonly neighbours:
    | { readonly kind: "table"; readonly model: TableModel; readonly id: string; readonly downloads: TableDownloads }
    | { readonly kind: "none"; readonly textDa: string; readonly linkHref: string };
  readonly subjects:
    | { readonly kind: "table"; readonly model: TableModel; readonly id: string; readonly downloads: TableDownloads }
    | { readonly kind: "none"; readonly textDa: string };
};

export type GeneralTreatment = {
  readonly kind: "general";
  readonly deadlineDa: string;
  readonly bodies: readonly Pick<CouncilBody, "nameDa" | "role" | "descriptionDa">[];
  readonly actionPlanNoteDa: string | null;
};

/** The narrow layout's width in px: the content width of a 390 px phone, so text is drawn at about its own size. */
const NARROW_CHART_WIDTH = 360;

export function buildProfilePageModel(input: ProfilePageInput): ProfilePageModel {
  const m = input.profile.municipality;
  const shell = { titleDa: `${m.name} Kommune`, isDemo: input.data.isDemo, nameDa: m.name };
  const year = input.year;
  if (year === null) return { ...shell, body: { kind: "no-data" } };
  const treatment = buildCouncilTreatment(year, input.legalRules);
  return {
    ...shell,
    body: {
      kind: "profile",
      code: m.code,
      year,
      introDa: `${m.region}. Kommunekode ${m.code}. Tal for dataåret ${year}.`,
      mapHref: `/kort?aar=${year}&kommune=${m.code}`,
      mapLinkDa: `Se ${m.name} på Danmarkskortet`,
      years: {
        options: [...input.data.years].reverse().map((y) => ({ value: String(y), labelDa: String(y) })),
        selected: String(year),
      },
      keyFigures: buildKeyFigures(input, year),
      mapLinks: mapProfilesOf(input.profile).map((mp) => ({
        href: `#h-${mp.map}`,
        nameDa: MAP_DEFINITIONS[mp.map].nameDa,
      })),
      council: {
        headingDa: `Byrådets behandling af kortet for ${year}`,
        publishedDa: `Kortet for ${year} ${treatment.publishedOn ? `blev offentliggjort den ${treatment.publishedDa}` : `offentliggøres ${treatment.publishedDa}`}.`,
        deadlineDa: treatment.deadlineDa,
        statusDa: input.treatment?.record.status.sentenceDa ?? null,
        agendaItemHref: `/kommuner/${m.code}/dagsordenpunkt?aar=${year}&format=docx`,
        formatLinks: (["docx", "pdf", "html", "md"] as const).map((f) => ({
          href: `/kommuner/${m.code}/dagsordenpunkt?aar=${year}&format=${f}`,
          labelDa: f.toUpperCase(),
        })),
        agendaItemForm: { code: m.code, year, plans: input.attachablePlans },
      },
      comment: buildCommentSection(input, year),
      maps: mapProfilesOf(input.profile).map((mapProfile, i) => buildMapSection(input, mapProfile, i, year)),
      neighbourMap: {
        svg: trustSvg(renderProfileNeighbourSvg(input.profile, input.sourceLineDa, input.geometries)),
        svgHref: `/kommuner/${m.code}/naboer.svg?aar=${year}`,
        pngName: `${m.code}-naboer.png`,
      },
      treatment: input.treatment
        ? { kind: "record", section: input.treatment }
        : {
            kind: "general",
            deadlineDa: treatment.deadlineDa,
            bodies: treatment.bodies.map((b) => ({ nameDa: b.nameDa, role: b.role, descriptionDa: b.descriptionDa })),
            actionPlanNoteDa: treatment.actionPlanDecisionRequired
              ? "Kommunalbestyrelsen skal også tage stilling til, om der er behov for en handleplan (retssikkerhedslovens § 79 b, stk. 2-3)."
              : treatment.actionPlanRuleExpired
                ? "Pligten til at tage stilling til en handleplan (retssikkerhedslovens § 79 b, stk. 2-3) gælder ikke længere for dette år; bestemmelsen er ophævet."
                : null,
          },
      knowledge: input.knowledge,
      actionPlansHref: `/kommuner/${m.code}/handleplaner`,
      sourceLineDa: input.sourceLineDa,
    },
  };
}

/** The year's reversal rate on each map in one line each, with cases, interval, the national rate and the verdict. */
export function buildKeyFigures(input: ProfileData, year: number): KeyFigures {
  const code = input.profile.municipality.code;
  const items = mapProfilesOf(input.profile).map((mapProfile) => {
    const mapNameDa = MAP_DEFINITIONS[mapProfile.map].nameDa;
    const y = mapProfile.areas.total.years.find((p) => p.year === year);
    const e = y?.municipality.estimate;
    if (!y || !e || e.kind === "no-data") return { mapNameDa, textDa: `ingen data for ${year}.`, revisionNoteDa: null };
    if (e.kind === "no-cases")
      return { mapNameDa, textDa: `ingen realitetsbehandlede sager i ${year}.`, revisionNoteDa: null };
    const national =
      y.national.estimate.kind === "estimate"
        ? ` Landsplan ${formatPercent(y.national.estimate.reversalRate)} pct.;`
        : "";
    // The year's own population in the map's band (issue 18), or the labelled rounded fallback.
    const denominator = selectPopulationDenominator(input.context, mapProfile.map, "total", year);
    const perCapita = measureValue("sager-pr-10000", e, code, denominator);
    const nationalPerCapita =
      y.national.estimate.kind === "estimate"
        ? measureValue("sager-pr-10000", y.national.estimate, null, denominator)
        : null;
    const basis =
      denominator.basis.kind === "imported"
        ? `folketal 1. januar ${year}, FOLK1A ${denominator.basis.period}`
        : `afrundet, ${denominator.basis.year}`;
    const perCapitaText = perCapita
      ? ` ${formatMeasureNumberDa("sager-pr-10000", perCapita.value)} realitetsbehandlede sager pr. 10.000 ${denominator.labelDa} (${formatInteger(perCapita.base)}; ${basis})${nationalPerCapita ? `, landsplan ${formatMeasureNumberDa("sager-pr-10000", nationalPerCapita.value)}` : ""}.`
      : ` Sager pr. 10.000 ${denominator.labelDa}: ${missingPopulationDa(denominator, code)} (${basis}).`;
    const recipients = describeRecipientsDa(recipientsForMap(input.context, mapProfile.map, code, year));
    const notes = [intervalVerdictNoteDa(y.municipality), describeChanceFlagsDa(y.funnelSummary)]
      .filter((t) => t !== null)
      .map((t) => ` ${t}`)
      .join("");
    const revisionNote = revisionNoteDa(e, y.municipality.revision, {
      revisedOn: input.data.revisionByYear.get(year)?.extractedOn ?? null,
      shownOn: input.data.provenanceByYear.get(year)?.extractedOn ?? null,
    });
    return {
      mapNameDa,
      textDa: `${formatPercent(e.reversalRate)} pct. omgjort (${formatInteger(e.reversed)} af ${formatInteger(e.decided)} realitetsbehandlede sager, 95 %-interval ${intervalDa(y.municipality)}).${national} Sammenlignet med landsplan: ${funnelVerdictDa(y.municipality.funnel)}.${notes}${perCapitaText}${recipients ? ` ${recipients}` : ""}`,
      revisionNoteDa: revisionNote,
    };
  });
  const earlier = input.data.years.filter((y) => y < year);
  return {
    headingDa: `Omgørelsesprocenten i ${year}`,
    items,
    onlyYearNoteDa:
      earlier.length === 0
        ? `Der er kun indlæst tal for ${year}; tal for tidligere år er ikke indlæst, så siden viser ikke udviklingen over tid.`
        : null,
  };
}

/** The municipality's own comment on the year's figures (stored with `danmarkskort kommentar`), or a note that there is none. */
function buildCommentSection(input: ProfilePageInput, year: number): CommentSection {
  const m = input.profile.municipality;
  const shown: CommentSection["shown"] = input.comment
    ? {
        kind: "comment",
        textDa: input.comment.text,
        sourceLineDa: `Kommentar fra ${m.name} Kommune om tallene for ${year}, senest ændret ${formatDateDa(input.comment.updatedAt)}. Kommentaren er kommunens egen; den er ikke en del af Ankestyrelsens statistik.`,
      }
    : { kind: "none", textDa: `${m.name} Kommune har ikke skrevet en kommentar til tallene for ${year}.` };
  const editing = input.editing;
  if (!editing) return { shown, editing: null };
  const stateDa = editing.comment ? commentStatusDa(editing.comment) : null;
  if (editing.csrfToken === null) {
    return {
      shown,
      editing: {
        kind: "reader",
        stateDa,
        draftTextDa: editing.comment?.status === "draft" ? editing.comment.text : null,
      },
    };
  }
  return {
    shown,
    editing: {
      kind: "editor",
      savedDa:
        editing.saved && editing.comment
          ? `Kommentaren er gemt som ${editing.comment.status === "published" ? "offentliggjort" : "kladde"}.`
          : null,
      stateDa,
      form: {
        csrfToken: editing.csrfToken,
        municipalityCode: m.code,
        year,
        text: editing.comment?.text ?? "",
        status: editing.comment?.status ?? "draft",
        refusal: null,
        maxLength: input.maxCommentLength,
      },
    },
  };
}

function tableDownloads(code: string, map: MapId, year: number, table: "tal" | "naboer" | "emner"): TableDownloads {
  const q = `kort=${map}&aar=${year}&tabel=${table}`;
  return { csvHref: `/kommuner/${code}/tabel.csv?${q}`, xlsxHref: `/kommuner/${code}/tabel.xlsx?${q}` };
}

function buildMapSection(input: ProfilePageInput, mapProfile: MapProfile, index: number, year: number): MapSection {
  const m = input.profile.municipality;
  const map = mapProfile.map;
  const years = input.data.years;
  const trendYears = mapProfile.areas.total.years.filter(
    (p) => p.year <= year && p.municipality.estimate.kind === "estimate",
  ).length;
  const neighbourYears = mapProfile.neighbours.years.filter((y) => years.includes(y));
  const subjects = buildSubjectTableModel(mapProfile, year, m.name);
  return {
    map,
    nameDa: MAP_DEFINITIONS[map].nameDa,
    table: {
      model: buildProfileTableModel(mapProfile, year, m.name, index + 1),
      id: `profile-table-${map}`,
      downloads: tableDownloads(m.code, map, year, "tal"),
    },
    trend:
      trendYears >= 2
        ? {
            wideSvg: trustSvg(renderProfileTrendSvg(input.profile, mapProfile, input.sourceLineDa)),
            narrowSvg: trustSvg(
              renderProfileTrendSvg(input.profile, mapProfile, input.sourceLineDa, NARROW_CHART_WIDTH),
            ),
            svgHref: `/kommuner/${m.code}/udvikling.svg?kort=${map}&aar=${year}`,
            pngName: `${m.code}-${map}-udvikling.png`,
          }
        : null,
    neighboursHeadingDa:
      neighbourYears.length === 1 ? `Nabokommuner i ${neighbourYears[0]}` : "Nabokommuner de seneste fire år",
    neighbours:
      mapProfile.neighbours.members.length > 0
        ? {
            kind: "table",
            model: buildComparisonTableModel(mapProfile, m.name, null, years),
            id: `neighbours-${map}`,
            downloads: tableDownloads(m.code, map, year, "naboer"),
          }
        : {
            kind: "none",
            textDa: `${m.name} har ingen landgrænse til andre kommuner. Sammenlign i stedet med ${m.region} på`,
            linkHref: `/kort?kort=${map}&aar=${year}&visning=tabel`,
          },
    subjects:
      subjects.rows.length === 0
        ? { kind: "none", textDa: `Ingen realitetsbehandlede sager på dette kort i ${year}.` }
        : {
            kind: "table",
            model: subjects,
            id: `subjects-${map}`,
            downloads: tableDownloads(m.code, map, year, "emner"),
          },
  };
}
