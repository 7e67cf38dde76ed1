import type { Area, MapId } from "../map-definition.js";
import { MUNICIPALITIES } from "../municipality.js";
import { POPULATION_BY_CODE, POPULATION_REFERENCE } from "../registry/population-data.js";
import { POPULATION_BAND_LABELS_DA, type ContextProvenance, type ContextValue, type PopulationBand } from "./context-figure.js";
import { populationMeasure, type ContextIndex } from "./context-index.js";

/**
 * Who a map's cases are counted against for "sager pr. 10.000" (issue 18 item 3, issue 10 item 8): the
 * child disability map and the children's area against children 0–17, the adult disability map against
 * adults 18–64 (SEL §§ 95–97 and 100 are benefits for adults below pension age; FOLK1A's single years of
 * age support any band), the adults' area of the general map against all adults 18+ (it includes the
 * elderly), and the general map as a whole against all inhabitants.
 */
export function populationBandFor(map: MapId, area: Area): PopulationBand {
  switch (map) {
    case "boernehandicapomraadet":
      return "0-17";
    case "voksenhandicapomraadet":
      return "18-64";
    case "socialomraadet":
      return area === "children" ? "0-17" : area === "adults" ? "18+" : "total";
  }
}

/**
 * The denominator of one map, area and year. `imported`: FOLK1A on 1 January of the data year (the
 * quarter 1 figure, "folketal den 1. i kvartalet"), in the map's band. `rounded`: no FOLK1A figures for
 * that year are imported, so the shipped hand-transcribed 2024 totals (all ages) stand in, labelled so.
 */
export type PopulationDenominator = {
  readonly band: PopulationBand;
  readonly basis:
    | { readonly kind: "imported"; readonly period: string; readonly provenance: ContextProvenance }
    | { readonly kind: "rounded"; readonly year: number };
  /** "børn 0–17 år", "indbyggere": what the figure is per 10.000 of. */
  readonly labelDa: string;
  /** The source sentence captions, tooltips and reports print. */
  readonly sourceDa: string;
  /** The population of a municipality (code) or of the 98 together (null). */
  populationOf(code: string | null): ContextValue;
};

const ROUNDED_NATIONAL = Object.values(POPULATION_BY_CODE).reduce((a, b) => a + b, 0);
const ROUNDED_YEAR = Number(POPULATION_REFERENCE.date.slice(0, 4));

/** The shipped rounded figures: every year, every map, all ages. Never used once the year's FOLK1A is imported. */
export const ROUNDED_DENOMINATOR: PopulationDenominator = {
  band: "total",
  basis: { kind: "rounded", year: ROUNDED_YEAR },
  labelDa: POPULATION_BAND_LABELS_DA.total,
  sourceDa: `Folketal: Danmarks Statistik, FOLK1A, 1. januar ${ROUNDED_YEAR}, alle aldre (afrundet, ${ROUNDED_YEAR}); samme folketal bruges for alle år, indtil årets eget folketal er indlæst`,
  populationOf(code) {
    const value = code === null ? ROUNDED_NATIONAL : POPULATION_BY_CODE[code];
    return value === undefined ? { kind: "no-data" } : { kind: "value", value };
  },
};

export function selectPopulationDenominator(index: ContextIndex, map: MapId, area: Area, year: number): PopulationDenominator {
  const band = populationBandFor(map, area);
  const period = { year, quarter: 1 as const };
  const measure = populationMeasure(band);
  const lookups = MUNICIPALITIES.map((m) => index.lookup("FOLK1A", measure, m.code, period));
  const found = lookups.find((l) => l.provenance !== null);
  if (!found) return ROUNDED_DENOMINATOR;
  const provenance = found.provenance!;
  const byCode = new Map<string, ContextValue>(MUNICIPALITIES.map((m, i) => [m.code, lookups[i]!.value]));
  // The national figure is the sum over the 98, like the national cases; with a gap, the table's own row.
  const national: ContextValue = lookups.every((l) => l.value.kind === "value")
    ? { kind: "value", value: lookups.reduce((sum, l) => sum + (l.value.kind === "value" ? l.value.value : 0), 0) }
    : index.lookup("FOLK1A", measure, null, period).value;
  const labelDa = POPULATION_BAND_LABELS_DA[band];
  const extracted = provenance.extractedOn ? `, udtrukket ${provenance.extractedOn}` : "";
  return {
    band,
    basis: { kind: "imported", period: `${year}K1`, provenance },
    labelDa,
    sourceDa: `Folketal: Danmarks Statistik, FOLK1A, ${year}K1 (folketal 1. januar ${year}, ${labelDa})${extracted}`,
    populationOf(code) {
      return code === null ? national : (byCode.get(code) ?? { kind: "no-data" });
    },
  };
}

/** Cases per 10.000 of the band, or why there is none. */
export type PerTenThousand =
  | { readonly kind: "value"; readonly value: number; readonly cases: number; readonly population: number }
  | { readonly kind: "suppressed" }
  | { readonly kind: "no-data" };

export function perTenThousand(cases: number, population: ContextValue): PerTenThousand {
  switch (population.kind) {
    case "value":
      return population.value > 0 ? { kind: "value", value: (cases / population.value) * 10_000, cases, population: population.value } : { kind: "no-data" };
    case "suppressed":
      return { kind: "suppressed" };
    case "no-data":
      return { kind: "no-data" };
  }
}
