import type { Command } from "commander";
import { DEMO_NOTICE_DA } from "../../domain/complaint-cell.js";
import { formatInteger } from "../../domain/format-danish-number.js";
import { DEFAULT_DEMO_SEED } from "../../importers/demo/generate-demo-talportal-csv.js";
import { removeDatasetVersions } from "../../storage/dataset-changes.js";
import { listDatasetVersions } from "../../storage/dataset-versions.js";
import { cliOperator, renderRemovalPlanDa } from "./dataset-text.js";
import { UserError } from "../user-error.js";
import { hasRealDataset, loadDemoDataset } from "../../app/import/demo-dataset.js";
import type { CliContext } from "../cli-context.js";

export function registerDemo(program: Command, cli: CliContext): void {
  const demo = program
    .command("demo")
    .description(`indlæs et syntetisk demodatasæt for 2016–2025 (${DEMO_NOTICE_DA}); "demo remove" fjerner det igen`)
    .option("--seed <tal>", "frø til generatoren (samme frø giver samme tal)", String(DEFAULT_DEMO_SEED))
    .action(async (options: { seed: string }) => {
      const seed = Number(options.seed);
      if (!Number.isInteger(seed) || seed < 0) throw new UserError(`--seed skal være et ikke-negativt heltal, ikke "${options.seed}".`);
      await cli.withDatabase(async (db, where) => {
        const outcome = await loadDemoDataset(db, seed);
        const stored = outcome.stored!;
        process.stdout.write(
          stored.kind === "unchanged"
            ? `Demodata (seed ${seed}) er allerede indlæst som datasætversion ${stored.datasetVersionId} i ${where}.\n`
            : `Demodata (seed ${seed}) indlæst som datasætversion ${stored.datasetVersionId} i ${where}: ${formatInteger(outcome.analysis.cells.length)} årsceller for 2016–2025.\n` +
                `${DEMO_NOTICE_DA}. Indlæs rigtige tal med "npm run -s cli -- import <fil>"; så vises demodata ikke mere.\n`,
        );
        if (await hasRealDataset(db)) {
          process.stdout.write(`Bemærk: databasen har rigtige tal, så demodata vises ikke nogen steder. Se demodata i en database for sig, fx DANMARKSKORT_DATA_DIR=demo-data.\n`);
        }
      });
    });

  demo
    .command("remove")
    .description("fjern alle demodataversioner (rigtige tal røres ikke)")
    .action(async () => {
      await cli.withDatabase(async (db, where) => {
        const ids = (await listDatasetVersions(db)).filter((v) => v.isDemo).map((v) => v.datasetVersionId);
        if (ids.length === 0) {
          process.stdout.write(`Der er ingen demodata i ${where}. Intet er fjernet.\n`);
          return;
        }
        // Demo data is ours and can be made again exactly (same seed), so no --yes is asked for.
        const result = await removeDatasetVersions(db, { ids, confirm: true, operator: cliOperator(), at: new Date().toISOString(), action: "demo.remove" });
        if (result.kind !== "removed") throw new Error(`Demodata kunne ikke fjernes: ${result.kind}`);
        process.stdout.write(renderRemovalPlanDa(result.plan).replace(/^Fjerner /gm, "Fjernet: "));
        process.stdout.write(`Demodata er fjernet fra ${where} (revisionsspor: hændelse ${result.auditEventId}).\n`);
        if (!(await hasRealDataset(db))) {
          process.stdout.write("Databasen er nu tom. npm start lægger demodata i en tom database igen, medmindre DANMARKSKORT_DEMO=0 er sat.\n");
        }
      });
    });
}
