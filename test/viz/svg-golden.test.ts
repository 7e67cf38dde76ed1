import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { indexCellTotals } from "../../src/domain/cell-totals.js";
import { MAP_DEFINITIONS } from "../../src/domain/map-definition.js";
import { buildMapFigures } from "../../src/domain/map-figures.js";
import { asMunicipalityCode, type MunicipalityCode } from "../../src/domain/municipality.js";
import { neighboursOf } from "../../src/domain/neighbours.js";
import { buildAgendaItemFor } from "../../src/reports/agenda-item-files.js";
import { municipalityDisplayName } from "../../src/reports/municipality-display-name.js";
import { layoutChoropleth, type ChoroplethLayout } from "../../src/viz/choropleth-layout.js";
import { buildChoroplethModel } from "../../src/viz/choropleth-model.js";
import { buildFunnelPlotModel, renderFunnelPlotSvg, type FunnelPlotModel } from "../../src/viz/funnel-plot.js";
import { buildTileGeometry, type MapGeometry } from "../../src/viz/map-geometry.js";
import type { MeasureId } from "../../src/viz/map-measure.js";
import { buildNeighbourMapModel, renderMunicipalityMapSvg } from "../../src/viz/neighbour-map.js";
import { renderChoroplethLayoutSvg } from "../../src/viz/render-choropleth-svg.js";
import { buildTrendChartModel, renderTrendChartSvg, type TrendChartModel } from "../../src/viz/trend-chart.js";
import { generateReferenceCells, generateReferenceProvenance } from "../reports/support/reference-cells.js";
import { sharedGeographicGeometry } from "./support/geometries.js";
import { generateVariedMapCells } from "./support/varied-map-cells.js";
import { compareSvgWithGolden, normaliseSvg } from "./support/svg-golden.js";

const KOEBENHAVN = asMunicipalityCode("0101");
const BORNHOLM = asMunicipalityCode("0400");
const RINGKOEBING_SKJERN = asMunicipalityCode("0760");
const SOURCE = "Kilde: Ankestyrelsens klagestatistik, Danmarkskortet 2024 (udtræk 3. marts 2025, indlæst 10. marts 2025, version 2).";

function expectGolden(name: string, svg: string): void {
  const result = compareSvgWithGolden(name, svg);
  expect(result.matches, `${name}.svg afviger fra den godkendte tegning; se ${result.changedPath} ved siden af ${result.goldenPath}`).toBe(true);
}

const figures2024 = buildMapFigures(generateVariedMapCells(), { map: "socialomraadet", year: 2024, area: "total" });
const profileHref = (code: string) => `/kommuner/${code}?aar=2024`;

function choroplethLayout(geometry: MapGeometry, measure: MeasureId, selectedCode: MunicipalityCode): ChoroplethLayout {
  const title = measure === "omgoerelse" ? "Omgørelsesprocent 2024, socialområdet generelt" : "Sager pr. 10.000 indbyggere 2024, socialområdet generelt";
  const sourceLineDa = measure === "omgoerelse" ? SOURCE : `${SOURCE} Folketal: Danmarks Statistik, FOLK1A.`;
  return layoutChoropleth(buildChoroplethModel({ geometry, figures: figures2024, measure, titleDa: title, sourceLineDa, profileHref, selectedCode }));
}

function funnelModel(selectedCode: MunicipalityCode): FunnelPlotModel {
  return buildFunnelPlotModel({ figures: figures2024, titleDa: "Tragtplot: omgørelsesprocent 2024, socialområdet generelt", profileHref, sourceLineDa: SOURCE, selectedCode });
}

const reference = indexCellTotals(generateReferenceCells());
const provenance = generateReferenceProvenance();

function trendModel(code: MunicipalityCode): TrendChartModel {
  const { figures } = buildAgendaItemFor(reference, provenance, code, 2024, {});
  const trend = figures.maps.socialomraadet.trend;
  return buildTrendChartModel({
    municipalityNameDa: municipalityDisplayName(code),
    series: trend.map((t) => ({ year: t.year, estimate: t.municipality })),
    national: trend.map((t) => ({ year: t.year, estimate: t.national })),
    mapNameDa: MAP_DEFINITIONS.socialomraadet.nameDa.toLowerCase(),
    sourceLineDa: SOURCE,
  });
}

const neighbourMap = (geometry: MapGeometry, code: MunicipalityCode) =>
  renderMunicipalityMapSvg(buildNeighbourMapModel({ geometry, focusCode: code, neighbourCodes: neighboursOf(code), sourceLineDa: SOURCE }));

describe("golden SVGs (test/viz/golden; UPDATE_GOLDEN=1 writes them anew)", () => {
  const tiles = buildTileGeometry();

  it("tile map: reversal rate, Ringkøbing-Skjern chosen", () => {
    expectGolden("tile-map-omgoerelse-ringkoebing-skjern", renderChoroplethLayoutSvg(choroplethLayout(tiles, "omgoerelse", RINGKOEBING_SKJERN)));
  });

  it("tile map: cases per 10.000 inhabitants with the legend note, København chosen", () => {
    expectGolden("tile-map-sager-pr-10000-koebenhavn", renderChoroplethLayoutSvg(choroplethLayout(tiles, "sager-pr-10000", KOEBENHAVN)));
  });

  it("geographic map: reversal rate, Bornholm chosen (the inset)", () => {
    expectGolden("geographic-map-omgoerelse-bornholm", renderChoroplethLayoutSvg(choroplethLayout(sharedGeographicGeometry(), "omgoerelse", BORNHOLM)));
  });

  it("funnel plot, København chosen", () => {
    expectGolden("funnel-koebenhavn", renderFunnelPlotSvg(funnelModel(KOEBENHAVN)));
  });

  for (const [code, slug] of [
    [RINGKOEBING_SKJERN, "ringkoebing-skjern"],
    [BORNHOLM, "bornholm"],
    [KOEBENHAVN, "koebenhavn"],
  ] as const) {
    it(`trend chart: ${municipalityDisplayName(code)}`, () => {
      expectGolden(`trend-chart-${slug}`, renderTrendChartSvg(trendModel(code)));
    });
  }

  for (const [code, slug] of [
    [KOEBENHAVN, "koebenhavn"],
    [RINGKOEBING_SKJERN, "ringkoebing-skjern"],
    [BORNHOLM, "bornholm"],
  ] as const) {
    it(`neighbour map on the geographic map: ${municipalityDisplayName(code)}`, () => {
      expectGolden(`neighbour-map-geographic-${slug}`, neighbourMap(sharedGeographicGeometry(), code));
    });
  }

  it("neighbour map on the tile map: København", () => {
    expectGolden("neighbour-map-tile-koebenhavn", neighbourMap(tiles, KOEBENHAVN));
  });
});

describe("the golden comparison fails where it should", () => {
  const changedDir = mkdtempSync(join(tmpdir(), "danmarkskort-golden-"));

  it("fails the trend chart when its legend is shifted by 3 units in the model, and writes the changed drawing", () => {
    const model = trendModel(RINGKOEBING_SKJERN);
    const shifted: TrendChartModel = { ...model, legend: model.legend.map((e) => ({ ...e, x: e.x + 3, label: { ...e.label, x: e.label.x + 3 } })) };
    expect(compareSvgWithGolden("trend-chart-ringkoebing-skjern", renderTrendChartSvg(model), { changedDir, update: false }).matches).toBe(true);
    const result = compareSvgWithGolden("trend-chart-ringkoebing-skjern", renderTrendChartSvg(shifted), { changedDir, update: false });
    expect(result.matches).toBe(false);
    // The changed file differs from the golden one in the legend's lines only.
    const golden = readFileSync(result.goldenPath, "utf8").split("\n");
    const changed = readFileSync(result.changedPath, "utf8").split("\n");
    expect(changed).toHaveLength(golden.length);
    const differing = changed.filter((line, i) => line !== golden[i]);
    expect(differing.length).toBe(2 * model.legend.length);
    expect(differing.join("\n")).toContain("Ringkøbing-Skjern Kommune");
  });

  it("fails the tile map when its legend is shifted down by one unit in the layout", () => {
    const layout = choroplethLayout(buildTileGeometry(), "omgoerelse", RINGKOEBING_SKJERN);
    const shifted: ChoroplethLayout = { ...layout, legend: layout.legend.map((e) => ({ ...e, y: e.y + 1, label: { ...e.label, y: e.label.y + 1 } })) };
    expect(compareSvgWithGolden("tile-map-omgoerelse-ringkoebing-skjern", renderChoroplethLayoutSvg(shifted), { changedDir, update: false }).matches).toBe(false);
  });

  it("ignores what is no change: float noise below the rounding and ids under other names", () => {
    const a = `<svg><title id="a-title">T</title><g aria-labelledby="a-title"><path d="M1.0000001,2L3,4" fill="url(#p)"/></g><pattern id="p"/></svg>`;
    const b = `<svg><title id="b-title">T</title><g aria-labelledby="b-title"><path d="M1,2L3,4" fill="url(#q)"/></g><pattern id="q"/></svg>`;
    expect(normaliseSvg(a)).toBe(normaliseSvg(b));
    expect(normaliseSvg(a)).not.toBe(normaliseSvg(b.replace("M1,2", "M1.1,2")));
    // Text is not a number to round: Danish "10.000" stays ten thousand.
    expect(normaliseSvg(`<text x="1.004">Sager pr. 10.000 indbyggere</text>`)).toBe(`<text x="1">Sager pr. 10.000 indbyggere</text>\n`);
  });
});
