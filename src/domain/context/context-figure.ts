import type { MunicipalityCode } from "../municipality.js";

/**
 * Context figures from Danmarks Statistik (issue 18): population (FOLK1A) and recipients of the benefits a
 * map covers (HAND07/HAND06, HANDBU01). Keyed by municipality code, table, measure and period.
 */
export type ContextTableId = "FOLK1A" | "HAND07" | "HAND06" | "HANDBU01";

export const CONTEXT_TABLE_IDS: readonly ContextTableId[] = ["FOLK1A", "HAND07", "HAND06", "HANDBU01"];

/**
 * One cell's value. A suppressed cell ("..", diskretioneret: Danmarks Statistik withholds small counts) is
 * its own kind and never 0; a municipality or period the table has no row for is "no-data" ("ingen data").
 */
export type ContextValue =
  | { readonly kind: "value"; readonly value: number }
  | { readonly kind: "suppressed" }
  | { readonly kind: "no-data" };

/** Population bands FOLK1A gives by summing single years of age (ALDER 0 … 125). */
export type PopulationBand = "total" | "0-17" | "18-64" | "18+";

export const POPULATION_BAND_LABELS_DA: Readonly<Record<PopulationBand, string>> = {
  total: "indbyggere",
  "0-17": "børn 0–17 år",
  "18-64": "voksne 18–64 år",
  "18+": "voksne 18 år og derover",
};

/**
 * What a figure measures: a population band (FOLK1A), or a benefit/indsats code of a recipients table with
 * its label ("30117", "Kontant tilskud … (§ 95 i lov om social service)").
 */
export type ContextMeasure =
  | { readonly kind: "population"; readonly band: PopulationBand }
  | { readonly kind: "recipients"; readonly code: string; readonly labelDa: string };

/** "population:0-17", "recipients:30117": the measure's key in storage. */
export function contextMeasureKey(m: ContextMeasure): string {
  return m.kind === "population" ? `population:${m.band}` : `recipients:${m.code}`;
}

/** A period as Statistikbanken writes it: "2024K1" (quarter) or "2023" (year). */
export type ContextPeriod = { readonly year: number; readonly quarter: 1 | 2 | 3 | 4 | null };

export function formatContextPeriod(p: ContextPeriod): string {
  return p.quarter === null ? String(p.year) : `${p.year}K${p.quarter}`;
}

/** One figure of one municipality (code null: the whole country, as the table gives it). */
export type ContextFigure = {
  readonly municipalityCode: MunicipalityCode | null;
  readonly measure: ContextMeasure;
  readonly period: ContextPeriod;
  readonly value: Exclude<ContextValue, { kind: "no-data" }>;
};

/** Where a set of context figures came from: the stored version of one imported file. */
export type ContextProvenance = {
  readonly contextVersionId: number;
  readonly table: ContextTableId;
  readonly fileName: string;
  readonly sha256: string;
  /** When the figures were drawn from Statistikbanken (ÅÅÅÅ-MM-DD), when known. */
  readonly extractedOn: string | null;
  readonly importedAt: string;
  /** First and last period in the file, e.g. "2023K1"–"2024K1". */
  readonly periodFrom: string;
  readonly periodTo: string;
};

export type ContextFiguresOfVersion = { readonly provenance: ContextProvenance; readonly figures: readonly ContextFigure[] };
