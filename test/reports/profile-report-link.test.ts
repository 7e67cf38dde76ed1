import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { councilDeadline } from "../../src/domain/legal-rules.js";
import { buildApp } from "../../src/server/app.js";
import type { Database } from "../../src/storage/database.js";
import { openReferenceDatabase } from "./support/reference-database.js";

/**
 * Issue 6, item 6: the profile page for data year 2024 states the council's legal deadline, the bodies
 * that usually treat the case, and offers "Lav dagsordenpunkt" with links that really return the item.
 * The deadline is 31 December of the publication year, which is the year after the data year
 * (retssikkerhedslovens §§ 84 a and 79 b stk. 1; domain.md §1).
 */
describe("profile page → agenda item", () => {
  let db: Database;
  let app: FastifyInstance;
  let html: string;

  beforeAll(async () => {
    process.env.DANMARKSKORT_BOUNDARIES = "none";
    db = await openReferenceDatabase({ isDemo: true });
    app = await buildApp({ db, storageDescription: "test" });
    const res = await app.inject({ url: "/kommuner/0657?aar=2024" });
    expect(res.statusCode).toBe(200);
    html = res.body;
  });

  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it("states the deadline for data year 2024: 31 December 2025, the year after", () => {
    expect(councilDeadline(2024)).toBe("2025-12-31");
    expect(html).toContain("31. december 2025");
    // Never as the deadline (the page may say that the action-plan rule lapsed on 31 December 2024).
    expect(html).not.toMatch(/(senest|fristen (er|var))\s*(<[^>]+>\s*)*31\. december 2024/);
    expect(html).toContain("retssikkerhedslovens § 79 b, stk. 1");
    // The 2024 map's publication date is known (KNOWN_PUBLICATION_DATES): past tense, as in the report.
    expect(html).toContain("Kortet for 2024 blev offentliggjort den 10. juni 2025.");
  });

  it("names the bodies that usually treat the case", () => {
    const text = html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    expect(text).toMatch(/Fagudvalg/);
    expect(text).toContain("Økonomiudvalget");
    expect(text).toMatch(/Byrådet/);
    expect(text).toContain("høring i Handicaprådet");
  });

  it("links 'Lav dagsordenpunkt' to a DOCX of this municipality and year that the server returns", async () => {
    const button = /<a [^>]*href="([^"]+)"[^>]*>Lav dagsordenpunkt<\/a>/.exec(html);
    expect(button, "knappen Lav dagsordenpunkt mangler").not.toBeNull();
    const href = button![1]!.replace(/&amp;/g, "&");
    expect(href).toBe("/kommuner/0657/dagsordenpunkt?aar=2024&format=docx");
    const res = await app.inject({ url: href });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("wordprocessingml");
    expect(res.headers["content-disposition"]).toBe('attachment; filename="dagsordenpunkt-danmarkskort-2024-0657-herning.docx"');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe("PK");
  });

  it("offers the other formats, and each link answers with its format", async () => {
    const links = [...html.matchAll(/href="(\/kommuner\/0657\/dagsordenpunkt\?[^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&"));
    const formats = new Set(links.map((l) => new URL(l, "http://x").searchParams.get("format")));
    expect([...formats].sort()).toEqual(["docx", "html", "md", "pdf"]);
    for (const [format, type, magic] of [
      ["html", "text/html", "<!doctype html>"],
      ["md", "text/markdown", "# Danmarkskortet"],
      ["pdf", "application/pdf", "%PDF-"],
    ] as const) {
      const link = links.find((l) => l.endsWith(`format=${format}`))!;
      expect(link).toContain("aar=2024");
      const res = await app.inject({ url: link });
      expect(res.statusCode, `${link} svarede ${res.statusCode}: ${res.body.slice(0, 200)}`).toBe(200);
      expect(res.headers["content-type"]).toContain(type);
      expect(res.rawPayload.subarray(0, magic.length).toString()).toBe(magic);
    }
  });
});
