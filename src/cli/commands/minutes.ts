import type { Command } from "commander";
import { minutesFileJson } from "../../app/minutes/minutes-json.js";
import { minutesReadDepsFor, readManyMinutes, type MinutesReadDeps } from "../../app/minutes/read-minutes.js";
import { formatInteger } from "../../domain/format-danish-number.js";
import { parseMunicipality } from "../../app/params.js";
import { listMinutesFiles } from "../../importers/minutes/list-minutes-files.js";
import type { Database } from "../../storage/database.js";
import { DataDirLockedError } from "../../storage/data-dir-lock.js";
import { openDatabase, type StorageConfig } from "../../storage/open-database.js";
import type { CliContext } from "../cli-context.js";
import { UserError } from "../user-error.js";
import { minutesResultTextDa } from "./minutes-text.js";

type ReadOptions = { kommune?: string; format?: string };

/**
 * `danmarkskort referat læs <fil…>`: reads council minutes (text, HTML, PDF, DOCX, or folders of them) and
 * shows the Danmarkskort items found, with the line each value stands on and the figures checked against the
 * dataset (issue 15). Nothing is stored. The database is opened only when a document quotes figures.
 */
export function registerMinutes(program: Command, cli: CliContext): void {
  const minutes = program.command("referat").description("læs kommunernes referater og dagsordener om danmarkskortet");
  minutes
    .command("læs")
    .description("find behandlingen af danmarkskortet i referater (tekst, HTML, PDF, DOCX); intet gemmes")
    .argument("<fil...>", "referater, eller mapper med referater (læses med en statuslinje)")
    .option("--kommune <kode|navn>", "kommunen, dokumenterne er fra (ellers findes den i teksten), fx 0657 eller Herning")
    .option("--format <tekst|json>", "tekst eller json (ét objekt pr. fil)", "tekst")
    .action(async (paths: string[], options: ReadOptions) => {
      const format = options.format === "json" ? "json" : options.format === "tekst" || options.format === "text" || options.format === undefined ? "tekst" : null;
      if (!format) throw new UserError(`Ukendt --format "${(options.format ?? "").slice(0, 20)}" (brug tekst eller json).`);
      const municipalityCode = options.kommune === undefined ? undefined : parseMunicipality(options.kommune, "--kommune").code;
      const { files, hadFolder } = await listMinutesFiles(paths);
      if (files.length === 0) throw new UserError("Der er ingen referater at læse: mapperne har ingen filer med .txt, .html, .pdf eller .docx.");

      const lazy = lazyDatabaseDeps(cli.config.storage);
      const progress = hadFolder ? progressReporter(files.length) : undefined;
      try {
        const results = await readManyMinutes(lazy.deps, files, { ...(municipalityCode ? { municipalityCode } : {}), ...(progress ? { onProgress: progress } : {}) });
        if (format === "json") process.stdout.write(`${JSON.stringify(results.map(minutesFileJson), null, 2)}\n`);
        else process.stdout.write(results.map(minutesResultTextDa).join("\n"));
        const unreadable = results.filter((r) => r.kind === "unreadable");
        for (const r of unreadable) if (r.kind === "unreadable") process.stderr.write(`Fejl: ${r.messageDa}\n`);
        if (files.length > 1) {
          const found = results.reduce((n, r) => n + (r.kind === "read" ? r.minutes.items.length : 0), 0);
          process.stderr.write(`${formatInteger(files.length)} filer læst: ${formatInteger(found)} ${found === 1 ? "punkt" : "punkter"} om danmarkskortet${unreadable.length > 0 ? `, ${formatInteger(unreadable.length)} ${unreadable.length === 1 ? "fil" : "filer"} kunne ikke læses` : ""}.\n`);
        }
        // A file that could not be read is an error the caller should see, though the others were read.
        if (unreadable.length > 0) process.exitCode = 1;
      } finally {
        await lazy.close();
      }
    });
}

/** The dataset is needed only to check figures: the database is opened on the first check, once. */
function lazyDatabaseDeps(storage: StorageConfig): { deps: MinutesReadDeps; close: () => Promise<void> } {
  let opening: Promise<{ db: Database; deps: MinutesReadDeps }> | null = null;
  const open = () => {
    opening ??= openDatabase(storage).then(
      (db) => ({ db, deps: minutesReadDepsFor(db) }),
      (error: unknown) => {
        if (error instanceof DataDirLockedError) throw new UserError(error.message);
        throw error;
      },
    );
    return opening;
  };
  return {
    deps: { loadShownCells: async (years) => (await open()).deps.loadShownCells(years) },
    close: async () => {
      if (opening) await (await opening.catch(() => null))?.db.close();
    },
  };
}

/** A status line on stderr: redrawn in place on a terminal, a line per tenth of the files otherwise (logs, pipes). */
function progressReporter(total: number): (done: number, total: number, file: string) => void {
  const tty = process.stderr.isTTY === true;
  let lastTenth = -1;
  return (done, _total, file) => {
    if (tty) {
      const width = 30;
      const filled = Math.round((done / total) * width);
      const name = file.length > 40 ? `…${file.slice(-39)}` : file;
      process.stderr.write(`\r[${"█".repeat(filled)}${"░".repeat(width - filled)}] ${formatInteger(done)}/${formatInteger(total)} ${name}`.padEnd(90) + (done === total ? "\n" : ""));
      return;
    }
    const tenth = Math.floor((done / total) * 10);
    if (tenth !== lastTenth || done === total) {
      lastTenth = tenth;
      process.stderr.write(`Læst ${formatInteger(done)} af ${formatInteger(total)} filer\n`);
    }
  };
}
