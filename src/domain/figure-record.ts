import type { Area, MapId } from "./map-definition.js";
import type { FigureRow, MapFigures, PublishedNationalCheck } from "./map-figures.js";
import type { Rank } from "./rank-municipalities.js";
import type { FunnelLimits, FunnelVerdict } from "./statistics/funnel-limits.js";

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
  /** null when not assessed (no decided case, or no national rate). */
  readonly funnel: FunnelVerdict | null;
  readonly funnelLimits: FunnelLimits | null;
  readonly rank: Rank | null;
};

export type FigureRecord = FigureRecordBase &
  (
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
    | { readonly kind: "no-data"; readonly reasonDa: string }
  ) &
  (FigureComparison | { readonly publishedNational: PublishedNationalCheck });

export function toFigureRecord(figures: Pick<MapFigures, "map" | "year" | "area">, row: FigureRow): FigureRecord {
  const base: FigureRecordBase = {
    map: figures.map,
    year: figures.year,
    area: figures.area,
    municipalityCode: row.municipalityCode,
    municipalityName: row.municipalityName,
  };
  const e = row.estimate;
  const figuresPart =
    e.kind === "no-data"
      ? { kind: e.kind, reasonDa: e.reasonDa }
      : {
          kind: e.kind,
          decided: e.decided,
          upheld: e.counts.upheld,
          changed: e.counts.changed,
          remitted: e.counts.remitted,
          rejected: e.counts.rejected,
          reversed: e.reversed,
          ...(e.kind === "estimate"
            ? { reversalRate: e.reversalRate, changedRate: e.changedRate, remittedRate: e.remittedRate, upheldRate: e.upheldRate, ci95: e.ci95 }
            : {}),
        };
  const comparison =
    row.municipalityCode === null
      ? { publishedNational: row.publishedNational }
      : {
          funnel: row.funnel.kind === "assessed" ? row.funnel.verdict : null,
          funnelLimits: row.funnel.kind === "assessed" ? row.funnel.limits : null,
          rank: row.rank,
        };
  return { ...base, ...figuresPart, ...comparison } as FigureRecord;
}

/** The national row first, then the 98 municipalities in code order (the CLI's json and csv order). */
export function toFigureRecords(figures: MapFigures): FigureRecord[] {
  return [figures.national, ...figures.municipalities].map((row) => toFigureRecord(figures, row));
}
