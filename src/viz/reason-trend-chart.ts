import type { ReasonTrend } from "../domain/knowledge/knowledge-figures.js";

/**
 * The chart of reasons over years (issue 14, point 3) as a layout model: one row per reason, one bar per
 * data year, the bar's length the number of entries with that reason. Small multiples of bars rather than
 * lines: most municipalities have a handful of entries per reason and year, and a line between 1 and 2
 * suggests a trend that is not there. The renderer only draws what this decides.
 */
export type ReasonTrendBar = { readonly year: number; readonly count: number; readonly x: number; readonly y: number; readonly width: number; readonly height: number; readonly shade: number };
export type ReasonTrendRow = { readonly labelDa: string; readonly labelY: number; readonly bars: readonly ReasonTrendBar[] };
export type ReasonTrendChartModel = {
  readonly width: number;
  readonly height: number;
  readonly barX: number;
  readonly rows: readonly ReasonTrendRow[];
  readonly years: readonly number[];
  readonly max: number;
  readonly titleDa: string;
};

const WIDTH = 640;
const LABEL_WIDTH = 220;
const BAR_HEIGHT = 12;
const BAR_GAP = 2;
const ROW_GAP = 14;

export function buildReasonTrendChartModel(trend: ReasonTrend, titleDa: string): ReasonTrendChartModel {
  const max = Math.max(1, ...trend.series.flatMap((s) => s.counts));
  const scale = (WIDTH - LABEL_WIDTH - 40) / max;
  let y = 8;
  const rows = trend.series.map((s) => {
    const top = y;
    const bars = trend.years.map((year, i) => ({
      year,
      count: s.counts[i]!,
      x: LABEL_WIDTH,
      y: top + i * (BAR_HEIGHT + BAR_GAP),
      width: s.counts[i]! * scale,
      height: BAR_HEIGHT,
      // Older years lighter, the newest darkest: the order is also in the legend and the table.
      shade: trend.years.length === 1 ? 1 : 0.35 + (0.65 * i) / (trend.years.length - 1),
    }));
    y = top + trend.years.length * (BAR_HEIGHT + BAR_GAP) + ROW_GAP;
    return { labelDa: s.labelDa, labelY: top + BAR_HEIGHT, bars };
  });
  return { width: WIDTH, height: Math.max(y, 40), barX: LABEL_WIDTH, rows, years: trend.years, max, titleDa };
}
