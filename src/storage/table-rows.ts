import { assertSqlIdentifier, type Queryable, type Transaction } from "./database.js";
import type { TableShape } from "./table-catalog.js";

/**
 * A row as PostgreSQL's own text form of each column (null for NULL), in the order of `TableShape.columns`.
 * Every type reads back from its text form exactly (bytea as hex, timestamptz with its offset, json as
 * written, arrays, floats with the shortest exact digits), and both engines print it the same way under
 * `useCanonicalTextOutput`; a copy therefore never converts a value through JavaScript.
 */
export type TextRow = readonly (string | null)[];

export type TableSummary = { readonly table: string; readonly rows: number; readonly checksum: string };

/**
 * Fixes every setting that changes how values print, for this transaction only, so a checksum and a row's
 * text are the same on PGlite and on a PostgreSQL server whatever their configuration (time zone above all).
 */
export async function useCanonicalTextOutput(tx: Queryable): Promise<void> {
  await tx.query("SET LOCAL TimeZone = 'UTC'");
  await tx.query("SET LOCAL DateStyle = 'ISO, YMD'");
  await tx.query("SET LOCAL IntervalStyle = 'postgres'");
  await tx.query("SET LOCAL extra_float_digits = 1");
  await tx.query("SET LOCAL bytea_output = 'hex'");
}

const columnList = (shape: TableShape) => shape.columns.map((c) => `t.${assertSqlIdentifier(c)}`).join(", ");

/**
 * Row count and a checksum over a table's rows: md5 of the sorted md5s of each row's text. Sorting the row
 * hashes (in the "C" collation, which both engines have) makes the sum independent of the order rows are
 * stored in and of the databases' collations; it is a check that a copy is whole, not a security measure.
 */
export async function summarizeTable(tx: Queryable, shape: TableShape): Promise<TableSummary> {
  const { rows } = await tx.query<{ n: number; checksum: string }>(
    `SELECT count(*)::int AS n, md5(coalesce(string_agg(h, '' ORDER BY h COLLATE "C"), '')) AS checksum
       FROM (SELECT md5(ROW(${columnList(shape)})::text) AS h FROM ${assertSqlIdentifier(shape.name)} t) s`,
  );
  return { table: shape.name, rows: rows[0]!.n, checksum: rows[0]!.checksum };
}

export async function summarizeTables(tx: Queryable, shapes: readonly TableShape[]): Promise<TableSummary[]> {
  const summaries: TableSummary[] = [];
  for (const shape of shapes) summaries.push(await summarizeTable(tx, shape));
  return summaries;
}

const CURSOR = "danmarkskort_copy_rows";

/**
 * About how many characters of row text one batch holds. Rows of complaint cells are tens of characters,
 * an attachment's row is twice its size in hex: batches are sized by text, not by a row count alone, so a
 * table of large attachments is never fetched thousands of rows at a time.
 */
export const BATCH_TEXT_CHARS = 8 * 1024 * 1024;

export const textLength = (row: TextRow) => row.reduce((n, v) => n + (v?.length ?? 0), 0);

/**
 * A table's rows in primary-key order, batch by batch through a cursor (a big table is never in memory
 * whole). The first fetch is small; each next one is sized from the rows seen so far to about
 * BATCH_TEXT_CHARS, and never more than `maxRows`. Must run inside a transaction: a cursor lives only there.
 */
export async function* readTableRows(tx: Queryable, shape: TableShape, maxRows = 2000): AsyncGenerator<TextRow[]> {
  const select = shape.columns.map((c, i) => `t.${assertSqlIdentifier(c)}::text AS c${i}`).join(", ");
  const order = shape.orderBy.map((c) => `t.${assertSqlIdentifier(c)}`).join(", ");
  await tx.query(`DECLARE ${CURSOR} NO SCROLL CURSOR FOR SELECT ${select} FROM ${assertSqlIdentifier(shape.name)} t ORDER BY ${order}`);
  try {
    let size = Math.min(16, maxRows);
    for (;;) {
      const { rows } = await tx.query<Record<string, string | null>>(`FETCH FORWARD ${size} FROM ${CURSOR}`);
      if (rows.length === 0) return;
      const batch = rows.map((r) => shape.columns.map((_, i) => r[`c${i}`] ?? null));
      yield batch;
      const perRow = Math.max(1, batch.reduce((n, row) => n + textLength(row), 0) / batch.length);
      size = Math.max(1, Math.min(maxRows, Math.floor(BATCH_TEXT_CHARS / perRow)));
    }
  } finally {
    await tx.query(`CLOSE ${CURSOR}`);
  }
}

/** CSV for COPY: every value quoted, so an unquoted empty field is NULL and "" is the empty string. */
export function formatCsvRows(rows: readonly TextRow[]): string {
  let csv = "";
  for (const row of rows) csv += row.map((v) => (v === null ? "" : `"${v.replaceAll('"', '""')}"`)).join(",") + "\n";
  return csv;
}

/**
 * Loads batches of rows into `shape`'s table with COPY, one COPY per batch. COPY writes identity columns
 * as given (as INSERT … OVERRIDING SYSTEM VALUE would), so ids stay what they were. Returns the row count.
 */
export async function writeTableRows(tx: Transaction, shape: TableShape, batches: AsyncIterable<readonly TextRow[]>): Promise<number> {
  let count = 0;
  for await (const batch of batches) {
    if (batch.length === 0) continue;
    await tx.copyCsv(shape.name, shape.columns, [formatCsvRows(batch)]);
    count += batch.length;
  }
  return count;
}
