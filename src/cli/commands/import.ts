import type { Command } from "commander";
import { importFileIntoDatabase, type ImportOutcome, type ImportRequest } from "../../app/import/import-file.js";
import { cliOperator } from "./dataset-text.js";
import type { CliContext } from "../cli-context.js";
import { UserError } from "../user-error.js";
import { safeForTerminal } from "../terminal-text.js";
import { renderImportReport } from "./import-report.js";
import { sniffStatbankTable } from "../../importers/statbank-context/sniff-statbank-file.js";
import { runStatbankImport } from "./statbank.js";

export function parseExtractedDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  const date = m ? new Date(`${m[0]}T00:00:00Z`) : undefined;
  if (!m || !date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== m[0]) {
    throw new UserError(`--extracted skal være en dato som ÅÅÅÅ-MM-DD, ikke "${value}".`);
  }
  return m[0];
}

type ImportCliOptions = { acceptMissing?: boolean; dryRun?: boolean; extracted?: string; source?: string; sheet?: string; subjects?: string; format?: string; published?: string | boolean };

/** `--published` alone: every year of the file; `--published 2024` or `2023,2024`: those years. */
export function parsePublishedYears(value: string | boolean | undefined): "all" | number[] | undefined {
  if (value === undefined || value === false) return undefined;
  if (value === true) return "all";
  const parts = value.split(",").map((p) => p.trim());
  if (parts.some((p) => !/^\d{4}$/.test(p))) throw new UserError(`--published skal stå alene eller med årstal som 2024 eller 2023,2024, ikke "${value}".`);
  return parts.map(Number);
}

export function registerImport(program: Command, cli: CliContext): void {
  program
    .command("import")
    .description("indlæs en fil med Ankestyrelsens klagestatistik (CSV eller XLSX) eller en tabel fra Danmarks Statistik (FOLK1A, HAND07, HAND06, HANDBU01); format og tegnsæt findes selv")
    .argument("<fil>", "talportalens CSV-eksport, datatabel, en lang statistikbanktabel eller samme som XLSX")
    .option("--dry-run", "kontrollér filen uden at gemme noget")
    .option("--extracted <dato>", "hvornår tallene blev trukket fra Ankestyrelsen (ÅÅÅÅ-MM-DD)")
    .option("--source <tekst>", "kilde, fx \"Ankestyrelsens talportal, udtræk for alle kommuner\"")
    .option("--sheet <navn>", "XLSX: arket der skal læses (standard: det første)")
    .option("--subjects <fil>", "talportalens sagsemnefil (Sagsemne;Lovgivning;Sorteringskode) til datatabellen")
    .option("--published [år]", "filen er kortet, som det blev offentliggjort, for alle dens år (eller kun de angivne, fx 2024)")
    .option("--accept-missing", "gem filen, selv om den mangler kommuner eller landsrækker, som den viste version af et år har")
    .option("--format <format>", "tekst eller json", "tekst")
    .action(async (file: string, options: ImportCliOptions) => {
      const json = options.format === "json";
      if (!json && options.format !== "tekst" && options.format !== "text") throw new UserError(`Ukendt --format "${options.format}" (brug tekst eller json).`);
      const publishedYears = parsePublishedYears(options.published);
      const request: ImportRequest = {
        path: file,
        ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
        ...(options.subjects !== undefined ? { subjectsPath: options.subjects } : {}),
        limits: cli.config.importLimits,
        extractedOn: options.extracted === undefined ? null : parseExtractedDate(options.extracted),
        source: options.source ?? null,
        dryRun: options.dryRun === true,
        acceptMissing: options.acceptMissing === true,
        isDemo: false,
        importedAt: new Date(),
        ...(publishedYears === undefined ? {} : { published: { years: publishedYears, operator: cliOperator() } }),
      };
      await assertReadable(file);
      // A Statistikbanken table (FOLK1A, HAND07, HAND06, HANDBU01) is found from its header like the other layouts.
      const statbankTable = await sniffStatbankTable(file);
      if (statbankTable) {
        await runStatbankImport(cli, { path: file, table: statbankTable, source: request.source, extractedOn: request.extractedOn, importedAt: request.importedAt, dryRun: request.dryRun }, json);
        return;
      }
      // A dry run never opens the database, so it works while the server holds an embedded data dir.
      const { outcome, where } = request.dryRun
        ? { outcome: await importFileIntoDatabase(null, request), where: null }
        : await cli.withDatabase(async (db, where) => ({ outcome: await importFileIntoDatabase(db, request), where }));
      if (json) process.stdout.write(JSON.stringify(importOutcomeJson(outcome, request, where), null, 2) + "\n");
      else process.stdout.write(safeForTerminal(renderImportReport(outcome, request, where)));
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

export function importOutcomeJson(outcome: ImportOutcome, request: ImportRequest, where: string | null = null): unknown {
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
    publishedYears: outcome.publishedYears,
    /** Where it was stored: the data dir or the PostgreSQL database; null when nothing was opened (--dry-run). */
    database: where,
  };
}
