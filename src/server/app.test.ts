import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateComplaintCells } from "../../test/foundation/complaint-cell-generators.js";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-databases.js";
import { DEMO_NOTICE_DA } from "../domain/complaint-cell.js";
import { saveDatasetVersion } from "../storage/complaint-store.js";
import { buildApp } from "./app.js";
import { asMunicipalityCode } from "../domain/municipality.js";

describe("buildApp (in process, embedded database in memory)", () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await createTestDatabase("pglite");
    app = await buildApp({ db: t.db, storageDescription: "indlejret database i hukommelsen" });
    app.get("/test-only/fejl", async () => {
      throw new Error("hemmelig intern detalje");
    });
    // As @fastify/static and Fastify raise them: an English message with a 4xx status.
    app.get("/test-only/forbudt", async () => {
      throw Object.assign(new Error("Forbidden"), { statusCode: 403 });
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

  it("lists a loaded dataset on the data page, and marks demo data with the demo notice", async () => {
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
        generateComplaintCells({ years: [2023, 2024], municipalityCodes: Array.from({ length: 600 }, () => asMunicipalityCode("0657")) }),
      ),
    );
    const body = (await app.inject({ method: "GET", url: "/data" })).body;
    expect(body).not.toContain("Der er endnu ikke indlæst data");
    // The file name is text, not markup: its "<" is escaped ("> " needs no escape in text).
    expect(body).toContain("<td>demo-&lt;2024>.csv (demodata)</td>");
    expect(body).not.toContain("<2024>");
    // The front page is the map of those figures, marked as demo data too.
    const front = (await app.inject({ method: "GET", url: "/" })).body;
    expect(front).toContain('<figure class="map-figure"');
    expect(front).toContain(DEMO_NOTICE_DA);
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

  it.each([
    "/kort?kommune=0657&kommune=0101",
    "/kort/tabel.csv?kommune=0657&kommune=0101",
    "/kort/tabel.xlsx?kommune=0657&kommune=0101",
    "/kort/kort.svg?kommune=0657&kommune=0101",
    "/kort/tragt.svg?kommune=0657&kommune=0101",
    "/kommuner?soeg=Herning&soeg=Aarhus",
    "/kommuner/0657/dagsordenpunkt?aar=2024&journalnummer=1&journalnummer=2",
    "/kommuner/0657/dagsordenpunkt?aar=2024&sagsbehandler=a&sagsbehandler=b",
  ])("refuses the repeated parameter in %s with a Danish 400 page (issue 19: it was a 500)", async (url) => {
    const response = await app.inject({ method: "GET", url });
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toMatch(/^text\/html/);
    expect(response.body).toMatch(/<html lang="da">/);
    expect(response.body).toMatch(/Parameteren &quot;[a-z]+&quot; står mere end én gang i adressen/);
  });

  it("refuses a repeated API parameter, bad %-encoding and control characters with Danish JSON", async () => {
    const repeated = await app.inject({ method: "GET", url: "/api/v1/municipalities/0657?compare=0101&compare=0751" });
    expect(repeated.statusCode).toBe(400);
    expect(repeated.json()).toEqual({ error: "ugyldig-forespoergsel", message: 'Parameteren "compare" står mere end én gang i adressen; angiv den kun én gang.' });
    const badEncoding = await app.inject({ method: "GET", url: "/api/v1/maps/socialomraadet/2024?area=%E0%A4%A" });
    expect(badEncoding.statusCode).toBe(400);
    expect(badEncoding.json().message).toMatch(/ikke gyldigt kodet/);
    const control = await app.inject({ method: "GET", url: "/kort?kommune=%1B%5B31m" });
    expect(control.statusCode).toBe(400);
    expect(control.body).toContain("indeholder styretegn");
  });

  it("caps what an error echoes: a 100 KB address is neither echoed nor answered with a 500", async () => {
    const long = `/api/${"x".repeat(100_000)}`;
    const response = await app.inject({ method: "GET", url: long });
    expect(response.statusCode).toBe(404);
    expect(response.body.length).toBeLessThan(500);
    const longQuery = await app.inject({ method: "GET", url: `/kort?soeg=${"y".repeat(10_000)}` });
    expect(longQuery.statusCode).toBe(400);
    expect(longQuery.body).toContain("Adressens parametre er for lange (10005 tegn; højst 4096).");
  });

  it("answers Fastify's own client errors in Danish, never with its English text", async () => {
    const api = await app.inject({ method: "GET", url: "/api/v1/maps", headers: { "content-type": "application/json" }, payload: "{" });
    expect(api.body).not.toMatch(/Bad Request|Unexpected|JSON/);
    const page = await app.inject({ method: "GET", url: "/test-only/forbudt" });
    expect(page.statusCode).toBe(403);
    expect(page.body).toContain("Der er ikke adgang til denne adresse.");
    expect(page.body).not.toContain("Forbidden");
  });
});
