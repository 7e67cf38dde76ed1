import { performance } from "node:perf_hooks";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { createCellTotalsBuilder, type CellTotals } from "../../domain/cell-totals.js";
import type { ComplaintCell } from "../../domain/complaint-cell.js";

import type { YearVersions } from "../../storage/version-selection.js";

/**
 * Cells a version selection may have and still be loaded while a request waits (some 100 ms). A larger one
 * is prepared off the request path while the previous figures are served; a small one (a test, a first
 * year) is waited for, so the very next request after an import shows it.
 */
export const WAIT_FOR_CELLS = 50_000;

/** The cells the shown and revising versions of a selection hold (dataset_version.row_count). */
export function cellsOfSelection(selection: ReadonlyMap<number, YearVersions>): number {
  const versions = new Map<number, number>();
  for (const v of selection.values()) {
    versions.set(v.shown.datasetVersionId, v.shown.rowCount);
    if (v.revision) versions.set(v.revision.datasetVersionId, v.revision.rowCount);
  }
  return [...versions.values()].reduce((a, b) => a + b, 0);
}

/**
 * The longest the server's thread works on a new version before it lets waiting requests in (issue 19). Cut by
 * time, not by a count of cells: with the import, PostgreSQL and the load sharing two cores, slices of 2.000
 * cells took the thread most of the time, and requests queued up behind them faster than they were answered.
 */
export const SLICE_MS = 2;

/** The clock is read every this many cells. */
const CELLS_PER_CLOCK_READ = 128;

/**
 * indexCellTotals in slices of at most SLICE_MS, yielding to the event loop between them. A new version of half
 * a million rows is a quarter of a million cells; indexed in one go it held every request for up to 5,1 s.
 * The caches build the new index this way while they keep answering from the old one, and swap it in whole.
 */
export async function indexCellTotalsOffRequestPath(cells: readonly ComplaintCell[]): Promise<CellTotals> {
  const builder = createCellTotalsBuilder();
  let sliceStart = performance.now();
  for (let i = 0; i < cells.length; i++) {
    if (i % CELLS_PER_CLOCK_READ === 0 && i > 0 && performance.now() - sliceStart >= SLICE_MS) {
      await yieldToEventLoop();
      sliceStart = performance.now();
    }
    builder.add(cells[i]!);
  }
  return builder.finish();
}
