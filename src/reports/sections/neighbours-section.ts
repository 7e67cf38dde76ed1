import { formatInteger, formatPercent } from "../../domain/format-danish-number.js";
import type { ReportContext } from "../report-context.js";
import type { ReportBlock, ReportTableRow } from "../report-document.js";
import { municipalityDisplayName } from "../municipality-display-name.js";
import { intervalText, joinDa, rateTableCell } from "../report-phrases.js";
import { DEFAULT_MAP_RULES } from "../../domain/map-rules.js";

/** The first data year of barnets lov in the map rules (dated law as data, domain/map-rules.ts). */
const BARNETS_LOV_FROM = Math.min(...DEFAULT_MAP_RULES.mapRules.filter((r) => r.law === "BL").map((r) => r.valid.from));

/**
 * The neighbours over four years on the general map. Several years pooled say more than one year alone
 * when the cases are few (domain.md §5); the pooled column uses the same window as everywhere else
 * (DEFAULT_POOLED_YEARS), with its interval, and says so when the window crosses the change to barnets lov.
 * The national row gives the level to compare with.
 */
export function buildNeighboursSection(ctx: ReportContext): ReportBlock[] {
  const { years, rows, pooledYears } = ctx.figures.neighbours;
  if (years.length === 0 || rows.length === 0) return [];
  const hasNeighbours = rows.length > 1;
  const first = years[0]!;
  const last = years[years.length - 1]!;
  // One loaded year: no "2024–2024" and no pooled column equal to the year itself (issue 9, point 4).
  const single = years.length === 1;
  const span = single ? String(first) : `${first}–${last}`;
  const inYears = single ? `i ${first}` : `i årene ${first}–${last}`;
  const label = ctx.nextTableLabel();
  const national = ctx.figures.maps.socialomraadet.trend;
  const nationalByYear = new Map(national.map((t) => [t.year, t.national]));
  const neighbourNames = rows.filter((r) => !r.isSubject).map((r) => municipalityDisplayName(r.municipalityCode).replace(/ Kommune$/, ""));
  const tableRows: ReportTableRow[] = [
    ...rows.map((r) => ({
      cells: [municipalityDisplayName(r.municipalityCode), ...r.estimates.map(rateTableCell), ...(single ? [] : [rateTableCell(r.pooled)])],
      emphasis: r.isSubject,
    })),
    {
      cells: ["Landsplan", ...years.map((y) => rateTableCell(nationalByYear.get(y) ?? { kind: "no-data", reason: { code: "year-without-data", year: y } })), ...(single ? [] : ["–"])],
    },
  ];
  const subject = rows.find((r) => r.isSubject);
  const pooledFirst = pooledYears[0] ?? first;
  const anyMissing = subject?.estimates.some((e, i) => e.kind === "no-data" && years[i]! >= pooledFirst) ?? false;
  const crossesBarnetsLov = pooledFirst < BARNETS_LOV_FROM && last >= BARNETS_LOV_FROM;
  const lawNote = crossesBarnetsLov
    ? ` De samlede tal går på tværs af ${BARNETS_LOV_FROM}, hvor barnets lov afløste servicelovens regler om børn og unge; sagerne på børneområdet er derfor afgjort efter to forskellige love.`
    : "";
  // A pooled figure over years from different dataset versions (say, an older year from the published map
  // and a newer one from a later extraction) is said to be so, with the version of each year (issue 10, 7).
  const pooledVersions = pooledYears.map((y) => ({ year: y, version: ctx.versionByYear.get(y) })).filter((v): v is { year: number; version: number } => v.version !== undefined);
  const versionNote =
    new Set(pooledVersions.map((v) => v.version)).size > 1
      ? ` De samlede tal bygger på forskellige datasætversioner: ${joinDa(pooledVersions.map((v) => `${v.year} fra version ${v.version}`))}.`
      : "";
  const pooledText =
    !single && subject?.pooled.kind === "estimate"
      ? ` Samlet for ${pooledFirst}–${last}${anyMissing ? " (de år, der er data for)" : ""} omgjorde Ankestyrelsen ${formatInteger(subject.pooled.reversed)} af ${formatInteger(subject.pooled.decided)} afgørelser fra ${ctx.municipality}, svarende til ${formatPercent(subject.pooled.reversalRate)} pct. (${intervalText(subject.pooled.ci95)}).${lawNote}${versionNote}`
      : "";
  // Islands (Bornholm, Fanø, Samsø, Læsø, Ærø, and Langeland and Morsø behind their bridges) share no land
  // border with another municipality (domain/registry/neighbours-data.ts): their own years, with the country.
  const intro = hasNeighbours
    ? `${label} viser omgørelsesprocenten på socialområdet generelt for ${ctx.municipality} og nabokommunerne ${joinDa(neighbourNames)} ${inYears}.`
    : `${ctx.municipality} har ingen landgrænse til andre kommuner, så der er ingen nabokommuner at sammenligne med. ${label} viser i stedet kommunens omgørelsesprocent på socialområdet generelt ${inYears} sammen med landsplan.`;
  return [
    { kind: "heading", level: 3, text: hasNeighbours ? `Nabokommunerne ${span}` : `Kommunen og landsplan ${span}` },
    {
      kind: "paragraph",
      text: `${intro} Tallet i parentes er antallet af afgørelser.${pooledText}`,
    },
    {
      kind: "table",
      label,
      caption: hasNeighbours
        ? `Omgørelsesprocent på socialområdet i ${ctx.municipality} og nabokommunerne ${span}`
        : `Omgørelsesprocent på socialområdet i ${ctx.municipality} og på landsplan ${span}`,
      header: [[{ text: "Kommune" }, ...years.map((y) => ({ text: String(y) })), ...(single ? [] : [{ text: `${pooledFirst}–${last} samlet` }])]],
      flatHeader: ["Kommune", ...years.map(String), ...(single ? [] : [`${pooledFirst}–${last} samlet`])],
      numericColumns: years.map((_, i) => i + 1).concat(single ? [] : [years.length + 1]),
      columnShares: years.length === 4 ? [0.26, 0.14, 0.14, 0.14, 0.14, 0.18] : undefined,
      rows: tableRows,
      note: "Procent af realitetsbehandlede afgørelser; antal afgørelser i parentes. – betyder, at der ikke er tal.",
    },
  ];
}
