import type { Area, MapId } from "../domain/map-definition.js";
import type { MissingReason } from "../domain/missing-reason.js";
import type { MunicipalityCode } from "../domain/municipality.js";
import type { RateEstimate } from "../domain/rate-estimate.js";
import type { FunnelVerdict } from "../domain/statistics/funnel-limits.js";

/**
 * Every statistic the agenda item prints, already computed. The report computes nothing itself: these
 * come from the municipality profile (domain/municipality-profile.ts) through `figuresFromProfile`,
 * so the page and the report can never disagree.
 */
export type AgendaItemFigures = {
  readonly municipalityCode: MunicipalityCode;
  readonly year: number;
  /**
   * The data years up to `year` the database holds figures for, oldest first. A municipality with only the
   * focus year loaded gets one sentence saying so, not a "no data for 2023" per map (issue 9, point 4).
   */
  readonly loadedYears: readonly number[];
  readonly maps: Readonly<Record<MapId, MunicipalityMapFigures>>;
  /** Municipality and neighbours on the general map, the loaded years among the last four, oldest first. */
  readonly neighbours: NeighbourTable;
  /** The subjects (sagsemner) behind the municipality's reversals on the general map this year, most reversals first. */
  readonly subjects: readonly SubjectFigures[];
};

export type ComparedEstimates = { readonly national: RateEstimate; readonly municipality: RateEstimate };

/** One municipality's figures on one map as the agenda item reads them (the 98 on a map are domain's MapFigures). */
export type MunicipalityMapFigures = {
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
  /**
   * The municipality's figure on the whole map in a newer extraction, where Ankestyrelsen has revised the
   * published map's figure since (issue 9); null when not. The item keeps the published figure and says this.
   */
  readonly revised: RateEstimate | null;
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
  | { readonly kind: "not-testable"; readonly reason: MissingReason };

/** The funnel verdict of the municipality, with the map's over-dispersion and chance-flag sentences. */
export type NationalVerdict =
  | {
      readonly kind: "assessed";
      readonly verdict: FunnelVerdict;
      readonly decided: number;
      /** P(R ≥ r) and P(R ≤ r) under the funnel's null model. */
      readonly upperTail: number;
      readonly lowerTail: number;
      readonly overdispersionDa: string | null;
      readonly chanceFlagsDa: string | null;
    }
  | { readonly kind: "not-testable"; readonly reason: MissingReason };

export type NeighbourTable = {
  readonly years: readonly number[];
  /** The years each row's `pooled` adds up: the last DEFAULT_POOLED_YEARS of `years`, the window used everywhere. */
  readonly pooledYears: readonly number[];
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

/**
 * The comparison group the user chose (issue 16): the subject municipality first, then the members, each with
 * its rate and number of cases per year on the general map, and the national row. Built by the domain's
 * `buildComparisonGroup`, so the figures are the same as everywhere else.
 */
export type ComparisonFigures = {
  /** "nabokommunerne", "de valgte kommuner", "kommunerne i Region Hovedstaden", "kommuner af samme størrelse". */
  readonly labelDa: string;
  readonly kind: "neighbours" | "region" | "chosen" | "similar-size";
  readonly years: readonly number[];
  readonly rows: readonly { readonly municipalityCode: MunicipalityCode; readonly isSubject: boolean; readonly estimates: readonly RateEstimate[] }[];
  readonly national: readonly RateEstimate[];
};

/** One subject label of the municipality's cases in the year, on the maps or outside them (issue 16, point 4). */
export type CaseFigures = {
  readonly subject: string;
  readonly law: string;
  /** The maps the subject counts in; empty when it is outside every map (employment law, tvangsanbringelse …). */
  readonly maps: readonly MapId[];
  /** Why a subject outside the maps is outside, in Danish, from the classification. */
  readonly outsideReasonDa: string | null;
  readonly decided: number;
  readonly reversed: number;
  readonly rejected: number;
};
