import type { ComplaintCell, DatasetProvenance } from "../domain/complaint-cell.js";
import type { Queryable, Transaction } from "./database.js";
import { mapDatasetVersionRow, type DatasetVersionSummary } from "./dataset-versions.js";

export type NewDatasetVersion = {
  readonly fileName: string;
  readonly sha256: string;
  readonly layout: string;
  readonly source: string | null;
  readonly extractedOn: string | null;
  readonly importedAt: string;
  readonly isDemo: boolean;
  /** Data rows in the file (row_count is the number of stored yearly cells). */
  readonly fileRowCount?: number;
  /** Years whose quarters were not all in the file (issue 3: reported as incomplete). */
  readonly incompleteYears?: readonly number[];
};

export type SaveResult = { readonly kind: "saved"; readonly datasetVersionId: number } | { readonly kind: "unchanged"; readonly datasetVersionId: number };

const CELL_COLUMNS = ["dataset_version_id", "municipality_code", "subject", "law", "year", "upheld", "changed", "remitted", "rejected"] as const;

function csvField(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  return `"${value.replace(/"/g, '""')}"`;
}

/** Cells as COPY CSV in chunks of `rowsPerChunk` rows, so neither side holds a million-row string. */
export function* cellsAsCsvChunks(datasetVersionId: number, cells: Iterable<ComplaintCell>, rowsPerChunk = 20_000): Generator<string> {
  // A file has a few hundred distinct subjects and laws: each is quoted once, not once per cell.
  const quoted = new Map<string | null, string>();
  const field = (text: string | null) => {
    let q = quoted.get(text);
    if (q === undefined) quoted.set(text, (q = csvField(text)));
    return q;
  };
  let lines: string[] = [];
  for (const c of cells) {
    const { upheld, changed, remitted, rejected } = c.counts;
    lines.push(`${datasetVersionId},${field(c.municipalityCode)},${field(c.subject)},${field(c.law)},${c.year},${upheld},${changed},${remitted},${rejected}\n`);
    if (lines.length >= rowsPerChunk) {
      yield lines.join("");
      lines = [];
    }
  }
  if (lines.length > 0) yield lines.join("");
}

/**
 * Stores one imported file as a new dataset version with all its cells, in the caller's transaction,
 * so a failure leaves nothing behind. The same file again (same SHA-256) changes nothing.
 */
export async function saveDatasetVersion(
  tx: Transaction,
  version: NewDatasetVersion,
  cells: readonly ComplaintCell[],
): Promise<SaveResult> {
  const existing = await tx.query<{ id: number }>("SELECT id FROM dataset_version WHERE sha256 = $1", [version.sha256]);
  if (existing.rows[0]) return { kind: "unchanged", datasetVersionId: existing.rows[0].id };
  const years = [...new Set(cells.map((c) => c.year))].sort((a, b) => a - b);
  const inserted = await tx.query<{ id: number }>(
    `INSERT INTO dataset_version (file_name, sha256, layout, source, extracted_on, imported_at, row_count, is_demo, years, file_row_count, incomplete_years)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [
      version.fileName,
      version.sha256,
      version.layout,
      version.source,
      version.extractedOn,
      version.importedAt,
      cells.length,
      version.isDemo,
      years,
      version.fileRowCount ?? null,
      [...(version.incompleteYears ?? [])],
    ],
  );
  const id = inserted.rows[0]!.id;
  // In year order, so each year of the version lies in consecutive pages for the block-range index (migration 005).
  const byYear = [...cells].sort((a, b) => a.year - b.year);
  await tx.copyCsv("complaint_cell", CELL_COLUMNS, cellsAsCsvChunks(id, byYear));
  await tx.query("SELECT brin_summarize_new_values('complaint_cell_version_year_brin')");
  return { kind: "saved", datasetVersionId: id };
}

/**
 * The active version of each data year: the pinned one, else real figures before demo data (a real
 * import replaces the demo set year by year), else the newest extraction (then the newest import).
 * Older versions stay stored and can be loaded by id.
 */
export async function activeVersionByYear(db: Queryable): Promise<Map<number, DatasetVersionSummary>> {
  const { rows } = await db.query<Parameters<typeof mapDatasetVersionRow>[0] & { year: number }>(
    `SELECT DISTINCT ON (y.year) y.year, v.id, v.file_name, v.sha256, v.layout, v.source, v.extracted_on, v.imported_at,
            v.row_count, v.is_demo, v.years
       FROM dataset_version v CROSS JOIN LATERAL unnest(v.years) AS y(year)
       LEFT JOIN dataset_pin p ON p.year = y.year
      ORDER BY y.year, (p.dataset_version_id = v.id) DESC NULLS LAST, v.is_demo ASC, v.extracted_on DESC NULLS LAST, v.imported_at DESC, v.id DESC`,
  );
  return new Map(rows.map((r) => [r.year, mapDatasetVersionRow(r)]));
}

export type LoadedCells = {
  readonly cells: ComplaintCell[];
  /** The dataset version each loaded year came from. */
  readonly provenanceByYear: ReadonlyMap<number, DatasetProvenance>;
};

type CellRow = {
  municipality_code: string | null;
  subject: string;
  law: string;
  year: number;
  upheld: number;
  changed: number;
  remitted: number;
  rejected: number;
};

/** Loads the cells of the active version of each requested year (all years when `years` is omitted). */
export async function loadComplaintCells(db: Queryable, query: { readonly years?: readonly number[] } = {}): Promise<LoadedCells> {
  const active = await activeVersionByYear(db);
  const wanted = [...active.entries()].filter(([year]) => !query.years || query.years.includes(year));
  if (wanted.length === 0) return { cells: [], provenanceByYear: new Map() };
  const { rows } = await db.query<CellRow>(
    `SELECT c.municipality_code, c.subject, c.law, c.year, c.upheld, c.changed, c.remitted, c.rejected
       FROM complaint_cell c
       JOIN unnest($1::int[], $2::int[]) AS w(year, version_id) ON w.year = c.year AND w.version_id = c.dataset_version_id`,
    [wanted.map(([y]) => y), wanted.map(([, v]) => v.datasetVersionId)],
  );
  return {
    cells: rows.map((r) => ({
      municipalityCode: r.municipality_code,
      subject: r.subject,
      law: r.law,
      year: r.year,
      counts: { upheld: r.upheld, changed: r.changed, remitted: r.remitted, rejected: r.rejected },
    })),
    provenanceByYear: new Map(wanted),
  };
}

/** The cells of one dataset version, active or not: older versions stay queryable (issue 3, point 6). */
export async function loadDatasetVersionCells(db: Queryable, datasetVersionId: number): Promise<ComplaintCell[]> {
  const { rows } = await db.query<CellRow>(
    `SELECT municipality_code, subject, law, year, upheld, changed, remitted, rejected
       FROM complaint_cell WHERE dataset_version_id = $1
      ORDER BY year, municipality_code NULLS FIRST, law, subject`,
    [datasetVersionId],
  );
  return rows.map((r) => ({
    municipalityCode: r.municipality_code,
    subject: r.subject,
    law: r.law,
    year: r.year,
    counts: { upheld: r.upheld, changed: r.changed, remitted: r.remitted, rejected: r.rejected },
  }));
}
