import { performance } from "node:perf_hooks";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type { ComplaintCell, DatasetProvenance, DatasetStanding, YearProvenance } from "../domain/complaint-cell.js";
import { asMunicipalityCode } from "../domain/municipality.js";
import type { Queryable, Transaction } from "./database.js";
import type { DatasetVersionSummary } from "./dataset-versions.js";
import { selectVersionsByYear, type YearVersions } from "./version-selection.js";

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
  /**
   * Store the version even when it lacks municipalities or national rows that the version shown for one of
   * its years has (a person has looked at the warning); without it such a version is refused (issue 19).
   */
  readonly acceptMissing?: boolean;
};

/** A year of the new version that lacks places the version shown for that year has. */
export type CoverageLoss = {
  readonly year: number;
  readonly previousVersionId: number;
  /** Municipality codes in the shown version's year and not in the new one. */
  readonly missingCodes: readonly string[];
  /** The shown version has national rows for the year and the new one has none. */
  readonly missingNational: boolean;
};

export type SaveResult =
  | { readonly kind: "saved"; readonly datasetVersionId: number }
  /**
   * The same file (SHA-256) is stored already. `recorded`: metadata the stored version lacked and this
   * import gave (--extracted, --source), now recorded on it.
   */
  | { readonly kind: "unchanged"; readonly datasetVersionId: number; readonly recorded?: readonly ("extractedOn" | "source")[] }
  /** Another file with exactly the figures of a stored version: nothing new is stored. */
  | { readonly kind: "same-figures"; readonly datasetVersionId: number };

/**
 * Thrown by saveDatasetVersion, inside the caller's transaction, so nothing is stored: the new version
 * lacks places the version shown for one of its years has. The caller tells the user (coverageLossMessageDa).
 */
/**
 * Thrown when the same file is imported again with an extraction date or source other than the stored one:
 * that metadata is never silently dropped (issue 19), nor silently changed (figures already shown cite it).
 */
export class MetadataConflictError extends Error {
  constructor(
    readonly datasetVersionId: number,
    readonly conflicts: readonly { readonly field: "extractedOn" | "source"; readonly stored: string; readonly given: string }[],
  ) {
    super(`metadata conflict with dataset version ${datasetVersionId}`);
  }
}

export class CoverageLossError extends Error {
  constructor(readonly losses: readonly CoverageLoss[]) {
    super(`coverage loss in ${losses.map((l) => l.year).join(", ")}`);
  }
}

// An arbitrary constant, distinct from the migration lock's.
const IMPORT_LOCK = 84_080;

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
  // Imports take turns (issue 19: two imports of one file at once both found no version with its SHA-256,
  // and the second died on the unique key). The lock is held until this transaction ends, so the second
  // import sees the first one's committed version and reports "unchanged".
  await tx.query("SELECT pg_advisory_xact_lock($1)", [IMPORT_LOCK]);
  const existing = await tx.query<{ id: number; source: string | null; extracted_on: string | Date | null }>(
    "SELECT id, source, extracted_on FROM dataset_version WHERE sha256 = $1",
    [version.sha256],
  );
  if (existing.rows[0]) return reimported(tx, existing.rows[0], version);
  // The checks below need the cells stored (they compare in SQL); a refused version is undone to here.
  await tx.query("SAVEPOINT new_dataset_version");
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
  const fingerprinted = await tx.query<{ fingerprint: string }>(
    "UPDATE dataset_version SET figures_fingerprint = dataset_figures_fingerprint(id) WHERE id = $1 RETURNING figures_fingerprint AS fingerprint",
    [id],
  );
  const same = await tx.query<{ id: number }>(
    "SELECT id FROM dataset_version WHERE figures_fingerprint = $1 AND id <> $2 AND is_demo = $3 ORDER BY id LIMIT 1",
    [fingerprinted.rows[0]!.fingerprint, id, version.isDemo],
  );
  if (same.rows[0]) {
    await tx.query("ROLLBACK TO SAVEPOINT new_dataset_version");
    return { kind: "same-figures", datasetVersionId: same.rows[0].id };
  }
  // The check guards against a download cut short. A demo set is generated, not downloaded: each seed leaves
  // out different small municipalities on purpose, so a second seed is no loss to refuse.
  const losses = version.acceptMissing || version.isDemo ? [] : await findCoverageLosses(tx, id, years);
  if (losses.length > 0) throw new CoverageLossError(losses);
  await tx.query("RELEASE SAVEPOINT new_dataset_version");
  await tx.query("SELECT brin_summarize_new_values('complaint_cell_version_year_brin')");
  return { kind: "saved", datasetVersionId: id };
}

/** The same file again: new metadata is recorded where the version had none, refused where it differs. */
async function reimported(tx: Transaction, stored: { id: number; source: string | null; extracted_on: string | Date | null }, version: NewDatasetVersion): Promise<SaveResult> {
  const storedExtracted = stored.extracted_on === null ? null : stored.extracted_on instanceof Date ? stored.extracted_on.toISOString().slice(0, 10) : String(stored.extracted_on).slice(0, 10);
  const conflicts: { field: "extractedOn" | "source"; stored: string; given: string }[] = [];
  const recorded: ("extractedOn" | "source")[] = [];
  if (version.extractedOn !== null && version.extractedOn !== storedExtracted) {
    if (storedExtracted === null) recorded.push("extractedOn");
    else conflicts.push({ field: "extractedOn", stored: storedExtracted, given: version.extractedOn });
  }
  if (version.source !== null && version.source !== stored.source) {
    if (stored.source === null) recorded.push("source");
    else conflicts.push({ field: "source", stored: stored.source, given: version.source });
  }
  if (conflicts.length > 0) throw new MetadataConflictError(stored.id, conflicts);
  if (recorded.includes("extractedOn")) await tx.query("UPDATE dataset_version SET extracted_on = $2 WHERE id = $1", [stored.id, version.extractedOn]);
  if (recorded.includes("source")) await tx.query("UPDATE dataset_version SET source = $2 WHERE id = $1", [stored.id, version.source]);
  return recorded.length > 0 ? { kind: "unchanged", datasetVersionId: stored.id, recorded } : { kind: "unchanged", datasetVersionId: stored.id };
}

/**
 * For each year of the new version: the places (municipality codes, and the national row as null) that the
 * version shown for the year has and the new one lacks. A download cut at a line end looked like a whole
 * file and became the active version, so 97 municipalities read "0 … ingen sager" (issue 19). Demo versions
 * are compared only with demo versions, as the version selection keeps them apart.
 */
async function findCoverageLosses(tx: Transaction, newId: number, years: readonly number[]): Promise<CoverageLoss[]> {
  if (years.length === 0) return [];
  const { rows } = await tx.query<{ year: number; previous_id: number; code: string | null }>(
    `WITH previous AS (
       SELECT y.year, (SELECT v.id FROM dataset_version v
                        WHERE v.id <> $1 AND NOT v.is_demo AND y.year = ANY (v.years)
                        ORDER BY (SELECT 1 FROM dataset_pin p WHERE p.year = y.year AND p.dataset_version_id = v.id) NULLS LAST,
                                 v.extracted_on DESC NULLS LAST, v.imported_at DESC, v.id DESC
                        LIMIT 1) AS previous_id
         FROM unnest($2::int[]) AS y(year)
     )
     SELECT p.year, p.previous_id, old.municipality_code AS code
       FROM previous p
       JOIN LATERAL (SELECT DISTINCT municipality_code FROM complaint_cell c WHERE c.dataset_version_id = p.previous_id AND c.year = p.year) old ON true
      WHERE p.previous_id IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM complaint_cell n WHERE n.dataset_version_id = $1 AND n.year = p.year
                                                    AND n.municipality_code IS NOT DISTINCT FROM old.municipality_code)
      ORDER BY p.year, old.municipality_code NULLS FIRST`,
    [newId, [...years]],
  );
  const byYear = new Map<number, { previousVersionId: number; missingCodes: string[]; missingNational: boolean }>();
  for (const r of rows) {
    let loss = byYear.get(r.year);
    if (!loss) byYear.set(r.year, (loss = { previousVersionId: r.previous_id, missingCodes: [], missingNational: false }));
    if (r.code === null) loss.missingNational = true;
    else loss.missingCodes.push(r.code);
  }
  return [...byYear].map(([year, l]) => ({ year, ...l }));
}

/**
 * The active (shown) version of each data year: the one marked as published, else the newest extraction;
 * demo versions only while the database holds no real version (selectVersionsByYear says why).
 * Older versions stay stored and can be loaded by id.
 */
export async function activeVersionByYear(db: Queryable): Promise<Map<number, DatasetVersionSummary & { readonly standing: DatasetStanding }>> {
  return new Map([...(await selectVersionsByYear(db))].map(([year, v]) => [year, v.shown]));
}

export type LoadedCells = {
  readonly cells: ComplaintCell[];
  /** The dataset version each loaded year came from, and whether it is the published map of that year. */
  readonly provenanceByYear: ReadonlyMap<number, YearProvenance>;
};

/** Cells of the newer extractions that revised a published year, with their versions (see loadRevisedCells). */
export type RevisedCells = {
  readonly cells: ComplaintCell[];
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

/** The domain cell of one stored row. */
function cellOfRow(r: CellRow): ComplaintCell {
  return {
    municipalityCode: asMunicipalityCode(r.municipality_code),
    subject: r.subject,
    law: r.law,
    year: r.year,
    counts: { upheld: r.upheld, changed: r.changed, remitted: r.remitted, rejected: r.rejected },
  };
}

/**
 * Options for reading a large selection without holding up other work: rows are mapped to cells in slices of
 * at most `sliceMs` milliseconds, with a turn of the event loop between them. A new version of half a million
 * rows is a quarter of a million cells; mapped in one go that was one synchronous step of some 90 ms in the
 * server (issue 19). Slices are cut by time, not by count: on a machine shared with an import a fixed count
 * took several times as long.
 */
export type CellLoadOptions = { readonly sliceMs?: number };

/** The clock is read every this many rows: reading it costs more than mapping a row. */
const ROWS_PER_CLOCK_READ = 256;

async function queryCellRows(db: Queryable, wanted: readonly (readonly [number, number])[]): Promise<CellRow[]> {
  const { rows } = await db.query<CellRow>(
    `SELECT c.municipality_code, c.subject, c.law, c.year, c.upheld, c.changed, c.remitted, c.rejected
       FROM complaint_cell c
       JOIN unnest($1::int[], $2::int[]) AS w(year, version_id) ON w.year = c.year AND w.version_id = c.dataset_version_id`,
    [wanted.map(([y]) => y), wanted.map(([, v]) => v)],
  );
  return rows;
}

/**
 * The cells of the given version of each year: in one query, or with `sliceMs` one query per year, each
 * mapped in slices. The driver parses a whole result as it arrives, some 300 ms for a quarter of a million
 * rows in one go on the shared machine (issue 19); a year at a time cuts that into parts.
 */
async function loadCellsOfVersions(db: Queryable, wanted: readonly (readonly [number, number])[], options: CellLoadOptions = {}): Promise<ComplaintCell[]> {
  if (wanted.length === 0) return [];
  const sliceMs = options.sliceMs;
  if (sliceMs === undefined) return (await queryCellRows(db, wanted)).map(cellOfRow);
  const cells: ComplaintCell[] = [];
  for (const pair of wanted) {
    const rows = await queryCellRows(db, [pair]);
    let sliceStart = performance.now();
    for (let i = 0; i < rows.length; i++) {
      if (i % ROWS_PER_CLOCK_READ === 0 && i > 0 && performance.now() - sliceStart >= sliceMs) {
        await yieldToEventLoop();
        sliceStart = performance.now();
      }
      cells.push(cellOfRow(rows[i]!));
    }
    await yieldToEventLoop();
  }
  return cells;
}

/** Loads the cells of the active version of each requested year (all years when `years` is omitted). */
export async function loadComplaintCells(db: Queryable, query: { readonly years?: readonly number[] } = {}): Promise<LoadedCells> {
  const wanted = [...(await activeVersionByYear(db))].filter(([year]) => !query.years || query.years.includes(year));
  return { cells: await loadCellsOfVersions(db, wanted.map(([y, v]) => [y, v.datasetVersionId])), provenanceByYear: new Map(wanted) };
}

/**
 * The cells of each requested year's revision: the newest extraction of a year whose shown figures are
 * the published map's, when that extraction is newer (issue 9). Pages, API and reports show the published
 * figures and, where these cells differ, say so with both figures.
 */
export async function loadRevisedCells(db: Queryable, query: { readonly years?: readonly number[] } = {}): Promise<RevisedCells> {
  return (await loadFigureCells(db, query)).revised;
}

export type FigureCells = {
  readonly shown: LoadedCells;
  readonly revised: RevisedCells;
  /** Identifies the versions behind both: equal fingerprints, equal cells. */
  readonly fingerprint: string;
};

/** The shown and the revised cells of the requested years from one reading of the version selection. */
export async function loadFigureCells(db: Queryable, query: { readonly years?: readonly number[] } & CellLoadOptions = {}): Promise<FigureCells> {
  const selection = [...(await selectVersionsByYear(db))].filter(([year]) => !query.years || query.years.includes(year));
  const revisions = selection.filter(([, v]) => v.revision !== null).map(([year, v]) => [year, v.revision!] as const);
  const [shownCells, revisedCells] = await Promise.all([
    loadCellsOfVersions(db, selection.map(([y, v]) => [y, v.shown.datasetVersionId]), query),
    loadCellsOfVersions(db, revisions.map(([y, v]) => [y, v.datasetVersionId]), query),
  ]);
  return {
    shown: { cells: shownCells, provenanceByYear: new Map(selection.map(([y, v]) => [y, v.shown])) },
    revised: { cells: revisedCells, provenanceByYear: new Map(revisions) },
    fingerprint: selectionFingerprint(new Map(selection)),
  };
}

/** "2023:4,2024:3p>5": the version each year shows, whether it is published, and its revision. */
export function selectionFingerprint(selection: ReadonlyMap<number, YearVersions>): string {
  return [...selection]
    .map(([year, v]) => `${year}:${v.shown.datasetVersionId}${v.shown.standing === "published" ? "p" : ""}${v.revision ? `>${v.revision.datasetVersionId}` : ""}`)
    .join(",");
}

/** The cells of one dataset version, active or not: older versions stay queryable (issue 3, point 6). */
export async function loadDatasetVersionCells(db: Queryable, datasetVersionId: number): Promise<ComplaintCell[]> {
  const { rows } = await db.query<CellRow>(
    `SELECT municipality_code, subject, law, year, upheld, changed, remitted, rejected
       FROM complaint_cell WHERE dataset_version_id = $1
      ORDER BY year, municipality_code NULLS FIRST, law, subject`,
    [datasetVersionId],
  );
  return rows.map(cellOfRow);
}

/**
 * One municipality's cells of one data year in the version the year shows: every subject, on the maps and
 * outside them, for the agenda item's list of all complaint cases (issue 16). Empty when the year has no data.
 */
export async function loadMunicipalityYearCells(db: Queryable, municipalityCode: string, year: number): Promise<ComplaintCell[]> {
  const version = (await selectVersionsByYear(db)).get(year);
  if (!version) return [];
  const { rows } = await db.query<CellRow>(
    `SELECT municipality_code, subject, law, year, upheld, changed, remitted, rejected
       FROM complaint_cell WHERE dataset_version_id = $1 AND year = $2 AND municipality_code = $3
      ORDER BY law, subject`,
    [version.shown.datasetVersionId, year, municipalityCode],
  );
  return rows.map(cellOfRow);
}
