import type { ReportContext } from "../report-context.js";
import type { ReportBlock } from "../report-document.js";
import { municipalityDisplayName } from "../municipality-display-name.js";
import { joinDa, rateTableCell } from "../report-phrases.js";
import { buildNeighboursSection } from "./neighbours-section.js";

/**
 * The municipality against the comparison group the user chose (issue 16): a named list, the region or
 * municipalities of similar size, one row each with rate and number of cases per year, and the country.
 * Without a chosen group it is the neighbour table (neighbours-section.ts).
 */
export function buildComparisonSection(ctx: ReportContext): ReportBlock[] {
  const c = ctx.comparison;
  if (c === null || c.kind === "neighbours") return buildNeighboursSection(ctx);
  if (c.years.length === 0) return [];
  const first = c.years[0]!;
  const last = c.years[c.years.length - 1]!;
  const span = c.years.length === 1 ? String(first) : `${first}–${last}`;
  const label = ctx.nextTableLabel();
  const names = c.rows.filter((r) => !r.isSubject).map((r) => municipalityDisplayName(r.municipalityCode).replace(/ Kommune$/, ""));
  return [
    { kind: "heading", level: 3, text: `Sammenligning med ${c.labelDa} ${span}` },
    {
      kind: "paragraph",
      text: `${label} viser omgørelsesprocenten på socialområdet generelt for ${ctx.municipality} og ${c.labelDa} (${joinDa(names)}) ${c.years.length === 1 ? `i ${first}` : `i årene ${span}`}, med antallet af afgørelser i parentes, og landsplan til sammenligning.`,
    },
    {
      kind: "table",
      label,
      caption: `Omgørelsesprocent på socialområdet i ${ctx.municipality} og ${c.labelDa} ${span}`,
      header: [[{ text: "Kommune" }, ...c.years.map((y) => ({ text: String(y) }))]],
      flatHeader: ["Kommune", ...c.years.map(String)],
      numericColumns: c.years.map((_, i) => i + 1),
      firstColumnShare: 0.3,
      rows: [
        ...c.rows.map((r) => ({ cells: [municipalityDisplayName(r.municipalityCode), ...r.estimates.map(rateTableCell)], emphasis: r.isSubject })),
        { cells: ["Landsplan", ...c.national.map(rateTableCell)] },
      ],
      note: "Procent af realitetsbehandlede afgørelser; antal afgørelser i parentes. – betyder, at der ikke er tal for året.",
    },
  ];
}
