import pg from "pg";
import { randomBytes } from "node:crypto";
import { openDatabase } from "../../src/storage/open-database.js";
import type { Database } from "../../src/storage/database.js";

/**
 * The storage suites run their bodies on both engines (style.md: loop the suite over every dialect).
 * PostgreSQL is a real server (TEST_DATABASE_URL, default the local one with trust auth); each test
 * database is created fresh and dropped afterwards.
 */
export const DATABASE_KINDS = ["pglite", "postgres"] as const;
export type DatabaseKind = (typeof DATABASE_KINDS)[number];

export const ADMIN_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export type TestDatabase = { readonly db: Database; readonly url: string | null; drop(): Promise<void> };

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A new, empty PostgreSQL database (openDatabase migrates it); returns its URL. Drop it with `dropPostgresDatabase`. */
export async function createPostgresDatabase(): Promise<string> {
  const name = `danmarkskort_test_${randomBytes(6).toString("hex")}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropPostgresDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === "pglite") {
    const db = await openDatabase({ kind: "memory" });
    return { db, url: null, drop: () => db.close() };
  }
  const url = await createPostgresDatabase();
  const db = await openDatabase({ kind: "postgres", url });
  return {
    db,
    url,
    async drop() {
      await db.close();
      await dropPostgresDatabase(url);
    },
  };
}
