import type { Command } from "commander";
import { backupDatabase } from "../../app/backup/backup-database.js";
import type { CopiedTable } from "../../app/backup/copy-source.js";
import { moveDatabase } from "../../app/backup/move-database.js";
import { restoreDatabase } from "../../app/backup/restore-database.js";
import { OPERATOR } from "../../app/caller.js";
import type { Refusal } from "../../app/use-case-result.js";
import { formatInteger } from "../../domain/format-danish-number.js";
import { DataDirLockedError } from "../../storage/data-dir-lock.js";
import type { Database } from "../../storage/database.js";
import { describeStorage, openDatabase, type StorageConfig } from "../../storage/open-database.js";
import type { CliContext } from "../cli-context.js";
import { safeForTerminal } from "../terminal-text.js";
import { UserError } from "../user-error.js";

function orFail<T extends { kind: string }>(result: T | Refusal): T {
  if (result.kind === "refused") throw new UserError((result as Refusal).messageDa);
  return result as T;
}

/**
 * Opens a database as it stands (no migrations: the copy decides the schema). The embedded database admits
 * one process, so a running server holds it; the message says to stop the server for the short while a
 * backup takes.
 */
async function withUnmigrated<T>(config: StorageConfig, work: (db: Database) => Promise<T>): Promise<T> {
  let db: Database;
  try {
    db = await openDatabase(config, { migrate: false });
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      throw new UserError(`${error.message} Sikkerhedskopi, gendannelse og flytning af den indlejrede database kræver, at serveren er stoppet imens (en kort pause); start den igen bagefter.`);
    }
    throw error;
  }
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

const progress = (message: string) => void process.stderr.write(`${safeForTerminal(message)}\n`);

function tableSummary(tables: readonly CopiedTable[]): string {
  const width = Math.max(...tables.map((t) => t.name.length), "Tabel".length);
  const lines = tables.map((t) => `  ${t.name.padEnd(width)}  ${formatInteger(t.rows).padStart(9)}  ${t.checksum}`);
  const total = tables.reduce((n, t) => n + t.rows, 0);
  return [`  ${"Tabel".padEnd(width)}  ${"Rækker".padStart(9)}  Kontrolsum (md5)`, ...lines, `  I alt ${formatInteger(tables.length)} tabeller og ${formatInteger(total)} rækker.`].join("\n") + "\n";
}

function assertPostgresUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UserError(`--til skal være en PostgreSQL-adresse som postgres://bruger@vaert:5432/database, ikke "${safeForTerminal(url)}".`);
  }
  if (parsed.protocol !== "postgres:" && parsed.protocol !== "postgresql:") throw new UserError("--til skal være en PostgreSQL-adresse, der begynder med postgres:// eller postgresql://.");
  if (parsed.pathname.length <= 1) throw new UserError("--til skal nævne databasen, fx postgres://bruger@vaert:5432/danmarkskort.");
  return url;
}

/**
 * `danmarkskort backup <fil>`, `gendan <fil> [--erstat]` and `flyt --til postgres://…`: doors onto the use
 * cases in src/app/backup, on the database the environment configures (DATABASE_URL or the data dir).
 */
export function registerBackup(program: Command, cli: CliContext): void {
  program
    .command("backup")
    .description("tag en sikkerhedskopi af hele databasen til én fil (indlejret: stop serveren imens)")
    .argument("<fil>", "filen, der skrives (fx danmarkskort-2025-06-10.dkbackup.gz); en ældre fil med samme navn erstattes helt")
    .action(async (file: string) => {
      const config = cli.config.storage;
      const where = describeStorage(config);
      progress(`Tager en sikkerhedskopi af ${where} …`);
      const result = orFail(await withUnmigrated(config, (db) => backupDatabase(OPERATOR, db, { file, now: new Date(), sourceDa: where, onProgress: progress })));
      process.stdout.write(`Sikkerhedskopien er skrevet til ${safeForTerminal(result.file)} (${formatInteger(Math.ceil(result.bytes / 1024))} KiB, skemaversion ${result.schema}):\n${tableSummary(result.tables)}`);
    });

  program
    .command("gendan")
    .description("gendan en sikkerhedskopi i en tom database (eller i stedet for det, den indeholder, med --erstat)")
    .argument("<fil>", "sikkerhedskopien (fra danmarkskort backup)")
    .option("--erstat", "slet alt i databasen og læg sikkerhedskopien i stedet (i én transaktion: fejler noget, er intet ændret)")
    .action(async (file: string, options: { erstat?: boolean }) => {
      const config = cli.config.storage;
      const where = describeStorage(config);
      progress(`Gendanner ${safeForTerminal(file)} i ${where} …`);
      const result = orFail(await withUnmigrated(config, (db) => restoreDatabase(OPERATOR, db, { file, replace: options.erstat === true, targetDa: where, onProgress: progress })));
      process.stdout.write(`Sikkerhedskopien er gendannet i ${where} og kontrolleret tabel for tabel (skemaversion ${result.schema}):\n${tableSummary(result.tables)}`);
    });

  program
    .command("flyt")
    .description("flyt alt fra den indlejrede database til en tom PostgreSQL-database og kontrollér kopien")
    .requiredOption("--til <adresse>", "den tomme PostgreSQL-database, fx postgres://bruger@vaert:5432/danmarkskort")
    .action(async (options: { til: string }) => {
      const config = cli.config.storage;
      if (config.kind !== "pglite") throw new UserError(`flyt flytter fra den indlejrede database, men DATABASE_URL er sat (${describeStorage(config)}). Fjern DATABASE_URL, og sæt DANMARKSKORT_DATA_DIR til datamappen.`);
      const targetConfig: StorageConfig = { kind: "postgres", url: assertPostgresUrl(options.til) };
      const from = describeStorage(config);
      const to = describeStorage(targetConfig);
      progress(`Flytter ${from} til ${to} …`);
      const result = orFail(
        await withUnmigrated(config, (source) => withUnmigrated(targetConfig, (target) => moveDatabase(OPERATOR, source, target, { sourceDa: from, targetDa: to, onProgress: progress }))),
      );
      process.stdout.write(
        `Flytningen er færdig og kontrolleret: hver tabel i ${to} har samme antal rækker og samme kontrolsum som i ${from} (skemaversion ${result.schema}):\n${tableSummary(result.tables)}` +
          `Start nu serveren med DATABASE_URL=${safeForTerminal(targetConfig.url.replace(/\/\/[^@/]*@/, "//…@"))}; datamappen er urørt og kan gemmes, til alt kører.\n`,
      );
    });
}
