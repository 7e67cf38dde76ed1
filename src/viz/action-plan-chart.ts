import type { ActionPlanFollowUp, FocusAreaFollowUp } from "../domain/action-plan/action-plan-follow-up.js";
import { shippedTextMeasure } from "./shipped-font.js";
import { escapeXml, r1, SVG_FONT } from "./svg-text.js";
import { wrapText, type TextLine, type TextMeasure, type TextStyle } from "./text-measure.js";
import { buildTrendChartModel, renderTrendChartSvg, type TrendChartModel } from "./trend-chart.js";
import { trustSvg, type TrustedSvg } from "./trusted-svg.js";

/**
 * The chart of an action plan (issue 13, item 3): one panel per focus area (all focus areas together first,
 * where there are several), each the maps' trend chart: the municipality's omgørelsesprocent per year with its
 * 95 % interval as a band, the national level of the same focus area as a dashed line, and "ingen sager" /
 * "ingen data" where a year has no figure. The band is what keeps a small focus area honest: with four cases
 * it spans most of the axis (domain.md §5). Pure: the model holds every panel's position and the final size.
 */
export type ActionPlanChartModel = {
  readonly width: number;
  readonly height: number;
  readonly titleDa: string;
  readonly descriptionDa: string;
  readonly titleLines: readonly TextLine[];
  readonly panels: readonly { readonly key: string; readonly y: number; readonly chart: TrendChartModel }[];
  readonly sourceLines: readonly TextLine[];
};

const TITLE: TextStyle = { size: 15, weight: 600 };
const SOURCE: TextStyle = { size: 11 };
const SIDE = 4;
const PANEL_GAP = 12;

export function buildActionPlanChartModel(input: {
  readonly municipalityNameDa: string;
  readonly planTitleDa: string;
  readonly followUp: ActionPlanFollowUp;
  readonly sourceLineDa?: string | null;
  readonly width?: number;
  readonly measure?: TextMeasure;
}): ActionPlanChartModel {
  const measure = input.measure ?? shippedTextMeasure();
  const width = input.width ?? 640;
  const titleDa = `Opfølgning på handleplanen: ${input.planTitleDa}`;
  const titleLines = wrapText(measure, titleDa, TITLE, width - 2 * SIDE).map((text, i) => ({ x: SIDE, y: 18 + i * 19, text }));
  const areas: FocusAreaFollowUp[] = [...(input.followUp.combined ? [input.followUp.combined] : []), ...input.followUp.areas];
  let y = Math.ceil(titleLines.at(-1)!.y + measure.descent(TITLE.size) + PANEL_GAP);
  const panels = areas.map((a) => {
    const chart = buildTrendChartModel({
      municipalityNameDa: input.municipalityNameDa,
      mapNameDa: a.nameDa,
      series: a.years.map((p) => ({ year: p.year, estimate: p.municipality })),
      national: a.years.map((p) => ({ year: p.year, estimate: p.national })),
      width,
      height: 260,
      measure,
    });
    const panel = { key: a.key, y, chart };
    y += chart.height + PANEL_GAP;
    return panel;
  });
  const source = input.sourceLineDa ?? null;
  const sourceLines = (source ? wrapText(measure, source, SOURCE, width - 2 * SIDE) : []).map((text, i) => ({ x: SIDE, y: r1(y + measure.capHeight(SOURCE.size) + i * 14), text }));
  const height = Math.ceil((sourceLines.at(-1)?.y ?? y) + measure.descent(SOURCE.size) + 4);
  const descriptionDa = areas
    .map((a) => `${a.nameDa}: ${a.years.map((p) => (p.municipality.kind === "estimate" ? `${p.year} ${p.municipality.reversed} af ${p.municipality.decided} sager omgjort` : `${p.year} ${p.municipality.kind === "no-cases" ? "ingen sager" : "ingen data"}`)).join(", ")}`)
    .join(". ");
  return { width, height, titleDa, descriptionDa: `${descriptionDa}.`, titleLines, panels, sourceLines };
}

function text(line: TextLine, style: TextStyle, attrs = ""): string {
  const weight = style.weight && style.weight !== 400 ? ` font-weight="${style.weight}"` : "";
  return `<text x="${r1(line.x)}" y="${r1(line.y)}" font-size="${style.size}"${weight}${attrs}>${escapeXml(line.text)}</text>`;
}

/** Draws the model: each panel is the trend chart's own drawing, placed by the model, with ids kept unique. */
export function renderActionPlanChartSvg(model: ActionPlanChartModel, idPrefix = "ap"): string {
  const panels = model.panels
    .map((p, i) => renderTrendChartSvg(p.chart, { idSuffix: `-${idPrefix}-${i}` }).replace("<svg ", `<svg x="0" y="${p.y}" `))
    .join("");
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${model.width} ${model.height}" width="${model.width}" height="${model.height}" role="img" aria-labelledby="${idPrefix}-title ${idPrefix}-desc" font-family="${SVG_FONT}">` +
    `<title id="${idPrefix}-title">${escapeXml(model.titleDa)}</title><desc id="${idPrefix}-desc">${escapeXml(model.descriptionDa)}</desc>` +
    `<rect width="${model.width}" height="${model.height}" fill="#ffffff"/>${model.titleLines.map((l) => text(l, TITLE)).join("")}${panels}` +
    `${model.sourceLines.map((l) => text(l, SOURCE, ' fill="#454545"')).join("")}</svg>`
  );
}

/** The chart as markup a page may embed: drawn here, from the model, so it is trusted (trusted-svg.ts). */
export function renderActionPlanChartTrustedSvg(model: ActionPlanChartModel, idPrefix = "ap"): TrustedSvg {
  return trustSvg(renderActionPlanChartSvg(model, idPrefix));
}
