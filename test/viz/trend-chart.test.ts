import { describe, expect, it } from "vitest";
import { computeRateEstimate } from "../../src/domain/rate-estimate.js";
import { buildTrendChartModel, renderTrendChartSvg, type TrendPoint } from "../../src/viz/trend-chart.js";
import { counts } from "../foundation/complaint-cell-generators.js";

/** A municipality's series: 2019 without data, 2020 without cases, otherwise `decided` cases at `rate`. */
function herningLikeSeries(): TrendPoint[] {
  return [2018, 2019, 2020, 2021, 2022].map((year) => {
    if (year === 2019) return { year, estimate: { kind: "no-data", reasonDa: "Intet datasæt for 2019" } };
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
