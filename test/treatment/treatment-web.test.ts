import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUserAccount } from "../../src/app/accounts/manage-users.js";
import { OPERATOR } from "../../src/app/caller.js";
import { buildApp } from "../../src/server/app.js";
import { listAuditEvents } from "../../src/storage/audit-trail.js";
import { ACCOUNTS, createAccounts, PASSWORD, testAccountDeps } from "../signin/sign-in-fixtures.js";
import { InjectBrowser } from "../support/inject-browser.js";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../support/test-databases.js";

const TITLE = "Danmarkskortet - omgørelsesprocent i Ankestyrelsen 2024";
const PAGE = "/kommuner/0657/behandling/2024";

/** A multipart/form-data body as a browser sends the upload form: the CSRF field, the flag and one file. */
function multipart(fields: Record<string, string>, file: { name: string; type: string; bytes: Buffer }): { body: Buffer; contentType: string } {
  const boundary = "----danmarkskort-test-boundary";
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="fil"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.bytes, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe.each(DATABASE_KINDS)("the treatment record on the web on %s", (kind) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let editor: InjectBrowser;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    const deps = testAccountDeps(t.db);
    await createAccounts(deps);
    await createUserAccount(deps, OPERATOR, { email: "laeser@kk.test", role: { kind: "laeser", municipalityCode: "0101" }, password: PASSWORD });
    app = await buildApp({ db: t.db, storageDescription: kind, securityLog: deps.securityLog });
    editor = new InjectBrowser(app);
    await editor.signIn(ACCOUNTS.herningEditor.email, PASSWORD);
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  async function upload(browser: InjectBrowser, meetingId: string, file: { name: string; type: string; bytes: Buffer }, isPublic: boolean) {
    await browser.get(PAGE);
    const { body, contentType } = multipart({ _csrf: browser.csrf!, ...(isPublic ? { offentligt: "ja" } : {}) }, file);
    return app.inject({ method: "POST", url: `${PAGE}/moeder/${meetingId}/bilag`, headers: { cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join("; "), "content-type": contentType }, payload: body });
  }

  it("lets Herning's editor record the four meetings through the forms, and the municipality's page shows them", async () => {
    const page = await editor.get(PAGE);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("<h2>Tilføj et møde</h2>");
    expect(page.body).toContain('<label class="form-label" for="nyt-organ">Organ</label>');
    const meetings: Record<string, string>[] = [
      { organ: "boerne-og-familieudvalget", dato: "2025-08-13", rolle: "recommendation", beslutning: "Udvalget har drøftet sagen og taget orienteringen til efterretning." },
      { organ: "social-og-sundhedsudvalget", dato: "2025-08-20", rolle: "recommendation", beslutning: "Udvalget har drøftet sagen og taget orienteringen til efterretning." },
      { organ: "handicapraadet", dato: "2025-08-28", punkt: "42", rolle: "consultation", beslutning: "Orienteringen er taget til efterretning." },
      { organ: "byraadet", dato: "2025-09-24", rolle: "decision", udfald: "concluded", beslutning: "Taget til efterretning.", referat: "https://www.herning.dk/politik/referater" },
    ];
    for (const m of meetings) {
      await editor.get(PAGE);
      const saved = await editor.post(`${PAGE}/moeder`, { titel: TITLE, status: "held", ...m });
      expect(saved.statusCode, saved.body.slice(0, 500)).toBe(303);
    }
    const profile = await new InjectBrowser(app).get("/kommuner/0657?aar=2024");
    expect(profile.statusCode).toBe(200);
    expect(profile.body).toContain("Byrådet behandlede kortet den 24. september 2025.");
    expect(profile.body).toContain('<h2 id="h-behandling">Byrådets behandling af kortet for 2024</h2>');
    for (const name of ["Børne- og Familieudvalget, 13. august 2025", "Social- og Sundhedsudvalget, 20. august 2025", "Handicaprådet, 28. august 2025", "Byrådet, 24. september 2025"]) expect(profile.body).toContain(name);
    expect(profile.body).toContain("Punkt 42: Danmarkskortet - omgørelsesprocent i Ankestyrelsen 2024. Rolle: høring. Status: holdt, behandlet.");
    expect(profile.body).toContain('href="https://www.herning.dk/politik/referater"');
    // Not signed in: no link to the editors' page.
    expect(profile.body).not.toContain("Registrér behandlingen");
    expect((await editor.get("/kommuner/0657?aar=2024")).body).toContain(`href="${PAGE}"`);
  });

  it("brings a refused meeting back with the message beside its field, and a CPR number is not stored", async () => {
    await editor.get(PAGE);
    const refused = await editor.post(`${PAGE}/moeder`, { organ: "byraadet", dato: "2025-09-30", titel: TITLE, rolle: "decision", status: "held", beslutning: "Borger 010190-1234" });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('<span class="form-error-message" id="nyt-beslutning-error">');
    expect(refused.body).toContain("CPR-nummer");
    // The refused text comes back to its writer for correction, as the comment form does, and is cached nowhere.
    expect(refused.body).toContain(">Borger 010190-1234</textarea>");
    expect(refused.headers["cache-control"]).toBe("private, no-store");
    expect((await t.db.query("SELECT 1 FROM treatment_meeting WHERE meeting_date = '2025-09-30'")).rows).toEqual([]);
    // Without the form's CSRF token nothing is written.
    const forged = await editor.post(`${PAGE}/moeder`, { organ: "byraadet", dato: "2025-09-30", titel: TITLE, rolle: "decision", status: "held" }, { csrf: false });
    expect(forged.statusCode).toBe(403);
  });

  it("uploads a non-public attachment that København's reader cannot download, while Herning's reader can", async () => {
    const { rows } = await t.db.query<{ id: string }>("SELECT id::text AS id FROM treatment_meeting WHERE body_id = 'handicapraadet'");
    const meetingId = rows[0]!.id;
    const html = Buffer.from("<!doctype html><html><body><p>Udkast til høringssvar</p></body></html>");
    const uploaded = await upload(editor, meetingId, { name: "udkast.html", type: "text/html", bytes: html }, false);
    expect(uploaded.statusCode, uploaded.body.slice(0, 400)).toBe(303);
    const notAFile = await upload(editor, meetingId, { name: "program.exe", type: "application/octet-stream", bytes: Buffer.from([0x4d, 0x5a, 0, 1, 2]) }, true);
    expect(notAFile.statusCode).toBe(400);
    expect(notAFile.body).toContain("hverken PDF, DOCX eller HTML");
    const { rows: files } = await t.db.query<{ id: string }>("SELECT id::text AS id FROM treatment_attachment");
    const url = `${PAGE}/bilag/${files[0]!.id}`;

    const copenhagen = new InjectBrowser(app);
    await copenhagen.signIn("laeser@kk.test", PASSWORD);
    expect((await copenhagen.get(url)).statusCode).toBe(404);
    expect((await copenhagen.get("/kommuner/0657?aar=2024")).body).not.toContain("udkast.html");
    expect((await new InjectBrowser(app).get(url)).statusCode).toBe(404);
    const herningReader = new InjectBrowser(app);
    await herningReader.signIn(ACCOUNTS.herningReader.email, PASSWORD);
    const own = await herningReader.get(url);
    expect(own.statusCode).toBe(200);
    expect(own.body).toBe(html.toString());
    expect((await herningReader.get("/kommuner/0657?aar=2024")).body).toContain("udkast.html");
    // The reader may read, not write: the editors' page refuses in Danish.
    expect((await herningReader.get(PAGE)).body).toContain("Du har ikke adgang");
  });

  it("keeps the municipality's list of bodies, and every web write is in the audit trail", async () => {
    await editor.get("/kommuner/0657/organer");
    const saved = await editor.post("/kommuner/0657/organer", { "navn-0": "Børne- og Familieudvalget", "slags-0": "committee", "navn-1": "Byrådet", "slags-1": "council", "navn-2": "Handicaprådet", "slags-2": "disability-council" });
    expect(saved.statusCode).toBe(303);
    expect((await editor.get("/kommuner/0657/organer")).body).toContain('value="Handicaprådet"');
    const actions = (await listAuditEvents(t.db, { municipalityCode: "0657" })).filter((e) => e.channel === "web").map((e) => e.action);
    expect(actions.filter((a) => a === "treatment.meeting-add")).toHaveLength(4);
    expect(actions).toEqual(expect.arrayContaining(["treatment.attachment-add", "municipality.bodies-save"]));
  });
});
