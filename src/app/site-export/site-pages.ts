import { MAP_DEFINITIONS, MAP_IDS } from "../../domain/map-definition.js";
import { MEASURE_IDS } from "../../viz/map-measure.js";
import { mapPageQuery, VIEW_IDS, type GeometryChoice } from "../../viz/page-state.js";

/** What the export enumerates: the data years shown, the map types the map page offers, the municipalities. */
export type SiteScope = {
  readonly years: readonly number[];
  readonly geometries: readonly GeometryChoice[];
  readonly municipalityCodes: readonly string[];
};

/**
 * Every public page the export starts from, from the same lists the pages offer their choices from: the
 * map page for each map × year × area × measure × view × map type (page-map.ts's selection form and view
 * tabs), each municipality's profile for each year, the municipality list, the front page, the
 * accessibility statement, the public compliance view per year, and the API's main GET documents. The
 * downloads and anything else the pages link to are found by following their links.
 */
export function enumerateSitePages(scope: SiteScope): string[] {
  const pages = ["/", "/kommuner", "/tilgaengelighed"];
  for (const map of MAP_IDS)
    for (const year of scope.years)
      for (const area of MAP_DEFINITIONS[map].areas)
        for (const measure of MEASURE_IDS)
          for (const view of VIEW_IDS) for (const geometry of scope.geometries) pages.push(`/kort?${mapPageQuery({ map, year, area, measure, view, geometry, municipality: null })}`);
  for (const code of scope.municipalityCodes) for (const year of scope.years) pages.push(`/kommuner/${code}?aar=${year}`);
  for (const year of scope.years) pages.push(`/behandling?aar=${year}`);
  pages.push("/api/v1/openapi.json", "/api/v1/maps");
  for (const map of MAP_IDS) for (const year of scope.years) for (const area of MAP_DEFINITIONS[map].areas) pages.push(`/api/v1/maps/${map}/${year}${area === "total" ? "" : `?area=${area}`}`);
  for (const code of scope.municipalityCodes) pages.push(`/api/v1/municipalities/${code}`);
  return pages;
}
