import type { Command } from "commander";
import { DataDirLockedError } from "../../storage/data-dir-lock.js";
import { describeStorage } from "../../storage/open-database.js";
import { UserError } from "../user-error.js";
import { isDatabaseEmpty, loadDemoDataset } from "../../app/import/demo-dataset.js";
import type { CliContext } from "../cli-context.js";

export function registerServe(program: Command, cli: CliContext): void {
  program
    .command("serve")
    .description("start webserveren (PORT, DANMARKSKORT_DATA_DIR, DATABASE_URL, DANMARKSKORT_LOG_LEVEL, DANMARKSKORT_METRICS_TOKEN)")
    .action(async () => {
      const { config } = cli;
      // A first start shows something: an empty database gets the demo data set, clearly marked
      // (issue 3, point 7). DANMARKSKORT_DEMO=0 turns this off. Done before the server opens the
      // database, since an embedded data dir has one owner at a time.
      if (config.server.loadDemoWhenEmpty) {
        await cli.withDatabase(async (db, where) => {
          if (!(await isDatabaseEmpty(db))) return;
          const outcome = await loadDemoDataset(db);
          process.stdout.write(
            `Databasen var tom: demodata er indlæst i ${where} (datasætversion ${outcome.stored?.datasetVersionId}) – Demodata – ikke Ankestyrelsens tal. ` +
              `Når rigtige tal indlæses ("npm run -s cli -- import <fil>"), vises demodata ikke mere; DANMARKSKORT_DEMO=0 slår dette fra.\n`,
          );
        });
      }
      const { url } = await cli.server.startServer({ config }).catch((error: unknown) => {
        // A locked data dir is the user's to resolve (stop the other process, or use PostgreSQL): no stack trace.
        throw error instanceof DataDirLockedError ? new UserError(error.message) : error;
      });
      process.stdout.write(`Danmarkskort kører på ${url.replace("0.0.0.0", "localhost")} (${describeStorage(config.storage)})\n`);
    });
}
