import { scaleLinear, scaleSqrt } from "d3-scale";
import { line } from "d3-shape";
import { formatInteger } from "../domain/format-danish-number.js";
import type { MapFigures } from "../domain/map-figures.js";
import { computeFunnelLimits, verdictDirection, verdictLevel, type FunnelLimits, type FunnelVerdict } from "../domain/statistics/funnel-limits.js";
import { describeFigureRowDa } from "./figure-text.js";
import { layoutLegend, type PlacedLegendEntry } from "./legend-layout.js";
import { shippedTextMeasure } from "./shipped-font.js";
import { escapeXml, r1, SVG_FONT } from "./svg-text.js";
import { wrapText, type TextLine, type TextMeasure, type TextStyle } from "./text-measure.js";

export type FunnelPoint = {
  readonly code: string;
  readonly x: number;
  readonly y: number;
  /** The municipality's verdict, as in the table, tooltip, API and report (no-cases rows have no point). */
  readonly verdict: FunnelVerdict | "not-assessed";
  readonly descriptionDa: string;
  readonly href: string;
};

export type FunnelLegendSwatch = "national-line" | "limit-95" | "limit-99.8" | "markers-99.8" | "markers-95" | "marker-within" | "marker-too-few";

export type FunnelPlotModel = {
  /** The final drawing size, title, legend and source line included: renderers and rasterizers use it as is. */
  readonly width: number;
  readonly height: number;
  readonly titleDa: string;
  readonly titleLines: readonly TextLine[];
  readonly plot: { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number };
  readonly targetY: number | null;
  /**
   * Limit curves as SVG path data: 95 % and 99,8 %, [lower, upper]. They are the limits the verdicts use
   * (same null model, same n), with a vertex at every municipality's n, so each point is judged against the
   * curve exactly where it is drawn. Values beyond 0–100 % (nothing can be flagged there) are clipped.
   */
  readonly limitPaths: { readonly p95: readonly string[]; readonly p998: readonly string[] };
  /** True where the limits are widened for over-dispersion (Spiegelhalter 2005, section 5). */
  readonly limitsAdjusted: boolean;
  readonly xTicks: readonly { readonly x: number; readonly labelDa: string }[];
  /** Baseline of the x tick labels, under the plot. */
  readonly xTickBaseline: number;
  /** `baseline` centres the label's capitals on the grid line at `y`. */
  readonly yTicks: readonly { readonly y: number; readonly baseline: number; readonly labelDa: string }[];
  /** The axis titles, centred on `x`; the y axis title is drawn turned a quarter left around its point. */
  readonly axisTitles: { readonly x: TextLine; readonly y: TextLine };
  readonly points: readonly FunnelPoint[];
  readonly legend: readonly PlacedLegendEntry<FunnelLegendSwatch>[];
  /** Municipalities without a point (no cases or no data), named so nobody looks for them in vain. */
  readonly notShownDa: string | null;
  readonly sourceLineDa: string | null;
  readonly sourceLines: readonly TextLine[];
  /** The municipality the reader chose (URL parameter kommune), ringed; null for none. */
  readonly selectedCode: string | null;
};

/** Type sizes (SVG units = CSS pixels at 1:1) of the funnel plot. */
export const FUNNEL_TEXT = {
  title: { size: 15, weight: 600 } satisfies TextStyle,
  axis: { size: 11 } satisfies TextStyle,
  legend: { size: 11 } satisfies TextStyle,
  source: { size: 11 } satisfies TextStyle,
} as const;
const SIDE = 4;
const RIGHT = 16;
const TITLE_LINE = 19;
const SOURCE_LINE = 14;
const LEGEND_ROW = 18;
const SWATCH = 24;
/** Plot height at the nominal drawing height (440 with a one-line title, legend and source line). */
const NOMINAL_CHROME = 36 + 74;

/**
 * Reversal rate against the number of decided cases, with Spiegelhalter's (2005) 95 % and 99,8 % limits
 * around the national rate (computeFunnelLimits, domain). The x axis is a square-root scale: most
 * municipalities have few cases, and a linear axis would crowd them against the left edge. Pure: the model
 * holds every coordinate and the final size, with text measured in the shipped font (`measure`), so the
 * axis titles, legend and source line never overlap; renderFunnelPlotSvg only draws. `height` is the
 * drawing's height with a one-line title, legend and source line; it grows by the lines a long text needs.
 */
export function buildFunnelPlotModel(input: {
  readonly figures: Pick<MapFigures, "municipalities" | "national" | "funnelSummary">;
  readonly titleDa: string;
  readonly profileHref: (code: string) => string;
  readonly sourceLineDa?: string | null;
  readonly width?: number;
  readonly height?: number;
  readonly selectedCode?: string | null;
  readonly measure?: TextMeasure;
}): FunnelPlotModel {
  const measure = input.measure ?? shippedTextMeasure();
  const width = input.width ?? 720;
  const nominalHeight = input.height ?? 440;
  const titleLines = wrapText(measure, input.titleDa, FUNNEL_TEXT.title, width - 2 * SIDE).map((text, i) => ({ x: SIDE, y: 18 + i * TITLE_LINE, text }));

  const yTickValues = [0, 0.2, 0.4, 0.6, 0.8, 1];
  const yTickLabel = (v: number) => `${Math.round(v * 100)} %`;
  const axisLine = measure.ascent(FUNNEL_TEXT.axis.size) + measure.descent(FUNNEL_TEXT.axis.size);
  // Room for the turned axis title, then the widest tick label, measured rather than guessed.
  const widestTick = Math.max(...yTickValues.map((v) => measure.width(yTickLabel(v), FUNNEL_TEXT.axis)));
  const left = Math.ceil(SIDE + axisLine + 6 + widestTick + 6);
  const top = titleLines.at(-1)!.y + 18;
  const plot = { left, top, right: width - RIGHT, bottom: top + (nominalHeight - NOMINAL_CHROME) };

  const national = input.figures.national.estimate;
  const withRate = input.figures.municipalities.filter((r) => r.estimate.kind === "estimate");
  const maxN = Math.max(10, ...withRate.map((r) => (r.estimate.kind === "estimate" ? r.estimate.decided : 0)));
  const x = scaleSqrt().domain([0, maxN]).range([plot.left, plot.right]);
  const y = scaleLinear().domain([0, 1]).range([plot.bottom, plot.top]);
  const xOf = (n: number) => r1(x(n));
  const yOf = (v: number) => r1(y(v));
  const limitPaths: { p95: string[]; p998: string[] } = { p95: [], p998: [] };
  const nullModel = input.figures.funnelSummary.model;
  if (national.kind === "estimate" && nullModel !== null) {
    const sampled = Array.from({ length: 120 }, (_, i) => Math.max(1, Math.round(((i + 1) / 120) ** 2 * maxN)));
    const ns = [...new Set([...sampled, ...withRate.map((r) => (r.estimate.kind === "estimate" ? r.estimate.decided : 1))])].sort((a, b) => a - b);
    const limits = ns.map((n) => computeFunnelLimits(nullModel, n));
    const path = (pick: (l: FunnelLimits) => number) =>
      line<FunnelLimits>()
        .x((l) => x(l.n))
        .y((l) => y(pick(l)))
        .digits(1)(limits) ?? "";
    limitPaths.p95.push(path((l) => l.lower95), path((l) => l.upper95));
    limitPaths.p998.push(path((l) => l.lower998), path((l) => l.upper998));
  }
  const points = withRate.map((r): FunnelPoint => {
    const e = r.estimate as Extract<typeof r.estimate, { kind: "estimate" }>;
    return {
      code: r.municipalityCode,
      x: xOf(e.decided),
      y: yOf(e.reversalRate),
      verdict: r.funnel.kind === "assessed" ? r.funnel.verdict : "not-assessed",
      descriptionDa: describeFigureRowDa(r, "omgoerelse"),
      href: input.profileHref(r.municipalityCode),
    };
  });
  const tickCandidates = [0, 10, 25, 50, 100, 200, 400, 800, 1600, 3200];
  const xTicks = tickCandidates.filter((n) => n <= maxN).map((n) => ({ x: xOf(n), labelDa: formatInteger(n) }));
  const capHalf = measure.capHeight(FUNNEL_TEXT.axis.size) / 2;
  const yTicks = yTickValues.map((v) => ({ y: yOf(v), baseline: r1(yOf(v) + capHalf), labelDa: yTickLabel(v) }));

  // Under the plot: tick labels, the axis title, the legend, the source line; each from the one above.
  const xTickBaseline = r1(plot.bottom + 4 + measure.ascent(FUNNEL_TEXT.axis.size));
  const xTitleBaseline = r1(xTickBaseline + axisLine + 2);
  const axisTitles = {
    x: { x: r1((plot.left + plot.right) / 2), y: xTitleBaseline, text: "Realitetsbehandlede sager (kvadratrodsskala)" },
    // Turned a quarter left, the text's baseline is a vertical line at x; its letters reach left of it by the ascent.
    y: { x: r1(SIDE + measure.ascent(FUNNEL_TEXT.axis.size)), y: r1((plot.top + plot.bottom) / 2), text: "Omgørelsesprocent" },
  };
  const legendLayout = layoutLegend<FunnelLegendSwatch>(
    [
      { swatch: "national-line", labelDa: "Landsplan" },
      { swatch: "limit-95", labelDa: "95 %-grænser" },
      { swatch: "limit-99.8", labelDa: nullModel?.kind === "beta-binomial" ? "99,8 %-grænser (udvidet for overspredning)" : "99,8 %-grænser" },
      { swatch: "markers-99.8", labelDa: "uden for 99,8 %" },
      { swatch: "markers-95", labelDa: "uden for 95 %" },
      { swatch: "marker-within", labelDa: "inden for" },
      { swatch: "marker-too-few", labelDa: "kan ikke vurderes – for få sager" },
    ],
    {
      measure,
      style: FUNNEL_TEXT.legend,
      left: plot.left,
      right: width - SIDE,
      top: r1(xTitleBaseline + measure.descent(FUNNEL_TEXT.axis.size) + 8 + LEGEND_ROW / 2),
      swatchWidth: SWATCH,
      rowHeight: LEGEND_ROW,
    },
  );
  const sourceDa = input.sourceLineDa ?? null;
  const sourceLines = (sourceDa ? wrapText(measure, sourceDa, FUNNEL_TEXT.source, width - 2 * SIDE) : []).map((text, i) => ({
    x: SIDE,
    y: r1(legendLayout.bottom + 8 + measure.capHeight(FUNNEL_TEXT.source.size) + i * SOURCE_LINE),
    text,
  }));
  const lastBaseline = sourceLines.at(-1)?.y ?? legendLayout.bottom;
  const height = Math.ceil(lastBaseline + measure.descent(FUNNEL_TEXT.source.size) + 4);

  const missing = input.figures.municipalities.filter((r) => r.estimate.kind !== "estimate");
  return {
    width,
    height,
    titleDa: input.titleDa,
    titleLines,
    plot,
    targetY: national.kind === "estimate" ? yOf(national.reversalRate) : null,
    limitPaths,
    limitsAdjusted: nullModel?.kind === "beta-binomial",
    xTicks,
    xTickBaseline,
    yTicks,
    axisTitles,
    points,
    legend: legendLayout.entries,
    notShownDa: missing.length === 0 ? null : `Ikke vist (ingen sager eller ingen data): ${missing.map((r) => r.municipalityName).join(", ")}.`,
    sourceLineDa: sourceDa,
    sourceLines,
    selectedCode: input.selectedCode ?? null,
  };
}

const ABOVE = "#b30000";
const BELOW = "#005a9c";
const WITHIN = "#4d4d4d";
const NATIONAL = "#b34700";
const LIMIT = "#333333";

/**
 * Shape per verdict so the verdict is not carried by colour alone: ▲ above, ▼ below (filled beyond 99,8 %,
 * open beyond 95 % only), ● within, ○ cannot be assessed (too few cases).
 */
function marker(verdict: FunnelPoint["verdict"], x: number, y: number): string {
  if (verdict === "too-few-cases") return `<circle cx="${x}" cy="${y}" r="3.5" fill="#ffffff" stroke="${WITHIN}" stroke-width="1.2" class="funnel-point"/>`;
  const direction = verdict === "not-assessed" ? null : verdictDirection(verdict);
  if (direction === null) return `<circle cx="${x}" cy="${y}" r="4" fill="${WITHIN}" fill-opacity="0.75" class="funnel-point"/>`;
  const colour = direction === "above" ? ABOVE : BELOW;
  const paint = verdict !== "not-assessed" && verdictLevel(verdict) === "99.8" ? `fill="${colour}"` : `fill="#ffffff" stroke="${colour}" stroke-width="1.5"`;
  const [tip, base] = direction === "above" ? [-5.5, 3.5] : [5.5, -3.5];
  return `<path d="M${x},${r1(y + tip)}L${r1(x + 5)},${r1(y + base)}L${r1(x - 5)},${r1(y + base)}Z" ${paint} class="funnel-point"/>`;
}

function swatch(entry: PlacedLegendEntry<FunnelLegendSwatch>): string {
  const [x0, x1, y, mid] = [r1(entry.x), r1(entry.x + SWATCH), r1(entry.y), r1(entry.x + SWATCH / 2)];
  switch (entry.swatch) {
    case "national-line":
      return `<line x1="${x0}" x2="${x1}" y1="${y}" y2="${y}" stroke="${NATIONAL}" stroke-width="1.5"/>`;
    case "limit-95":
      return `<line x1="${x0}" x2="${x1}" y1="${y}" y2="${y}" stroke="${LIMIT}" stroke-width="1.2" stroke-dasharray="5 3"/>`;
    case "limit-99.8":
      return `<line x1="${x0}" x2="${x1}" y1="${y}" y2="${y}" stroke="${LIMIT}" stroke-width="1.2"/>`;
    case "markers-99.8":
      return marker("above99.8", r1(entry.x + 6), y) + marker("below99.8", r1(entry.x + 18), y);
    case "markers-95":
      return marker("above95", r1(entry.x + 6), y) + marker("below95", r1(entry.x + 18), y);
    case "marker-within":
      return marker("within", mid, y);
    case "marker-too-few":
      return marker("too-few-cases", mid, y);
  }
}

function text(l: TextLine, style: TextStyle, attrs = ""): string {
  const weight = style.weight && style.weight !== 400 ? ` font-weight="${style.weight}"` : "";
  return `<text x="${r1(l.x)}" y="${r1(l.y)}" font-size="${style.size}"${weight}${attrs}>${escapeXml(l.text)}</text>`;
}

/** Draws a FunnelPlotModel; every position and the size come from the model. */
export function renderFunnelPlotSvg(model: FunnelPlotModel): string {
  const { plot, width, height } = model;
  // Tick labels are placed by their baselines (no dominant-baseline: renderers differ on it).
  const grid =
    model.yTicks.map((t) => `<line x1="${plot.left}" x2="${plot.right}" y1="${t.y}" y2="${t.y}" stroke="#e5e5e5"/>` + text({ x: plot.left - 6, y: t.baseline, text: t.labelDa }, FUNNEL_TEXT.axis, ` text-anchor="end"`)).join("") +
    model.xTicks.map((t) => `<line x1="${t.x}" x2="${t.x}" y1="${plot.top}" y2="${plot.bottom}" stroke="#f0f0f0"/>` + text({ x: t.x, y: model.xTickBaseline, text: t.labelDa }, FUNNEL_TEXT.axis, ` text-anchor="middle"`)).join("");
  const side = (i: number) => (i === 0 ? "lower" : "upper");
  const clip = `<clipPath id="funnel-plot-area"><rect x="${plot.left}" y="${plot.top}" width="${plot.right - plot.left}" height="${plot.bottom - plot.top}"/></clipPath>`;
  const limits =
    `${clip}<g clip-path="url(#funnel-plot-area)">` +
    model.limitPaths.p95.map((d, i) => `<path d="${d}" fill="none" stroke="${LIMIT}" stroke-width="1.2" stroke-dasharray="5 3" class="funnel-limit" data-level="95" data-side="${side(i)}"/>`).join("") +
    model.limitPaths.p998.map((d, i) => `<path d="${d}" fill="none" stroke="${LIMIT}" stroke-width="1.2" class="funnel-limit" data-level="99.8" data-side="${side(i)}"/>`).join("") +
    `</g>`;
  const target = model.targetY === null ? "" : `<line x1="${plot.left}" x2="${plot.right}" y1="${model.targetY}" y2="${model.targetY}" stroke="${NATIONAL}" stroke-width="1.5"/>`;
  const points = model.points
    .map((p) => {
      const selected = p.code === model.selectedCode;
      return `<a href="${escapeXml(p.href)}" data-municipality="${p.code}" data-verdict="${p.verdict}" aria-label="${escapeXml(p.descriptionDa)}" class="municipality${selected ? " selected" : ""}"${selected ? ' aria-current="true"' : ""}><title>${escapeXml(p.descriptionDa)}</title>${marker(p.verdict, p.x, p.y)}</a>`;
    })
    .join("");
  // The chosen municipality gets a ring on top of the other points, without changing the keyboard order.
  const chosen = model.points.find((p) => p.code === model.selectedCode);
  const ring = chosen ? `<circle cx="${chosen.x}" cy="${chosen.y}" r="9" fill="none" stroke="#000000" stroke-width="2.5" aria-hidden="true" pointer-events="none"/>` : "";
  const { x: xTitle, y: yTitle } = model.axisTitles;
  const axisTitles =
    text(xTitle, FUNNEL_TEXT.axis, ` text-anchor="middle" aria-hidden="true"`) +
    `<text transform="translate(${yTitle.x},${yTitle.y}) rotate(-90)" text-anchor="middle" font-size="${FUNNEL_TEXT.axis.size}" aria-hidden="true">${escapeXml(yTitle.text)}</text>`;
  const legend = `<g class="legend" aria-hidden="true">${model.legend.map((e) => swatch(e) + text(e.label, FUNNEL_TEXT.legend)).join("")}</g>`;
  const title = model.titleLines.map((l) => text(l, FUNNEL_TEXT.title, ` aria-hidden="true"`)).join("");
  const source = model.sourceLines.map((l) => text(l, FUNNEL_TEXT.source, ` fill="#454545"`)).join("");
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" class="funnel-plot" role="group" aria-labelledby="funnel-title" font-family="${SVG_FONT}">` +
    `<title id="funnel-title">${escapeXml(model.titleDa)}</title><rect width="${width}" height="${height}" fill="#ffffff"/>` +
    `${title}${grid}${limits}${target}${points}${ring}${axisTitles}${legend}${source}</svg>`
  );
}
