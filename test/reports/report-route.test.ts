import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/server/app.js";
import type { Database } from "../../src/storage/database.js";
import { readZipEntries } from "../support/zip-entries.js";
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

  it("draws both figures into the DOCX without a browser, even with the old Chromium setting pointing nowhere", async () => {
    // Before resvg, a Chromium that would not start made the route drop the figures without a word.
    process.env.DANMARKSKORT_CHROMIUM = "/ingen/chromium";
    try {
      const res = await app.inject({ url: "/kommuner/0657/dagsordenpunkt?aar=2024&format=docx&afsnit=figurer" });
      expect(res.statusCode).toBe(200);
      const media = [...readZipEntries(res.rawPayload).keys()].filter((name) => name.startsWith("word/media/"));
      expect(media).toHaveLength(2);
    } finally {
      delete process.env.DANMARKSKORT_CHROMIUM;
    }
  });

  it("opens HTML inline, so it can be copied into an agenda system", async () => {
    const res = await app.inject({ url: "/kommuner/0657/dagsordenpunkt?aar=2024&format=html" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toMatch(/^inline;/);
    expect(res.body).toContain("<caption>Tabel 1: Omgørelsesprocenter på socialområdet på landsplan og i Herning Kommune 2024</caption>");
  });

  it("makes the decision item with the chosen comparison group, route and all cases (issue 16)", async () => {
    const url =
      "/kommuner/0201/dagsordenpunkt?aar=2024&format=md&skabelon=beslutning&sammenlign=Hiller%C3%B8d,H%C3%B8rsholm,Fures%C3%B8,Rudersdal" +
      "&handleplan=ingen-handleplan&forloeb=Socialudvalget%202025-09-30%3B%20Kommunalbestyrelsen%202025-10-28&punkt=at%20sagen%20sendes%20til%20Handicapr%C3%A5det";
    const res = await app.inject({ url });
    expect(res.statusCode).toBe(200);
    for (const heading of ["## Tema", "## Kompetence", "## Sagsbeskrivelse", "## Administrationens forslag", "## Økonomi og finansiering", "## Dialog/høring", "## Beslutning", "## Bilag 1: Alle klagesager"]) {
      expect(res.body).toContain(heading);
    }
    expect(res.body).toContain("Omgørelsesprocent på socialområdet i Allerød Kommune og de valgte kommuner 2021–2024");
    expect(res.body).toContain("Kommunalbestyrelsen den 28. oktober 2025: \\[Beslutning indsættes efter mødet\\]");
    expect(res.body).toContain("at sagen sendes til Handicaprådet");
  });

  it("offers the choices as a form on the municipality's page, whose fields the route understands", async () => {
    const page = await app.inject({ url: "/kommuner/0201?aar=2024" });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('action="/kommuner/0201/dagsordenpunkt"');
    for (const name of ["skabelon", "organ", "afsnit-alle-sager", "sammenlign", "sammenlign-kommuner", "antal-aar", "handleplan", "punkt", "forloeb", "sagsbehandlere"]) {
      expect(page.body).toContain(`name="${name}"`);
    }
    expect(page.body).toMatch(/<button[^>]*name="format"[^>]*value="html"[^>]*>Forhåndsvis/);
    // What the form sends with its defaults and a few choices: the preview opens as HTML.
    const form =
      "aar=2024&skabelon=beslutning&organ=byraad&afsnit-udvikling=bilag&afsnit-kommentar=ud&afsnit-alle-sager=&sammenlign=naboer" +
      "&sammenlign-kommuner=Hiller%C3%B8d%2C+H%C3%B8rsholm%2C+Fures%C3%B8%2C+Rudersdal&antal-aar=4&handleplan=auto&punkt=at+sagen+dr%C3%B8ftes%3B+at+der+f%C3%B8lges+op&forloeb=" +
      "&journalnummer=&sagsbehandlere=Mette+Hansen%2C+Ole+S%C3%B8rensen&kompetence=Kommunalbestyrelsen&oekonomi=&format=html";
    const preview = await app.inject({ url: `/kommuner/0201/dagsordenpunkt?${form}` });
    expect(preview.statusCode, preview.body.slice(preview.body.indexOf("<main"), preview.body.indexOf("<main") + 600)).toBe(200);
    expect(preview.headers["content-disposition"]).toMatch(/^inline;/);
    expect(preview.body).toContain("<h2>Kompetence</h2>");
    expect(preview.body).toContain("Kommunalbestyrelsen");
    expect(preview.body).toContain("Omgørelsesprocent på socialområdet i Allerød Kommune og de valgte kommuner 2021–2024");
    expect(preview.body).toContain("Bilag 1: Udviklingen fra året før");
    expect(preview.body).toContain("at der følges op");
    expect(preview.body).toContain("Øvrige sagsbehandlere: Ole Sørensen");
  });

  it("answers the same choices on /api/v1, with Danish JSON errors", async () => {
    const res = await app.inject({ url: "/api/v1/municipalities/0657/agenda-item?year=2024&format=html&template=orientering&sections=udvikling:bilag" });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("Bilag 1: Udviklingen fra året før");
    const bad = await app.inject({ url: "/api/v1/municipalities/0657/agenda-item?year=2024&compare=Atlantis" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({ error: "bad-request", message: expect.stringContaining('Ukendt kommune "Atlantis"') });
  });

  it.each([
    ["/kommuner/0657/dagsordenpunkt?aar=2024&skabelon=memo", 400, "Ukendt skabelon"],
    ["/kommuner/0657/dagsordenpunkt?aar=2024&afsnit=diagrammer", 400, "Ukendt afsnit"],
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
