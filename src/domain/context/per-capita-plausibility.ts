import type { CellTotals } from "../cell-totals.js";
import { MAP_DEFINITIONS, MAP_IDS, type MapId } from "../map-definition.js";
import { buildMapFigures } from "../map-figures.js";
import type { ContextIndex } from "./context-index.js";
import { checkPlausibility, type PlausibilityResult } from "./plausibility.js";
import { perTenThousand, selectPopulationDenominator, type PopulationDenominator } from "./population-denominator.js";

export type MapPlausibility = {
  readonly map: MapId;
  readonly year: number;
  readonly denominator: PopulationDenominator;
  readonly result: PlausibilityResult;
};

/**
 * The plausibility check of one data year (plausibility.ts): on every map with data, the municipalities'
 * decided cases per 10.000 of the map's own population band, from the imported population of that year.
 */
export function checkPerCapitaPlausibility(totals: CellTotals, index: ContextIndex, year: number): MapPlausibility[] {
  if (!totals.years.includes(year)) return [];
  const out: MapPlausibility[] = [];
  for (const map of MAP_IDS) {
    if (year < MAP_DEFINITIONS[map].firstDataYear) continue;
    const denominator = selectPopulationDenominator(index, map, "total", year);
    if (denominator.basis.kind !== "imported") continue;
    const figures = buildMapFigures(totals, { map, year, area: "total" });
    const values = figures.municipalities.flatMap((m) => {
      if (m.estimate.kind !== "estimate") return [];
      const v = perTenThousand(m.estimate.decided, denominator.populationOf(m.municipalityCode));
      return v.kind === "value" ? [{ code: m.municipalityCode, value: v.value, count: m.estimate.decided }] : [];
    });
    const result = checkPlausibility(values);
    if (result) out.push({ map, year, denominator, result });
  }
  return out;
}
