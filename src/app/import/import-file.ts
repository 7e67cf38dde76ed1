import { DEFAULT_MAP_RULES } from "../../domain/map-rules.js";
import { analyseImportFile, type ImportAnalysis, type ImportOptions } from "../../importers/analyse-import-file.js";
import { summariseClassification, type ClassificationSummary } from "../../importers/summarise-classification.js";
import { CoverageLossError, MetadataConflictError, saveDatasetVersion, type SaveResult } from "../../storage/complaint-store.js";
import type { Database } from "../../storage/database.js";
import { markPublishedIn, type DatasetOperator } from "../../storage/dataset-changes.js";
import { UserFacingError } from "../user-facing-error.js";
import { coverageLossMessageDa, metadataConflictMessageDa } from "./import-refusals.js";

export type ImportRequest = ImportOptions & {
  readonly extractedOn: string | null;
  readonly source: string | null;
  readonly dryRun: boolean;
  readonly isDemo: boolean;
  readonly importedAt: Date;
  /** Store a version that lacks municipalities or national rows the shown version of a year has (--accept-missing). */
  readonly acceptMissing?: boolean;
  /**
   * Mark the stored version as the map as published (issue 9): for every year of the file ("all") or
   * the years given. Done in the import's own transaction, with its audit line.
   */
  readonly published?: { readonly years: "all" | readonly number[]; readonly operator: DatasetOperator };
};

export type ImportOutcome = {
  readonly analysis: ImportAnalysis;
  readonly summary: ClassificationSummary;
  /** null: nothing written (errors, or --dry-run). */
  readonly stored: SaveResult | null;
  /** The years the stored version is now the published map of (empty without `published`). */
  readonly publishedYears: readonly number[];
};

/**
 * The import chain (issue 3): analyse (parse, map, validate, sum quarters) → classify → store in ONE
 * transaction. Validation finishes before the transaction starts, and the transaction rolls back on any
 * failure, so a bad file leaves the database exactly as it was. A refusal (a year not in the file, a version
 * that would replace fuller figures) is a UserFacingError, which every door says as it is.
 */
export async function importFileIntoDatabase(db: Database | null, request: ImportRequest): Promise<ImportOutcome> {
  const analysis = await analyseImportFile({ ...request, latestYear: request.latestYear ?? request.importedAt.getUTCFullYear() });
  const summary = summariseClassification(analysis.cells, DEFAULT_MAP_RULES);
  if (analysis.errorCount > 0 || request.dryRun || db === null) return { analysis, summary, stored: null, publishedYears: [] };
  const fileYears = [...new Set(analysis.cells.map((c) => c.year))].sort((a, b) => a - b);
  const published = request.published;
  if (published && published.years !== "all") {
    const missing = published.years.filter((y) => !fileYears.includes(y));
    if (missing.length > 0) throw new UserFacingError("aar-ikke-i-filen", `--published ${missing.join(",")}: filen har ingen tal for ${missing.join(", ")} (den dækker ${fileYears.join(", ")}). Intet er gemt.`, 400);
  }
  if (published && request.isDemo) throw new UserFacingError("demodata-offentliggjort", "Demodata kan ikke være et offentliggjort kort.", 400);
  const { stored, publishedYears } = await db.transaction(async (tx) => {
    try {
      return await saveInTransaction(tx);
    } catch (error) {
      if (error instanceof CoverageLossError) throw new UserFacingError("mangler-daekning", coverageLossMessageDa(error.losses), 409);
      if (error instanceof MetadataConflictError) throw new UserFacingError("metadata-konflikt", metadataConflictMessageDa(error), 409);
      throw error;
    }
  });
  return { analysis, summary, stored, publishedYears };

  async function saveInTransaction(tx: Parameters<Parameters<Database["transaction"]>[0]>[0]): Promise<{ stored: SaveResult; publishedYears: number[] }> {
    const saved = await saveDatasetVersion(
      tx,
      {
        fileName: analysis.fileName,
        sha256: analysis.sha256,
        layout: analysis.layout!,
        source: request.source,
        extractedOn: request.extractedOn,
        importedAt: request.importedAt.toISOString(),
        isDemo: request.isDemo,
        fileRowCount: analysis.dataRowCount,
        incompleteYears: analysis.incompleteYears.map((y) => y.year),
        acceptMissing: request.acceptMissing === true,
      },
      analysis.cells,
    );
    if (!published) return { stored: saved, publishedYears: [] as number[] };
    // Also for a file imported before ("unchanged"): marking it published afterwards is the same act.
    const years: number[] = [];
    for (const year of published.years === "all" ? fileYears : published.years) {
      const marked = await markPublishedIn(tx, { datasetVersionId: saved.datasetVersionId, year, operator: published.operator, at: request.importedAt.toISOString() });
      if (marked.kind !== "published") throw new Error(`Kunne ikke markere ${year} som offentliggjort: ${marked.kind}`);
      years.push(...marked.years);
    }
    return { stored: saved, publishedYears: years };
  }
}
