/**
 * The JSON the HTTP API (/api/v1) returns: the contract for the browser code, which may import this
 * file and nothing else from the server (eslint layer rule). Plain JSON only: no Map, no Date, no class.
 * Figures are fractions 0–1, unrounded; the browser formats them (format-danish-number.ts).
 */
import type { DatasetProvenance } from "../domain/complaint-cell.js";
import type { Area, MapId } from "../domain/map-definition.js";
import type { AreaCoverage } from "../domain/map-figures.js";
import type { FigureRecord } from "../domain/figure-record.js";
import type { MunicipalityProfile } from "../domain/municipality-profile.js";

export type { FigureRecord } from "../domain/figure-record.js";
export type { FunnelLimits, FunnelVerdict } from "../domain/statistics/funnel-limits.js";
export type { MunicipalityProfile, MapProfile, AreaProfile, ProfileYear, SubjectsOfYear, SubjectFigure } from "../domain/municipality-profile.js";
export type { ComparisonGroup, ComparisonMember, YearEstimate } from "../domain/comparison-group.js";
export type { RateEstimate } from "../domain/rate-estimate.js";
export type { YearChange } from "../domain/year-change.js";
export type { PooledEstimate } from "../domain/pooled-rate.js";
export type { Rank } from "../domain/rank-municipalities.js";
export type { AreaCoverage, PublishedNationalCheck } from "../domain/map-figures.js";

/** Where one data year's figures came from (the active dataset version of that year). */
export type DatasetVersionInfo = DatasetProvenance & { readonly year: number };

/** Every response with figures says where they came from and whether they are demo data. */
export type ApiProvenance = {
  readonly datasetVersions: readonly DatasetVersionInfo[];
  /** True when any figure in the response comes from demo data: show DEMO_NOTICE_DA. */
  readonly isDemo: boolean;
};

/** GET /api/v1/maps (datasetVersions: the active version of every year with data, oldest first). */
export type MapsIndexResponse = ApiProvenance & {
  readonly maps: readonly {
    readonly map: MapId;
    readonly nameDa: string;
    readonly areas: readonly Area[];
    /** Data years with figures on this map, oldest first. */
    readonly years: readonly number[];
  }[];
};

/** GET /api/v1/maps/{map}/{year}?area=total|children|adults */
export type MapFiguresResponse = ApiProvenance & {
  readonly map: MapId;
  readonly year: number;
  readonly area: Area;
  /** Sum over the 98 municipalities; `publishedNational` compares it with Ankestyrelsen's own national row. */
  readonly national: FigureRecord;
  /** All 98 municipalities in code order. */
  readonly municipalities: readonly FigureRecord[];
  readonly areaCoverage: AreaCoverage;
};

/** GET /api/v1/municipalities/{code}?year=YYYY (year: the focus year; later years are left out). */
export type MunicipalityProfileResponse = ApiProvenance & { readonly profile: MunicipalityProfile };

/** Every 4xx/5xx answer: a machine-readable code and a Danish message a person can act on. */
export type ApiError = { readonly error: string; readonly message: string };
