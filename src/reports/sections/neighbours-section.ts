import { formatInteger, formatPercent } from "../../domain/format-danish-number.js";
import type { ReportContext } from "../report-context.js";
import type { ReportBlock, ReportTableRow } from "../report-document.js";
import { municipalityDisplayName } from "../municipality-display-name.js";
import { joinDa, rateTableCell } from "../report-phrases.js";

/**
 * The neighbours over four years on the general map. Several years pooled say more than one year alone
 * when the cases are few (domain.md §5); the national row gives the level to compare with.
 */
export function buildNeighboursSection(ctx: ReportContext): ReportBlock[] {
  const { years, rows } = ctx.figures.neighbours;
  if (years.length === 0 || rows.length === 0) return [];
  const hasNeighbours = rows.length > 1;
  const first = years[0]!;
  const last = years[years.length - 1]!;
  const label = ctx.nextTableLabel();
  const national = ctx.figures.maps.socialomraadet.trend;
  const nationalByYear = new Map(national.map((t) => [t.year, t.national]));
  const neighbourNames = rows.filter((r) => !r.isSubject).map((r) => municipalityDisplayName(r.municipalityCode).replace(/ Kommune$/, ""));
  const tableRows: ReportTableRow[] = [
    ...rows.map((r) => ({
      cells: [municipalityDisplayName(r.municipalityCode), ...r.estimates.map(rateTableCell), rateTableCell(r.pooled)],
      emphasis: r.isSubject,
    })),
    {
      cells: ["Landsplan", ...years.map((y) => rateTableCell(nationalByYear.get(y) ?? { kind: "no-data", reasonDa: "ikke i datagrundlaget" })), "–"],
    },
  ];
  const subject = rows.find((r) => r.isSubject);
  const anyMissing = subject?.estimates.some((e) => e.kind === "no-data") ?? false;
  const pooledText =
    subject?.pooled.kind === "estimate"
      ? ` Samlet for ${first}–${last}${anyMissing ? " (de år, der er data for)" : ""} omgjorde Ankestyrelsen ${formatInteger(subject.pooled.reversed)} af ${formatInteger(subject.pooled.decided)} afgørelser fra ${ctx.municipality}, svarende til ${formatPercent(subject.pooled.reversalRate)} pct.`
      : "";
  // Islands (Bornholm, Fanø, Samsø, Læsø, Ærø, and Langeland and Morsø behind their bridges) share no land
  // border with another municipality (domain/registry/neighbours-data.ts): their own years, with the country.
  const intro = hasNeighbours
    ? `${label} viser omgørelsesprocenten på socialområdet generelt for ${ctx.municipality} og nabokommunerne ${joinDa(neighbourNames)} i årene ${first}–${last}.`
    : `${ctx.municipality} har ingen landgrænse til andre kommuner, så der er ingen nabokommuner at sammenligne med. ${label} viser i stedet kommunens omgørelsesprocent på socialområdet generelt i årene ${first}–${last} sammen med landsplan.`;
  return [
    { kind: "heading", level: 3, text: hasNeighbours ? `Nabokommunerne ${first}–${last}` : `Kommunen og landsplan ${first}–${last}` },
    {
      kind: "paragraph",
      text: `${intro} Tallet i parentes er antallet af afgørelser.${pooledText}`,
    },
    {
      kind: "table",
      label,
      caption: hasNeighbours
        ? `Omgørelsesprocent på socialområdet i ${ctx.municipality} og nabokommunerne ${first}–${last}`
        : `Omgørelsesprocent på socialområdet i ${ctx.municipality} og på landsplan ${first}–${last}`,
      header: [[{ text: "Kommune" }, ...years.map((y) => ({ text: String(y) })), { text: `${first}–${last} samlet` }]],
      flatHeader: ["Kommune", ...years.map(String), `${first}–${last} samlet`],
      numericColumns: years.map((_, i) => i + 1).concat([years.length + 1]),
      columnShares: years.length === 4 ? [0.26, 0.14, 0.14, 0.14, 0.14, 0.18] : undefined,
      rows: tableRows,
      note: "Procent af realitetsbehandlede afgørelser; antal afgørelser i parentes. – betyder, at der ikke er tal.",
    },
  ];
}
