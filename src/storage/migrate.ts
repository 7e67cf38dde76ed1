import type { Database, Queryable } from "./database.js";
import { MIGRATIONS, type Migration } from "./migrations/index.js";

// An arbitrary constant: two servers starting at once on one PostgreSQL database take turns.
const MIGRATION_LOCK = 84_079;

const CREATE_SCHEMA_MIGRATION = "CREATE TABLE IF NOT EXISTS schema_migration (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())";

/** Applies `migration` in the caller's transaction unless it is recorded already; true when it ran. */
async function applyMigration(tx: Queryable, migration: Migration): Promise<boolean> {
  await tx.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
  const done = await tx.query("SELECT 1 FROM schema_migration WHERE id = $1", [migration.id]);
  if (done.rows.length > 0) return false;
  await tx.exec(migration.sql);
  await tx.query("INSERT INTO schema_migration (id) VALUES ($1)", [migration.id]);
  return true;
}

/** Applies every migration not yet recorded in `schema_migration`, each in its own transaction. */
export async function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): Promise<string[]> {
  // Under the lock too: two processes migrating a new database at once both passed IF NOT EXISTS, and the
  // second CREATE TABLE failed on PostgreSQL's catalogue key (IF NOT EXISTS does not make it safe to race).
  await db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await tx.query(CREATE_SCHEMA_MIGRATION);
  });
  const applied: string[] = [];
  for (const migration of migrations) {
    if (await db.transaction((tx) => applyMigration(tx, migration))) applied.push(migration.id);
  }
  return applied;
}

/**
 * The known migrations the database has not applied, in order; none: the schema is current. A database a newer
 * release has migrated further is current for this one (a rolling upgrade runs both for a while).
 */
export async function pendingMigrations(db: Queryable, migrations: readonly Migration[] = MIGRATIONS): Promise<string[]> {
  const table = await db.query<{ t: string | null }>("SELECT to_regclass('schema_migration')::text AS t");
  if (table.rows[0]?.t == null) return migrations.map((m) => m.id);
  const applied = new Set((await db.query<{ id: string }>("SELECT id FROM schema_migration")).rows.map((r) => r.id));
  return migrations.map((m) => m.id).filter((id) => !applied.has(id));
}

/**
 * Applies `migrations` inside a transaction the caller holds (a restore builds the schema and loads the
 * rows in one transaction, so a failed load leaves no half-made schema behind).
 */
export async function migrateWithin(tx: Queryable, migrations: readonly Migration[]): Promise<string[]> {
  await tx.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
  await tx.query(CREATE_SCHEMA_MIGRATION);
  const applied: string[] = [];
  for (const migration of migrations) if (await applyMigration(tx, migration)) applied.push(migration.id);
  return applied;
}
