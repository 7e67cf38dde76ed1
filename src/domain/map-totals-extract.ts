import type { CellTotals } from "./cell-totals.js";
import { MAP_DEFINITIONS, type Area, type MapId } from "./map-definition.js";
import { MUNICIPALITIES, type MunicipalityCode } from "./municipality.js";
import type { OutcomeCounts } from "./outcome.js";

/**
 * The part of a CellTotals that one map and year's figures read (buildMapFigures): the sums of each area of the
 * map for the 98 and the national row, which municipalities have cells that year, whether the national row is
 * published, and the years with data. Plain data, so it can be posted to another thread (structured clone):
 * the server builds a new version's map answers beside the request path this way (issue 19), from a few
 * kilobytes instead of the whole index.
 */
export type MapTotalsExtract = {
  readonly map: MapId;
  readonly year: number;
  readonly years: readonly number[];
  /** Keyed `${area}|${code}`, the national row as `${area}|national`; a missing key has no cells. */
  readonly counts: Readonly<Record<string, OutcomeCounts>>;
  readonly present: readonly MunicipalityCode[];
  readonly publishedNational: boolean;
};

const keyOf = (area: Area, code: MunicipalityCode | null) => `${area}|${code ?? "national"}`;

export function extractMapTotals(totals: CellTotals, map: MapId, year: number): MapTotalsExtract {
  const counts: Record<string, OutcomeCounts> = {};
  for (const area of MAP_DEFINITIONS[map].areas) {
    for (const code of [null, ...MUNICIPALITIES.map((m) => m.code)]) {
      const c = totals.counts(year, map, area, code);
      if (c !== undefined) counts[keyOf(area, code)] = c;
    }
  }
  return {
    map,
    year,
    years: [...totals.years],
    counts,
    present: MUNICIPALITIES.filter((m) => totals.hasMunicipality(year, m.code)).map((m) => m.code),
    publishedNational: totals.hasPublishedNational(year, map),
  };
}

/**
 * A CellTotals that answers from an extract. A question about another map or year throws instead of answering
 * "no cells": should buildMapFigures ever read more than the extract holds, the figures fail loudly rather than
 * come out wrong (the tests compare both paths on every map, year and area).
 */
export function cellTotalsOfExtract(extract: MapTotalsExtract): CellTotals {
  const present = new Set(extract.present);
  const check = (year: number, map: MapId | null) => {
    if (year !== extract.year || (map !== null && map !== extract.map)) {
      throw new RangeError(`Udtrækket dækker ${extract.map} ${extract.year}, ikke ${map ?? "alle kort"} ${year}`);
    }
  };
  return {
    years: extract.years,
    counts(year, map, area, code) {
      check(year, map);
      return extract.counts[keyOf(area, code)];
    },
    subjects(year, map) {
      check(year, map);
      throw new RangeError("Udtrækket har ikke sagsemnerne");
    },
    hasPublishedNational(year, map) {
      check(year, map);
      return extract.publishedNational;
    },
    hasMunicipality(year, code) {
      check(year, null);
      return present.has(code);
    },
  };
}
