import type { Area, MapId } from "./map-definition.js";
import type { FigureRow, MapFigures, PublishedNationalCheck } from "./map-figures.js";
import type { Rank } from "./rank-municipalities.js";
import type { FunnelLimits, FunnelVerdict } from "./statistics/funnel-limits.js";
import type { NoDataReason } from "./missing-reason.js";
import { toReasonRecord, withReasonRecords, type ReasonRecord, type WithReasonRecords } from "./missing-reason-record.js";
import type { RateEstimate } from "./rate-estimate.js";

/**
 * One row of figures as plain JSON: what `danmarkskort rates --format json` prints and what the HTTP
 * API returns per municipality. Both are built here, by one function, so the CLI and the API cannot
 * disagree on a figure. Rates are fractions 0–1, unrounded; rounding is for display only.
 * The README documents this shape as a contract other tools rely on: add fields, never rename.
 */
export type FigureRecordBase = {
  readonly map: MapId;
  readonly year: number;
  readonly area: Area;
  /** "0657"; null on the national row. */
  readonly municipalityCode: string | null;
  readonly municipalityName: string;
};

export type FigureCounts = {
  readonly decided: number;
  readonly upheld: number;
  readonly changed: number;
  readonly remitted: number;
  readonly rejected: number;
  readonly reversed: number;
};

/** Only on municipality rows. */
export type FigureComparison = {
  /** The funnel verdict (one rule for curve, marker, table, tooltip, report); null when not assessed (no decided case, or no national rate). */
  readonly verdict: FunnelVerdict | null;
  /** The same as `verdict`, under its first name (the contract adds fields, never renames). */
  readonly funnel: FunnelVerdict | null;
  readonly funnelLimits: FunnelLimits | null;
  readonly rank: Rank | null;
};

/** The figures part of a record: counts and rates, or the reason there are none. */
export type FigureValues =
  | (FigureCounts & {
      readonly kind: "estimate";
      readonly reversalRate: number;
      readonly changedRate: number;
      readonly remittedRate: number;
      readonly upheldRate: number;
      /** 95 % Wilson interval of reversalRate. */
      readonly ci95: readonly [number, number];
    })
  | (FigureCounts & { readonly kind: "no-cases" })
  | ({ readonly kind: "no-data" } & ReasonRecord<NoDataReason>);

/**
 * Ankestyrelsen's later figures for a row whose shown figures are the map as published (issue 9): the
 * newer extraction's values, next to the published ones, with the version and date they come from.
 */
export type RevisedFigureRecord = FigureValues & { readonly datasetVersionId: number; readonly extractedOn: string | null };

/** Which version a revision comes from, when the caller knows there is one for the year. */
export type RevisionSource = { readonly datasetVersionId: number; readonly extractedOn: string | null };

export type FigureRecord = FigureRecordBase & { readonly revised: RevisedFigureRecord | null } & FigureValues & (FigureComparison | { readonly publishedNational: WithReasonRecords<PublishedNationalCheck> });

/** The counts and rates of an estimate as a record, or the reason there are none (also the action plans' follow-up, issue 13). */
export function figureValues(e: RateEstimate): FigureValues {
  if (e.kind === "no-data") return { kind: e.kind, ...toReasonRecord(e.reason) };
  const counts = { decided: e.decided, upheld: e.counts.upheld, changed: e.counts.changed, remitted: e.counts.remitted, rejected: e.counts.rejected, reversed: e.reversed };
  if (e.kind === "no-cases") return { kind: e.kind, ...counts };
  return { kind: e.kind, ...counts, reversalRate: e.reversalRate, changedRate: e.changedRate, remittedRate: e.remittedRate, upheldRate: e.upheldRate, ci95: e.ci95 };
}

export function toFigureRecord(figures: Pick<MapFigures, "map" | "year" | "area">, row: FigureRow, revisionSource: RevisionSource | null = null): FigureRecord {
  const base: FigureRecordBase = {
    map: figures.map,
    year: figures.year,
    area: figures.area,
    municipalityCode: row.municipalityCode,
    municipalityName: row.municipalityName,
  };
  const comparison =
    row.municipalityCode === null
      ? { publishedNational: withReasonRecords(row.publishedNational) }
      : {
          verdict: row.funnel.kind === "assessed" ? row.funnel.verdict : null,
          funnel: row.funnel.kind === "assessed" ? row.funnel.verdict : null,
          funnelLimits: row.funnel.kind === "assessed" ? row.funnel.limits : null,
          rank: row.rank,
        };
  const revised = row.revision?.kind === "revised" && revisionSource ? { ...figureValues(row.revision.estimate), ...revisionSource } : null;
  return { ...base, ...figureValues(row.estimate), ...comparison, revised } as FigureRecord;
}

/** The national row first, then the 98 municipalities in code order (the CLI's json and csv order). */
export function toFigureRecords(figures: MapFigures, revisionSource: RevisionSource | null = null): FigureRecord[] {
  return [figures.national, ...figures.municipalities].map((row) => toFigureRecord(figures, row, revisionSource));
}
