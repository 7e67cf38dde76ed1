/**
 * The JSON the HTTP API (/api/v1) returns: the contract for the browser code, which may import this
 * file and nothing else from the server (eslint layer rule). Plain JSON only: no Map, no Date, no class.
 * Figures are fractions 0–1, unrounded; the browser formats them (format-danish-number.ts).
 */
import type { DatasetProvenance, YearProvenance } from "../domain/complaint-cell.js";
import type { Area, MapId } from "../domain/map-definition.js";
import type { AreaCoverage, FunnelSummary } from "../domain/map-figures.js";
import type { Overdispersion } from "../domain/statistics/overdispersion.js";
import type { FigureRecord } from "../domain/figure-record.js";
import type { MunicipalityProfile } from "../domain/municipality-profile.js";
import type { PerCapitaRecord } from "../domain/context/per-capita-record.js";

export type { PerCapitaRecord } from "../domain/context/per-capita-record.js";

/** Recipients of one benefit beside a rate (Danmarks Statistik; never summed across benefits). */
export type RecipientRecord = {
  readonly table: string;
  readonly period: string;
  readonly labelDa: string;
  /** recipients: a count (HAND07, HANDBU01); per-1000: recipients per 1.000 inhabitants (HAND06). */
  readonly unit: "recipients" | "per-1000";
  readonly status: "value" | "suppressed" | "no-data";
  readonly count: number | null;
  readonly contextVersionId: number | null;
};

export type { FigureRecord, RevisedFigureRecord } from "../domain/figure-record.js";
export type { FigureRevision } from "../domain/figure-revision.js";
export type { FunnelLimits, FunnelVerdict } from "../domain/statistics/funnel-limits.js";
export type { MunicipalityProfile, MapProfile, AreaProfile, ProfileYear, SubjectsOfYear, SubjectFigure } from "../domain/municipality-profile.js";
export type { ComparisonGroup, ComparisonMember, YearEstimate } from "../domain/comparison-group.js";
export type { RateEstimate } from "../domain/rate-estimate.js";
export type { YearChange } from "../domain/year-change.js";
export type { PooledEstimate } from "../domain/pooled-rate.js";
export type { Rank } from "../domain/rank-municipalities.js";
export type { AreaCoverage, FunnelSummary, PublishedNationalCheck } from "../domain/map-figures.js";
export type { Overdispersion } from "../domain/statistics/overdispersion.js";

/**
 * Where one data year's figures came from: the shown dataset version, whether it is the map as published
 * (`standing`), and the newer extraction that revised it, if any (rows then carry `revised` figures).
 */
export type DatasetVersionInfo = YearProvenance & { readonly year: number; readonly revision: DatasetProvenance | null };

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
  /** Decided cases per 10.000 of the map's population band in the year (issue 18); national first. */
  readonly perTenThousand: { readonly national: PerCapitaRecord; readonly municipalities: readonly (PerCapitaRecord & { readonly municipalityCode: string })[] };
  /** Over-dispersion of this map, area and year (Spiegelhalter 2005, section 5); null without a national rate. */
  readonly overdispersion: Overdispersion | null;
  /** Verdict counts, numbers outside the limits and expected outside by chance alone. */
  readonly funnelSummary: FunnelSummary;
};

/** GET /api/v1/municipalities/{code}?year=YYYY (year: the focus year; later years are left out). */
export type MunicipalityProfileResponse = ApiProvenance & {
  readonly profile: MunicipalityProfile;
  /** Per map, area and year: cases per 10.000 of the map's band, from each year's own population (issue 18). */
  readonly perTenThousand: readonly { readonly map: MapId; readonly area: Area; readonly year: number; readonly municipality: PerCapitaRecord; readonly national: PerCapitaRecord }[];
  /** Per map and focus year: recipients beside the rate where a Danmarks Statistik table covers the map. */
  readonly recipients: readonly { readonly map: MapId; readonly year: number; readonly lines: readonly RecipientRecord[] }[];
};

/** Every 4xx/5xx answer: a machine-readable code and a Danish message a person can act on. */
export type ApiError = { readonly error: string; readonly message: string };
