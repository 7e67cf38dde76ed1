import { MAP_DEFINITIONS } from "../../domain/map-definition.js";
import type { MapProfile, MunicipalityProfile } from "../../domain/municipality-profile.js";
import { neighboursOf } from "../../domain/neighbours.js";
import { buildNeighbourMapModel, renderMunicipalityMapSvg } from "../../viz/neighbour-map.js";
import { buildTrendChartModel, renderTrendChartSvg } from "../../viz/trend-chart.js";
import type { LoadedGeometries } from "../../app/boundaries/map-geometries.js";

/**
 * The municipality page's two figures, as the page shows them and as its downloads (udvikling.svg,
 * naboer.svg) give them: one renderer for both, so the file is the figure on the page.
 */
export function renderProfileTrendSvg(
  profile: MunicipalityProfile,
  mapProfile: MapProfile,
  sourceLineDa: string,
  width?: number,
): string {
  const total = mapProfile.areas.total;
  return renderTrendChartSvg(
    buildTrendChartModel({
      municipalityNameDa: profile.municipality.name,
      mapNameDa: MAP_DEFINITIONS[mapProfile.map].nameDa.toLowerCase(),
      series: total.years.map((y) => ({ year: y.year, estimate: y.municipality.estimate })),
      national: total.years.map((y) => ({ year: y.year, estimate: y.national.estimate })),
      sourceLineDa,
      ...(width ? { width } : {}),
    }),
  );
}

/** The municipality and its neighbours on the geographic map (the tile map without boundaries). */
export function renderProfileNeighbourSvg(
  profile: MunicipalityProfile,
  sourceLineDa: string,
  geometries: LoadedGeometries,
): string {
  const code = profile.municipality.code;
  return renderMunicipalityMapSvg(
    buildNeighbourMapModel({
      geometry: geometries.geographic ?? geometries.tile,
      focusCode: code,
      neighbourCodes: neighboursOf(code),
      sourceLineDa,
    }),
  );
}
