import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFileIntoDatabase, type ImportRequest } from "../../src/app/import/import-file.js";
import { markPublished } from "../../src/storage/dataset-changes.js";
import { DATA_CHANGE_APPLICATION_NAME } from "../../src/storage/data-change-listener.js";
import type { Database } from "../../src/storage/database.js";
import { openDatabase } from "../../src/storage/open-database.js";
import { fixtureDir, row, talportalExportCsv, writeFixture } from "../import/import-fixtures.js";
import { ADMIN_URL, createPostgresDatabase, dropPostgresDatabase } from "../support/test-databases.js";
import { buildApp } from "../../src/server/app.js";
import pg from "pg";

/**
 * Issue 17, item 1: two instances on one PostgreSQL database; what one imports or publishes, the other serves
 * within a second. Instance A's periodic revalidation is set to a minute, so only the NOTIFY can make it fresh
 * in time: without it this test fails.
 */
const dir = fixtureDir();
const WITHIN_MS = 1_000;

type Versions = { datasetVersions: { year: number; datasetVersionId: number; standing: string }[] };

async function versionsOf(app: FastifyInstance): Promise<Versions["datasetVersions"]> {
  const response = await app.inject({ method: "GET", url: "/api/v1/maps" });
  expect(response.statusCode).toBe(200);
  return (response.json() as Versions).datasetVersions;
}

/** Polls until `check` holds, failing after WITHIN_MS from `since`; returns how long it took. */
async function within(since: number, check: () => Promise<boolean>): Promise<number> {
  for (;;) {
    if (await check()) return Date.now() - since;
    if (Date.now() - since > WITHIN_MS) throw new Error(`Ikke synligt inden for ${WITHIN_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function importRequest(name: string, upheld: number, extractedOn: string): ImportRequest {
  const path = writeFixture(dir, name, talportalExportCsv([row("Herning", "2024", [upheld, 1, 2, 3]), row("Hele landet", "2024", [upheld, 1, 2, 3])]));
  return { path, extractedOn, source: "test", dryRun: false, isDemo: false, importedAt: new Date("2025-06-10T08:00:00Z") };
}

async function terminateListeners(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      "SELECT pg_terminate_backend(pid) AS ended, pid FROM pg_stat_activity WHERE application_name = $1 AND datname = $2",
      [DATA_CHANGE_APPLICATION_NAME, new URL(url).pathname.slice(1)],
    );
    return rows.length;
  } finally {
    await client.end();
  }
}

describe("two instances on one PostgreSQL database", () => {
  let url: string;
  let dbA: Database;
  let dbB: Database;
  let appA: FastifyInstance;
  let appB: FastifyInstance;

  beforeAll(async () => {
    url = await createPostgresDatabase();
    dbA = await openDatabase({ kind: "postgres", url });
    dbB = await openDatabase({ kind: "postgres", url });
    // Only a notification can refresh A's figures within the minute.
    appA = await buildApp({ db: dbA, storageDescription: "test A", figuresCache: { revalidateAfterMs: 60_000 } });
    appB = await buildApp({ db: dbB, storageDescription: "test B" });
  });
  afterAll(async () => {
    await appA?.close();
    await appB?.close();
    await dbA?.close();
    await dbB?.close();
    await dropPostgresDatabase(url);
  });

  it("serves a version imported through the other instance within a second, also after its listening connection was ended", async () => {
    expect(await versionsOf(appA)).toEqual([]);

    const start = Date.now();
    const first = await importFileIntoDatabase(dbB, importRequest("a.csv", 10, "2025-03-01"));
    const firstId = first.stored!.datasetVersionId;
    await within(start, async () => (await versionsOf(appA)).some((v) => v.datasetVersionId === firstId));

    // The listening connections are ended (as by a failover); each instance opens its own again.
    expect(await terminateListeners(url)).toBe(2);
    const again = Date.now();
    const second = await importFileIntoDatabase(dbB, importRequest("b.csv", 20, "2025-04-01"));
    const secondId = second.stored!.datasetVersionId;
    expect(secondId).not.toBe(firstId);
    await within(again, async () => (await versionsOf(appA)).some((v) => v.datasetVersionId === secondId));

    // A published mark alone (no new version) reaches the other instance as well.
    const published = Date.now();
    await markPublished(dbB, { datasetVersionId: firstId, year: 2024, operator: { label: "test", channel: "cli" }, at: "2025-06-12T08:00:00Z" });
    await within(published, async () => (await versionsOf(appA)).some((v) => v.datasetVersionId === firstId && v.standing === "published"));
  });
});
