import { readFile } from "node:fs/promises";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.js";
import { listAuditEvents } from "../../src/storage/audit-trail.js";
import { InjectBrowser } from "../support/inject-browser.js";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../support/test-databases.js";
import { ACCOUNTS, createAccounts, PASSWORD, testAccountDeps } from "../signin/sign-in-fixtures.js";
import { herningRegisterRows, writeRegisterXlsx } from "./municipal-register.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const BANK = "/kommuner/0657/vidensbank";
const ADMIN_PAGE = `${BANK}/administration`;

/** The page's text as a person reads it: tags gone, entities decoded, spaces folded. */
function text(response: LightMyRequestResponse): string {
  return response.body
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

/** The hidden fields and chosen selects of the form that posts to `action` on the page, as the browser would send them. */
function formFields(html: string, action: string, choose: Record<string, string> = {}): Record<string, string> {
  const forms = [...html.matchAll(/<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/g)].filter((m) => m[1] === action);
  const form = forms.at(-1)?.[2] ?? "";
  const fields: Record<string, string> = {};
  for (const m of form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) fields[m[1]!] = m[2]!.replace(/&quot;/g, '"').replace(/&amp;/g, "&");
  for (const m of form.matchAll(/<select[^>]*name="([^"]+)"/g)) fields[m[1]!] = choose[m[1]!] ?? "";
  delete fields["_csrf"];
  return fields;
}

describe.each(DATABASE_KINDS)("the knowledge bank's web pages on %s", (kind) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let editor: InjectBrowser;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    const deps = testAccountDeps(t.db);
    await createAccounts(deps);
    app = await buildApp({ db: t.db, storageDescription: kind, securityLog: deps.securityLog });
    editor = new InjectBrowser(app);
    await editor.signIn(ACCOUNTS.herningEditor.email, PASSWORD);
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });
  beforeEach(async () => {
    for (const table of ["knowledge_entry", "knowledge_department", "knowledge_heading_mapping", "knowledge_setting"]) await t.db.query(`DELETE FROM ${table}`);
  });
  const count = async () => Number((await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM knowledge_entry")).rows[0]!.n);

  it("imports the municipality's own spreadsheet on the web: check, name the unknown column, confirm – nothing stored before", async () => {
    const bytes = await readFile(await writeRegisterXlsx(herningRegisterRows()));
    const page = await editor.get(ADMIN_PAGE);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('enctype="multipart/form-data"');

    // First check: Herning's own column is not known; the page names row and column and asks what it is.
    const checked = await editor.postMultipart(`${BANK}/indlaes`, { handling: "tjek", ark: "" }, { name: "omgjorte-sager-2024.xlsx", type: XLSX, bytes });
    expect(checked.statusCode).toBe(422);
    expect(text(checked)).toContain('omgjorte-sager-2024.xlsx, række 3, kolonne L (Drøftet i ledergruppen): Overskriften "Drøftet i ledergruppen" genkendes ikke');
    expect(text(checked)).toContain('Kolonnen "Drøftet i ledergruppen"');
    expect(await count()).toBe(0);

    // The next form carries the checked file itself; the person maps the column to "Ignorer" and checks again.
    const recheck = formFields(checked.body, `${BANK}/indlaes`, { felt_0: "ignore" });
    expect(recheck).toMatchObject({ fil_data: bytes.toString("base64"), fil_navn: "omgjorte-sager-2024.xlsx", handling: "tjek", overskrift_0: "Drøftet i ledergruppen", felt_0: "ignore" });
    const clean = await editor.postMultipart(`${BANK}/indlaes`, recheck, null);
    expect(clean.statusCode).toBe(200);
    expect(text(clean)).toContain("omgjorte-sager-2024.xlsx: 4 afgørelser uden fejl. Intet er gemt endnu.");
    expect(await count()).toBe(0);

    const confirm = formFields(clean.body, `${BANK}/indlaes`);
    expect(confirm).toMatchObject({ handling: "indlaes", overskrift_k0: "droeftet i ledergruppen", felt_k0: "ignore" });
    const imported = await editor.postMultipart(`${BANK}/indlaes`, confirm, null);
    expect(imported.statusCode).toBe(303);
    expect(imported.headers.location).toBe(`${BANK}?aar=2024&indlaest=4#h-afgoerelser`);
    expect(await count()).toBe(4);
    expect(text(await editor.get(`${BANK}?aar=2024&indlaest=4`))).toContain("4 afgørelser er indlæst fra regnearket.");
    const trail = (await listAuditEvents(t.db, { municipalityCode: "0657" })).filter((e) => e.action === "knowledge.import");
    expect(trail).toHaveLength(1);

    // The remembered mapping: the same file again needs no mapping, and is refused whole as duplicates.
    await editor.get(ADMIN_PAGE);
    const again = await editor.postMultipart(`${BANK}/indlaes`, { handling: "indlaes" }, { name: "omgjorte-sager-2024.xlsx", type: XLSX, bytes });
    expect(again.statusCode).toBe(422);
    expect(text(again)).toContain("Afgørelsen findes allerede i vidensbanken");
    expect(await count()).toBe(4);
  });

  it("refuses a sheet with a CPR number in a text cell on the web, naming row and column, and stores nothing", async () => {
    const rows = herningRegisterRows();
    const bytes = await readFile(await writeRegisterXlsx([rows[0]!, { ...rows[1]!, description: "Borgeren (010190-1234) klagede." }, ...rows.slice(2)]));
    await editor.get(ADMIN_PAGE);
    const refused = await editor.postMultipart(`${BANK}/indlaes`, { handling: "indlaes", overskrift_0: "Drøftet i ledergruppen", felt_0: "ignore" }, { name: "register.xlsx", type: XLSX, bytes });
    expect(refused.statusCode).toBe(422);
    expect(text(refused)).toMatch(/register\.xlsx, række 5, kolonne H \(Beskrivelse\): .*CPR-nummer/);
    expect(refused.body).not.toContain("010190-1234");
    expect(await count()).toBe(0);
    // No file chosen: a Danish message, nothing stored.
    await editor.get(ADMIN_PAGE);
    const empty = await editor.postMultipart(`${BANK}/indlaes`, { handling: "tjek" }, null);
    expect(empty.statusCode).toBe(400);
    expect(text(empty)).toContain("Vælg regnearket (XLSX eller CSV), der skal indlæses.");
  });

  it("changes and deletes an entry on its own page, audited, and only for the municipality's editors", async () => {
    await editor.get(`${BANK}?aar=2024`);
    const created = await editor.post(BANK, { afgoerelsesdato: "2024-05-14", dataaar: "2024", udfald: "remitted", lov: "Serviceloven", sagsemne: "Merudgiftydelse §41 + tilbagebetaling", aarsag: "sagsoplysning", resume: "Lægen var ikke spurgt.", sagsreference: "B-7", status: "draft" });
    expect(created.statusCode).toBe(303);
    const id = /gemt=(\d+)/.exec(String(created.headers.location))![1]!;
    const list = await editor.get(`${BANK}?aar=2024`);
    expect(list.body).toContain(`href="${BANK}/${id}/rediger"`);

    const edit = await editor.get(`${BANK}/${id}/rediger`);
    expect(edit.statusCode).toBe(200);
    expect(edit.body).toContain('value="B-7"');
    expect(edit.body).toContain("Lægen var ikke spurgt.");
    const fields = { afgoerelsesdato: "2024-05-14", dataaar: "2024", udfald: "remitted", lov: "Serviceloven", sagsemne: "Merudgiftydelse §41 + tilbagebetaling", aarsag: "sagsoplysning", resume: "Lægen var ikke spurgt om merudgifterne.", laering: "Spørg lægen først.", sagsreference: "B-7", status: "approved" };
    const withCpr = await editor.post(`${BANK}/${id}`, { ...fields, laering: "Ring til 010190-1234." });
    expect(withCpr.statusCode).toBe(400);
    expect(text(withCpr)).toContain('Feltet "Læring" indeholder noget, der ligner et CPR-nummer');
    // What was typed comes back for correction; the stored entry is unchanged.
    expect(withCpr.body).toContain("Lægen var ikke spurgt om merudgifterne.");
    expect((await t.db.query<{ summary: string }>("SELECT summary FROM knowledge_entry WHERE id = $1", [Number(id)])).rows[0]!.summary).toBe("Lægen var ikke spurgt.");
    const saved = await editor.post(`${BANK}/${id}`, fields);
    expect(saved.statusCode).toBe(303);
    expect((await t.db.query<{ summary: string; status: string }>("SELECT summary, status FROM knowledge_entry WHERE id = $1", [Number(id)])).rows[0]).toEqual({ summary: "Lægen var ikke spurgt om merudgifterne.", status: "approved" });

    // Others: Herning's reader may read the bank but not change it; København's editor gets nothing.
    const reader = new InjectBrowser(app);
    await reader.signIn(ACCOUNTS.herningReader.email, PASSWORD);
    expect((await reader.get(`${BANK}/${id}/rediger`)).statusCode).toBe(403);
    expect((await reader.get(`${BANK}?aar=2024`)).body).not.toContain("/rediger");
    const copenhagen = new InjectBrowser(app);
    await copenhagen.signIn(ACCOUNTS.copenhagenEditor.email, PASSWORD);
    expect((await copenhagen.get(`${BANK}/${id}/rediger`)).statusCode).toBe(403);
    await copenhagen.get("/kommuner/0101/vidensbank");
    expect((await copenhagen.post(`${BANK}/${id}/slet`, { bekraeft: "ja" })).statusCode).toBe(403);
    expect(await count()).toBe(1);

    await editor.get(`${BANK}/${id}/rediger`);
    const unconfirmed = await editor.post(`${BANK}/${id}/slet`, {});
    expect(unconfirmed.statusCode).toBe(400);
    expect(text(unconfirmed)).toContain("Sæt flueben for at bekræfte, at afgørelsen skal slettes.");
    expect(await count()).toBe(1);
    const deleted = await editor.post(`${BANK}/${id}/slet`, { bekraeft: "ja" });
    expect(deleted.statusCode).toBe(303);
    expect(await count()).toBe(0);
    expect(text(await editor.get(String(deleted.headers.location).replace(/#.*$/, "")))).toContain(`Afgørelse nr. ${id} er slettet.`);
    const actions = (await listAuditEvents(t.db, { municipalityCode: "0657" })).filter((e) => e.subject === `vidensbank 0657/${id}`).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["knowledge.create", "knowledge.update", "knowledge.delete"]));
    expect(JSON.stringify(await listAuditEvents(t.db, { municipalityCode: "0657" }))).not.toContain("010190");
  });

  it("keeps departments, publication, retention and the DPO export on the administration page", async () => {
    await editor.get(ADMIN_PAGE);
    const departments = await editor.post(`${BANK}/afdelinger`, { afdelinger: "Børneområdet\r\nÆldre og Sundhed\r\n\r\nBørneområdet\r\n" });
    expect(departments.statusCode).toBe(303);
    const shown = await editor.get(`${ADMIN_PAGE}?gemt=afdelinger`);
    expect(text(shown)).toContain("Afdelingerne er gemt.");
    expect(shown.body).toContain("Børneområdet\nÆldre og Sundhed</textarea>");

    // Publication: nothing public until chosen; a bad retention period is refused beside its form.
    expect((await app.inject({ method: "GET", url: "/api/v1/municipalities/0657/knowledge/public/2024" })).statusCode).toBe(404);
    const bad = await editor.post(`${BANK}/indstillinger`, { offentliggoer: "ja", opbevaring: "fem" });
    expect(bad.statusCode).toBe(400);
    expect(text(bad)).toContain('Opbevaringstiden skal være et helt antal år, fx 5, ikke "fem".');
    expect((await app.inject({ method: "GET", url: "/api/v1/municipalities/0657/knowledge/public/2024" })).statusCode).toBe(404);
    const settings = await editor.post(`${BANK}/indstillinger`, { offentliggoer: "ja", opbevaring: "2" });
    expect(settings.statusCode).toBe(303);
    expect((await app.inject({ method: "GET", url: "/api/v1/municipalities/0657/knowledge/public/2024" })).statusCode).toBe(200);

    // An entry decided more than two years ago is listed for deletion and deleted on confirmation.
    await editor.get(`${BANK}?aar=2020`);
    const old = await editor.post(BANK, { afgoerelsesdato: "2020-03-02", dataaar: "2020", udfald: "changed", lov: "Serviceloven", sagsemne: "Merudgiftydelse §41 + tilbagebetaling", afdeling: "Børneområdet", aarsag: "vurdering", resume: "Gammel sag.", status: "approved" });
    expect(old.statusCode).toBe(303);
    const listed = await editor.get(ADMIN_PAGE);
    expect(text(listed)).toMatch(/Opbevaringstiden er 2 år: afgørelser truffet før \d{4}-\d{2}-\d{2} skal slettes\./);
    expect(text(listed)).toMatch(/Nr\. \d+, 2020-03-02: Merudgiftydelse §41 \+ tilbagebetaling/);
    const retentionDelete = await editor.post(`${BANK}/sletning`, { bekraeft: "ja" });
    expect(retentionDelete.statusCode).toBe(303);
    expect(retentionDelete.headers.location).toBe(`${ADMIN_PAGE}?slettet=1#h-sletning`);
    expect(await count()).toBe(0);
    expect((await listAuditEvents(t.db, { municipalityCode: "0657" })).map((e) => e.action)).toEqual(expect.arrayContaining(["knowledge.departments", "knowledge.settings", "knowledge.retention-delete"]));

    const dpo = await editor.get(`${BANK}/databeskyttelse.json`);
    expect(dpo.statusCode).toBe(200);
    expect(dpo.headers["content-disposition"]).toBe('attachment; filename="vidensbank-0657-databeskyttelse.json"');
    expect(dpo.json()).toMatchObject({ departments: ["Børneområdet", "Ældre og Sundhed"], retention: { years: 2 }, publishAggregate: true });

    // København's editor sees none of this page and changes nothing of Herning's.
    const copenhagen = new InjectBrowser(app);
    await copenhagen.signIn(ACCOUNTS.copenhagenEditor.email, PASSWORD);
    expect((await copenhagen.get(ADMIN_PAGE)).statusCode).toBe(403);
    expect((await copenhagen.get(`${BANK}/databeskyttelse.json`)).statusCode).toBe(403);
  });
});
