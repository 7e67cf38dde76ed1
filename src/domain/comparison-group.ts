import type { CellTotals } from "./cell-totals.js";
import type { Area, MapId } from "./map-definition.js";
import { findNoDataReason } from "./map-figures.js";
import { findMunicipalityByCode, type MunicipalityCode } from "./municipality.js";
import { addCounts, ZERO_COUNTS } from "./outcome.js";
import { computeRateEstimate, type RateEstimate } from "./rate-estimate.js";

export type ComparisonKind = "neighbours" | "region" | "chosen";

export type YearEstimate = { readonly year: number; readonly estimate: RateEstimate };

export type ComparisonMember = {
  readonly municipalityCode: MunicipalityCode;
  readonly municipalityName: string;
  /** One entry per year of the group's window, oldest first; rate and n per year. */
  readonly years: readonly YearEstimate[];
};

/**
 * Municipalities to read a municipality's rate against: its geographic neighbours, its region, or a
 * group the user chose. Each member has its own rate and number of cases per year; `combined` is the
 * group taken together (sum of counts, not an average of rates, so large members weigh by their cases).
 */
export type ComparisonGroup = {
  readonly kind: ComparisonKind;
  readonly labelDa: string;
  readonly map: MapId;
  readonly area: Area;
  readonly years: readonly number[];
  readonly members: readonly ComparisonMember[];
  readonly combined: readonly YearEstimate[];
};

export type ComparisonRequest = {
  readonly kind: ComparisonKind;
  readonly labelDa: string;
  readonly codes: readonly MunicipalityCode[];
  readonly map: MapId;
  readonly area: Area;
  readonly years: readonly number[];
};

function estimateFor(totals: CellTotals, map: MapId, area: Area, year: number, codes: readonly MunicipalityCode[]): RateEstimate {
  const reason = findNoDataReason(totals, map, year);
  if (reason !== null) return { kind: "no-data", reason };
  return computeRateEstimate(codes.map((c) => totals.counts(year, map, area, c) ?? ZERO_COUNTS).reduce(addCounts, ZERO_COUNTS));
}

export function buildComparisonGroup(totals: CellTotals, request: ComparisonRequest): ComparisonGroup {
  const { kind, labelDa, map, area, years } = request;
  return {
    kind,
    labelDa,
    map,
    area,
    years,
    members: request.codes.map((code) => ({
      municipalityCode: code,
      municipalityName: findMunicipalityByCode(code)?.name ?? code,
      years: years.map((year) => ({ year, estimate: estimateFor(totals, map, area, year, [code]) })),
    })),
    combined: years.map((year) => ({ year, estimate: estimateFor(totals, map, area, year, request.codes) })),
  };
}
