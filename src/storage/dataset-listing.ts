import type { Queryable } from "./database.js";
import { activeVersionByYear } from "./complaint-store.js";
import { listDatasetPins } from "./dataset-pins.js";
import { listDatasetVersions, type DatasetVersionSummary } from "./dataset-versions.js";

export type DatasetVersionListing = DatasetVersionSummary & {
  readonly fileRowCount: number | null;
  readonly incompleteYears: readonly number[];
  /** Years this version is the active one for. */
  readonly activeYears: readonly number[];
  /** Years pinned to this version. */
  readonly pinnedYears: readonly number[];
};

/** Every dataset version, newest first, with the years it is active and pinned for (`danmarkskort datasets`). */
export async function listDatasetVersionsWithStatus(db: Queryable): Promise<DatasetVersionListing[]> {
  const [versions, active, pins, details] = await Promise.all([
    listDatasetVersions(db),
    activeVersionByYear(db),
    listDatasetPins(db),
    db.query<{ id: number; file_row_count: number | null; incomplete_years: number[] }>("SELECT id, file_row_count, incomplete_years FROM dataset_version"),
  ]);
  const detailById = new Map(details.rows.map((r) => [r.id, r]));
  return versions.map((v) => ({
    ...v,
    fileRowCount: detailById.get(v.datasetVersionId)?.file_row_count ?? null,
    incompleteYears: detailById.get(v.datasetVersionId)?.incomplete_years ?? [],
    activeYears: [...active].filter(([, a]) => a.datasetVersionId === v.datasetVersionId).map(([y]) => y).sort((a, b) => a - b),
    pinnedYears: [...pins].filter(([, id]) => id === v.datasetVersionId).map(([y]) => y),
  }));
}
