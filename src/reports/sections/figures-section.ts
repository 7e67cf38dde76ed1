import type { ReportContext } from "../report-context.js";
import type { ReportBlock } from "../report-document.js";

/** The two images of the item: the municipality among its neighbours, and its rate over the years. */
export function buildFiguresSection(ctx: ReportContext): ReportBlock[] {
  const trend = ctx.figures.maps.socialomraadet.trend;
  const first = trend[0]?.year ?? ctx.year;
  const mapLabel = ctx.nextFigureLabel();
  const chartLabel = ctx.nextFigureLabel();
  return [
    { kind: "heading", level: 3, text: "Kort og udvikling over tid" },
    {
      kind: "paragraph",
      text: `${mapLabel} viser ${ctx.municipality} og de nabokommuner, som indgår i sammenligningen ovenfor. ${chartLabel} viser udviklingen i kommunens omgørelsesprocent fra ${first} til ${ctx.year} med usikkerhedsinterval og landsplan til sammenligning.`,
    },
    {
      kind: "figure",
      figureId: "neighbour-map",
      label: mapLabel,
      caption: `${ctx.municipality} og nabokommunerne`,
      altText: `Kort, hvor ${ctx.municipality} er fremhævet mørkt og nabokommunerne lysere. Nabokommunernes tal fremgår af tabellen ovenfor.`,
    },
    {
      kind: "figure",
      figureId: "trend-chart",
      label: chartLabel,
      caption: `Omgørelsesprocent på socialområdet ${first}–${ctx.year}, ${ctx.municipality} og landsplan`,
      altText: `Linjediagram over ${ctx.municipality}s omgørelsesprocent på socialområdet ${first}–${ctx.year} med 95 %-usikkerhedsinterval og landsplan. Tallene fremgår af tabellerne.`,
    },
  ];
}
