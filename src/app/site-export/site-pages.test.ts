import { describe, expect, it } from "vitest";
import { MAP_DEFINITIONS, MAP_IDS } from "../../domain/map-definition.js";
import { MEASURE_IDS } from "../../viz/map-measure.js";
import { VIEW_IDS } from "../../viz/page-state.js";
import { enumerateSitePages } from "./site-pages.js";

describe("enumerateSitePages", () => {
  const pages = enumerateSitePages({ years: [2023, 2024], geometries: ["geografisk", "felter"], municipalityCodes: ["0657", "0101"] });

  it("has the map page for every map × year × area × measure × view × map type the page offers", () => {
    const areas = MAP_IDS.reduce((n, m) => n + MAP_DEFINITIONS[m].areas.length, 0);
    expect(pages.filter((p) => p.startsWith("/kort?"))).toHaveLength(areas * 2 * MEASURE_IDS.length * VIEW_IDS.length * 2);
    expect(pages).toContain("/kort?kort=boernehandicapomraadet&aar=2023&omraade=i-alt&maal=hjemvist&visning=tragt&geometri=felter");
  });

  it("has each municipality's profile per year, the fixed pages and the API's documents", () => {
    expect(pages).toEqual(expect.arrayContaining(["/", "/kommuner", "/tilgaengelighed", "/kommuner/0657?aar=2023", "/kommuner/0101?aar=2024", "/behandling?aar=2024", "/api/v1/openapi.json", "/api/v1/maps", "/api/v1/maps/socialomraadet/2024?area=children", "/api/v1/municipalities/0657"]));
    expect(new Set(pages).size).toBe(pages.length);
  });
});
