import type { CellTotals } from "../../domain/cell-totals.js";
import type { DatasetProvenance, YearProvenance } from "../../domain/complaint-cell.js";
import type { ContextIndex } from "../../domain/context/context-index.js";
import type { Figures, FiguresCache } from "./figures-cache.js";

export type PageData = {
  /** The dataset and context versions the figures are from (Figures.fingerprint): what the page cache keys on. */
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
  /** The imported Danmarks Statistik figures (population, recipients). */
  readonly context: ContextIndex;
};

/** One PageData per set of figures, so a page's view of them is made once, not per request. */
const views = new WeakMap<Figures, PageData>();

function pageDataOf(data: Figures): PageData {
  let view = views.get(data);
  if (!view) {
    view = {
      key: data.fingerprint,
      totals: data.totals,
      provenanceByYear: data.provenanceByYear,
      revisedTotals: data.revisedTotals,
      revisionByYear: data.revisionByYear,
      years: [...data.provenanceByYear.keys()].sort((a, b) => a - b),
      isDemo: [...data.provenanceByYear.values()].some((p) => p.isDemo),
      context: data.context,
    };
    views.set(data, view);
  }
  return view;
}

/**
 * The pages' figures: the app's one figures cache (AppContext.figures), which the API answers from too, with
 * its one rule for when the figures are read again and its off-request-path build of a new version (issue 19).
 */
export async function loadPageData(figures: FiguresCache): Promise<PageData> {
  return pageDataOf(await figures.current());
}
