/** The three Danmarkskort (domain.md §3). Ids are stable keys; names are labels. */
export type MapId = "socialomraadet" | "boernehandicapomraadet" | "voksenhandicapomraadet";

export const MAP_IDS: readonly MapId[] = ["socialomraadet", "boernehandicapomraadet", "voksenhandicapomraadet"];

/** The split of the general map used in municipal reporting (Herning's Tabel 1). */
export type Area = "total" | "children" | "adults";

export const AREAS: readonly Area[] = ["total", "children", "adults"];

export const AREA_NAMES_DA: Readonly<Record<Area, string>> = {
  total: "i alt",
  children: "børneområdet",
  adults: "voksenområdet",
};

export type MapDefinition = {
  readonly id: MapId;
  readonly nameDa: string;
  readonly shortNameDa: string;
  /** First data year the ministry published this map for. */
  readonly firstDataYear: number;
  /** Areas shown for this map: only the general map is split into children and adults. */
  readonly areas: readonly Area[];
};

const DEFINITIONS = {
  socialomraadet: {
    id: "socialomraadet",
    nameDa: "Socialområdet generelt",
    shortNameDa: "socialområdet",
    firstDataYear: 2016,
    areas: ["total", "children", "adults"],
  },
  boernehandicapomraadet: {
    id: "boernehandicapomraadet",
    nameDa: "Børnehandicapområdet",
    shortNameDa: "børnehandicapområdet",
    firstDataYear: 2016,
    areas: ["total"],
  },
  voksenhandicapomraadet: {
    id: "voksenhandicapomraadet",
    nameDa: "Voksenhandicapområdet",
    shortNameDa: "voksenhandicapområdet",
    // sm.dk published the adult disability map first for data year 2017 (domain.md §3).
    firstDataYear: 2017,
    areas: ["total"],
  },
} as const satisfies Record<MapId, MapDefinition>;

export const MAP_DEFINITIONS: Readonly<Record<MapId, MapDefinition>> = DEFINITIONS;

/**
 * The areas map `M` is shown in, read from its definition: all three for the general map, only `"total"`
 * for the two disability maps. Types keyed by it (the profile's areas) follow MAP_DEFINITIONS by construction.
 */
export type AreaOfMap<M extends MapId> = (typeof DEFINITIONS)[M]["areas"][number];

export function isMapId(value: string): value is MapId {
  return (MAP_IDS as readonly string[]).includes(value);
}

export function isArea(value: string): value is Area {
  return (AREAS as readonly string[]).includes(value);
}
