import type { Command } from "commander";
import iconv from "iconv-lite";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEMO_NOTICE_DA } from "../../domain/complaint-cell.js";
import { formatInteger } from "../../domain/format-danish-number.js";
import { DEFAULT_DEMO_SEED, generateDemoTalportalCsv } from "../../importers/demo/generate-demo-talportal-csv.js";
import type { Database, Queryable } from "../../storage/database.js";
import { removeDatasetVersions } from "../../storage/dataset-changes.js";
import { listDatasetVersions } from "../../storage/dataset-versions.js";
import { cliOperator, renderRemovalPlanDa } from "./dataset-text.js";
import { UserError } from "../user-error.js";
import { importFileIntoDatabase, type ImportOutcome } from "./import.js";
import type { CliContext } from "../cli-context.js";

/**
 * Loads the synthetic demo data set through the same import path as a real file (issue 3, point 7):
 * generated as the talportal writes it (layout a, latin1) and stored with is_demo, so every page and
 * export derived from it carries DEMO_NOTICE_DA.
 */
export async function loadDemoDataset(db: Database, seed = DEFAULT_DEMO_SEED): Promise<ImportOutcome> {
  const dir = await mkdtemp(join(tmpdir(), "danmarkskort-demo-"));
  const fileName = `demodata-talportal-seed-${seed}.csv`;
  const path = join(dir, fileName);
  try {
    await writeFile(path, iconv.encode(generateDemoTalportalCsv({ seed }), "latin1"));
    const outcome = await importFileIntoDatabase(db, {
      path,
      fileName,
      extractedOn: null,
      source: `${DEMO_NOTICE_DA}: syntetiske tal fra generateDemoTalportalCsv (seed ${seed})`,
      dryRun: false,
      isDemo: true,
      importedAt: new Date(),
    });
    // The generator and the importer are ours: an error here is a bug, never a user's mistake.
    if (outcome.analysis.errorCount > 0) throw new Error(`Demodata kunne ikke indlæses: ${JSON.stringify(outcome.analysis.issues.slice(0, 3))}`);
    return outcome;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM dataset_version");
  return rows[0]!.n === 0;
}

export async function hasRealDataset(db: Queryable): Promise<boolean> {
  const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM dataset_version WHERE NOT is_demo");
  return rows[0]!.n > 0;
}

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
