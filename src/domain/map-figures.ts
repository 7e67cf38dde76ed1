import { asCellTotals, type CellTotals } from "./cell-totals.js";
import type { ComplaintCell } from "./complaint-cell.js";
import { AREA_NAMES_DA, MAP_DEFINITIONS, type Area, type MapId } from "./map-definition.js";
import type { MapRuleTable } from "./map-rules.js";
import { MUNICIPALITIES, type MunicipalityCode } from "./municipality.js";
import { addCounts, decidedOf, OUTCOMES, ZERO_COUNTS, type Outcome, type OutcomeCounts } from "./outcome.js";
import { rankByReversalRate, type Rank } from "./rank-municipalities.js";
import { computeRateEstimate, type RateEstimate } from "./rate-estimate.js";
import { assessFunnel, type FunnelAssessment } from "./statistics/funnel-limits.js";

export const NATIONAL_NAME_DA = "Hele landet";

/** A municipality's place in the funnel plot, or why it has none (no decided case, no national rate). */
export type FunnelResult = ({ readonly kind: "assessed" } & FunnelAssessment) | { readonly kind: "not-assessed"; readonly reasonDa: string };

/** One municipality on one map, area and year. */
export type MunicipalityFigureRow = {
  readonly municipalityCode: MunicipalityCode;
  readonly municipalityName: string;
  readonly region: string;
  /** Counts, rates and the 95 % Wilson interval; or no-cases / no-data with the reason. */
  readonly estimate: RateEstimate;
  /** Against the national rate of the same map, area and year (Spiegelhalter 2005). */
  readonly funnel: FunnelResult;
  /** Place among the municipalities with a rate, 1 = lowest reversal rate; null without a rate. */
  readonly rank: Rank | null;
};

/**
 * The national row published by Ankestyrelsen (cells with municipalityCode null), compared with our
 * sum over the 98 municipalities. A mismatch is shown, never hidden: it usually means a municipality
 * is missing from the file or Ankestyrelsen counted cases we could not place.
 */
export type PublishedNationalCheck =
  | { readonly kind: "not-published" }
  | { readonly kind: "match"; readonly published: OutcomeCounts }
  | {
      readonly kind: "mismatch";
      readonly published: OutcomeCounts;
      readonly publishedEstimate: RateEstimate;
      readonly differences: readonly { readonly outcome: Outcome; readonly sumOf98: number; readonly published: number }[];
    };

/** The country: the sum over the 98 municipalities (domain.md §7 figures are such sums). */
export type NationalFigureRow = {
  readonly municipalityCode: null;
  readonly municipalityName: string;
  readonly estimate: RateEstimate;
  readonly publishedNational: PublishedNationalCheck;
};

export type FigureRow = MunicipalityFigureRow | NationalFigureRow;

/**
 * On the general map, subjects whose children/adults area is unknown count in the total only, so
 * børneområdet + voksenområdet can fall short of i alt. Reported on the total of maps with areas.
 */
export type AreaCoverage =
  | { readonly kind: "not-split" }
  | { readonly kind: "complete" }
  | { readonly kind: "incomplete"; readonly decidedWithoutArea: number; readonly reversedWithoutArea: number };

export type MapFigures = {
  readonly map: MapId;
  readonly year: number;
  readonly area: Area;
  readonly national: NationalFigureRow;
  /** All 98 municipalities in registry (code) order, every one present even without data. */
  readonly municipalities: readonly MunicipalityFigureRow[];
  readonly areaCoverage: AreaCoverage;
};

export type MapSelection = { readonly map: MapId; readonly year: number; readonly area: Area };

export type MapFiguresOptions = { readonly rules?: MapRuleTable };

/** Why a map has no data for a year, or null when it has. */
export function noDataReason(totals: CellTotals, map: MapId, year: number): string | null {
  const first = MAP_DEFINITIONS[map].firstDataYear;
  if (year < first) return `${MAP_DEFINITIONS[map].nameDa} blev først offentliggjort for dataåret ${first}`;
  if (!totals.years.includes(year)) return `Der er ikke indlæst data for ${year}`;
  return null;
}

/** The counts of the 98 municipalities (and their sum) for one selection: missing means zero when the year has data. */
export function municipalityCounts(totals: CellTotals, { map, year, area }: MapSelection): Map<MunicipalityCode, OutcomeCounts> {
  return new Map(MUNICIPALITIES.map((m) => [m.code, totals.counts(year, map, area, m.code) ?? ZERO_COUNTS]));
}

function checkPublished(totals: CellTotals, selection: MapSelection, sum: OutcomeCounts): PublishedNationalCheck {
  if (!totals.hasPublishedNational(selection.year, selection.map)) return { kind: "not-published" };
  const published = totals.counts(selection.year, selection.map, selection.area, null) ?? ZERO_COUNTS;
  const differences = OUTCOMES.filter((o) => published[o] !== sum[o]).map((o) => ({ outcome: o, sumOf98: sum[o], published: published[o] }));
  if (differences.length === 0) return { kind: "match", published };
  return { kind: "mismatch", published, publishedEstimate: computeRateEstimate(published), differences };
}

function funnelFor(estimate: RateEstimate, national: RateEstimate): FunnelResult {
  if (estimate.kind !== "estimate") return { kind: "not-assessed", reasonDa: "Ingen realitetsbehandlede sager" };
  if (national.kind !== "estimate") return { kind: "not-assessed", reasonDa: "Ingen landsprocent at sammenligne med" };
  return { kind: "assessed", ...assessFunnel(estimate.reversed, estimate.decided, national.reversalRate) };
}

function areaCoverageOf(totals: CellTotals, selection: MapSelection, byCode: Map<MunicipalityCode, OutcomeCounts>): AreaCoverage {
  const areas = MAP_DEFINITIONS[selection.map].areas;
  if (selection.area !== "total" || areas.length === 1) return { kind: "not-split" };
  const split = areas
    .filter((a) => a !== "total")
    .map((area) => [...municipalityCounts(totals, { ...selection, area }).values()].reduce(addCounts, ZERO_COUNTS))
    .reduce(addCounts, ZERO_COUNTS);
  const total = [...byCode.values()].reduce(addCounts, ZERO_COUNTS);
  const decidedWithoutArea = decidedOf(total) - decidedOf(split);
  if (decidedWithoutArea === 0) return { kind: "complete" };
  return { kind: "incomplete", decidedWithoutArea, reversedWithoutArea: total.changed + total.remitted - split.changed - split.remitted };
}

/**
 * The figures of one map, data year and area for the 98 municipalities and the country: the table
 * the ministry publishes, with interval, funnel verdict and rank added. Pass the cells, or a
 * `CellTotals` index the caller keeps (the server does, per active dataset versions).
 */
export function buildMapFigures(source: readonly ComplaintCell[] | CellTotals, selection: MapSelection, options: MapFiguresOptions = {}): MapFigures {
  const totals = asCellTotals(source, options.rules);
  const { map, year, area } = selection;
  if (!MAP_DEFINITIONS[map].areas.includes(area)) {
    throw new RangeError(`${MAP_DEFINITIONS[map].nameDa} er ikke opdelt i ${AREA_NAMES_DA[area]}`);
  }
  const reason = noDataReason(totals, map, year);
  if (reason !== null) {
    const none: RateEstimate = { kind: "no-data", reasonDa: reason };
    return {
      map,
      year,
      area,
      national: { municipalityCode: null, municipalityName: NATIONAL_NAME_DA, estimate: none, publishedNational: { kind: "not-published" } },
      municipalities: MUNICIPALITIES.map((m) => ({
        municipalityCode: m.code,
        municipalityName: m.name,
        region: m.region,
        estimate: none,
        funnel: { kind: "not-assessed", reasonDa: reason },
        rank: null,
      })),
      areaCoverage: { kind: "not-split" },
    };
  }
  const byCode = municipalityCounts(totals, selection);
  const sum = [...byCode.values()].reduce(addCounts, ZERO_COUNTS);
  const nationalEstimate = computeRateEstimate(sum);
  const ranks = rankByReversalRate([...byCode].map(([code, c]) => ({ code, reversed: c.changed + c.remitted, decided: decidedOf(c) })));
  return {
    map,
    year,
    area,
    national: {
      municipalityCode: null,
      municipalityName: NATIONAL_NAME_DA,
      estimate: nationalEstimate,
      publishedNational: checkPublished(totals, selection, sum),
    },
    municipalities: MUNICIPALITIES.map((m) => {
      const estimate = computeRateEstimate(byCode.get(m.code)!);
      return {
        municipalityCode: m.code,
        municipalityName: m.name,
        region: m.region,
        estimate,
        funnel: funnelFor(estimate, nationalEstimate),
        rank: ranks.get(m.code) ?? null,
      };
    }),
    areaCoverage: areaCoverageOf(totals, selection, byCode),
  };
}
