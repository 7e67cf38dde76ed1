import { asCellTotals, type CellTotals } from "./cell-totals.js";
import type { ComplaintCell } from "./complaint-cell.js";
import { AREA_NAMES_DA, MAP_DEFINITIONS, type Area, type MapId } from "./map-definition.js";
import type { MapRuleTable } from "./map-rules.js";
import { MUNICIPALITIES, type MunicipalityCode } from "./municipality.js";
import { addCounts, decidedOf, OUTCOMES, ZERO_COUNTS, type Outcome, type OutcomeCounts } from "./outcome.js";
import { rankByReversalRate, type Rank } from "./rank-municipalities.js";
import { computeRateEstimate, type RateEstimate } from "./rate-estimate.js";
import { assessFunnel, FUNNEL_VERDICTS, verdictLevel, type FunnelAssessment, type FunnelVerdict } from "./statistics/funnel-limits.js";
import { binomialNullModel, overdispersedNullModel, type FunnelNullModel } from "./statistics/funnel-null-model.js";
import { estimateOverdispersion, type Overdispersion } from "./statistics/overdispersion.js";
import { compareRevision, type FigureRevision } from "./figure-revision.js";
import type { NoDataReason, NotAssessedReason } from "./missing-reason.js";
import { missingReasonDa } from "./missing-reason-da.js";

export const NATIONAL_NAME_DA = "Hele landet";

/** A municipality's place in the funnel plot, or why it has none (no decided case, no national rate). */
export type FunnelResult = ({ readonly kind: "assessed" } & FunnelAssessment) | { readonly kind: "not-assessed"; readonly reason: NotAssessedReason };

/** One municipality on one map, area and year. */
export type MunicipalityFigureRow = {
  readonly municipalityCode: MunicipalityCode;
  readonly municipalityName: string;
  readonly region: string;
  /** Counts, rates and the 95 % Wilson interval; or no-cases / no-data with the reason. */
  readonly estimate: RateEstimate;
  /** Against the national rate of the same map, area and year (Spiegelhalter 2005). */
  readonly funnel: FunnelResult;
  /** Place among the municipalities with at least 10 cases, 1 = lowest reversal rate, with its 95 % interval where computed; null below 10 cases. */
  readonly rank: Rank | null;
  /** The figure of a newer extraction, where it differs from the published map shown (absent: none known). */
  readonly revision?: FigureRevision;
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
  /** The sum of a newer extraction, where it differs from the published map shown (absent: none known). */
  readonly revision?: FigureRevision;
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

/**
 * The funnel plot of one selection as a whole: the over-dispersion test, the null model the limits and
 * verdicts use, how many municipalities got each verdict, and how many would fall outside the limits by
 * chance alone (the sum of each municipality's exact probability at its own n), so that a flag is read
 * against the number expected among 98 (Spiegelhalter et al., JRSS A 2012;175:1–47, on multiplicity).
 */
export type FunnelSummary = {
  /** null without a national rate or with fewer than three municipalities with cases. */
  readonly overdispersion: Overdispersion | null;
  /** null without a national rate. */
  readonly model: FunnelNullModel | null;
  readonly verdictCounts: Readonly<Record<FunnelVerdict, number>>;
  /** Municipalities outside the 95 % limits (either side, 99,8 % included) and outside the 99,8 % limits. */
  readonly outside: { readonly p95: number; readonly p998: number };
  /** Expected numbers outside by chance alone, under the same model. */
  readonly expectedOutside: { readonly p95: number; readonly p998: number };
  /** Where the limits are adjusted: the numbers outside the unadjusted binomial limits, for comparison; else null. */
  readonly outsideUnadjusted: { readonly p95: number; readonly p998: number } | null;
};

export type MapFigures = {
  readonly map: MapId;
  readonly year: number;
  readonly area: Area;
  readonly national: NationalFigureRow;
  readonly funnelSummary: FunnelSummary;
  /** All 98 municipalities in registry (code) order, every one present even without data. */
  readonly municipalities: readonly MunicipalityFigureRow[];
  readonly areaCoverage: AreaCoverage;
};

export type MapSelection = { readonly map: MapId; readonly year: number; readonly area: Area };

export type MapFiguresOptions = {
  readonly rules?: MapRuleTable;
  /**
   * The cells of newer extractions of years whose shown figures are the published map (issue 9). For such a
   * year every row carries `revision`: the newer figure where it differs. Figures are always those of `source`.
   */
  readonly revised?: CellTotals;
  /** Simulate 95 % rank intervals (about 30 ms per selection): for tables and the map API, not for profiles. */
  readonly rankIntervals?: boolean;
};

/** Why a map has no data for a year, or null when it has. */
export function findNoDataReason(totals: CellTotals, map: MapId, year: number): NoDataReason | null {
  const first = MAP_DEFINITIONS[map].firstDataYear;
  if (year < first) return { code: "map-not-yet-published", map, firstYear: first };
  if (!totals.years.includes(year)) return { code: "year-not-loaded", year };
  return null;
}

/** `findNoDataReason` in Danish, for the doors that say it as an error message (the CLI's rates, the map API's 404). */
export function noDataReason(totals: CellTotals, map: MapId, year: number): string | null {
  const reason = findNoDataReason(totals, map, year);
  return reason === null ? null : missingReasonDa(reason);
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

function funnelFor(estimate: RateEstimate, model: FunnelNullModel | null): FunnelResult {
  if (estimate.kind !== "estimate") return { kind: "not-assessed", reason: { code: "no-decided-cases" } };
  if (model === null) return { kind: "not-assessed", reason: { code: "no-national-rate" } };
  return { kind: "assessed", ...assessFunnel(estimate.reversed, estimate.decided, model) };
}

function countOutside(results: readonly FunnelResult[]): { p95: number; p998: number } {
  const levels = results.map((f) => (f.kind === "assessed" ? verdictLevel(f.verdict) : null));
  return { p95: levels.filter((l) => l !== null).length, p998: levels.filter((l) => l === "99.8").length };
}

/** The null model of a selection: binomial, or beta-binomial where the over-dispersion test is significant. */
export function funnelModelOf(estimates: readonly RateEstimate[], national: RateEstimate): { model: FunnelNullModel | null; overdispersion: Overdispersion | null } {
  if (national.kind !== "estimate") return { model: null, overdispersion: null };
  const overdispersion = estimateOverdispersion(
    estimates.flatMap((e) => (e.kind === "estimate" ? [{ reversed: e.reversed, decided: e.decided }] : [])),
    national.reversalRate,
  );
  const model = overdispersion?.adjusted && overdispersion.tau2 !== null ? overdispersedNullModel(national.reversalRate, overdispersion.tau2) : binomialNullModel(national.reversalRate);
  return { model, overdispersion };
}

function summariseFunnel(results: readonly FunnelResult[], estimates: readonly RateEstimate[], model: FunnelNullModel | null, overdispersion: Overdispersion | null): FunnelSummary {
  const verdictCounts = Object.fromEntries(FUNNEL_VERDICTS.map((v) => [v, 0])) as Record<FunnelVerdict, number>;
  const expectedOutside = { p95: 0, p998: 0 };
  for (const f of results) {
    if (f.kind !== "assessed") continue;
    verdictCounts[f.verdict]++;
    expectedOutside.p95 += f.chanceOutside.p95;
    expectedOutside.p998 += f.chanceOutside.p998;
  }
  const outsideUnadjusted = model?.kind === "beta-binomial" ? countOutside(estimates.map((e) => funnelFor(e, binomialNullModel(model.target)))) : null;
  return { overdispersion, model, verdictCounts, outside: countOutside(results), expectedOutside, outsideUnadjusted };
}

const NO_FUNNEL: FunnelSummary = summariseFunnel([], [], null, null);

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
  const figures = buildShownMapFigures(asCellTotals(source, options.rules), selection, options.rankIntervals ?? false);
  const revised = options.revised;
  if (!revised || !revised.years.includes(selection.year)) return figures;
  return withRevisions(figures, buildShownMapFigures(revised, selection, false));
}

/** Each row with the revised figure beside it; rows are in the same order in both (registry order). */
function withRevisions(shown: MapFigures, revised: MapFigures): MapFigures {
  return {
    ...shown,
    national: { ...shown.national, revision: compareRevision(shown.national.estimate, revised.national.estimate) },
    municipalities: shown.municipalities.map((row, i) => ({ ...row, revision: compareRevision(row.estimate, revised.municipalities[i]!.estimate) })),
  };
}

function buildShownMapFigures(totals: CellTotals, selection: MapSelection, rankIntervals: boolean): MapFigures {
  const { map, year, area } = selection;
  if (!MAP_DEFINITIONS[map].areas.includes(area)) {
    throw new RangeError(`${MAP_DEFINITIONS[map].nameDa} er ikke opdelt i ${AREA_NAMES_DA[area]}`);
  }
  const reason = findNoDataReason(totals, map, year);
  if (reason !== null) {
    const none: RateEstimate = { kind: "no-data", reason };
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
        funnel: { kind: "not-assessed", reason },
        rank: null,
      })),
      areaCoverage: { kind: "not-split" },
      funnelSummary: NO_FUNNEL,
    };
  }
  const byCode = municipalityCounts(totals, selection);
  const sum = [...byCode.values()].reduce(addCounts, ZERO_COUNTS);
  const nationalEstimate = computeRateEstimate(sum);
  // Why a municipality without a single cell in a year that has data reads "ingen data" (not 0).
  const absent: NoDataReason = { code: "municipality-absent", year };
  const ranks = rankByReversalRate(
    [...byCode].filter(([code]) => totals.hasMunicipality(year, code)).map(([code, c]) => ({ code, reversed: c.changed + c.remitted, decided: decidedOf(c) })),
    { intervals: rankIntervals },
  );
  // A municipality absent from the shown version reads "ingen data", never 0 cases (issue 19).
  const estimates = MUNICIPALITIES.map((m): RateEstimate => (totals.hasMunicipality(year, m.code) ? computeRateEstimate(byCode.get(m.code)!) : { kind: "no-data", reason: absent }));
  const { model, overdispersion } = funnelModelOf(estimates, nationalEstimate);
  const funnels = estimates.map((e): FunnelResult => (e.kind === "no-data" ? { kind: "not-assessed", reason: absent } : funnelFor(e, model)));
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
    municipalities: MUNICIPALITIES.map((m, i) => ({
      municipalityCode: m.code,
      municipalityName: m.name,
      region: m.region,
      estimate: estimates[i]!,
      funnel: funnels[i]!,
      rank: ranks.get(m.code) ?? null,
    })),
    areaCoverage: areaCoverageOf(totals, selection, byCode),
    funnelSummary: summariseFunnel(funnels, estimates, model, overdispersion),
  };
}
