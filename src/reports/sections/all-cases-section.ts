import { formatInteger } from "../../domain/format-danish-number.js";
import { MAP_DEFINITIONS } from "../../domain/map-definition.js";
import type { CaseFigures } from "../agenda-item-figures.js";
import type { ReportContext } from "../report-context.js";
import type { ReportBlock, ReportTableRow } from "../report-document.js";
import { decisions, pct } from "../report-phrases.js";

/** Where a subject with no row in the municipality's own table is listed: nothing is dropped (style.md). */
const NO_AREA_DA = "Ikke placeret i kommunens områdetabel";

/**
 * Every case Ankestyrelsen decided for the municipality in the year, on the maps and outside them
 * (employment law, tvangsmæssige foranstaltninger …), which the import keeps (domain.md §3). Grouped by the
 * municipality's own areas when it keeps a subject → area table, else by whether the subject is on a map.
 */
export function buildAllCasesSection(ctx: ReportContext): ReportBlock[] {
  const cases = ctx.allCases;
  if (cases === null) return [];
  const heading: ReportBlock = { kind: "heading", level: 3, text: `Alle klagesager afgjort af Ankestyrelsen i ${ctx.year}` };
  if (cases.length === 0) return [heading, { kind: "paragraph", text: `Datagrundlaget indeholder ingen klagesager fra ${ctx.municipality} afgjort i ${ctx.year}.` }];
  const groupOf = (c: CaseFigures): string =>
    ctx.subjectAreas ? (ctx.subjectAreas.get(c.subject) ?? NO_AREA_DA) : c.maps.length > 0 ? "På danmarkskortene" : "Uden for danmarkskortene";
  const groups = new Map<string, CaseFigures[]>();
  for (const c of cases) groups.set(groupOf(c), [...(groups.get(groupOf(c)) ?? []), c]);
  const order = [...groups.keys()].sort((a, b) => (a === NO_AREA_DA ? 1 : b === NO_AREA_DA ? -1 : a.localeCompare(b, "da")));
  const label = ctx.nextTableLabel();
  const sum = (cs: readonly CaseFigures[]) => cs.reduce((a, c) => ({ decided: a.decided + c.decided, reversed: a.reversed + c.reversed, rejected: a.rejected + c.rejected }), { decided: 0, reversed: 0, rejected: 0 });
  const cells = (name: string, s: { decided: number; reversed: number; rejected: number }, where: string) => [
    name,
    where,
    formatInteger(s.decided),
    formatInteger(s.reversed),
    s.decided > 0 ? pct(s.reversed / s.decided).replace(" pct.", "") : "–",
    formatInteger(s.rejected),
  ];
  const rows: ReportTableRow[] = [];
  for (const g of order) {
    const members = [...groups.get(g)!].sort((a, b) => b.decided - a.decided || a.subject.localeCompare(b.subject, "da"));
    rows.push({ cells: cells(g, sum(members), ""), emphasis: true });
    for (const c of members) rows.push({ cells: cells(c.subject, c, c.maps.length > 0 ? c.maps.map((m) => MAP_DEFINITIONS[m].shortNameDa).join(", ") : "uden for kortene") });
  }
  const total = sum(cases);
  rows.push({ cells: cells("I alt", total, ""), emphasis: true });
  const outside = cases.filter((c) => c.maps.length === 0);
  const outsideSum = sum(outside);
  return [
    heading,
    {
      kind: "paragraph",
      text:
        `${label} viser alle ${decisions(total.decided)}, som Ankestyrelsen realitetsbehandlede i klagesager fra ${ctx.municipality} i ${ctx.year}, fordelt på sagsemner${ctx.subjectAreas ? " og kommunens egne områder" : ""}. ` +
        (outside.length > 0
          ? `${formatInteger(outsideSum.decided)} af dem vedrører sagsemner, der ikke indgår i danmarkskortene, fx beskæftigelsesområdet.`
          : "Alle sagerne vedrører sagsemner på danmarkskortene."),
    },
    {
      kind: "table",
      label,
      caption: `Alle klagesager fra ${ctx.municipality} afgjort af Ankestyrelsen i ${ctx.year}`,
      header: [[{ text: "Sagsemne" }, { text: "Kort" }, { text: "Afgørelser" }, { text: "Omgjort" }, { text: "Omgjort, pct." }, { text: "Afviste" }]],
      flatHeader: ["Sagsemne", "Kort", "Afgørelser", "Omgjort", "Omgjort, pct.", "Afviste"],
      numericColumns: [2, 3, 4, 5],
      columnShares: [0.34, 0.3, 0.1, 0.09, 0.09, 0.08],
      rows,
      note: "Afgørelser er de realitetsbehandlede. Omgjort omfatter ændrede/ophævede og hjemviste afgørelser, i procent af de realitetsbehandlede. Afviste sager er ikke realitetsbehandlet.",
    },
  ];
}
