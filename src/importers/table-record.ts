import type { OutcomeCounts } from "../domain/outcome.js";
import type { Period } from "./parse-period.js";
import type { Place } from "./resolve-place.js";

/** One data record of a table file, CSV or XLSX, with where it sits in the file. */
export type TableRecord = {
  /** 1-based line (CSV) or row (XLSX) the record starts on. */
  readonly line: number;
  readonly fields: readonly string[];
  /** The record is the file's last and was cut off (open quote, or too few fields without a final newline). */
  readonly maybeTruncated: boolean;
  readonly unterminatedQuote: boolean;
  /** A quote opened in the last field is not closed in the next lines (read-delimited-records.ts). */
  readonly strayQuote?: boolean;
};

/** What a layout reads from its rows: the figures of one place × subject × period, before years are summed. */
export type Observation = {
  readonly line: number;
  readonly place: Place;
  readonly subject: string;
  readonly law: string;
  readonly period: Period;
  readonly counts: OutcomeCounts;
};

/** Folds a header name for matching: case, spacing and the `.`/`_` of R column names do not matter. */
export function normalizeHeader(name: string): string {
  return name
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .replace(/[._]+/g, " ")
    .replace(/\s+/g, " ");
}

export type ColumnSpec<K extends string> = {
  readonly required: Readonly<Record<K, readonly string[]>>;
  readonly optional: Readonly<Record<string, readonly string[]>>;
};

export type ColumnMatch<K extends string> = {
  readonly required: Readonly<Record<K, number>>;
  readonly optional: Readonly<Record<string, number | undefined>>;
  readonly names: readonly string[];
};

/** Finds the columns of `spec` in `header`; undefined when a required column is missing. */
export function matchColumns<K extends string>(header: readonly string[], spec: ColumnSpec<K>): ColumnMatch<K> | undefined {
  const normalized = header.map(normalizeHeader);
  const find = (accepted: readonly string[]) => {
    const i = normalized.findIndex((n) => accepted.includes(n));
    return i < 0 ? undefined : i;
  };
  const required = {} as Record<K, number>;
  for (const key of Object.keys(spec.required) as K[]) {
    const i = find(spec.required[key]);
    if (i === undefined) return undefined;
    required[key] = i;
  }
  const optional: Record<string, number | undefined> = {};
  for (const key of Object.keys(spec.optional)) optional[key] = find(spec.optional[key]!);
  return { required, optional, names: header.map((h) => h.replace(/^\uFEFF/, "").trim()) };
}
