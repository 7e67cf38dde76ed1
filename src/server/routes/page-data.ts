import type { CellTotals } from "../../domain/cell-totals.js";
import { cellsOfSelection, indexCellTotalsOffRequestPath, SLICE_MS, WAIT_FOR_CELLS } from "./index-off-request-path.js";
import type { DatasetProvenance, YearProvenance } from "../../domain/complaint-cell.js";
import { loadFigureCells, selectionFingerprint } from "../../storage/complaint-store.js";
import type { Database } from "../../storage/database.js";
import { selectVersionsByYear } from "../../storage/version-selection.js";

export type PageData = {
  /** The version selection the figures are from (selectionFingerprint): what the page cache keys on. */
  readonly key: string;
  readonly totals: CellTotals;
  /** The shown version of each year, and whether it is the published map or an extraction. */
  readonly provenanceByYear: ReadonlyMap<number, YearProvenance>;
  /** Newer extractions of published years (issue 9): pages show the published figures and name these. */
  readonly revisedTotals: CellTotals;
  readonly revisionByYear: ReadonlyMap<number, DatasetProvenance>;
  readonly years: readonly number[];
  /** True when any shown figure is demo data (then all are: demo data is never mixed with real figures). */
  readonly isDemo: boolean;
};

/**
 * One cache per database handle: tests and the benchmark run several databases in one process. `ready` is
 * the data last built completely; `next` the one being built for a newer version selection.
 */
const caches = new WeakMap<Database, { ready?: { key: string; data: PageData }; next?: { key: string; data: Promise<PageData> } }>();

async function buildPageData(db: Database, key: string): Promise<PageData> {
  const { shown, revised } = await loadFigureCells(db, { sliceMs: SLICE_MS });
  return {
    key,
    totals: await indexCellTotalsOffRequestPath(shown.cells),
    provenanceByYear: shown.provenanceByYear,
    revisedTotals: await indexCellTotalsOffRequestPath(revised.cells),
    revisionByYear: revised.provenanceByYear,
    years: [...shown.provenanceByYear.keys()].sort((a, b) => a - b),
    isDemo: [...shown.provenanceByYear.values()].some((p) => p.isDemo),
  };
}

/**
 * The pages' figures: all active dataset versions' cells, classified and summed once (CellTotals) and
 * kept until the version selection changes (an import, a removal, a published mark), which one cheap query
 * detects. The data of a new selection is built off the request path (issue 19): until it is ready, pages
 * are answered from the previous, complete data; a first load and a small selection are waited for.
 */
export async function loadPageData(db: Database): Promise<PageData> {
  const selection = await selectVersionsByYear(db);
  const key = selectionFingerprint(selection);
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = {}));
  if (cache.ready?.key === key) return cache.ready.data;
  if (cache.next?.key !== key) {
    const entry = cache;
    const data = buildPageData(db, key);
    const next = { key, data };
    entry.next = next;
    data.then(
      (built) => {
        if (entry.next === next) {
          entry.ready = { key, data: built };
          entry.next = undefined;
        }
      },
      () => {
        if (entry.next === next) entry.next = undefined;
      },
    );
  }
  return cache.ready && cellsOfSelection(selection) > WAIT_FOR_CELLS ? cache.ready.data : cache.next!.data;
}
