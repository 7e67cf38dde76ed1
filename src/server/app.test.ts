import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateComplaintCells } from "../../test/foundation/complaint-cell-generators.js";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-databases.js";
import { DEMO_NOTICE_DA } from "../domain/complaint-cell.js";
import { saveDatasetVersion } from "../storage/complaint-store.js";
import { buildApp } from "./app.js";

describe("buildApp (in process, embedded database in memory)", () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await createTestDatabase("pglite");
    app = await buildApp({ db: t.db, storageDescription: "indlejret database i hukommelsen" });
    app.get("/test-only/fejl", async () => {
      throw new Error("hemmelig intern detalje");
    });
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it("answers /healthz after asking the database", async () => {
    const response = await app.inject({ method: "GET", url: "/healthz" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: "ok", storage: "pglite" });
  });

  it("serves a Danish front page that says no data is loaded yet", async () => {
    const response = await app.inject({ method: "GET", url: "/" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/text\/html; charset=utf-8/);
    expect(response.body).toMatch(/<html lang="da">/);
    expect(response.body).toContain("Der er endnu ikke indlæst data");
    expect(response.body).not.toContain(DEMO_NOTICE_DA);
  });

  it("lists a loaded dataset on the front page, and marks demo data with the demo notice", async () => {
    await t.db.transaction((tx) =>
      saveDatasetVersion(
        tx,
        {
          fileName: "demo-<2024>.csv",
          sha256: "d".repeat(64),
          layout: "demo",
          source: null,
          extractedOn: null,
          importedAt: "2025-06-10T08:00:00.000Z",
          isDemo: true,
        },
        generateComplaintCells({ years: [2023, 2024], municipalityCodes: Array.from({ length: 600 }, () => "0657") }),
      ),
    );
    const body = (await app.inject({ method: "GET", url: "/" })).body;
    expect(body).not.toContain("Der er endnu ikke indlæst data");
    expect(body).toContain("demo-&lt;2024&gt;.csv (demodata)");
    expect(body).toContain("<td>2023–2024</td>");
    expect(body).toContain("<td>2.400</td>"); // 600 × 2 subjects × 2 years, with a thousands dot
    expect(body).toContain(DEMO_NOTICE_DA);
  });

  it("serves the dkfds stylesheet the page frame links to", async () => {
    const response = await app.inject({ method: "GET", url: "/assets/dkfds/css/dkfds.min.css" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/text\/css/);
  });

  it("answers an unknown page with a Danish 404 page and an unknown API address with Danish JSON", async () => {
    const page = await app.inject({ method: "GET", url: "/findes-ikke" });
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain("Siden findes ikke");
    expect(page.body).toMatch(/<html lang="da">/);
    expect(page.body).toContain(DEMO_NOTICE_DA); // demo data was loaded by the test above
    const api = await app.inject({ method: "GET", url: "/api/findes-ikke" });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toEqual({ error: "ikke-fundet", message: "Ukendt adresse: /api/findes-ikke" });
  });

  it("hides an internal error's details behind a Danish message", async () => {
    const response = await app.inject({ method: "GET", url: "/test-only/fejl" });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ error: "serverfejl", message: "Der opstod en fejl på serveren." });
  });
});
