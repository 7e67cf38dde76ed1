import { acquireDataDirLock } from "./data-dir-lock.js";
import { DatabaseOpenError, type Database } from "./database.js";
import { migrate } from "./migrate.js";
import { openPGliteDatabase } from "./pglite-database.js";
import { openPostgresDatabase } from "./postgres-database.js";

/** Which database to open; src/config chooses it from DATABASE_URL and DANMARKSKORT_DATA_DIR. */
export type StorageConfig =
  | { readonly kind: "postgres"; readonly url: string }
  | { readonly kind: "pglite"; readonly dataDir: string }
  | { readonly kind: "memory" };


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

/** The PostgreSQL server's reason, in Danish, for the errors a person can act on. */
function postgresOpenReasonDa(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case "3D000":
      return "databasen findes ikke (opret den med createdb)";
    case "28P01":
    case "28000":
      return "brugeren må ikke logge på (forkert adgangskode eller ingen adgang i pg_hba.conf)";
    case "ECONNREFUSED":
      return "ingen PostgreSQL-server svarer på den adresse";
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return "værtsnavnet kan ikke slås op";
    case "57P03":
      return "serveren er ved at starte eller stoppe";
    default:
      return "forbindelsen kunne ikke oprettes";
  }
}

export type OpenOptions = {
  /**
   * False opens the database as it is, without bringing its schema up to date: a backup reads the schema
   * it finds, and a restore builds the schema of the backup itself.
   */
  readonly migrate?: boolean;
};

/** Opens the configured database and (unless told otherwise) brings its schema up to date. */
export async function openDatabase(config: StorageConfig, options: OpenOptions = {}): Promise<Database> {
  const shouldMigrate = options.migrate ?? true;
  let db: Database;
  switch (config.kind) {
    case "postgres":
      try {
        // After a lost connection the schema is brought up to date again: the database may have been
        // dropped and created anew while the server ran (issue 19).
        db = await openPostgresDatabase(config.url, shouldMigrate ? { onRecovered: async (raw) => void (await migrate(raw)) } : {});
      } catch (error) {
        throw new DatabaseOpenError(`Kan ikke forbinde til ${describeStorage(config)}: ${postgresOpenReasonDa(error)}.`);
      }
      break;
    case "memory":
      db = await openPGliteDatabase();
      break;
    case "pglite": {
      const release = acquireDataDirLock(config.dataDir);
      try {
        const inner = await openPGliteDatabase(config.dataDir).catch(() => {
          // PGlite's own errors are English (or a bare WebAssembly abort) and say nothing a person can act on.
          throw new DatabaseOpenError(
            `Den indlejrede database i ${config.dataDir} kan ikke åbnes: mappen indeholder ikke en gyldig database (den kan være beskadiget eller fra en anden version). ` +
              "Flyt mappen væk, og start igen med en ny datamappe (DANMARKSKORT_DATA_DIR), eller gendan den fra en sikkerhedskopi.",
          );
        });
        // The lock goes with the process's ownership of the files, even when PGlite's close fails.
        db = {
          ...inner,
          close: async () => {
            try {
              await inner.close();
            } finally {
              release();
            }
          },
        };
      } catch (error) {
        release();
        throw error;
      }
      break;
    }
  }
  if (!shouldMigrate) return db;
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
