import { describe, expect, it } from "vitest";
import { computeRateEstimate } from "../../src/domain/rate-estimate.js";
import { MUNICIPALITIES } from "../../src/domain/municipality.js";
import { municipalityDisplayName } from "../../src/reports/municipality-display-name.js";
import { shippedTextMeasure } from "../../src/viz/shipped-font.js";
import { boxesOverlap, textBox, type Box } from "../../src/viz/text-measure.js";
import { buildTrendChartModel, renderTrendChartSvg, TREND_TEXT, type TrendChartModel, type TrendPoint } from "../../src/viz/trend-chart.js";
import { counts } from "../foundation/complaint-cell-generators.js";

/** A municipality's series: 2019 without data, 2020 without cases, otherwise `decided` cases at `rate`. */
function herningLikeSeries(): TrendPoint[] {
  return [2018, 2019, 2020, 2021, 2022].map((year) => {
    if (year === 2019) return { year, estimate: { kind: "no-data", reason: { code: "year-not-loaded", year: 2019 } } };
    if (year === 2020) return { year, estimate: computeRateEstimate(counts(0, 0, 0, 3)) };
    return { year, estimate: computeRateEstimate(counts(40, 4, 30 + (year - 2018))) };
  });
}
function nationalSeries(): TrendPoint[] {
  return [2018, 2019, 2020, 2021, 2022].map((year) => ({ year, estimate: computeRateEstimate(counts(3800, 491, 2611)) }));
}

describe("buildTrendChartModel", () => {
  const model = buildTrendChartModel({ municipalityNameDa: "Herning", series: herningLikeSeries(), national: nationalSeries(), sourceLineDa: "Kilde: demo" });

  it("places one point per year with its interval band, and none where there is no estimate", () => {
    expect(model.municipality.points.map((p) => p.year)).toEqual([2018, 2019, 2020, 2021, 2022]);
    const [p2018, p2019, p2020] = model.municipality.points;
    expect(p2019!.y).toBeNull();
    expect(p2019!.labelDa).toBe("ingen data");
    expect(p2020!.labelDa).toBe("ingen sager");
    expect(p2018!.bandHigh!).toBeLessThan(p2018!.y!);
    expect(p2018!.bandLow!).toBeGreaterThan(p2018!.y!);
    expect(p2018!.labelDa).toBe("45,9 pct. (74 sager; 95 %-interval 35,1–57,2)");
  });

  it("starts the axis at 0 and ends at the next 10 % above the highest interval bound", () => {
    expect(model.yTicks[0]!.labelDa).toBe("0 %");
    expect(model.yTicks.at(-1)!.labelDa).toBe("60 %");
  });

  it("renders a gap, not a line, through years without an estimate", () => {
    const svg = renderTrendChartSvg(model);
    // Two segments for Herning (2018 alone, 2021–2022) and one for the national line.
    expect(svg.match(/stroke="#1f3d7a" stroke-width="2"/g)).toHaveLength(2 + 1 /* legend */);
    expect(svg).toContain("ingen data");
    expect(svg).toContain("Kilde: demo");
    expect(svg).toContain('role="img"');
  });
});

describe("trend chart layout, measured in the shipped font", () => {
  const measure = shippedTextMeasure();
  const names = MUNICIPALITIES.map((m) => municipalityDisplayName(m.code));

  /** Every text of the model as a box: title, legend labels, source lines. */
  function textBoxes(model: TrendChartModel): Box[] {
    return [
      ...model.titleLines.map((l) => textBox(measure, l.text, TREND_TEXT.title, l.x, l.y)),
      ...model.legend.map((e) => ({ ...textBox(measure, e.label.text, TREND_TEXT.legend, e.label.x, e.label.y), x0: e.x })),
      ...model.sourceLines.map((l) => textBox(measure, l.text, TREND_TEXT.source, l.x, l.y)),
    ];
  }

  it.each([640, 360])("keeps legend, title and source apart and inside the drawing for all 98 names at width %i", (width) => {
    for (const name of names) {
      const model = buildTrendChartModel({
        municipalityNameDa: name,
        mapNameDa: "socialområdet generelt",
        series: herningLikeSeries(),
        national: nationalSeries(),
        sourceLineDa: "Kilde: Ankestyrelsens ankestatistik, datasætversion 7 (ankestatistik-2021-2024.csv), udtrukket 2025-06-02. DEMODATA – IKKE ANKESTYRELSENS TAL.",
        width,
      });
      const boxes = textBoxes(model);
      for (const b of boxes) {
        expect(b.x0, name).toBeGreaterThanOrEqual(0);
        expect(b.x1, name).toBeLessThanOrEqual(model.width);
        expect(b.y1, name).toBeLessThanOrEqual(model.height);
      }
      for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(boxesOverlap(boxes[i]!, boxes[j]!), `${name}: ${i}/${j}`).toBe(false);
    }
  });

  it("moves the legend's second entry past 'Ringkøbing-Skjern Kommune' (the fixed offset ran into it)", () => {
    const model = buildTrendChartModel({ municipalityNameDa: "Ringkøbing-Skjern Kommune", series: herningLikeSeries(), national: nationalSeries() });
    const [first, second] = model.legend;
    expect(second!.x).toBeGreaterThan(first!.label.x + measure.width("Ringkøbing-Skjern Kommune", TREND_TEXT.legend));
  });

  it("owns its final size: a wrapped source line makes the model, and the SVG, taller", () => {
    const short = buildTrendChartModel({ municipalityNameDa: "Herning Kommune", series: herningLikeSeries(), national: nationalSeries(), sourceLineDa: "Kilde: demo" });
    const long = buildTrendChartModel({ municipalityNameDa: "Herning Kommune", series: herningLikeSeries(), national: nationalSeries(), sourceLineDa: "Kilde: demo ".repeat(30), width: 360 });
    expect(long.sourceLines.length).toBeGreaterThan(1);
    expect(long.height).toBeGreaterThan(short.height);
    expect(renderTrendChartSvg(long)).toContain(`viewBox="0 0 360 ${long.height}" width="360" height="${long.height}"`);
  });

  it("staggers 'ingen data' labels of neighbouring years instead of printing them over each other", () => {
    const years = Array.from({ length: 16 }, (_, i) => 2010 + i);
    const series: TrendPoint[] = years.map((year) => ({ year, estimate: year % 2 === 0 ? { kind: "no-data", reason: { code: "year-not-loaded", year } } : computeRateEstimate(counts(0, 0, 0, 2)) }));
    const model = buildTrendChartModel({ municipalityNameDa: "Læsø Kommune", series, national: nationalSeries(), width: 360 });
    const boxes = model.municipality.gapLabels.map((l) => textBox(measure, l.text, TREND_TEXT.gap, l.x, l.y, "middle"));
    expect(boxes).toHaveLength(16);
    expect(new Set(model.municipality.gapLabels.map((l) => l.y)).size).toBeGreaterThan(1);
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(boxesOverlap(boxes[i]!, boxes[j]!)).toBe(false);
  });
});
