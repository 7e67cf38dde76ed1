import type { CellTotals } from "../../domain/cell-totals.js";
import { indexCellTotals } from "../../domain/cell-totals.js";
import type { DatasetProvenance, YearProvenance } from "../../domain/complaint-cell.js";
import { loadFigureCells } from "../../storage/complaint-store.js";
import type { Queryable } from "../../storage/database.js";
import type { AccountDeps } from "../accounts/account-deps.js";

/**
 * The figures a follow-up is computed from: the active dataset versions of every year, indexed, and the
 * newer extractions of published years (issue 9). The server passes its cache of these (one per set of
 * active versions); the command line and tests read them from the database with `loadFollowUpFigures`.
 */
export type FollowUpFigures = {
  readonly totals: CellTotals;
  readonly revisedTotals: CellTotals;
  /** The version shown for each year, how it stands, and a newer extraction that revised it. */
  readonly versionsByYear: ReadonlyMap<number, YearProvenance & { readonly revision: DatasetProvenance | null }>;
};

export type ActionPlanDeps = Pick<AccountDeps, "db" | "now" | "securityLog"> & {
  readonly figures: () => Promise<FollowUpFigures>;
};

/** Reads the active versions' cells and indexes them: for a process that keeps no cache of its own. */
export async function loadFollowUpFigures(db: Queryable): Promise<FollowUpFigures> {
  const { shown, revised } = await loadFigureCells(db);
  return {
    totals: indexCellTotals(shown.cells),
    revisedTotals: indexCellTotals(revised.cells),
    versionsByYear: new Map([...shown.provenanceByYear].map(([year, v]) => [year, { ...v, revision: revised.provenanceByYear.get(year) ?? null }])),
  };
}
