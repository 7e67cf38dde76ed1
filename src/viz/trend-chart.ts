import { scaleLinear } from "d3-scale";
import { area, line } from "d3-shape";
import { formatInteger, formatPercent } from "../domain/format-danish-number.js";
import type { RateEstimate } from "../domain/rate-estimate.js";
import { layoutLegend, type PlacedLegendEntry } from "./legend-layout.js";
import { shippedTextMeasure } from "./shipped-font.js";
import { escapeXml, r1, SVG_FONT } from "./svg-text.js";
import { boxesOverlap, textBox, wrapText, type Box, type TextLine, type TextMeasure, type TextStyle } from "./text-measure.js";

export type TrendPoint = { readonly year: number; readonly estimate: RateEstimate };

export type TrendChartPoint = {
  readonly year: number;
  readonly x: number;
  /** null when the year has no estimate (no cases or no data): the line breaks there. */
  readonly y: number | null;
  readonly bandLow: number | null;
  readonly bandHigh: number | null;
  /** "44,2 pct. (77 sager)", "ingen sager", "ingen data". */
  readonly labelDa: string;
};

/** The interval band of one run of years with estimates: an area, or a bar for a year standing alone. */
export type TrendBand = { readonly kind: "area"; readonly d: string } | { readonly kind: "bar"; readonly x: number; readonly y: number; readonly width: number; readonly height: number };

export type TrendLegendSwatch = "municipality-line" | "interval-band" | "national-line";

export type TrendChartModel = {
  /** The final drawing size, title, legend and source line included: renderers and rasterizers use it as is. */
  readonly width: number;
  readonly height: number;
  readonly titleDa: string;
  readonly descriptionDa: string;
  readonly titleLines: readonly TextLine[];
  readonly plot: { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number };
  readonly yTicks: readonly { readonly y: number; readonly labelDa: string }[];
  readonly xTicks: readonly { readonly x: number; readonly labelDa: string }[];
  readonly municipality: {
    readonly nameDa: string;
    readonly points: readonly TrendChartPoint[];
    /** One path per run of years with an estimate: a missing year is a gap, not an invented line. */
    readonly linePaths: readonly string[];
    readonly bands: readonly TrendBand[];
    /** "ingen data"/"ingen sager" written where the line breaks, staggered where they would touch. */
    readonly gapLabels: readonly TextLine[];
  };
  readonly national: { readonly points: readonly TrendChartPoint[]; readonly linePaths: readonly string[] };
  readonly legend: readonly PlacedLegendEntry<TrendLegendSwatch>[];
  readonly sourceLineDa: string | null;
  readonly sourceLines: readonly TextLine[];
};

/** Type sizes (SVG units = CSS pixels at 1:1) and the vertical rhythm of the chart. */
export const TREND_TEXT = {
  title: { size: 14, weight: 600 } satisfies TextStyle,
  axis: { size: 11 } satisfies TextStyle,
  gap: { size: 10 } satisfies TextStyle,
  legend: { size: 11 } satisfies TextStyle,
  source: { size: 11 } satisfies TextStyle,
} as const;
const TITLE_LINE = 18;
const SOURCE_LINE = 14;
const LEGEND_ROW = 18;
const SIDE = 4;
const MIN_LEFT = 36;
const RIGHT = 16;

/**
 * A municipality's reversal rate over the years with its 95 % Wilson interval as a band, and the national
 * rate as a line: the band shows how much a single year can move by chance (domain.md §5). Pure: the
 * model holds every coordinate and the final size, with text measured in the shipped font (`measure`),
 * so the legend and the wrapped title and source line never overlap; renderTrendChartSvg only draws.
 * `height` is the height the chart has with a one-line title, legend and source line; it grows by
 * the extra lines a long name or source needs.
 */
export function buildTrendChartModel(input: {
  readonly municipalityNameDa: string;
  readonly series: readonly TrendPoint[];
  readonly national: readonly TrendPoint[];
  readonly mapNameDa?: string;
  readonly sourceLineDa?: string | null;
  readonly width?: number;
  readonly height?: number;
  readonly measure?: TextMeasure;
}): TrendChartModel {
  const measure = input.measure ?? shippedTextMeasure();
  const width = input.width ?? 640;
  const nominalHeight = input.height ?? 320;
  const mapPart = input.mapNameDa ? `, ${input.mapNameDa}` : "";
  const titleDa = `Omgørelsesprocent over tid: ${input.municipalityNameDa}${mapPart}`;
  const titleLines = wrapText(measure, titleDa, TREND_TEXT.title, width - 2 * SIDE).map((text, i) => ({ x: SIDE, y: 18 + i * TITLE_LINE, text }));

  const highs = [...input.series, ...input.national].flatMap((p) => (p.estimate.kind === "estimate" ? [p.estimate.ci95[1]] : []));
  // The axis starts at 0 so differences are not exaggerated, and ends at the next 10 % above the highest band.
  const yMax = Math.min(1, Math.max(0.1, Math.ceil(Math.max(0, ...highs) * 10) / 10));
  const tickStep = yMax > 0.5 ? 0.2 : 0.1;
  const tickValues = Array.from({ length: Math.round(yMax / tickStep) + 1 }, (_, i) => i * tickStep);
  const tickLabel = (v: number) => `${Math.round(v * 100)} %`;
  // The plot starts where the widest tick label ends, not at a guessed margin.
  const left = Math.max(MIN_LEFT, Math.ceil(SIDE + Math.max(...tickValues.map((v) => measure.width(tickLabel(v), TREND_TEXT.axis))) + 6));
  const top = titleLines.at(-1)!.y + 22;
  const plot = { left, top, right: width - RIGHT, bottom: top + (nominalHeight - 40 - 52) };

  const years = [...new Set([...input.series, ...input.national].map((p) => p.year))].sort((a, b) => a - b);
  // An equal domain maps to the middle, so a single year stands in the centre.
  const x = scaleLinear().domain([years[0] ?? 0, years.at(-1) ?? 0]).range([plot.left, plot.right]);
  const y = scaleLinear().domain([0, yMax]).range([plot.bottom, plot.top]);
  const yOf = (v: number) => r1(y(v));
  const toPoint = (p: TrendPoint): TrendChartPoint => {
    const e = p.estimate;
    const px = r1(x(p.year));
    switch (e.kind) {
      case "estimate":
        return {
          year: p.year,
          x: px,
          y: yOf(e.reversalRate),
          bandLow: yOf(e.ci95[0]),
          bandHigh: yOf(e.ci95[1]),
          labelDa: `${formatPercent(e.reversalRate)} pct. (${formatInteger(e.decided)} sager; 95 %-interval ${formatPercent(e.ci95[0])}–${formatPercent(e.ci95[1])})`,
        };
      case "no-cases":
        return { year: p.year, x: px, y: null, bandLow: null, bandHigh: null, labelDa: "ingen sager" };
      case "no-data":
        return { year: p.year, x: px, y: null, bandLow: null, bandHigh: null, labelDa: "ingen data" };
    }
  };
  const points = input.series.map(toPoint);
  const nationalPoints = input.national.map(toPoint);

  const legendLayout = layoutLegend<TrendLegendSwatch>(
    [
      { swatch: "municipality-line", labelDa: input.municipalityNameDa },
      { swatch: "interval-band", labelDa: "95 %-interval" },
      { swatch: "national-line", labelDa: "Landsplan" },
    ],
    { measure, style: TREND_TEXT.legend, left: plot.left, right: width - SIDE, top: plot.bottom + 34, swatchWidth: 24, rowHeight: LEGEND_ROW, entryGap: 24 },
  );
  const sourceDa = input.sourceLineDa ?? null;
  const sourceLines = (sourceDa ? wrapText(measure, sourceDa, TREND_TEXT.source, width - 2 * SIDE) : []).map((text, i) => ({
    x: SIDE,
    y: r1(legendLayout.bottom + 4 + measure.capHeight(TREND_TEXT.source.size) + i * SOURCE_LINE),
    text,
  }));
  const lastBaseline = sourceLines.at(-1)?.y ?? legendLayout.bottom;
  const height = Math.ceil(lastBaseline + measure.descent(TREND_TEXT.source.size) + 4);

  return {
    width,
    height,
    titleDa,
    descriptionDa: `${input.municipalityNameDa}: ${points.map((p) => `${p.year}: ${p.labelDa}`).join("; ")}. Den stiplede linje er landsplan; det skraverede bånd er 95 %-intervallet.`,
    titleLines,
    plot,
    yTicks: tickValues.map((v) => ({ y: yOf(v), labelDa: tickLabel(v) })),
    xTicks: points.map((p) => ({ x: p.x, labelDa: String(p.year) })),
    municipality: { nameDa: input.municipalityNameDa, points, linePaths: linePaths(points), bands: bands(points), gapLabels: gapLabels(points, plot.bottom, measure) },
    national: { points: nationalPoints, linePaths: linePaths(nationalPoints) },
    legend: legendLayout.entries,
    sourceLineDa: sourceDa,
    sourceLines,
  };
}

/** Splits a series where it has no value, so a missing year is a gap rather than an invented line. */
function segments(points: readonly TrendChartPoint[]): TrendChartPoint[][] {
  const out: TrendChartPoint[][] = [[]];
  for (const p of points) {
    if (p.y === null) out.push([]);
    else out[out.length - 1]!.push(p);
  }
  return out.filter((s) => s.length > 0);
}

function linePaths(points: readonly TrendChartPoint[]): string[] {
  const path = line<TrendChartPoint>()
    .x((p) => p.x)
    .y((p) => p.y!)
    .digits(1);
  return segments(points).map((s) => path(s) ?? "");
}

function bands(points: readonly TrendChartPoint[]): TrendBand[] {
  const band = area<TrendChartPoint>()
    .x((p) => p.x)
    .y0((p) => p.bandLow!)
    .y1((p) => p.bandHigh!)
    .digits(1);
  return segments(points).map((s): TrendBand => {
    if (s.length > 1) return { kind: "area", d: band(s) ?? "" };
    const p = s[0]!;
    return { kind: "bar", x: r1(p.x - 4), y: p.bandHigh!, width: 8, height: r1(p.bandLow! - p.bandHigh!) };
  });
}

/** Gap labels sit just above the axis; one that would touch its left neighbour moves up a row. */
function gapLabels(points: readonly TrendChartPoint[], bottom: number, measure: TextMeasure): TextLine[] {
  const placed: { line: TextLine; box: Box }[] = [];
  for (const p of points) {
    if (p.y !== null) continue;
    for (let row = 0; ; row++) {
      const y = r1(bottom - 6 - row * 12);
      const box = textBox(measure, p.labelDa, TREND_TEXT.gap, p.x, y, "middle");
      if (placed.every((q) => !boxesOverlap(q.box, box))) {
        placed.push({ line: { x: p.x, y, text: p.labelDa }, box });
        break;
      }
    }
  }
  return placed.map((q) => q.line);
}

const MUNICIPALITY_COLOUR = "#1f3d7a";
const NATIONAL_COLOUR = "#b34700";
const INK = "#333333";

function text(line: TextLine, style: TextStyle, attrs = ""): string {
  const weight = style.weight && style.weight !== 400 ? ` font-weight="${style.weight}"` : "";
  return `<text x="${r1(line.x)}" y="${r1(line.y)}" font-size="${style.size}"${weight}${attrs}>${escapeXml(line.text)}</text>`;
}

function swatch(entry: PlacedLegendEntry<TrendLegendSwatch>): string {
  const { x, y } = entry;
  switch (entry.swatch) {
    case "municipality-line":
      return `<line x1="${r1(x)}" x2="${r1(x + 24)}" y1="${r1(y)}" y2="${r1(y)}" stroke="${MUNICIPALITY_COLOUR}" stroke-width="2"/>`;
    case "interval-band":
      return `<rect x="${r1(x)}" y="${r1(y - 6)}" width="24" height="12" fill="${MUNICIPALITY_COLOUR}" fill-opacity="0.18"/>`;
    case "national-line":
      return `<line x1="${r1(x)}" x2="${r1(x + 24)}" y1="${r1(y)}" y2="${r1(y)}" stroke="${NATIONAL_COLOUR}" stroke-width="2" stroke-dasharray="6 4"/>`;
  }
}

/**
 * Draws a TrendChartModel; every position and the size come from the model. `idSuffix` keeps the title's and
 * description's ids unique where several charts share one document (the action plan's chart, issue 13).
 */
export function renderTrendChartSvg(model: TrendChartModel, options: { readonly idSuffix?: string } = {}): string {
  const ids = { title: `tc-title${options.idSuffix ?? ""}`, desc: `tc-desc${options.idSuffix ?? ""}` };
  const { plot, width, height } = model;
  // Tick labels are centred on their grid line by the capitals' height (no dominant-baseline: renderers differ on it).
  const tickShift = r1(TREND_TEXT.axis.size * 0.35);
  const grid = model.yTicks
    .map((t) => `<line x1="${plot.left}" x2="${plot.right}" y1="${t.y}" y2="${t.y}" stroke="#dddddd"/>` + text({ x: plot.left - 6, y: t.y + tickShift, text: t.labelDa }, TREND_TEXT.axis, ` text-anchor="end" fill="${INK}"`))
    .join("");
  const xLabels = model.xTicks.map((t) => text({ x: t.x, y: plot.bottom + 16, text: t.labelDa }, TREND_TEXT.axis, ` text-anchor="middle" fill="${INK}"`)).join("");
  const bandMarks = model.municipality.bands
    .map((b) =>
      b.kind === "area"
        ? `<path d="${b.d}" fill="${MUNICIPALITY_COLOUR}" fill-opacity="0.18"/>`
        : `<rect x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" fill="${MUNICIPALITY_COLOUR}" fill-opacity="0.18"/>`,
    )
    .join("");
  const lines = (paths: readonly string[], colour: string, dash: string) => paths.map((d) => `<path d="${d}" fill="none" stroke="${colour}" stroke-width="2"${dash}/>`).join("");
  const dots = model.municipality.points
    .filter((p) => p.y !== null)
    .map((p) => `<circle cx="${p.x}" cy="${p.y}" r="3.5" fill="${MUNICIPALITY_COLOUR}"><title>${p.year}: ${escapeXml(p.labelDa)}</title></circle>`)
    .join("");
  const gaps = model.municipality.gapLabels.map((l) => text(l, TREND_TEXT.gap, ` text-anchor="middle" fill="#555555"`)).join("");
  const legend = model.legend.map((e) => swatch(e) + text(e.label, TREND_TEXT.legend)).join("");
  const title = model.titleLines.map((l) => text(l, TREND_TEXT.title)).join("");
  const source = model.sourceLines.map((l) => text(l, TREND_TEXT.source, ` fill="#454545"`)).join("");
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${ids.title} ${ids.desc}" font-family="${SVG_FONT}">` +
    `<title id="${ids.title}">${escapeXml(model.titleDa)}</title><desc id="${ids.desc}">${escapeXml(model.descriptionDa)}</desc><rect width="${width}" height="${height}" fill="#ffffff"/>` +
    `${title}${grid}${xLabels}${bandMarks}${lines(model.national.linePaths, NATIONAL_COLOUR, ' stroke-dasharray="6 4"')}${lines(model.municipality.linePaths, MUNICIPALITY_COLOUR, "")}${dots}${gaps}<g class="legend">${legend}</g>${source}</svg>`
  );
}
