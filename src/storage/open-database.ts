import { resolve } from "node:path";
import { acquireDataDirLock } from "./data-dir-lock.js";
import type { Database } from "./database.js";
import { migrate } from "./migrate.js";
import { openPGliteDatabase } from "./pglite-database.js";
import { openPostgresDatabase } from "./postgres-database.js";

export type StorageConfig =
  | { readonly kind: "postgres"; readonly url: string }
  | { readonly kind: "pglite"; readonly dataDir: string }
  | { readonly kind: "memory" };

/** DATABASE_URL selects PostgreSQL; otherwise the embedded database in DANMARKSKORT_DATA_DIR or ./data. */
export function storageConfigFromEnv(env: NodeJS.ProcessEnv): StorageConfig {
  if (env.DATABASE_URL) return { kind: "postgres", url: env.DATABASE_URL };
  return { kind: "pglite", dataDir: resolve(env.DANMARKSKORT_DATA_DIR ?? "data") };
}

export function describeStorage(config: StorageConfig): string {
  switch (config.kind) {
    case "postgres":
      return `PostgreSQL (${new URL(config.url).host}${new URL(config.url).pathname})`;
    case "pglite":
      return `indlejret database i ${config.dataDir}`;
    case "memory":
      return "indlejret database i hukommelsen";
  }
}

/** Opens the configured database and brings its schema up to date. */
export async function openDatabase(config: StorageConfig): Promise<Database> {
  let db: Database;
  switch (config.kind) {
    case "postgres":
      db = await openPostgresDatabase(config.url);
      break;
    case "memory":
      db = await openPGliteDatabase();
      break;
    case "pglite": {
      const release = acquireDataDirLock(config.dataDir);
      try {
        const inner = await openPGliteDatabase(config.dataDir);
        db = { ...inner, close: async () => { await inner.close(); release(); } };
      } catch (error) {
        release();
        throw error;
      }
      break;
    }
  }
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
