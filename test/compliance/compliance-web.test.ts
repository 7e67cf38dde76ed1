import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OPERATOR } from "../../src/app/caller.js";
import { addMeeting } from "../../src/app/treatment/save-meeting.js";
import { buildApp } from "../../src/server/app.js";
import { ACCOUNTS, createAccounts, PASSWORD, testAccountDeps } from "../signin/sign-in-fixtures.js";
import { readZipEntry } from "../reports/support/read-zip-entry.js";
import { InjectBrowser } from "../support/inject-browser.js";
import { createTestDatabase, type TestDatabase } from "../support/test-databases.js";

const NOTE = "Intern: ringet til sekretariatet";

/**
 * The compliance view's web doors (issue 15, item 4) as tilsyn, admin, an editor and the public use them:
 * the private page and its exports carry Ankestyrelsen's note, the public ones never do; the follow-up form
 * is tilsyn's, needs its CSRF token, and brings a refused value back beside its field.
 */
describe("the compliance view on the web", () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  const browsers: Record<"tilsyn" | "admin" | "herningEditor", InjectBrowser> = {} as never;

  beforeAll(async () => {
    t = await createTestDatabase("pglite");
    const deps = testAccountDeps(t.db);
    await createAccounts(deps, ["tilsyn", "admin", "herningEditor"]);
    const m = { dataYear: 2024, agendaItemNumber: null, agendaItemTitle: "Danmarkskortet 2024", role: "decision", state: "held", decisionText: null, minutesUrl: null } as const;
    for (const meeting of [
      { ...m, municipalityCode: "0657", bodyId: "byraadet", date: "2025-09-24", outcome: "concluded" },
      { ...m, municipalityCode: "0151", bodyId: "kommunalbestyrelsen", date: "2025-10-07", outcome: "sent-back" },
    ] as const) {
      const saved = await addMeeting(deps, OPERATOR, meeting);
      if (saved.kind !== "saved") throw new Error(saved.messageDa);
    }
    // Mid-October 2025: before the 2024 map's deadline, so a case sent back is "sendt tilbage", not overdue.
    app = await buildApp({ db: t.db, storageDescription: "pglite", securityLog: deps.securityLog, now: () => new Date("2025-10-15T10:00:00.000Z") });
    for (const who of ["tilsyn", "admin", "herningEditor"] as const) {
      browsers[who] = new InjectBrowser(app);
      await browsers[who].signIn(ACCOUNTS[who].email, PASSWORD);
    }
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it("lets tilsyn register a follow-up with a note through the form, and shows it on the private page", async () => {
    const tilsyn = browsers.tilsyn;
    const form = await tilsyn.get("/tilsyn/behandling/2024/0151");
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain("Ankestyrelsens opfølgning: Ballerup, dataår 2024");
    expect(form.body).toContain("sendt tilbage");
    const saved = await tilsyn.post("/tilsyn/behandling/2024/0151", { kategori: "asked-for-stance", note: NOTE });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe("/tilsyn/behandling?aar=2024&gemt=opfoelgning#k-0151");
    const page = await tilsyn.get("/tilsyn/behandling?aar=2024&gemt=opfoelgning");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Opfølgningen er gemt.");
    expect(page.body).toContain(NOTE);
    expect(page.body).toContain("98 af 98 kommuner, dataår 2024");
    expect(page.body.match(/<tr id="k-\d{4}"/g)).toHaveLength(98);
    expect(page.body).toContain("Registrér opfølgning");
    // The tile map: all 98 coloured by status, with the table as its text.
    expect(page.body.match(/data-status="/g)).toHaveLength(98);
    expect(page.body).toContain('data-municipality="0151" data-status="sent-back"');
    expect(page.body).toContain('data-municipality="0657" data-status="treated"');
  });

  it("refuses the form without its CSRF token, and a note without a category beside the field", async () => {
    const tilsyn = browsers.tilsyn;
    await tilsyn.get("/tilsyn/behandling/2024/0657");
    expect((await tilsyn.post("/tilsyn/behandling/2024/0657", { kategori: "none" }, { csrf: false })).statusCode).toBe(403);
    const refused = await tilsyn.post("/tilsyn/behandling/2024/0657", { kategori: "", note: "kun en note" });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain("Vælg en opfølgning for at gemme en note");
    expect(refused.body).toContain("kun en note");
    const bad = await tilsyn.post("/tilsyn/behandling/2024/0657", { kategori: "bøde", note: "" });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("form-error-message");
  });

  it("filters by status, region and follow-up, and refuses an unknown filter value", async () => {
    const tilsyn = browsers.tilsyn;
    const sentBack = await tilsyn.get("/tilsyn/behandling?aar=2024&status=sent-back");
    expect(sentBack.body.match(/<tr id="k-\d{4}"/g)).toEqual(['<tr id="k-0151"']);
    const followed = await tilsyn.get("/tilsyn/behandling?aar=2024&opfoelgning=asked-for-stance");
    expect(followed.body.match(/<tr id="k-\d{4}"/g)).toEqual(['<tr id="k-0151"']);
    const region = await tilsyn.get(`/tilsyn/behandling?aar=2024&region=${encodeURIComponent("Region Nordjylland")}`);
    expect(region.body.match(/<tr id="k-\d{4}"/g)).toHaveLength(11);
    expect((await tilsyn.get("/tilsyn/behandling?aar=2024&status=glemt")).statusCode).toBe(400);
    expect((await tilsyn.get("/tilsyn/behandling?aar=24")).statusCode).toBe(400);
  });

  it("exports what the filter keeps as CSV and XLSX, with the note for tilsyn only", async () => {
    const csv = await browsers.admin.get("/tilsyn/behandling.csv?aar=2024&status=sent-back");
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    const lines = csv.body.replace(/^\ufeff/, "").trim().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain("Note (intern)");
    expect(lines[1]).toContain("0151;Ballerup;Region Hovedstaden;sendt tilbage – ikke afsluttet;;;sendt tilbage;Kommunalbestyrelsen");
    expect(lines[1]).toContain(NOTE);

    const xlsx = await browsers.tilsyn.get("/tilsyn/behandling.xlsx?aar=2024");
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Behandling")!;
    expect(sheet.rowCount).toBe(100);
    const header = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(header.slice(0, 4)).toEqual(["Kommunekode", "Kommune", "Region", "Status"]);
    expect(header).toContain("Note (intern)");
    const rows = Array.from({ length: 98 }, (_, i) => (sheet.getRow(3 + i).values as unknown[]).slice(1));
    expect(rows.find((r) => r[0] === "0657")!.slice(3, 7)).toEqual(["behandlet inden fristen", "2025-09-24", "ja", "afsluttet"]);
  });

  it("gives tilsyn the letter to a council as Word, from the registered follow-up or the category chosen", async () => {
    const registered = await browsers.tilsyn.get("/tilsyn/behandling/2024/0151/brev.docx");
    expect(registered.statusCode).toBe(200);
    expect(registered.headers["content-disposition"]).toBe('attachment; filename="brev-0151-2024.docx"');
    const xml = readZipEntry(registered.rawPayload, "word/document.xml").toString("utf8");
    expect(xml).toContain("Danmarkskortet for 2024: anmodning om stillingtagen til handleplan");
    expect(xml).toContain("Ballerup Kommune, kommunalbestyrelsen");
    expect(xml).toContain("sendte sagen tilbage den 7. oktober 2025");
    expect(xml).not.toContain(NOTE);
    const chosen = readZipEntry((await browsers.tilsyn.get("/tilsyn/behandling/2024/0151/brev.docx?kategori=reminded-of-deadline")).rawPayload, "word/document.xml").toString("utf8");
    expect(chosen).toContain("påmindelse om fristen");
    expect((await browsers.tilsyn.get("/tilsyn/behandling/2024/0657/brev.docx")).statusCode).toBe(409);
    expect((await browsers.tilsyn.get("/tilsyn/behandling/2024/0151/brev.docx?kategori=bøde")).statusCode).toBe(400);
    expect((await browsers.herningEditor.get("/tilsyn/behandling/2024/0151/brev.docx")).statusCode).toBe(403);
    expect((await new InjectBrowser(app).get("/tilsyn/behandling/2024/0151/brev.docx")).statusCode).toBe(401);
  });

  it("has a public version with the category and without any note, for everyone", async () => {
    const anonymous = new InjectBrowser(app);
    const page = await anonymous.get("/behandling?aar=2024");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("bedt om stillingtagen");
    expect(page.body).not.toContain(NOTE);
    expect(page.body).not.toContain("Registrér opfølgning");
    expect(page.body).toContain("ikke registreret");
    const csv = await anonymous.get("/behandling.csv?aar=2024");
    expect(csv.statusCode).toBe(200);
    expect(csv.body).not.toContain(NOTE);
    expect(csv.body).not.toContain("Note");
    const xlsx = await anonymous.get("/behandling.xlsx?aar=2024");
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.includes(Buffer.from("Intern:"))).toBe(false);
  });

  it("keeps the private page, its exports and the form from everyone but tilsyn and admin", async () => {
    const anonymous = new InjectBrowser(app);
    expect((await anonymous.get("/tilsyn/behandling?aar=2024")).statusCode).toBe(401);
    expect((await anonymous.get("/tilsyn/behandling.csv?aar=2024")).statusCode).toBe(401);
    const editor = browsers.herningEditor;
    for (const url of ["/tilsyn/behandling?aar=2024", "/tilsyn/behandling.csv?aar=2024", "/tilsyn/behandling.xlsx?aar=2024", "/tilsyn/behandling/2024/0657"]) {
      const answer = await editor.get(url);
      expect(answer.statusCode, url).toBe(403);
      expect(answer.body, url).not.toContain(NOTE);
    }
    // Admin reads the overview and its notes but does not write Ankestyrelsen's follow-up.
    const adminPage = await browsers.admin.get("/tilsyn/behandling?aar=2024");
    expect(adminPage.body).toContain(NOTE);
    expect(adminPage.body).not.toContain("Registrér opfølgning");
    expect((await browsers.admin.get("/tilsyn/behandling/2024/0657")).statusCode).toBe(403);
  });
});
