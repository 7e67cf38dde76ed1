import { MAP_DEFINITIONS, MAP_IDS } from "../../domain/map-definition.js";
import type { ReportContext } from "../report-context.js";
import type { ReportBlock, ReportTable } from "../report-document.js";
import { pointsIntervalText, pointsText, rateTableCell } from "../report-phrases.js";
import { changeText, municipalityTotal, previousYearLoaded } from "./map-result-text.js";

/** Last year against this year on all three maps, with the chance test's verdict in words. */
export function buildChangeSection(ctx: ReportContext): ReportBlock[] {
  // Without last year there is nothing to compare, and no table of dashes: the introduction says once that
  // the year is not loaded (issue 9, point 4; issue 16, point 7).
  if (!previousYearLoaded(ctx)) return [];
  const label = ctx.nextTableLabel();
  const columns = [
    "Kort",
    `${ctx.previousYear}, pct. (antal afgørelser)`,
    `${ctx.year}, pct. (antal afgørelser)`,
    "Ændring",
    "95 %-interval for ændringen",
    "Mere end tilfældig variation?",
  ];
  const methods = [
    ...new Set(MAP_IDS.map((id) => ctx.figures.maps[id].change).flatMap((c) => (c.kind === "tested" ? [c.methodDa] : []))),
  ];
  const table: ReportTable = {
    kind: "table",
    label,
    caption: `${ctx.municipality}s omgørelsesprocenter ${ctx.previousYear} og ${ctx.year}`,
    header: [[{ text: "Kort" }, ...columns.slice(1).map((text) => ({ text }))]],
    flatHeader: columns,
    numericColumns: [1, 2, 3, 4],
    columnShares: [0.25, 0.15, 0.15, 0.11, 0.19, 0.15],
    rows: MAP_IDS.map((id) => {
      const mf = ctx.figures.maps[id];
      const change = mf.change;
      return {
        cells: [
          MAP_DEFINITIONS[id].nameDa,
          rateTableCell(mf.previous.municipality),
          rateTableCell(municipalityTotal(mf)),
          change.kind === "tested" ? pointsText(change.differencePoints).replace(" procentpoint", "") : "–",
          change.kind === "tested" ? pointsIntervalText(change.ci95Points[0], change.ci95Points[1]).replace(" procentpoint", "") : "–",
          change.kind === "tested" ? (change.beyondChance ? "Ja" : "Nej") : "Kan ikke vurderes",
        ],
      };
    }),
    note:
      "Ændring og interval er i procentpoint. " +
      (methods.length > 0 ? `Intervallet er beregnet med ${methods.join(" og ")}; ændringen regnes for mere end tilfældig, når intervallet ikke omfatter 0. ` : "") +
      "Et »Nej« betyder, at ændringen godt kan skyldes tilfældig variation, ikke at der ingen ændring er.",
  };
  return [
    { kind: "heading", level: 3, text: `Udviklingen fra ${ctx.previousYear} til ${ctx.year}` },
    {
      kind: "paragraph",
      text: `${label} sammenligner ${ctx.municipality}s omgørelsesprocenter i ${ctx.previousYear} og ${ctx.year} på de tre kort. Når antallet af sager er lille, kan omgørelsesprocenten ændre sig meget fra år til år, uden at det afspejler en ændring i sagsbehandlingen. Tabellen viser derfor også, om ændringen er større, end hvad tilfældig variation kan forklare.`,
    },
    table,
    // The change on each map in words, with Newcombe's interval: the default item leaves this to the table.
    { kind: "bullets", items: MAP_IDS.flatMap((id) => (ctx.figures.maps[id].change.kind === "tested" ? [`${MAP_DEFINITIONS[id].nameDa}: ${changeText(ctx, ctx.figures.maps[id].change)}`] : [])) },
  ];
}
