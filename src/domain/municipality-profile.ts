import { asCellTotals, type CellTotals } from "./cell-totals.js";
import { buildComparisonGroup, type ComparisonGroup } from "./comparison-group.js";
import type { ComplaintCell } from "./complaint-cell.js";
import { MAP_DEFINITIONS, MAP_IDS, type Area, type AreaOfMap, type MapId } from "./map-definition.js";
import { buildMapFigures, type FunnelSummary, type MunicipalityFigureRow, type NationalFigureRow } from "./map-figures.js";
import type { MapRuleTable } from "./map-rules.js";
import { findMunicipalityByCode, type MunicipalityCode } from "./municipality.js";
import { neighboursOf, regionMembersOf } from "./neighbours.js";
import { decidedOf, reversedOf, type OutcomeCounts } from "./outcome.js";
import { DEFAULT_POOLED_YEARS, poolYears, type PooledEstimate } from "./pooled-rate.js";
import { computeYearChange, type YearChange } from "./year-change.js";

/** How many years the neighbour and region comparisons cover, ending with the profile's focus year. */
export const COMPARISON_YEARS = 4;

/** One data year of one map and area: the municipality next to the country, the change, the pooled rate. */
export type ProfileYear = {
  readonly year: number;
  /** With interval, funnel verdict and rank among the 98 (same as on the map for this year). */
  readonly municipality: MunicipalityFigureRow;
  readonly national: NationalFigureRow;
  /** The funnel plot of the whole selection: over-dispersion, model, flags expected by chance. */
  readonly funnelSummary: FunnelSummary;
  /** Against the year before (Newcombe 1998 method 10); not-comparable when that year has no rate. */
  readonly change: YearChange;
  /** This year and the two before taken together (DEFAULT_POOLED_YEARS). */
  readonly pooled: PooledEstimate;
};

export type AreaProfile<A extends Area = Area> = {
  readonly area: A;
  /** Every year with data on this map up to the focus year, oldest first. */
  readonly years: readonly ProfileYear[];
};

/** One subject label (sagsemne) behind the municipality's figures on a map in one year. */
export type SubjectFigure = {
  readonly subject: string;
  readonly law: string;
  readonly counts: OutcomeCounts;
  readonly decided: number;
  readonly reversed: number;
};

export type SubjectsOfYear = {
  readonly year: number;
  /** Most reversals first; subjects with decided cases but no reversal are kept, after them. */
  readonly subjects: readonly SubjectFigure[];
};

/**
 * A map's areas keyed by area, exactly those the map is shown in (MAP_DEFINITIONS): `total` always,
 * `children` and `adults` only on the general map. A lookup cannot miss, so no `.find(...)!`.
 */
export type AreaProfiles<M extends MapId> = { readonly [A in AreaOfMap<M>]: AreaProfile<A> };

export type MapProfileOf<M extends MapId> = {
  readonly map: M;
  readonly areas: AreaProfiles<M>;
  /** The municipalities sharing a border, the last COMPARISON_YEARS years, area total. Empty for islands. */
  readonly neighbours: ComparisonGroup;
  /** The other municipalities of the region, same window. */
  readonly region: ComparisonGroup;
  /** The group passed in `options.chosenGroup`, if any. */
  readonly chosenGroup: ComparisonGroup | null;
  /** Per year, the subjects behind the municipality's cases on this map (area total). */
  readonly subjects: readonly SubjectsOfYear[];
};

/** Any one map's profile; `areas.total` is always there, and narrowing on `map` reaches the general map's split. */
export type MapProfile = { readonly [M in MapId]: MapProfileOf<M> }[MapId];

/** The profile of every map, keyed by map id. */
export type MapProfiles = { readonly [M in MapId]: MapProfileOf<M> };

/**
 * Everything the municipality page and the council's agenda item show for one municipality: the
 * contract between the statistics core, the web profile and the report. All figures are keyed by map
 * id, area and municipality code; names are labels only.
 */
export type MunicipalityProfile = {
  readonly municipality: { readonly code: MunicipalityCode; readonly name: string; readonly region: string };
  /** The year the comparisons end with: `options.year`, else the newest year with data; null without data. */
  readonly focusYear: number | null;
  readonly maps: MapProfiles;
};

/** The maps in MAP_IDS order, for whatever lists them (page sections, tables, the API's array). */
export function mapProfilesOf(profile: MunicipalityProfile): readonly MapProfile[] {
  return MAP_IDS.map((id) => profile.maps[id]);
}

/** One area of a map, or undefined where the map is not split into it (only the general map has children and adults). */
export function areaOf(mapProfile: MapProfile, area: Area): AreaProfile | undefined {
  const areas: Partial<Record<Area, AreaProfile>> = mapProfile.areas;
  return areas[area];
}

/** The map's areas in the order of its definition (total first). */
export function areaProfilesOf(mapProfile: MapProfile): readonly AreaProfile[] {
  return MAP_DEFINITIONS[mapProfile.map].areas.flatMap((area) => areaOf(mapProfile, area) ?? []);
}

export type ProfileOptions = {
  /** Focus year; years after it are left out (a 2024 agenda item must not show 2025 figures). */
  readonly year?: number;
  readonly chosenGroup?: { readonly labelDa: string; readonly codes: readonly MunicipalityCode[] };
  readonly pooledYears?: number;
  readonly rules?: MapRuleTable;
  /** Newer extractions of published years: each year's rows then carry `revision` (see MapFiguresOptions). */
  readonly revised?: CellTotals;
};

function bySubjectImportance(a: SubjectFigure, b: SubjectFigure): number {
  return b.reversed - a.reversed || b.decided - a.decided || a.subject.localeCompare(b.subject, "da");
}

function subjectsOf(totals: CellTotals, map: MapId, year: number, code: MunicipalityCode): SubjectsOfYear {
  const subjects = totals
    .subjects(year, map, code)
    .map((s) => ({ ...s, decided: decidedOf(s.counts), reversed: reversedOf(s.counts) }))
    .filter((s) => s.decided > 0 || s.counts.rejected > 0)
    .sort(bySubjectImportance);
  return { year, subjects };
}

function yearsOfMap(totals: CellTotals, map: MapId, focusYear: number | null): number[] {
  return totals.years.filter((y) => y >= MAP_DEFINITIONS[map].firstDataYear && (focusYear === null || y <= focusYear));
}

export function buildMunicipalityProfile(
  source: readonly ComplaintCell[] | CellTotals,
  code: MunicipalityCode,
  options: ProfileOptions = {},
): MunicipalityProfile {
  const municipality = findMunicipalityByCode(code);
  if (!municipality) throw new RangeError(`Ukendt kommunekode: ${code}`);
  const totals = asCellTotals(source, options.rules);
  const focusYear = options.year ?? totals.years.at(-1) ?? null;
  const span = options.pooledYears ?? DEFAULT_POOLED_YEARS;
  const window = focusYear === null ? [] : Array.from({ length: COMPARISON_YEARS }, (_, i) => focusYear - COMPARISON_YEARS + 1 + i);
  const mapProfile = <M extends MapId>(map: M, areasOf: (area: <A extends AreaOfMap<M>>(area: A) => AreaProfile<A>) => AreaProfiles<M>): MapProfileOf<M> => {
    const years = yearsOfMap(totals, map, focusYear);
    const areaProfile = <A extends Area>(area: A): AreaProfile<A> => {
      const rows = new Map(
        years.map((year) => {
          const figures = buildMapFigures(totals, { map, year, area }, options.revised ? { revised: options.revised } : {});
          return [year, { municipality: figures.municipalities.find((m) => m.municipalityCode === municipality.code)!, national: figures.national, funnelSummary: figures.funnelSummary }];
        }),
      );
      const countsFor = (year: number) => {
        const row = rows.get(year)?.municipality.estimate;
        return row === undefined || row.kind === "no-data" ? ("no-data" as const) : row.counts;
      };
      return {
        area,
        years: years.map((year) => {
          const { municipality: row, national, funnelSummary } = rows.get(year)!;
          const previous = rows.get(year - 1)?.municipality.estimate ?? { kind: "no-data" as const, reason: { code: "year-without-data" as const, year: year - 1 } };
          return { year, municipality: row, national, funnelSummary, change: computeYearChange(row.estimate, previous, year - 1), pooled: poolYears(year, countsFor, span) };
        }),
      };
    };
    const group = (kind: ComparisonGroup["kind"], labelDa: string, codes: readonly MunicipalityCode[]) =>
      buildComparisonGroup(totals, { kind, labelDa, codes, map, area: "total", years: window });
    return {
      map,
      areas: areasOf(areaProfile),
      neighbours: group("neighbours", "Nabokommuner", neighboursOf(municipality.code)),
      region: group("region", municipality.region, regionMembersOf(municipality.code)),
      chosenGroup: options.chosenGroup ? group("chosen", options.chosenGroup.labelDa, options.chosenGroup.codes) : null,
      subjects: years.map((year) => subjectsOf(totals, map, year, municipality.code)),
    };
  };
  // In MAP_IDS order; each map's areas are checked against its definition by AreaProfiles.
  const maps: MapProfiles = {
    socialomraadet: mapProfile("socialomraadet", (area) => ({ total: area("total"), children: area("children"), adults: area("adults") })),
    boernehandicapomraadet: mapProfile("boernehandicapomraadet", (area) => ({ total: area("total") })),
    voksenhandicapomraadet: mapProfile("voksenhandicapomraadet", (area) => ({ total: area("total") })),
  };
  return { municipality: { code: municipality.code, name: municipality.name, region: municipality.region }, focusYear, maps };
}
