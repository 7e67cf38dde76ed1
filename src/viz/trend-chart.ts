import { formatInteger, formatPercent } from "../domain/format-danish-number.js";
import type { RateEstimate } from "../domain/rate-estimate.js";
import { escapeXml, r1, SVG_FONT, wrapText } from "./svg-text.js";

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

export type TrendChartModel = {
  readonly width: number;
  readonly height: number;
  readonly titleDa: string;
  readonly descriptionDa: string;
  readonly plot: { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number };
  readonly yTicks: readonly { readonly y: number; readonly labelDa: string }[];
  readonly municipality: { readonly nameDa: string; readonly points: readonly TrendChartPoint[] };
  readonly national: { readonly points: readonly TrendChartPoint[] };
  readonly sourceLineDa: string | null;
};

const MARGIN = { left: 48, right: 16, top: 40, bottom: 52 };

/**
 * A municipality's reversal rate over the years with its 95 % Wilson interval as a band, and the national
 * rate as a line: the band shows how much a single year can move by chance (domain.md §5). Pure: the
 * model holds every coordinate; renderTrendChartSvg only draws.
 */
export function buildTrendChartModel(input: {
  readonly municipalityNameDa: string;
  readonly series: readonly TrendPoint[];
  readonly national: readonly TrendPoint[];
  readonly mapNameDa?: string;
  readonly sourceLineDa?: string | null;
  readonly width?: number;
  readonly height?: number;
}): TrendChartModel {
  const width = input.width ?? 640;
  const height = input.height ?? 320;
  const years = [...new Set([...input.series, ...input.national].map((p) => p.year))].sort((a, b) => a - b);
  const plot = { left: MARGIN.left, top: MARGIN.top, right: width - MARGIN.right, bottom: height - MARGIN.bottom };
  const highs = [...input.series, ...input.national].flatMap((p) => (p.estimate.kind === "estimate" ? [p.estimate.ci95[1]] : []));
  // The axis starts at 0 so differences are not exaggerated, and ends at the next 10 % above the highest band.
  const yMax = Math.min(1, Math.max(0.1, Math.ceil(Math.max(0, ...highs) * 10) / 10));
  const xOf = (year: number) =>
    years.length <= 1 ? (plot.left + plot.right) / 2 : plot.left + ((year - years[0]!) / (years[years.length - 1]! - years[0]!)) * (plot.right - plot.left);
  const yOf = (v: number) => r1(plot.bottom - (v / yMax) * (plot.bottom - plot.top));
  const toPoint = (p: TrendPoint): TrendChartPoint => {
    const e = p.estimate;
    switch (e.kind) {
      case "estimate":
        return {
          year: p.year,
          x: r1(xOf(p.year)),
          y: yOf(e.reversalRate),
          bandLow: yOf(e.ci95[0]),
          bandHigh: yOf(e.ci95[1]),
          labelDa: `${formatPercent(e.reversalRate)} pct. (${formatInteger(e.decided)} sager; 95 %-interval ${formatPercent(e.ci95[0])}–${formatPercent(e.ci95[1])})`,
        };
      case "no-cases":
        return { year: p.year, x: r1(xOf(p.year)), y: null, bandLow: null, bandHigh: null, labelDa: "ingen sager" };
      case "no-data":
        return { year: p.year, x: r1(xOf(p.year)), y: null, bandLow: null, bandHigh: null, labelDa: "ingen data" };
    }
  };
  const tickStep = yMax > 0.5 ? 0.2 : 0.1;
  const yTicks = Array.from({ length: Math.round(yMax / tickStep) + 1 }, (_, i) => ({ y: yOf(i * tickStep), labelDa: `${Math.round(i * tickStep * 100)} %` }));
  const mapPart = input.mapNameDa ? `, ${input.mapNameDa}` : "";
  const points = input.series.map(toPoint);
  return {
    width,
    height,
    titleDa: `Omgørelsesprocent over tid: ${input.municipalityNameDa}${mapPart}`,
    descriptionDa: `${input.municipalityNameDa}: ${points.map((p) => `${p.year}: ${p.labelDa}`).join("; ")}. Den stiplede linje er landsplan; det skraverede bånd er 95 %-intervallet.`,
    plot,
    yTicks,
    municipality: { nameDa: input.municipalityNameDa, points },
    national: { points: input.national.map(toPoint) },
    sourceLineDa: input.sourceLineDa ?? null,
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

const SOURCE_SIZE = 11;
const SOURCE_LINE = 14;
const MUNICIPALITY_COLOUR = "#1f3d7a";
const NATIONAL_COLOUR = "#b34700";

export function renderTrendChartSvg(model: TrendChartModel): string {
  const { plot } = model;
  const grid = model.yTicks
    .map((t) => `<line x1="${plot.left}" x2="${plot.right}" y1="${t.y}" y2="${t.y}" stroke="#dddddd"/><text x="${plot.left - 6}" y="${t.y}" text-anchor="end" dominant-baseline="middle" font-size="11" fill="#333333">${t.labelDa}</text>`)
    .join("");
  const xLabels = model.municipality.points
    .map((p) => `<text x="${p.x}" y="${plot.bottom + 16}" text-anchor="middle" font-size="11" fill="#333333">${p.year}</text>`)
    .join("");
  const bands = segments(model.municipality.points)
    .map((s) => {
      if (s.length === 1) {
        const p = s[0]!;
        return `<rect x="${r1(p.x - 4)}" y="${p.bandHigh}" width="8" height="${r1(p.bandLow! - p.bandHigh!)}" fill="${MUNICIPALITY_COLOUR}" fill-opacity="0.18"/>`;
      }
      const upper = s.map((p) => `${p.x},${p.bandHigh}`).join("L");
      const lower = [...s].reverse().map((p) => `${p.x},${p.bandLow}`).join("L");
      return `<path d="M${upper}L${lower}Z" fill="${MUNICIPALITY_COLOUR}" fill-opacity="0.18"/>`;
    })
    .join("");
  const line = (pts: readonly TrendChartPoint[], colour: string, dash: string) =>
    segments(pts)
      .map((s) => `<path d="M${s.map((p) => `${p.x},${p.y}`).join("L")}" fill="none" stroke="${colour}" stroke-width="2"${dash}/>`)
      .join("");
  const dots = model.municipality.points
    .map((p) =>
      p.y === null
        ? `<text x="${p.x}" y="${plot.bottom - 6}" text-anchor="middle" font-size="10" fill="#555555">${escapeXml(p.labelDa)}</text>`
        : `<circle cx="${p.x}" cy="${p.y}" r="3.5" fill="${MUNICIPALITY_COLOUR}"><title>${p.year}: ${escapeXml(p.labelDa)}</title></circle>`,
    )
    .join("");
  const legendY = plot.bottom + 34;
  const legend =
    `<line x1="${plot.left}" x2="${plot.left + 24}" y1="${legendY}" y2="${legendY}" stroke="${MUNICIPALITY_COLOUR}" stroke-width="2"/><text x="${plot.left + 30}" y="${legendY}" dominant-baseline="middle" font-size="11">${escapeXml(model.municipality.nameDa)}</text>` +
    `<rect x="${plot.left + 150}" y="${legendY - 6}" width="24" height="12" fill="${MUNICIPALITY_COLOUR}" fill-opacity="0.18"/><text x="${plot.left + 180}" y="${legendY}" dominant-baseline="middle" font-size="11">95 %-interval</text>` +
    `<line x1="${plot.left + 290}" x2="${plot.left + 314}" y1="${legendY}" y2="${legendY}" stroke="${NATIONAL_COLOUR}" stroke-width="2" stroke-dasharray="6 4"/><text x="${plot.left + 320}" y="${legendY}" dominant-baseline="middle" font-size="11">Landsplan</text>`;
  // The source line wraps below the chart at a readable size; the drawing grows by its extra lines.
  const sourceLines = model.sourceLineDa ? wrapText(model.sourceLineDa, Math.floor(model.width / (SOURCE_SIZE * 0.52))) : [];
  const height = model.height + Math.max(0, sourceLines.length - 1) * SOURCE_LINE + (sourceLines.length > 0 ? 4 : 0);
  const source = sourceLines
    .map((line, i) => `<text x="4" y="${model.height - 2 + i * SOURCE_LINE}" font-size="${SOURCE_SIZE}" fill="#454545">${escapeXml(line)}</text>`)
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${model.width} ${height}" width="${model.width}" height="${height}" role="img" aria-labelledby="tc-title tc-desc" font-family="${SVG_FONT}"><title id="tc-title">${escapeXml(model.titleDa)}</title><desc id="tc-desc">${escapeXml(model.descriptionDa)}</desc><rect width="${model.width}" height="${height}" fill="#ffffff"/><text x="4" y="18" font-size="14" font-weight="600">${escapeXml(model.titleDa)}</text>${grid}${xLabels}${bands}${line(model.national.points, NATIONAL_COLOUR, ' stroke-dasharray="6 4"')}${line(model.municipality.points, MUNICIPALITY_COLOUR, "")}${dots}${legend}${source}</svg>`;
}
