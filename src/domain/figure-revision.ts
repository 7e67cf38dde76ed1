import type { RateEstimate } from "./rate-estimate.js";

/**
 * Whether Ankestyrelsen has since revised a figure of the map as published (issue 9). The published map is
 * the reference for a past year (domain.md §3: "Data i ankestatistikken kan ændre sig"), so it stays the
 * figure shown; a newer extraction that gives this row other counts is carried beside it, never instead.
 * Only the counts behind the rates are compared: a change in rejected cases alone moves no published figure.
 */
export type FigureRevision = { readonly kind: "unrevised" } | { readonly kind: "revised"; readonly estimate: RateEstimate };

export const UNREVISED: FigureRevision = { kind: "unrevised" };

export function compareRevision(shown: RateEstimate, revised: RateEstimate): FigureRevision {
  if (shown.kind === "no-data" || revised.kind === "no-data") return shown.kind === revised.kind ? UNREVISED : { kind: "revised", estimate: revised };
  const a = shown.counts;
  const b = revised.counts;
  return a.upheld === b.upheld && a.changed === b.changed && a.remitted === b.remitted ? UNREVISED : { kind: "revised", estimate: revised };
}
