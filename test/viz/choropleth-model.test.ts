import { describe, expect, it } from "vitest";
import type { MapFigures, MunicipalityFigureRow } from "../../src/domain/map-figures.js";
import { MUNICIPALITIES } from "../../src/domain/municipality.js";
import { ROUNDED_DENOMINATOR, type PopulationDenominator } from "../../src/domain/context/population-denominator.js";
import { computeRateEstimate } from "../../src/domain/rate-estimate.js";
import { POPULATION_BY_CODE } from "../../src/domain/registry/population-data.js";
import { buildChoroplethModel, tileLabelOf } from "../../src/viz/choropleth-model.js";
import { buildTileGeometry } from "../../src/viz/map-geometry.js";
import { binIndexOf, buildMeasureScale, measureValue, NATIONAL_POPULATION } from "../../src/viz/map-measure.js";
import { renderChoroplethSvg } from "../../src/viz/render-choropleth-svg.js";
import { counts } from "../foundation/complaint-cell-generators.js";

/** Every municipality with `decided(code)` decided cases, 40 % of them reversed; Læsø (0825) without data. */
function figuresWith(decided: (code: string) => number): Pick<MapFigures, "national" | "municipalities"> {
  const rows: MunicipalityFigureRow[] = MUNICIPALITIES.map((m) => {
    const n = decided(m.code);
    const estimate = m.code === "0825" ? { kind: "no-data" as const, reason: { code: "municipality-absent" as const, year: 2024 } } : computeRateEstimate(counts(n - Math.round(n * 0.4), 0, Math.round(n * 0.4)));
    return { municipalityCode: m.code, municipalityName: m.name, region: m.region, estimate, funnel: { kind: "not-assessed" as const, reason: { code: "no-decided-cases" as const } }, rank: null };
  });
  const total = rows.reduce((sum, r) => sum + (r.estimate.kind === "no-data" ? 0 : r.estimate.decided), 0);
  return {
    national: { municipalityCode: null, municipalityName: "Hele landet", estimate: computeRateEstimate(counts(total - Math.round(total * 0.4), 0, Math.round(total * 0.4))), publishedNational: { kind: "not-published" } },
    municipalities: rows,
  };
}

describe("tile labels", () => {
  it("gives the 98 municipalities 98 different labels of at most four letters", () => {
    const labels = MUNICIPALITIES.map((m) => tileLabelOf(m.code, m.name));
    expect(new Set(labels).size).toBe(98);
    expect(labels.every((l) => l.length >= 3 && l.length <= 4)).toBe(true); // Ærø has three
    expect(tileLabelOf("0657", "Herning")).toBe("Hern");
  });
});

describe("cases per 10.000 inhabitants", () => {
  it("divides decided cases by the municipality's population, and the country's by the sum of the 98", () => {
    const estimate = computeRateEstimate(counts(43, 4, 30));
    if (estimate.kind !== "estimate") throw new Error("estimate expected");
    expect(measureValue("sager-pr-10000", estimate, "0657")).toEqual({ value: (77 / POPULATION_BY_CODE["0657"]!) * 10_000, count: 77, base: 90_000 });
    expect(measureValue("sager-pr-10000", estimate, null)!.base).toBe(NATIONAL_POPULATION);
    expect(measureValue("sager-pr-10000", estimate, "9999")).toBeNull();
    expect(measureValue("omgoerelse", estimate, "0657")).toEqual({ value: 34 / 77, count: 34, base: 77 });
  });

  it("bins relative to the national level and colours every municipality as the legend prints it", () => {
    // Cases proportional to population: every municipality sits at the national level (bin 3, "100 %").
    const figures = figuresWith((code) => Math.round(POPULATION_BY_CODE[code]! / 1000));
    const scale = buildMeasureScale("sager-pr-10000", figures.national);
    expect(scale.binStarts).toEqual([0, 5, 7.5, 10, 12.5, 15]);
    expect(scale.noteDa).toContain("landsniveauet (10,0 sager pr. 10.000 indbyggere)");
    const model = buildChoroplethModel({ geometry: buildTileGeometry(), figures, measure: "sager-pr-10000", titleDa: "t", profileHref: (c) => `/kommuner/${c}` });
    const bins = model.items.filter((i) => i.fill.kind === "bin").map((i) => (i.fill.kind === "bin" ? i.fill.bin : -1));
    expect(bins).toHaveLength(97);
    expect(new Set(bins)).toEqual(new Set([3]));
    expect(model.items.find((i) => i.shape.code === "0825")!.fill).toEqual({ kind: "no-data" });
    expect(model.legend.map((l) => l.labelDa)).toEqual(["0,0 til under 5,0", "5,0 til under 7,5", "7,5 til under 10,0", "10,0 til under 12,5", "12,5 til under 15,0", "15,0 og derover", "Ingen sager", "Ingen data"]);
    const herning = model.items.find((i) => i.shape.code === "0657")!;
    expect(herning.tileValue).toBe("10,0");
    expect(herning.descriptionDa).toMatch(/^Herning: 10,0 sager pr\. 10\.000 indbyggere \(90 realitetsbehandlede sager, 90\.000 indbyggere\); omgørelsesprocent 40,0 pct\./);
    const svg = renderChoroplethSvg(model);
    expect(svg).toContain("Farvernes grænser er 50, 75, 100, 125 og 150 %");
  });

  it("fills a municipality whose population Danmarks Statistik withholds as \"Folketal diskretioneret\", not \"Ingen data\"", () => {
    const figures = figuresWith((code) => Math.round(POPULATION_BY_CODE[code]! / 1000));
    const withheld: PopulationDenominator = {
      ...ROUNDED_DENOMINATOR,
      populationOf: (code) => (code === "0657" ? { kind: "suppressed" } : ROUNDED_DENOMINATOR.populationOf(code)),
    };
    const model = buildChoroplethModel({ geometry: buildTileGeometry(), figures, measure: "sager-pr-10000", titleDa: "t", profileHref: (c) => `/kommuner/${c}`, denominator: withheld });
    const herning = model.items.find((i) => i.shape.code === "0657")!;
    expect(herning.fill).toEqual({ kind: "suppressed" });
    expect(herning.descriptionDa).toContain("folketal diskretioneret");
    expect(model.items.find((i) => i.shape.code === "0825")!.fill).toEqual({ kind: "no-data" });
    expect(model.legend.slice(-2)).toEqual([
      { fill: { kind: "no-data" }, labelDa: "Ingen data", count: 1 },
      { fill: { kind: "suppressed" }, labelDa: "Folketal diskretioneret", count: 1 },
    ]);
    const svg = renderChoroplethSvg(model);
    expect(svg).toContain('fill="url(#pattern-suppressed)"');
    expect(svg).toContain("Folketal diskretioneret");
    // A rate map never withholds anything: no such legend entry.
    const rates = buildChoroplethModel({ geometry: buildTileGeometry(), figures, measure: "omgoerelse", titleDa: "t", profileHref: (c) => `/kommuner/${c}`, denominator: withheld });
    expect(rates.legend.map((l) => l.labelDa)).not.toContain("Folketal diskretioneret");
  });

  it("compares a value as printed, so 8,66 (printed 8,7) is not coloured below a limit printed 8,7", () => {
    const scale = { measure: "sager-pr-10000" as const, binStarts: [0, 5.8, 8.7, 11.6], noteDa: null };
    expect(binIndexOf(scale, 8.66)).toBe(2);
    expect(binIndexOf(scale, 8.64)).toBe(1);
    const pct = buildMeasureScale("omgoerelse", figuresWith(() => 10).national);
    expect(binIndexOf(pct, 0.39996)).toBe(3); // printed 40,0 pct. → "40,0 til under 50,0"
    expect(binIndexOf(pct, 0.3994)).toBe(2);
  });
});
