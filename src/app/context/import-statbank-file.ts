import { indexCellTotals } from "../../domain/cell-totals.js";
import { indexContextFigures } from "../../domain/context/context-index.js";
import type { ContextTableId } from "../../domain/context/context-figure.js";
import { checkPerCapitaPlausibility, type MapPlausibility } from "../../domain/context/per-capita-plausibility.js";
import { analyseStatbankFile, type StatbankAnalysis } from "../../importers/statbank-context/analyse-statbank-file.js";
import { loadFigureCells } from "../../storage/complaint-store.js";
import { loadContextFigures, saveContextVersion, type ContextSaveResult } from "../../storage/context-store.js";
import type { Database } from "../../storage/database.js";

export type StatbankImportRequest = {
  readonly path: string;
  readonly fileName?: string;
  readonly table?: ContextTableId;
  readonly source: string | null;
  readonly extractedOn: string | null;
  readonly importedAt: Date;
  readonly dryRun: boolean;
};

export type StatbankImportOutcome = {
  readonly analysis: StatbankAnalysis;
  /** null: nothing written (errors, or a dry run). */
  readonly stored: ContextSaveResult | null;
  /** For each FOLK1A year (K1) the file holds: the robust-range check of cases per 10.000 on each map. */
  readonly plausibility: readonly MapPlausibility[];
};

/**
 * Imports one Statistikbanken file (issue 18): analyse and validate it whole, then store it as one
 * context version in one transaction, then check the cases per 10.000 the new population gives against
 * a robust range of the other municipalities. A hit is a warning: the figures are stored, the person
 * looks. A file with any error stores nothing.
 */
export async function importStatbankFile(db: Database | null, request: StatbankImportRequest): Promise<StatbankImportOutcome> {
  const analysis = await analyseStatbankFile({ path: request.path, ...(request.fileName ? { fileName: request.fileName } : {}), ...(request.table ? { table: request.table } : {}) });
  if (analysis.errorCount > 0 || request.dryRun || db === null) return { analysis, stored: null, plausibility: [] };
  const stored = await db.transaction((tx) =>
    saveContextVersion(
      tx,
      {
        table: analysis.table!,
        fileName: analysis.fileName,
        sha256: analysis.sha256,
        source: request.source,
        extractedOn: request.extractedOn,
        importedAt: request.importedAt.toISOString(),
        periodFrom: analysis.periodFrom!,
        periodTo: analysis.periodTo!,
      },
      analysis.figures,
    ),
  );
  if (analysis.table !== "FOLK1A") return { analysis, stored, plausibility: [] };
  const years = [...new Set(analysis.figures.filter((f) => f.period.quarter === 1).map((f) => f.period.year))].sort((a, b) => a - b);
  const [cells, context] = await Promise.all([loadFigureCells(db, { years }), loadContextFigures(db)]);
  const totals = indexCellTotals(cells.shown.cells);
  const index = indexContextFigures(context);
  return { analysis, stored, plausibility: years.flatMap((y) => checkPerCapitaPlausibility(totals, index, y)) };
}
