import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.js";
import { published2024Cells } from "../rates/published-2024-cells.js";
import { storeCells } from "../rates/stored-datasets.js";
import { createTestDatabase, type TestDatabase } from "../support/test-databases.js";
import { testConfig } from "../support/app-config.js";

/** Issue 19: a HEAD request on the agenda-item endpoint rendered the whole document. */
describe("HEAD on the agenda-item endpoint answers without rendering", () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await createTestDatabase("pglite");
    await storeCells(t.db, published2024Cells({ publishedNational: true }));
    // No LibreOffice: a PDF that is rendered fails with 503, so a 200 proves nothing was rendered.
    app = await buildApp({ db: t.db, storageDescription: "indlejret database i hukommelsen", config: { ...testConfig(), sofficeCommand: "/findes/ikke/soffice" } });
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it("answers HEAD from the parameters and the data; GET renders and fails without LibreOffice", async () => {
    const url = "/kommuner/0657/dagsordenpunkt?aar=2024&format=pdf";
    const head = await app.inject({ method: "HEAD", url });
    expect(head.statusCode).toBe(200);
    expect(head.headers["content-type"]).toBe("application/pdf");
    expect(head.body).toBe("");
    const get = await app.inject({ method: "GET", url });
    expect(get.statusCode).toBe(503);
    expect((await app.inject({ method: "HEAD", url: "/kommuner/9999/dagsordenpunkt?aar=2024" })).statusCode).toBe(404);
    expect((await app.inject({ method: "HEAD", url: "/kommuner/0657/dagsordenpunkt?aar=2031" })).statusCode).toBe(404);
    expect((await app.inject({ method: "HEAD", url: "/kommuner/0657/dagsordenpunkt?aar=2024&format=exe" })).statusCode).toBe(400);
  });
});
