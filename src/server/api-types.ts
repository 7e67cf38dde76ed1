/**
 * The JSON the HTTP API (/api/v1) returns, as TypeScript: each type is the Static type of the route schema
 * Fastify validates and serialises with and the OpenAPI document publishes (api-schemas/), so the contract is
 * written once. The browser code may import this file and nothing else from the server (eslint layer rule),
 * types only. Plain JSON: no Map, no Date, no class. Figures are fractions 0–1, unrounded; the browser formats
 * them (format-danish-number.ts).
 */
import type { Static } from "typebox";
import type {
  ApiError as ApiErrorSchema,
  AreaCoverage as AreaCoverageSchema,
  DatasetProvenance as DatasetProvenanceSchema,
  DatasetVersion,
  FigureRecord as FigureRecordSchema,
  FunnelLimits as FunnelLimitsSchema,
  FunnelSummary as FunnelSummarySchema,
  MapFigures,
  MapsIndex,
  Overdispersion as OverdispersionSchema,
  PerCapitaRecord as PerCapitaRecordSchema,
  PublishedNationalCheck as PublishedNationalCheckSchema,
  Rank as RankSchema,
  RateEstimate as RateEstimateSchema,
  RevisedFigureRecord as RevisedFigureRecordSchema,
} from "./api-schemas/figures.js";
import type {
  ComparisonGroup as ComparisonGroupSchema,
  MapProfile as MapProfileSchema,
  MunicipalityProfile as MunicipalityProfileSchema,
  MunicipalityProfileResponse as MunicipalityProfileResponseSchema,
  PooledEstimate as PooledEstimateSchema,
  ProfileYear as ProfileYearSchema,
  RecipientRecord as RecipientRecordSchema,
  YearChange as YearChangeSchema,
  YearEstimate as YearEstimateSchema,
} from "./api-schemas/profile.js";

/** An answer is read, never changed; the server builds it from readonly domain values. */
type Answer<T> = T extends readonly (infer E)[] ? readonly Answer<E>[] : T extends object ? { readonly [K in keyof T]: Answer<T[K]> } : T;

/**
 * Where one data year's figures came from: the shown dataset version, whether it is the map as published
 * (`standing`), and the newer extraction that revised it, if any (rows then carry `revised` figures).
 */
export type DatasetVersionInfo = Answer<Static<typeof DatasetVersion>>;
export type DatasetProvenance = Answer<Static<typeof DatasetProvenanceSchema>>;

/** GET /api/v1/maps (datasetVersions: the active version of every year with data, oldest first). */
export type MapsIndexResponse = Answer<Static<typeof MapsIndex>>;

/** GET /api/v1/maps/{map}/{year}?area=total|children|adults */
export type MapFiguresResponse = Answer<Static<typeof MapFigures>>;

/** GET /api/v1/municipalities/{code}?year=YYYY (year: the focus year; later years are left out). */
export type MunicipalityProfileResponse = Answer<Static<typeof MunicipalityProfileResponseSchema>>;

/** Every 4xx/5xx answer: a machine-readable code and a Danish message a person can act on. */
export type ApiError = Answer<Static<typeof ApiErrorSchema>>;

export type FigureRecord = Answer<Static<typeof FigureRecordSchema>>;
export type RevisedFigureRecord = Answer<Static<typeof RevisedFigureRecordSchema>>;
export type RateEstimate = Answer<Static<typeof RateEstimateSchema>>;
export type FunnelLimits = Answer<Static<typeof FunnelLimitsSchema>>;
export type FunnelSummary = Answer<Static<typeof FunnelSummarySchema>>;
export type Overdispersion = Answer<Static<typeof OverdispersionSchema>>;
export type AreaCoverage = Answer<Static<typeof AreaCoverageSchema>>;
export type PublishedNationalCheck = Answer<Static<typeof PublishedNationalCheckSchema>>;
export type Rank = Answer<Static<typeof RankSchema>>;
export type PerCapitaRecord = Answer<Static<typeof PerCapitaRecordSchema>>;
export type RecipientRecord = Answer<Static<typeof RecipientRecordSchema>>;
export type MunicipalityProfile = Answer<Static<typeof MunicipalityProfileSchema>>;
export type MapProfile = Answer<Static<typeof MapProfileSchema>>;
export type ProfileYear = Answer<Static<typeof ProfileYearSchema>>;
export type ComparisonGroup = Answer<Static<typeof ComparisonGroupSchema>>;
export type YearEstimate = Answer<Static<typeof YearEstimateSchema>>;
export type YearChange = Answer<Static<typeof YearChangeSchema>>;
export type PooledEstimate = Answer<Static<typeof PooledEstimateSchema>>;
