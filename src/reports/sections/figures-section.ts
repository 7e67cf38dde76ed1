import { formatInteger } from "../../domain/format-danish-number.js";
import type { ReportContext } from "../report-context.js";
import type { ReportBlock } from "../report-document.js";
import { joinDa } from "../report-phrases.js";

/**
 * The item's images: the municipality among its neighbours (left out for islands, which have none: a
 * lone island says nothing a reader needs), and its rate over the years. The chart's caption gives the
 * number of decided cases behind each year's point, as every rate in the item is shown with its cases.
 */
export function buildFiguresSection(ctx: ReportContext): ReportBlock[] {
  const trend = ctx.figures.maps.socialomraadet.trend;
  const first = trend[0]?.year ?? ctx.year;
  const hasNeighbours = ctx.figures.neighbours.rows.length > 1;
  // A trend needs two years with a rate: one dot is no development, so no chart (issue 9, point 4).
  const hasTrend = trend.filter((t) => t.municipality.kind === "estimate").length >= 2;
  if (!hasNeighbours && !hasTrend) return [];
  const mapLabel = hasNeighbours ? ctx.nextFigureLabel() : null;
  const chartLabel = hasTrend ? ctx.nextFigureLabel() : null;
  const counts = trend.flatMap((t) => (t.municipality.kind === "estimate" ? [`${formatInteger(t.municipality.decided)} i ${t.year}`] : []));
  const countsText = counts.length > 0 ? ` Antal afgørelser bag kommunens tal: ${joinDa(counts)}.` : "";
  const chartText = `${chartLabel ?? ""} viser udviklingen i kommunens omgørelsesprocent på socialområdet fra ${first} til ${ctx.year} med 95 %-usikkerhedsinterval og landsplan til sammenligning.`;
  const mapText = mapLabel ? `${mapLabel} viser ${ctx.municipality} og de nabokommuner, som indgår i sammenligningen ovenfor.` : "";
  return [
    { kind: "heading", level: 3, text: hasNeighbours ? (hasTrend ? "Kort og udvikling over tid" : "Kort over nabokommunerne") : "Udvikling over tid" },
    {
      kind: "paragraph",
      text: [mapText, hasTrend ? chartText : ""].filter((t) => t !== "").join(" "),
    },
    ...(mapLabel
      ? [
          {
            kind: "figure",
            figureId: "neighbour-map",
            label: mapLabel,
            caption: `${ctx.municipality} og nabokommunerne`,
            altText: `Kort, hvor ${ctx.municipality} er fremhævet mørkt og nabokommunerne lysere. Nabokommunernes tal fremgår af tabellen ovenfor.`,
          } satisfies ReportBlock,
        ]
      : []),
    ...(chartLabel
      ? [
          {
            kind: "figure",
            figureId: "trend-chart",
            label: chartLabel,
            caption: `Omgørelsesprocent på socialområdet ${first}–${ctx.year}, ${ctx.municipality} og landsplan.${countsText}`,
            altText: `Linjediagram over ${ctx.municipality}s omgørelsesprocent på socialområdet ${first}–${ctx.year} med 95 %-usikkerhedsinterval og landsplan. Tallene fremgår af tabellerne.`,
          } satisfies ReportBlock,
        ]
      : []),
  ];
}
