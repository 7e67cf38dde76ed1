import type { PlanKnowledgeFollowUp } from "../../domain/action-plan/knowledge-follow-up.js";
import { aggregateCellText } from "../../domain/knowledge/public-aggregate.js";
import { ACTION_STATUS_NAMES_DA, type ActionPlan } from "../../domain/action-plan/action-plan.js";
import type { ActionPlanFollowUp, FocusAreaFollowUp, FocusAreaYear } from "../../domain/action-plan/action-plan-follow-up.js";
import { findFocusAreaGroup } from "../../domain/action-plan/focus-area-groups.js";
import { DEMO_NOTICE_DA, type DatasetProvenance, type YearProvenance } from "../../domain/complaint-cell.js";
import { formatDateDa } from "../../domain/format-danish-date.js";
import { formatInteger, formatPercent } from "../../domain/format-danish-number.js";
import type { RateEstimate } from "../../domain/rate-estimate.js";
import { FUNNEL_VERDICT_SHORT_DA } from "../../domain/statistics/funnel-limits.js";
import { municipalityDisplayName } from "../municipality-display-name.js";
import type { ReportBlock, ReportSection, ReportTable } from "../report-document.js";

/**
 * The action plan as a document (issue 13, item 4), in the seed's anatomy
 * (seeds/handleplan-danmarkskort-2021-handicap-psykiatri.txt): title, the decision it rests on, goal, actions,
 * focus areas with their figures, and the follow-up; then the evaluations and where the figures came from.
 * Every string is final Danish; the DOCX renderer adds no words. The figures are the computed follow-up,
 * never typed, so the document made next year carries next year's figures.
 */

export type ActionPlanDocument = {
  readonly title: string;
  readonly municipality: string;
  readonly subtitle: string;
  readonly demoNotice: string | null;
  readonly sections: readonly ReportSection[];
  readonly sourceLines: readonly string[];
  readonly footer: string;
  /** File name without extension, ASCII only, so every mail and agenda system accepts it. */
  readonly fileBaseName: string;
};

export type PlanYearVersion = YearProvenance & { readonly year: number; readonly revision: DatasetProvenance | null };

export type ActionPlanDocumentInput = {
  readonly plan: ActionPlan;
  readonly followUp: ActionPlanFollowUp;
  readonly versions: readonly PlanYearVersion[];
  /** When the document is made (ISO): its date line. The clock comes from the caller. */
  readonly madeAt: string;
  /** Whether the chart image is there to refer to. */
  readonly withChart: boolean;
  /** The knowledge bank's counts for the focus areas, where the reader may see them. */
  readonly knowledge?: PlanKnowledgeFollowUp;
};

function rateDa(e: RateEstimate): string {
  return e.kind === "estimate" ? `${formatPercent(e.reversalRate)} %` : e.kind === "no-cases" ? "ingen sager" : "ingen data";
}

function intervalDa(e: RateEstimate): string {
  return e.kind === "estimate" ? `${formatPercent(e.ci95[0])}–${formatPercent(e.ci95[1])} %` : "–";
}

function count(e: RateEstimate, pick: (e: Extract<RateEstimate, { kind: "estimate" | "no-cases" }>) => number): string {
  return e.kind === "no-data" ? "–" : formatInteger(pick(e));
}

function verdictDa(y: FocusAreaYear): string {
  return y.funnel.kind === "assessed" ? FUNNEL_VERDICT_SHORT_DA[y.funnel.verdict] : "ikke vurderet";
}

function followUpTable(areas: readonly FocusAreaFollowUp[], label: string): ReportTable {
  return {
    kind: "table",
    label,
    caption: "Fokusområdernes tal pr. år, beregnet af Ankestyrelsens tal",
    header: [
      [
        { text: "Fokusområde og år", rowSpan: 2 },
        { text: "Kommunen", colSpan: 5 },
        { text: "Landsplan", colSpan: 2 },
        { text: "Vurdering", rowSpan: 2 },
      ],
      [{ text: "Sager" }, { text: "Ændret" }, { text: "Hjemvist" }, { text: "Omgjort" }, { text: "95 %-interval" }, { text: "Sager" }, { text: "Omgjort" }],
    ],
    flatHeader: ["Fokusområde og år", "Sager", "Ændret", "Hjemvist", "Omgjort", "95 %-interval", "Sager (landsplan)", "Omgjort (landsplan)", "Vurdering"],
    rows: areas.flatMap((a) => [
      { cells: [a.nameDa, "", "", "", "", "", "", "", ""], emphasis: true },
      ...a.years.map((y) => ({
        cells: [
          `${y.year}${y.role === "follow-up" ? " (opfølgning)" : ""}`,
          count(y.municipality, (e) => e.decided),
          count(y.municipality, (e) => e.counts.changed),
          count(y.municipality, (e) => e.counts.remitted),
          rateDa(y.municipality),
          intervalDa(y.municipality),
          count(y.national, (e) => e.decided),
          rateDa(y.national),
          verdictDa(y),
        ],
      })),
    ]),
    numericColumns: [1, 2, 3, 4, 5, 6, 7],
    // The verdict column is the widest text ("kan ikke vurderes – for få sager"): it gets the room the counts do not need.
    columnShares: [0.17, 0.06, 0.07, 0.08, 0.09, 0.13, 0.07, 0.09, 0.24],
    note: "Sager: realitetsbehandlede sager (stadfæstede, ændrede/ophævede og hjemviste; afviste sager indgår ikke). Omgjort: ændrede/ophævede og hjemviste i procent af de realitetsbehandlede. Vurdering: kortenes regel mod landsplan for samme fokusområde (tragtplottets 95 %- og 99,8 %-grænser ved kommunens antal sager).",
  };
}

/** "Dataår 2019–2021: talportal.csv (version 3), kortet som offentliggjort" – one line per version. */
export function planSourceLines(versions: readonly PlanYearVersion[]): string[] {
  const byVersion = new Map<number, PlanYearVersion[]>();
  for (const v of versions) byVersion.set(v.datasetVersionId, [...(byVersion.get(v.datasetVersionId) ?? []), v]);
  return [...byVersion.values()].map((vs) => {
    const v = vs[0]!;
    const years = vs.map((x) => x.year);
    const span = years.length > 1 ? `${years[0]}–${years.at(-1)}` : String(years[0]);
    const standing = v.standing === "published" ? "kortet som offentliggjort" : v.extractedOn ? `udtræk af ${formatDateDa(v.extractedOn)}` : "udtræk";
    const revised = vs.filter((x) => x.revision !== null).map((x) => `${x.year} (udtræk af ${x.revision!.extractedOn ? formatDateDa(x.revision!.extractedOn) : "ukendt dato"})`);
    const revisedNote = revised.length > 0 ? `; Ankestyrelsen har siden revideret tallene for ${revised.join(", ")}` : "";
    return `Dataår ${span}: Ankestyrelsens tal, ${v.fileName} (datasætversion ${v.datasetVersionId}${v.source ? `, ${v.source}` : ""}), ${standing}${revisedNote}.`;
  });
}

function asciiSlug(text: string): string {
  return text
    .replace(/æ/gi, (c) => (c === "æ" ? "ae" : "Ae"))
    .replace(/ø/gi, (c) => (c === "ø" ? "oe" : "Oe"))
    .replace(/å/gi, (c) => (c === "å" ? "aa" : "Aa"))
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .toLowerCase();
}

export function buildActionPlanDocument(input: ActionPlanDocumentInput): ActionPlanDocument {
  const { plan, followUp } = input;
  const municipality = municipalityDisplayName(plan.municipalityCode);
  const areas = [...followUp.areas, ...(followUp.combined ? [followUp.combined] : [])];
  const lastYear = followUp.years.at(-1);
  const sections: ReportSection[] = [];

  if (plan.basisDecision.trim() !== "") sections.push({ heading: "Baggrund", blocks: [{ kind: "paragraph", text: plan.basisDecision }] });
  sections.push({ heading: "Mål", blocks: [{ kind: "paragraph", text: plan.goal }] });

  const actionBlocks: ReportBlock[] =
    plan.actions.length === 0
      ? [{ kind: "paragraph", text: "Handleplanen har endnu ingen handlinger." }]
      : [
          {
            kind: "table",
            label: "Tabel 1",
            caption: "Handlinger",
            header: [[{ text: "Handling" }, { text: "Ansvarlig" }, { text: "Frist" }, { text: "Status" }]],
            flatHeader: ["Handling", "Ansvarlig", "Frist", "Status"],
            rows: plan.actions.map((a) => ({ cells: [a.text, a.owner || "–", a.dueDate ? formatDateDa(a.dueDate) : "løbende", ACTION_STATUS_NAMES_DA[a.status]] })),
            numericColumns: [],
            columnShares: [0.56, 0.18, 0.14, 0.12],
          },
        ];
  sections.push({ heading: "Handlinger", blocks: actionBlocks });

  const focusItems = followUp.areas.map((a) => {
    const group = a.focusArea?.kind === "group" ? findFocusAreaGroup(a.focusArea.groupId) : undefined;
    const labels = [...new Set(a.years.flatMap((y) => y.matchedSubjects.map((s) => s.subject)))];
    const matched = labels.length > 0 ? ` Sagsemner i Ankestyrelsens tal: ${labels.map((l) => `"${l}"`).join(", ")}.` : " Ingen sagsemner i tallene for årene.";
    return `${a.nameDa}.${group?.noteDa ? ` ${group.noteDa}` : ""}${matched}`;
  });
  const combinedSentence = followUp.combined
    ? followUp.combined.years
        .map((y) => (y.municipality.kind === "estimate" ? `${formatInteger(y.municipality.decided)} ${y.municipality.decided === 1 ? "sag" : "sager"} i ${y.year} (${formatPercent(y.municipality.reversalRate)} % omgørelse)` : `${y.municipality.kind === "no-cases" ? "ingen sager" : "ingen data"} i ${y.year}`))
        .join(", ")
    : null;
  sections.push({
    heading: "Fokusområder",
    blocks: [
      { kind: "paragraph", text: "Der sættes fokus på følgende sagstyper:" },
      { kind: "bullets", items: focusItems },
      ...(combinedSentence ? [{ kind: "paragraph" as const, text: `Af disse typer sager har der været ${combinedSentence}.` }] : []),
    ],
  });

  const followUpBlocks: ReportBlock[] = [
    {
      kind: "paragraph",
      text: `Tallene er beregnet af Ankestyrelsens klagestatistik for ${followUp.years[0]}–${lastYear} med de samme regler som danmarkskortene og opdateres, når nye tal kommer. Omgørelsesprocenten siger noget om de påklagede og realitetsbehandlede sager, ikke om alle kommunens afgørelser; med få sager kan én sag flytte procenten meget, så antallet af sager står ved hver procent.`,
    },
    followUpTable(areas, "Tabel 2"),
  ];
  if (input.withChart) {
    followUpBlocks.push({
      kind: "figure",
      figureId: "trend-chart",
      label: "Figur 1",
      caption: "Omgørelsesprocent pr. år for fokusområderne med 95 %-interval (skraveret) og landsplan (stiplet)",
      altText: "Omgørelsesprocenten for hvert fokusområde over årene med 95 %-interval og landsplan; tallene står i tabel 2.",
    });
  }
  followUpBlocks.push({ kind: "heading", level: 3, text: "Vurdering pr. år" });
  for (const a of areas) {
    followUpBlocks.push({ kind: "paragraph", text: a.nameDa, emphasis: "strong" });
    followUpBlocks.push({ kind: "bullets", items: a.years.map((y) => y.judgementDa) });
  }
  if (input.knowledge) {
    const k = input.knowledge;
    followUpBlocks.push({ kind: "heading", level: 3, text: "Vidensbanken: hvorfor sagerne blev omgjort" });
    followUpBlocks.push({
      kind: "paragraph",
      text: `Kommunens egne registreringer af Ankestyrelsens omgjorte og hjemviste afgørelser (kun godkendte), placeret i fokusområderne med de samme regler som tallene ovenfor – ikke Ankestyrelsens statistik.${k.exact ? "" : ' Tal under 3 vises som "<3".'}`,
    });
    for (const a of k.areas) {
      followUpBlocks.push({ kind: "paragraph", text: a.nameDa, emphasis: "strong" });
      followUpBlocks.push({
        kind: "bullets",
        items: a.years.map((y) => {
          const reasons = y.byReason.slice(0, 3).map((r) => `${r.labelDa.toLowerCase()} ${aggregateCellText(r.cell)}`);
          return `${y.year}: ${aggregateCellText(y.entries)} registrerede afgørelser${reasons.length > 0 ? ` (årsager: ${reasons.join(", ")})` : ""}.`;
        }),
      });
    }
  }
  sections.push({ heading: "Opfølgning", blocks: followUpBlocks });

  if (plan.evaluations.length > 0) {
    sections.push({ heading: "Evaluering", blocks: plan.evaluations.flatMap((e): ReportBlock[] => [{ kind: "heading", level: 3, text: String(e.year) }, { kind: "paragraph", text: e.text }]) });
  }

  const sourceLines = planSourceLines(input.versions);
  sections.push({ heading: "Kilder", blocks: [{ kind: "bullets", items: sourceLines.length > 0 ? sourceLines : ["Der er ikke indlæst tal for handleplanens år."] }] });

  const isDemo = input.versions.some((v) => v.isDemo);
  return {
    title: plan.title,
    municipality,
    subtitle: `${municipality} · Handleplan for dataår ${plan.dataYears.join(", ")} · ${plan.status === "published" ? "Offentliggjort" : "Kladde"} · Udskrevet ${formatDateDa(input.madeAt)}`,
    demoNotice: isDemo ? DEMO_NOTICE_DA : null,
    sections,
    sourceLines,
    footer: `${municipality} · Handleplan${isDemo ? ` · ${DEMO_NOTICE_DA}` : ""}`,
    fileBaseName: `handleplan-${asciiSlug(municipality)}-${plan.dataYears.join("-")}-nr-${plan.id}`,
  };
}
