import { MAP_DEFINITIONS } from "../domain/map-definition.js";
import type { MapGeometry } from "../viz/map-geometry.js";
import { buildTileGeometry } from "../viz/map-geometry.js";
import { buildNeighbourMapModel, renderMunicipalityMapSvg } from "../viz/neighbour-map.js";
import { buildTrendChartModel, renderTrendChartSvg } from "../viz/trend-chart.js";
import type { AgendaItemFigures } from "./agenda-item-figures.js";
import { municipalityDisplayName } from "./municipality-display-name.js";
import type { ReportFigureId } from "./report-document.js";

export type ReportSvg = { readonly svg: string; readonly width: number; readonly height: number };

/**
 * The item's two images as SVG, drawn by the shared viz renderers (the profile page draws the same):
 * the municipality among its neighbours, and its rate on the general map over the years with interval
 * band and the national line. `geometry` is the geographic map where boundaries are loaded, else tiles.
 */
export function buildReportSvgs(input: {
  readonly figures: AgendaItemFigures;
  readonly geometry?: MapGeometry;
  readonly sourceLineDa?: string | null;
}): Map<ReportFigureId, ReportSvg> {
  const { figures } = input;
  const neighbourCodes = figures.neighbours.rows.filter((r) => !r.isSubject).map((r) => r.municipalityCode);
  const map = buildNeighbourMapModel({
    geometry: input.geometry ?? buildTileGeometry(),
    focusCode: figures.municipalityCode,
    neighbourCodes,
    sourceLineDa: input.sourceLineDa ?? null,
  });
  const trend = figures.maps.socialomraadet.trend;
  const chart = buildTrendChartModel({
    municipalityNameDa: municipalityDisplayName(figures.municipalityCode),
    series: trend.map((t) => ({ year: t.year, estimate: t.municipality })),
    national: trend.map((t) => ({ year: t.year, estimate: t.national })),
    mapNameDa: MAP_DEFINITIONS.socialomraadet.nameDa.toLowerCase(),
    sourceLineDa: input.sourceLineDa ?? null,
  });
  // The models own the drawing's size; the PNG is drawn at exactly that size.
  return new Map<ReportFigureId, ReportSvg>([
    ["neighbour-map", { svg: renderMunicipalityMapSvg(map), width: map.width, height: map.height }],
    ["trend-chart", { svg: renderTrendChartSvg(chart), width: chart.width, height: chart.height }],
  ]);
}
