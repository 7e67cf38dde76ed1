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
 * Stored rows mapped to cells between two turns of the event loop when a large selection is loaded off the
 * request path: mapping a row costs about a third of indexing it (some 90 ms for 250.000 rows), so this too
 * is some 2 ms of work.
 */
export const ROWS_PER_SLICE = 5_000;

/** Cells indexed between two turns of the event loop: some 2 ms of work, so a request never waits longer. */
const SLICE = 2_000;

/**
 * indexCellTotals in slices, yielding to the event loop between them. A new version of half a million rows
 * is a quarter of a million cells; indexed in one go it held every request for up to 5,1 s (issue 19).
 * The caches build the new index this way while they keep answering from the old one, and swap it in whole.
 */
export async function indexCellTotalsOffRequestPath(cells: readonly ComplaintCell[]): Promise<CellTotals> {
  const builder = createCellTotalsBuilder();
  for (let from = 0; from < cells.length; from += SLICE) {
    const to = Math.min(cells.length, from + SLICE);
    for (let i = from; i < to; i++) builder.add(cells[i]!);
    if (to < cells.length) await yieldToEventLoop();
  }
  return builder.finish();
}
