import type { MapId } from "../../domain/map-definition.js";

/**
 * The ministry's page for each map and data year, where the address is known from a public source. The
 * addresses do not follow one pattern over the years (month, "-i-" and suffixes vary), so an unknown year
 * gets no guessed address: the item then names the site only, and the user can give the address.
 */
export const MINISTRY_MAP_PAGES: Readonly<Record<number, Partial<Record<MapId, string>>>> = {
  // Seed: Ballerup Socialudvalget 30.9.2025.
  2024: {
    socialomraadet: "https://www.sm.dk/danmarkskort/2025/jun/omgoerelsesprocenter-paa-socialomraadet-i-2024",
    boernehandicapomraadet: "https://www.sm.dk/danmarkskort/2025/jun/omgoerelsesprocenter-paa-boernehandicapomraadet-i-2024",
    voksenhandicapomraadet: "https://www.sm.dk/danmarkskort/2025/jun/omgoerelsesprocenter-paa-voksenhandicapomraadet-i-2024",
  },
  // ../shared/data/published-figures.csv, source column.
  2022: { socialomraadet: "https://www.sm.dk/danmarkskort/2023/jun/omgoerelsesprocenter-paa-socialomraadet-i-2022" },
  2020: { boernehandicapomraadet: "https://www.sm.dk/danmarkskort/2021/jun/omgoerelsesprocenter-paa-boernehandicapomraadet-i-2020" },
  2017: {
    socialomraadet: "https://www.sm.dk/danmarkskort/2018/apr/omgoerelsesprocenter-paa-socialomraadet-2017-1",
    voksenhandicapomraadet: "https://sm.dk/danmarkskort/2018/apr/omgoerelsesprocenter-paa-voksenhandicapomraadet-2017",
  },
};

/** The address of the map's page: the user's own first, then the known one; undefined when neither is known. */
export function ministryMapPage(year: number, map: MapId, own?: Partial<Record<MapId, string>>): string | undefined {
  return own?.[map] ?? MINISTRY_MAP_PAGES[year]?.[map];
}
