import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/server/app.js";
import type { Database } from "../../src/storage/database.js";
import { openReferenceDatabase } from "./support/reference-database.js";

/** The profile page's "Lav dagsordenpunkt": the route answers with the file, a Danish file name, or a Danish error. */
describe("GET /kommuner/:code/dagsordenpunkt", () => {
  let db: Database;
  let app: FastifyInstance;
  beforeAll(async () => {
    process.env.DANMARKSKORT_BOUNDARIES = "none";
    db = await openReferenceDatabase({ isDemo: true });
    app = await buildApp({ db, storageDescription: "test" });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  it("returns Markdown with the figures, the demo notice and a Danish file name", async () => {
    const res = await app.inject({ url: "/kommuner/0657/dagsordenpunkt?aar=2024&format=md&organ=handicapraad" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/markdown");
    expect(res.headers["content-disposition"]).toBe('attachment; filename="dagsordenpunkt-danmarkskort-2024-0657-herning.md"');
    expect(res.body).toContain("Demodata – ikke Ankestyrelsens tal");
    expect(res.body).toContain("| **Herning Kommune, i alt** | 77 | 44,2 | 34 | 5,2 | 4 | 39,0 | 30 |");
    expect(res.body).toContain("Formanden for Handicaprådet indstiller,");
  });

  it("returns a DOCX (a zip) as an attachment", async () => {
    const res = await app.inject({ url: "/kommuner/0657/dagsordenpunkt?aar=2024&format=docx" });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 2).toString()).toBe("PK");
    expect(res.headers["content-disposition"]).toContain("dagsordenpunkt-danmarkskort-2024-0657-herning.docx");
  });

  it("opens HTML inline, so it can be copied into an agenda system", async () => {
    const res = await app.inject({ url: "/kommuner/0657/dagsordenpunkt?aar=2024&format=html" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toMatch(/^inline;/);
    expect(res.body).toContain("<caption>Tabel 1: Omgørelsesprocenter på socialområdet på landsplan og i Herning Kommune 2024</caption>");
  });

  it.each([
    ["/kommuner/9999/dagsordenpunkt?aar=2024", 404, "Ukendt kommunekode"],
    ["/kommuner/0657/dagsordenpunkt?aar=24", 400, "fire cifre"],
    ["/kommuner/0657/dagsordenpunkt?aar=2024&format=odt", 400, "Ukendt format"],
    ["/kommuner/0657/dagsordenpunkt?aar=2024&organ=borgmester", 400, "Ukendt organ"],
    ["/kommuner/0657/dagsordenpunkt?aar=2019", 404, "ingen data for 2019"],
  ])("%s answers %i with a Danish message", async (url, status, text) => {
    const res = await app.inject({ url });
    expect(res.statusCode).toBe(status);
    expect(res.body).toContain(text);
  });
});
