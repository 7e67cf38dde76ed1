import { afterEach, describe, expect, it } from "vitest";
import { createPostgresDatabase, DATABASE_KINDS, dropPostgresDatabase, type DatabaseKind } from "../../test/support/test-databases.js";
import type { Database } from "./database.js";
import { migrate, pendingMigrations } from "./migrate.js";
import { MIGRATIONS } from "./migrations/index.js";
import { openPGliteDatabase } from "./pglite-database.js";
import { openPostgresDatabase } from "./postgres-database.js";

/** A database with no schema at all (openDatabase would already have migrated it). */
async function openBareDatabase(kind: DatabaseKind): Promise<{ db: Database; drop: () => Promise<void> }> {
  if (kind === "pglite") {
    const db = await openPGliteDatabase();
    return { db, drop: () => db.close() };
  }
  const url = await createPostgresDatabase();
  const db = await openPostgresDatabase(url);
  return {
    db,
    drop: async () => {
      await db.close();
      await dropPostgresDatabase(url);
    },
  };
}

async function tableExists(db: Database, name: string): Promise<boolean> {
  const { rows } = await db.query<{ name: string | null }>("SELECT to_regclass($1)::text AS name", [name]);
  return rows[0]?.name != null;
}

describe.each(DATABASE_KINDS)("migrate on %s", (kind) => {
  let bare: { db: Database; drop: () => Promise<void> } | undefined;
  afterEach(async () => {
    await bare?.drop();
    bare = undefined;
  });

  it("applies every migration once, records it, and applies nothing on a second run", async () => {
    bare = await openBareDatabase(kind);
    const { db } = bare;
    expect(await migrate(db)).toEqual(MIGRATIONS.map((m) => m.id));
    const recorded = await db.query<{ id: string }>("SELECT id FROM schema_migration ORDER BY id");
    expect(recorded.rows.map((r) => r.id)).toEqual(MIGRATIONS.map((m) => m.id).sort());
    for (const table of ["dataset_version", "complaint_cell", "dataset_pin"]) expect(await tableExists(db, table)).toBe(true);
    expect(await migrate(db)).toEqual([]);
    expect((await db.query("SELECT id FROM schema_migration")).rows).toHaveLength(MIGRATIONS.length);
  });

  it("applies only the new migration when one is added", async () => {
    bare = await openBareDatabase(kind);
    await migrate(bare.db);
    const next = [...MIGRATIONS, { id: "999-probe", sql: "CREATE TABLE migration_probe (id integer)" }];
    expect(await migrate(bare.db, next)).toEqual(["999-probe"]);
    expect(await tableExists(bare.db, "migration_probe")).toBe(true);
  });

  it("names the migrations a database lacks: all before any, none after migrate, a newer release's extra ones ignored", async () => {
    bare = await openBareDatabase(kind);
    expect(await pendingMigrations(bare.db)).toEqual(MIGRATIONS.map((m) => m.id));
    await migrate(bare.db);
    expect(await pendingMigrations(bare.db)).toEqual([]);
    const next = [...MIGRATIONS, { id: "999-probe", sql: "CREATE TABLE migration_probe (id integer)" }];
    expect(await pendingMigrations(bare.db, next)).toEqual(["999-probe"]);
    await migrate(bare.db, next);
    expect(await pendingMigrations(bare.db)).toEqual([]);
  });

  it("leaves nothing of a failing migration: no half-made table, no record, earlier ones kept", async () => {
    bare = await openBareDatabase(kind);
    const broken = [
      { id: "001-ok", sql: "CREATE TABLE ok_probe (id integer)" },
      { id: "002-broken", sql: "CREATE TABLE half_probe (id integer); SELECT * FROM no_such_table;" },
    ];
    await expect(migrate(bare.db, broken)).rejects.toThrow(/no_such_table/);
    expect(await tableExists(bare.db, "ok_probe")).toBe(true);
    expect(await tableExists(bare.db, "half_probe")).toBe(false);
    const recorded = await bare.db.query<{ id: string }>("SELECT id FROM schema_migration");
    expect(recorded.rows.map((r) => r.id)).toEqual(["001-ok"]);
  });
});

describe("migrate on PostgreSQL from two processes at once", () => {
  // Two CLI imports (or two servers) started together on a new database both migrate it. Both once found no
  // schema_migration table, and the second CREATE TABLE IF NOT EXISTS died on PostgreSQL's catalogue key
  // (pg_type_typname_nsp_index), so one import ended in "Uventet fejl" (issue 19, fault suite).
  it("both end with the whole schema and each migration recorded once", { timeout: 60_000 }, async () => {
    for (let round = 0; round < 8; round++) {
      const url = await createPostgresDatabase();
      const [a, b] = [await openPostgresDatabase(url), await openPostgresDatabase(url)];
      try {
        const [appliedA, appliedB] = await Promise.all([migrate(a), migrate(b)]);
        expect([...appliedA, ...appliedB].sort()).toEqual(MIGRATIONS.map((m) => m.id).sort());
        const recorded = await a.query<{ id: string }>("SELECT id FROM schema_migration");
        expect(recorded.rows).toHaveLength(MIGRATIONS.length);
      } finally {
        await a.close();
        await b.close();
        await dropPostgresDatabase(url);
      }
    }
  });
});

describe("MIGRATIONS", () => {
  it("has unique, numbered ids in order", () => {
    const ids = MIGRATIONS.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^\d{3}-[a-z0-9-]+$/);
    expect([...ids].sort()).toEqual(ids);
  });
});
