import type { Command } from "commander";
import { DEFAULT_MAP_RULES } from "../../domain/map-rules.js";
import { analyseImportFile, type ImportAnalysis, type ImportOptions } from "../../importers/analyse-import-file.js";
import { summariseClassification, type ClassificationSummary } from "../../importers/summarise-classification.js";
import { saveDatasetVersion, type SaveResult } from "../../storage/complaint-store.js";
import { DataDirLockedError } from "../../storage/data-dir-lock.js";
import type { Database } from "../../storage/database.js";
import { openDatabase, storageConfigFromEnv } from "../../storage/open-database.js";
import { UserError } from "../user-error.js";
import { renderImportReport } from "./import-report.js";

export type ImportRequest = ImportOptions & {
  readonly extractedOn: string | null;
  readonly source: string | null;
  readonly dryRun: boolean;
  readonly isDemo: boolean;
  readonly importedAt: Date;
};

export type ImportOutcome = {
  readonly analysis: ImportAnalysis;
  readonly summary: ClassificationSummary;
  /** null: nothing written (errors, or --dry-run). */
  readonly stored: SaveResult | null;
};

/**
 * The import chain (issue 3): analyse (parse, map, validate, sum quarters) → classify → store in ONE
 * transaction. Validation finishes before the transaction starts, and the transaction rolls back on any
 * failure, so a bad file leaves the database exactly as it was.
 */
export async function importFileIntoDatabase(db: Database | null, request: ImportRequest): Promise<ImportOutcome> {
  const analysis = await analyseImportFile({ ...request, latestYear: request.latestYear ?? request.importedAt.getUTCFullYear() });
  const summary = summariseClassification(analysis.cells, DEFAULT_MAP_RULES);
  if (analysis.errorCount > 0 || request.dryRun || db === null) return { analysis, summary, stored: null };
  const stored = await db.transaction((tx) =>
    saveDatasetVersion(
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
      },
      analysis.cells,
    ),
  );
  return { analysis, summary, stored };
}

/** Opens the configured database for a CLI command, turning the PGlite lock error into a Danish user error. */
export async function withDatabase<T>(work: (db: Database) => Promise<T>): Promise<T> {
  let db: Database;
  try {
    db = await openDatabase(storageConfigFromEnv(process.env));
  } catch (error) {
    if (error instanceof DataDirLockedError) throw new UserError(error.message);
    throw error;
  }
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

export function parseExtractedDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  const date = m ? new Date(`${m[0]}T00:00:00Z`) : undefined;
  if (!m || !date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== m[0]) {
    throw new UserError(`--extracted skal være en dato som ÅÅÅÅ-MM-DD, ikke "${value}".`);
  }
  return m[0];
}

type ImportCliOptions = { dryRun?: boolean; extracted?: string; source?: string; sheet?: string; subjects?: string; format?: string };

export function registerImport(program: Command): void {
  program
    .command("import")
    .description("indlæs en fil med Ankestyrelsens klagestatistik (CSV eller XLSX; format og tegnsæt findes selv)")
    .argument("<fil>", "talportalens CSV-eksport, datatabel, en lang statistikbanktabel eller samme som XLSX")
    .option("--dry-run", "kontrollér filen uden at gemme noget")
    .option("--extracted <dato>", "hvornår tallene blev trukket fra Ankestyrelsen (ÅÅÅÅ-MM-DD)")
    .option("--source <tekst>", "kilde, fx \"Ankestyrelsens talportal, udtræk for alle kommuner\"")
    .option("--sheet <navn>", "XLSX: arket der skal læses (standard: det første)")
    .option("--subjects <fil>", "talportalens sagsemnefil (Sagsemne;Lovgivning;Sorteringskode) til datatabellen")
    .option("--format <format>", "tekst eller json", "tekst")
    .action(async (file: string, options: ImportCliOptions) => {
      const json = options.format === "json";
      if (!json && options.format !== "tekst" && options.format !== "text") throw new UserError(`Ukendt --format "${options.format}" (brug tekst eller json).`);
      const request: ImportRequest = {
        path: file,
        ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
        ...(options.subjects !== undefined ? { subjectsPath: options.subjects } : {}),
        extractedOn: options.extracted === undefined ? null : parseExtractedDate(options.extracted),
        source: options.source ?? null,
        dryRun: options.dryRun === true,
        isDemo: false,
        importedAt: new Date(),
      };
      await assertReadable(file);
      const run = (db: Database | null) => importFileIntoDatabase(db, request);
      // A dry run never opens the database, so it works while the server holds an embedded data dir.
      const outcome = request.dryRun ? await run(null) : await withDatabase(run);
      if (json) process.stdout.write(JSON.stringify(importOutcomeJson(outcome, request), null, 2) + "\n");
      else process.stdout.write(renderImportReport(outcome, request));
      if (outcome.analysis.errorCount > 0) {
        throw new UserError(`${file} blev ikke indlæst: ${outcome.analysis.errorCount} fejl. Intet er gemt.`);
      }
    });
}

async function assertReadable(file: string): Promise<void> {
  const { access } = await import("node:fs/promises");
  try {
    await access(file);
  } catch {
    throw new UserError(`Filen ${file} findes ikke eller kan ikke læses.`);
  }
}

export function importOutcomeJson(outcome: ImportOutcome, request: ImportRequest): unknown {
  const a = outcome.analysis;
  return {
    file: a.fileName,
    sha256: a.sha256,
    format: a.format,
    layout: a.layout,
    encoding: a.encoding,
    separator: a.separator,
    sheet: a.sheet,
    dataRowCount: a.dataRowCount,
    cellCount: a.cells.length,
    years: [...new Set(a.cells.map((c) => c.year))].sort((x, y) => x - y),
    incompleteYears: a.incompleteYears,
    errorCount: a.errorCount,
    warningCount: a.warningCount,
    issues: a.issues,
    classification: outcome.summary,
    dryRun: request.dryRun,
    stored: outcome.stored,
  };
}
