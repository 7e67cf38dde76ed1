import iconv from "iconv-lite";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEMO_NOTICE_DA } from "../../domain/complaint-cell.js";
import { DEFAULT_DEMO_SEED, generateDemoTalportalCsv } from "../../importers/demo/generate-demo-talportal-csv.js";
import type { Database, Queryable } from "../../storage/database.js";
import { importFileIntoDatabase, type ImportOutcome } from "./import-file.js";

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
