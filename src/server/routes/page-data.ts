import { indexCellTotals, type CellTotals } from "../../domain/cell-totals.js";
import type { DatasetProvenance } from "../../domain/complaint-cell.js";
import { activeVersionByYear, loadComplaintCells } from "../../storage/complaint-store.js";
import type { Database } from "../../storage/database.js";

export type PageData = {
  readonly totals: CellTotals;
  readonly provenanceByYear: ReadonlyMap<number, DatasetProvenance>;
  readonly years: readonly number[];
  readonly isDemo: boolean;
};

/** One cache per database handle: tests and the benchmark run several databases in one process. */
const caches = new WeakMap<Database, { key: string; data: Promise<PageData> }>();

/**
 * The pages' figures: all active dataset versions' cells, classified and summed once (CellTotals) and
 * kept until the set of active versions changes (an import or a pin), which one cheap query detects.
 */
export async function loadPageData(db: Database): Promise<PageData> {
  const active = await activeVersionByYear(db);
  const key = [...active].map(([year, v]) => `${year}:${v.datasetVersionId}`).join(",");
  let cache = caches.get(db);
  if (cache?.key !== key) {
    const data = loadComplaintCells(db).then(({ cells, provenanceByYear }) => ({
      totals: indexCellTotals(cells),
      provenanceByYear,
      years: [...provenanceByYear.keys()].sort((a, b) => a - b),
      isDemo: [...provenanceByYear.values()].some((p) => p.isDemo),
    }));
    cache = { key, data };
    caches.set(db, cache);
    data.catch(() => {
      if (caches.get(db)?.data === data) caches.delete(db);
    });
  }
  return cache.data;
}
