import type { MapId } from "./map-definition.js";

/**
 * Why a figure is missing, as a code with the parameters its sentence needs (style.md habit 2): the domain
 * says what is missing, one phrasebook (missing-reason-da.ts) says it in Danish, and the API hands clients
 * the code beside the sentence, so a client can branch on the code without parsing Danish.
 */

/** Why a `RateEstimate` is `no-data`: no dataset covers the year, or the municipality is absent from it. */
export type NoDataReason =
  /** The year is before the first data year the ministry published the map for. */
  | { readonly code: "map-not-yet-published"; readonly map: MapId; readonly firstYear: number }
  /** No active dataset version covers the year. */
  | { readonly code: "year-not-loaded"; readonly year: number }
  /** The year is loaded, but the municipality has not a single cell in it (it reads "ingen data", never 0 cases). */
  | { readonly code: "municipality-absent"; readonly year: number }
  /** The same, in the newer extraction a published year is compared with (issue 9). */
  | { readonly code: "municipality-absent-in-revision"; readonly year: number }
  /** A year the figures at hand do not hold (a profile's year before the first, a report's missing year). */
  | { readonly code: "year-without-data"; readonly year: number }
  /** No year of a pooled window had data. */
  | { readonly code: "years-without-data"; readonly fromYear: number; readonly toYear: number }
  /** A pooled figure over no years at all. */
  | { readonly code: "no-years" };

/** Why a `FunnelResult` is `not-assessed`: no rate of its own, no national rate, or no data at all. */
export type NotAssessedReason = NoDataReason | { readonly code: "no-decided-cases" } | { readonly code: "no-national-rate" };

/** Why a `YearChange` is `not-comparable`: one of the two years has no rate. */
export type NotComparableReason =
  | { readonly code: "year-without-data"; readonly year: number }
  | { readonly code: "no-decided-cases-in-year"; readonly year: number }
  | { readonly code: "no-decided-cases-this-year" };

export type MissingReason = NoDataReason | NotAssessedReason | NotComparableReason;
export type MissingReasonCode = MissingReason["code"];

// Records, not arrays: a code added to a union but not listed here is a type error.
const NO_DATA: Readonly<Record<NoDataReason["code"], true>> = {
  "map-not-yet-published": true,
  "year-not-loaded": true,
  "municipality-absent": true,
  "municipality-absent-in-revision": true,
  "year-without-data": true,
  "years-without-data": true,
  "no-years": true,
};
const NOT_ASSESSED: Readonly<Record<NotAssessedReason["code"], true>> = { ...NO_DATA, "no-decided-cases": true, "no-national-rate": true };
const NOT_COMPARABLE: Readonly<Record<NotComparableReason["code"], true>> = {
  "year-without-data": true,
  "no-decided-cases-in-year": true,
  "no-decided-cases-this-year": true,
};

/** Every code of each kind, for the API schemas' enums. */
export const NO_DATA_REASON_CODES = Object.keys(NO_DATA) as readonly NoDataReason["code"][];
export const NOT_ASSESSED_REASON_CODES = Object.keys(NOT_ASSESSED) as readonly NotAssessedReason["code"][];
export const NOT_COMPARABLE_REASON_CODES = Object.keys(NOT_COMPARABLE) as readonly NotComparableReason["code"][];
export const MISSING_REASON_CODES = [...new Set([...NOT_ASSESSED_REASON_CODES, ...NOT_COMPARABLE_REASON_CODES])] as readonly MissingReasonCode[];
