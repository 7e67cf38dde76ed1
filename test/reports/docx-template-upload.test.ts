import { Document, Header, Packer, Paragraph, TextRun } from "docx";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OPERATOR } from "../../src/app/caller.js";
import { saveMunicipalityDocxTemplate } from "../../src/app/docx-template/municipality-docx-template.js";
import { memorySecurityLog } from "../../src/app/security-log.js";
import { buildApp } from "../../src/server/app.js";
import { listAuditEvents } from "../../src/storage/audit-trail.js";
import type { Database } from "../../src/storage/database.js";
import { listZipEntries, readZipEntry } from "./support/read-zip-entry.js";
import { openReferenceDatabase } from "./support/reference-database.js";

const HEADER = "Herning Kommune – Byrådets dagsorden (eget sidehoved)";

/** A municipality's template as an agenda system has it: its own header, a title line and the whole item. */
async function template(titleLine = "Sag: {titel}"): Promise<Buffer> {
  return Packer.toBuffer(
    new Document({
      sections: [{ headers: { default: new Header({ children: [new Paragraph({ children: [new TextRun(HEADER)] })] }) }, children: [new Paragraph({ children: [new TextRun(titleLine)] }), new Paragraph("{@indhold}")] }],
    }),
  );
}

/**
 * Issue 16, point 2: the municipality's own DOCX template is stored per municipality after a check that
 * names an unknown placeholder in Danish, is described by the API, and then makes the item's DOCX.
 */
describe("the municipality's stored Word template", () => {
  let db: Database;
  let app: FastifyInstance;
  const deps = () => ({ db, now: () => new Date("2025-08-01T10:00:00Z"), securityLog: memorySecurityLog() });

  beforeAll(async () => {
    process.env.DANMARKSKORT_BOUNDARIES = "none";
    db = await openReferenceDatabase();
    app = await buildApp({ db, storageDescription: "test" });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it("refuses a template with an unknown placeholder, naming it, and stores nothing", async () => {
    const refused = await saveMunicipalityDocxTemplate(deps(), OPERATOR, "0657", { fileName: "skabelon.docx", bytes: await template("Journal: {journalnumer}") });
    expect(refused).toMatchObject({ kind: "refused", status: 400, field: "Skabelon", messageDa: expect.stringMatching(/^Skabelonen bruger pladsholderen »\{journalnumer\}«, som ikke findes\./) });
    expect((await app.inject({ url: "/api/v1/municipalities/0657/docx-template" })).statusCode).toBe(404);
    expect(await saveMunicipalityDocxTemplate(deps(), OPERATOR, "0657", { fileName: "skabelon.pdf", bytes: await template() })).toMatchObject({ status: 400, messageDa: expect.stringContaining(".docx") });
  });

  it("refuses the API's PUT without a token", async () => {
    const res = await app.inject({ method: "PUT", url: "/api/v1/municipalities/0657/docx-template", headers: { "content-type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document" }, payload: await template() });
    expect(res.statusCode).toBe(401);
  });

  it("stores a good template, audited, and Herning's DOCX item is then made in it; København's is not", async () => {
    const saved = await saveMunicipalityDocxTemplate(deps(), OPERATOR, "0657", { fileName: "herning-skabelon.docx", bytes: await template() });
    expect(saved.kind).toBe("saved");
    const info = (await app.inject({ url: "/api/v1/municipalities/0657/docx-template" })).json();
    expect(info).toMatchObject({ municipalityCode: "0657", fileName: "herning-skabelon.docx", placeholders: ["titel", "@indhold"] });
    expect((await listAuditEvents(db, {})).filter((e) => e.action === "municipality.docx-template-save")).toHaveLength(1);

    const res = await app.inject({ url: "/api/v1/municipalities/0657/agenda-item?year=2024&format=docx" });
    expect(res.statusCode).toBe(200);
    const docx = res.rawPayload;
    const headers = listZipEntries(docx).filter((n) => /^word\/header\d*\.xml$/.test(n)).map((n) => readZipEntry(docx, n).toString("utf8"));
    expect(headers.join("")).toContain(HEADER);
    const document = readZipEntry(docx, "word/document.xml").toString("utf8");
    expect(document).toContain("Sag: Danmarkskortet – omgørelsesprocenter i Ankestyrelsen 2024");
    expect(document).not.toContain("{titel}");
    expect(document).toContain("Indstilling");

    const other = (await app.inject({ url: "/api/v1/municipalities/0661/agenda-item?year=2024&format=docx" })).rawPayload;
    const otherHeaders = listZipEntries(other).filter((n) => /^word\/header\d*\.xml$/.test(n)).map((n) => readZipEntry(other, n).toString("utf8"));
    expect(otherHeaders.join("")).not.toContain(HEADER);
  });
});
