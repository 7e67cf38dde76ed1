import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/storage/open-database.js";
import { published2024Cells } from "../rates/published-2024-cells.js";
import { storeCells } from "../rates/stored-datasets.js";
import { startServer, waitForStatus, type ServerRun } from "./server-child.js";
import { startThrowawayPostgres, type ThrowawayPostgres } from "./throwaway-postgres.js";

/**
 * Issue 19, "never down": the server keeps serving while PostgreSQL ends its connections, restarts, or has
 * its database dropped and created again. Runs on a PostgreSQL server of its own (throwaway-postgres.ts)
 * so restarting it disturbs no other test.
 */
const DATABASE = "danmarkskort_fault";
const PAGES = ["/kort?aar=2024", "/kommuner/0657?aar=2024", "/api/v1/maps/socialomraadet/2024", "/api/v1/municipalities/0657", "/healthz"];

type Answer = { path: string; status: number; body: string };

async function get(server: ServerRun, path: string): Promise<Answer> {
  const response = await fetch(`${server.base}${path}`);
  return { path, status: response.status, body: await response.text() };
}

/** A request during an outage: served (200) or a Danish 503 – never a 500, never a dropped connection. */
function expectServedOrDanish503(answer: Answer): void {
  expect([200, 503], `${answer.path} answered ${answer.status}: ${answer.body.slice(0, 300)}`).toContain(answer.status);
  if (answer.status === 503) expect(answer.body).toMatch(/Databasen svarer ikke lige nu|database-utilgaengelig/);
}

async function admin(pgServer: ThrowawayPostgres, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: pgServer.url() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe("the server on PostgreSQL survives lost connections", () => {
  let pgServer: ThrowawayPostgres;
  let server: ServerRun;

  beforeAll(async () => {
    pgServer = await startThrowawayPostgres();
    await admin(pgServer, `CREATE DATABASE ${DATABASE}`);
    const db = await openDatabase({ kind: "postgres", url: pgServer.url(DATABASE) });
    await storeCells(db, published2024Cells({ publishedNational: true }));
    await db.close();
    server = await startServer({ DATABASE_URL: pgServer.url(DATABASE) });
    await waitForStatus(server, "/healthz");
  }, 180_000);

  afterAll(async () => {
    if (server && server.child.exitCode === null) server.child.kill("SIGKILL");
    await pgServer?.destroy();
  });

  it("keeps answering while every connection is ended with pg_terminate_backend, again and again", { timeout: 120_000 }, async () => {
    for (const path of PAGES) expect((await get(server, path)).status).toBe(200);
    const answers: Answer[] = [];
    let terminated = 0;
    let stop = false;
    // Requests go on all the time, from several clients, while the connections are ended under them.
    const load = Promise.all(
      Array.from({ length: 4 }, async (_, client) => {
        for (let i = client; !stop; i++) answers.push(await get(server, PAGES[i % PAGES.length]!));
      }),
    );
    for (let round = 0; round < 8; round++) {
      terminated += await pgServer.terminateConnections(DATABASE);
      await new Promise((r) => setTimeout(r, 250));
    }
    stop = true;
    await load;
    expect(terminated).toBeGreaterThan(0);
    expect(answers.length).toBeGreaterThan(20);
    answers.forEach(expectServedOrDanish503);
    expect(server.child.exitCode).toBeNull();
    // And after the last termination, everything answers 200 again within a few seconds.
    for (const path of PAGES) await waitForStatus(server, path, 200, 15);
  });

  it("says so on /healthz and in Danish on pages while PostgreSQL is stopped, and recovers after a restart", { timeout: 180_000 }, async () => {
    await pgServer.stop();
    try {
      const health = await waitForStatus(server, "/healthz", 503, 30);
      expect(await health.json()).toMatchObject({ status: "database-utilgaengelig", storage: "postgres", message: expect.stringMatching(/^Databasen svarer ikke lige nu/) });
      const page = await get(server, "/kommuner/0657?aar=2024");
      expectServedOrDanish503(page);
      if (page.status === 503) expect(page.body).toMatch(/<html lang="da">/);
      for (const path of PAGES) expectServedOrDanish503(await get(server, path));
    } finally {
      await pgServer.start();
    }
    for (const path of PAGES) await waitForStatus(server, path, 200, 30);
    expect(server.child.exitCode).toBeNull();
    // A restart while requests are running.
    let stop = false;
    const answers: Answer[] = [];
    const load = (async () => {
      for (let i = 0; !stop; i++) answers.push(await get(server, PAGES[i % PAGES.length]!));
    })();
    await pgServer.restart();
    await new Promise((r) => setTimeout(r, 500));
    stop = true;
    await load;
    answers.forEach(expectServedOrDanish503);
    for (const path of PAGES) await waitForStatus(server, path, 200, 30);
  });

  it("comes back on an empty, migrated database when the database is dropped and created again", { timeout: 120_000 }, async () => {
    await admin(pgServer, `DROP DATABASE ${DATABASE} WITH (FORCE)`);
    expectServedOrDanish503(await get(server, "/healthz"));
    await admin(pgServer, `CREATE DATABASE ${DATABASE}`);
    await waitForStatus(server, "/healthz", 200, 30);
    const front = await waitForStatus(server, "/", 200, 30);
    expect(await front.text()).toContain("Der er endnu ikke indlæst data");
    // A stop is prompt even after all this: SIGTERM ends the process within a few seconds.
    const stopping = performance.now();
    server.child.kill("SIGTERM");
    expect((await server.exit).code).toBe(0);
    expect(performance.now() - stopping).toBeLessThan(15_000);
  });
});
