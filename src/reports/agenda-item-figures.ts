import type { Area, MapId } from "../domain/map-definition.js";
import type { MunicipalityCode } from "../domain/municipality.js";
import type { RateEstimate } from "../domain/rate-estimate.js";

/**
 * Every statistic the agenda item prints, already computed. The report computes nothing itself: these
 * come from the municipality profile (domain/municipality-profile.ts) through `figuresFromProfile`,
 * so the page and the report can never disagree.
 */
export type AgendaItemFigures = {
  readonly municipalityCode: MunicipalityCode;
  readonly year: number;
  readonly maps: Readonly<Record<MapId, MapFigures>>;
  /** Municipality and neighbours on the general map, the last four data years, oldest first. */
  readonly neighbours: NeighbourTable;
  /** The subjects (sagsemner) behind the municipality's reversals on the general map this year, most reversals first. */
  readonly subjects: readonly SubjectFigures[];
};

export type ComparedEstimates = { readonly national: RateEstimate; readonly municipality: RateEstimate };

export type MapFigures = {
  readonly map: MapId;
  /** One entry per area the map shows (the general map: total, children, adults). */
  readonly areas: readonly ({ readonly area: Area } & ComparedEstimates)[];
  /** The whole map (area "total") one year earlier. */
  readonly previous: ComparedEstimates;
  readonly change: ChangeVerdict;
  /** Whether the municipality's rate differs from the national rate beyond chance (funnel limits). */
  readonly versusNational: NationalVerdict;
  /** Municipality and national rate on the whole map, per data year, oldest first (the trend chart). */
  readonly trend: readonly ({ readonly year: number } & ComparedEstimates)[];
};

/** Year-on-year change of the municipality's rate on one map. */
export type ChangeVerdict =
  | {
      readonly kind: "tested";
      /** Current minus previous rate, in percentage points (unrounded). */
      readonly differencePoints: number;
      /** 95 % interval of the difference, in percentage points. */
      readonly ci95Points: readonly [low: number, high: number];
      /** True when the interval excludes zero. */
      readonly beyondChance: boolean;
      /** The method as the text cites it, e.g. "Newcombes metode". */
      readonly methodDa: string;
    }
  | { readonly kind: "not-testable"; readonly reasonDa: string };

export type NationalVerdict =
  | { readonly kind: "above" | "below" | "within"; readonly methodDa: string }
  | { readonly kind: "not-testable"; readonly reasonDa: string };

export type NeighbourTable = {
  readonly years: readonly number[];
  readonly rows: readonly NeighbourRow[];
};

export type NeighbourRow = {
  readonly municipalityCode: MunicipalityCode;
  /** True for the municipality the item is about. */
  readonly isSubject: boolean;
  /** One estimate per year in `years`. */
  readonly estimates: readonly RateEstimate[];
  /** All four years pooled. */
  readonly pooled: RateEstimate;
};

export type SubjectFigures = {
  readonly subject: string;
  readonly decided: number;
  readonly reversed: number;
  readonly changed: number;
  readonly remitted: number;
};
