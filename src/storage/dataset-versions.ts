import type { DatasetProvenance } from "../domain/complaint-cell.js";
import type { Queryable } from "./database.js";

export type DatasetVersionSummary = DatasetProvenance & {
  readonly layout: string;
  readonly rowCount: number;
  readonly years: readonly number[];
};

type DatasetVersionRow = {
  id: number;
  file_name: string;
  sha256: string;
  layout: string;
  source: string | null;
  extracted_on: string | Date | null;
  imported_at: string | Date;
  row_count: number;
  is_demo: boolean;
  years: number[];
};

function isoDate(value: string | Date | null): string | null {
  if (value === null) return null;
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
}

export function mapDatasetVersionRow(row: DatasetVersionRow): DatasetVersionSummary {
  return {
    datasetVersionId: row.id,
    fileName: row.file_name,
    sha256: row.sha256,
    layout: row.layout,
    source: row.source,
    extractedOn: isoDate(row.extracted_on),
    importedAt: row.imported_at instanceof Date ? row.imported_at.toISOString() : String(row.imported_at),
    rowCount: row.row_count,
    isDemo: row.is_demo,
    years: row.years,
  };
}

/** Every imported dataset version, newest first. */
export async function listDatasetVersions(db: Queryable): Promise<DatasetVersionSummary[]> {
  const { rows } = await db.query<DatasetVersionRow>(
    `SELECT id, file_name, sha256, layout, source, extracted_on, imported_at, row_count, is_demo, years
       FROM dataset_version ORDER BY imported_at DESC, id DESC`,
  );
  return rows.map(mapDatasetVersionRow);
}
