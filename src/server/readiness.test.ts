import type { FastifyInstance } from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../../test/support/test-databases.js";
import { MIGRATIONS } from "../storage/migrations/index.js";
import type { AppSettings } from "./app-context.js";
import { buildApp } from "./app.js";

describe.each(DATABASE_KINDS)("GET /readyz on %s", (kind) => {
  let t: TestDatabase | undefined;
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    await t?.drop().catch(() => undefined);
    app = t = undefined;
  });

  async function serve(extra: Partial<AppSettings> = {}): Promise<{ t: TestDatabase; app: FastifyInstance }> {
    t = await createTestDatabase(kind);
    app = await buildApp({ db: t.db, storageDescription: "test", ...extra });
    return { t, app };
  }
  const readyz = async (server: FastifyInstance) => {
    const response = await server.inject({ method: "GET", url: "/readyz" });
    return { status: response.statusCode, body: response.json() as Record<string, unknown>, headers: response.headers };
  };

  it("answers 200 when the database answers, the schema is current and the figures load; /healthz is unchanged", async () => {
    const s = await serve();
    expect(await readyz(s.app)).toMatchObject({ status: 200, body: { status: "klar", storage: kind } });
    expect((await s.app.inject({ method: "GET", url: "/healthz" })).json()).toEqual({ status: "ok", storage: kind });
  });

  it("answers 503 in Danish when a migration this release knows is not applied", async () => {
    const s = await serve();
    const last = MIGRATIONS[MIGRATIONS.length - 1]!.id;
    await s.t.db.query("DELETE FROM schema_migration WHERE id = $1", [last]);
    const answer = await readyz(s.app);
    expect(answer).toMatchObject({ status: 503, body: { status: "ikke-klar", reason: "migreringer-mangler", message: `Databasens skema er ikke opdateret: 1 migrering mangler (${last}).` } });
    expect(answer.headers["retry-after"]).toBe("5");
  });

  it("answers 503 when the database is closed", async () => {
    const s = await serve();
    await s.t.db.close();
    expect(await readyz(s.app)).toMatchObject({ status: 503, body: { reason: "database-utilgaengelig", message: "Databasen svarer ikke." } });
  });

  it("answers 503 when the figures cannot be loaded", async () => {
    const s = await serve();
    await s.t.db.exec("DROP TABLE dataset_version CASCADE");
    expect(await readyz(s.app)).toMatchObject({ status: 503, body: { reason: "tal-kan-ikke-indlaeses" } });
  });

  it("answers 503 while the server drains, before asking the database", async () => {
    const s = await serve({ isDraining: () => true });
    await s.t.db.close();
    expect(await readyz(s.app)).toMatchObject({ status: 503, body: { reason: "lukker-ned" } });
  });
});
