import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createPostgresDatabase, dropPostgresDatabase } from "../../test/support/test-databases.js";
import { DataDirLockedError } from "./data-dir-lock.js";
import { DatabaseOpenError } from "./database.js";
import { describeStorage, openDatabase } from "./open-database.js";

describe("describeStorage", () => {
  it("describes each kind in Danish and never shows a password", () => {
    const text = describeStorage({ kind: "postgres", url: "postgres://bruger:hemmelig@db.example:5432/danmarkskort" });
    expect(text).toBe("PostgreSQL (db.example:5432/danmarkskort)");
    expect(describeStorage({ kind: "pglite", dataDir: "/srv/d" })).toBe("indlejret database i /srv/d");
    expect(describeStorage({ kind: "memory" })).toBe("indlejret database i hukommelsen");
  });
});

describe("openDatabase", () => {
  const root = mkdtempSync(join(tmpdir(), "danmarkskort-open-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("creates, migrates and locks an embedded data dir; keeps data across a close and reopen; unlocks on close", async () => {
    const dataDir = join(root, "data");
    const db = await openDatabase({ kind: "pglite", dataDir });
    expect(db.kind).toBe("pglite");
    expect(existsSync(join(dataDir, "danmarkskort.lock"))).toBe(true);
    await expect(openDatabase({ kind: "pglite", dataDir })).rejects.toThrow(DataDirLockedError);
    await db.exec("CREATE TABLE persisted_probe (label text); INSERT INTO persisted_probe VALUES ('æøå')");
    await db.close();
    expect(existsSync(join(dataDir, "danmarkskort.lock"))).toBe(false);

    const again = await openDatabase({ kind: "pglite", dataDir });
    expect((await again.query("SELECT label FROM persisted_probe")).rows).toEqual([{ label: "æøå" }]);
    expect((await again.query("SELECT id FROM schema_migration")).rows.length).toBeGreaterThan(0);
    await again.close();
  });

  it("opens and migrates a PostgreSQL database from its URL", async () => {
    const url = await createPostgresDatabase();
    try {
      const db = await openDatabase({ kind: "postgres", url });
      expect(db.kind).toBe("postgres");
      expect((await db.query("SELECT to_regclass('complaint_cell')::text AS t")).rows).toEqual([{ t: "complaint_cell" }]);
      await db.close();
    } finally {
      await dropPostgresDatabase(url);
    }
  });

  it("fails at start-up with the server's reason, in Danish (issue 19: no English), when PostgreSQL cannot be reached", async () => {
    const url = await createPostgresDatabase();
    await dropPostgresDatabase(url);
    await expect(openDatabase({ kind: "postgres", url })).rejects.toThrow(DatabaseOpenError);
    await expect(openDatabase({ kind: "postgres", url })).rejects.toThrow(/^Kan ikke forbinde til PostgreSQL \(127\.0\.0\.1:5432\/danmarkskort_test_[0-9a-f]+\): databasen findes ikke \(opret den med createdb\)\.$/);
    await expect(openDatabase({ kind: "postgres", url: "postgres://postgres@127.0.0.1:1/x" })).rejects.toThrow(/ingen PostgreSQL-server svarer på den adresse/);
  });

  it("refuses a damaged embedded data dir with a Danish message and releases the lock", async () => {
    const dataDir = join(root, "beskadiget");
    const first = await openDatabase({ kind: "pglite", dataDir });
    await first.close();
    // Damage the catalog as a disk error or a half-copied directory would.
    writeFileSync(join(dataDir, "global", "pg_control"), Buffer.alloc(8192, 0xff));
    await expect(openDatabase({ kind: "pglite", dataDir })).rejects.toThrow(DatabaseOpenError);
    await expect(openDatabase({ kind: "pglite", dataDir })).rejects.toThrow(/kan ikke åbnes: mappen indeholder ikke en gyldig database/);
    expect(existsSync(join(dataDir, "danmarkskort.lock"))).toBe(false);
  });
});
