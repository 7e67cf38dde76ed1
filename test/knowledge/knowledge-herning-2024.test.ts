import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueApiTokenForUser } from "../../src/app/accounts/api-tokens.js";
import { OPERATOR } from "../../src/app/caller.js";
import { saveKnowledgeSettings } from "../../src/app/knowledge/knowledge-lists.js";
import { saveKnowledgeEntry } from "../../src/app/knowledge/save-knowledge-entry.js";
import type { KnowledgeEntryInput } from "../../src/domain/knowledge/knowledge-entry.js";
import { buildApp } from "../../src/server/app.js";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../support/test-databases.js";
import { InjectBrowser } from "../support/inject-browser.js";
import { published2024Cells, SUBJECTS_2024 } from "../rates/published-2024-cells.js";
import { storeCells } from "../rates/stored-datasets.js";
import { ACCOUNTS, createAccounts, PASSWORD, testAccountDeps } from "../signin/sign-in-fixtures.js";
import { readZipEntries } from "../support/zip-entries.js";
import { remittedEntry } from "./knowledge-callers.js";

/**
 * Herning 2024 (domain.md §7: 34 reversed cases on the general map, 11 on the child disability map, 1 on the
 * adult disability map) with seven of them in the knowledge bank: three § 41 cases, one § 100 case, three
 * other children's cases; one of the § 41 cases with a second subject of the same citizen.
 */
function herningEntries(): KnowledgeEntryInput[] {
  const e = (date: string, subject: string, overrides: Partial<KnowledgeEntryInput>) => remittedEntry({ decisionDate: date, subject, ...overrides });
  return [
    e("2024-02-08", SUBJECTS_2024.childDisability, { reasonCodes: ["sagsoplysning", "begrundelse"], caseReference: "B-1", newDecision: { result: "granted", date: "2024-04-02" } }),
    e("2024-03-11", SUBJECTS_2024.childDisability, { reasonCodes: ["sagsoplysning"], caseReference: "B-2", newDecision: { result: "granted", date: "2024-05-02" } }),
    e("2024-04-15", SUBJECTS_2024.childDisability, { outcome: "changed", reasonCodes: ["vurdering"], caseReference: "B-3" }),
    e("2024-05-30", SUBJECTS_2024.adultDisability, { reasonCodes: ["partshoering"], caseReference: "V-1", newDecision: { result: "refused-again", date: "2024-08-15" } }),
    e("2024-06-03", SUBJECTS_2024.otherChildren, { reasonCodes: ["sagsoplysning"], caseReference: "B-1", newDecision: { result: "pending", date: null } }),
    e("2024-09-12", SUBJECTS_2024.otherChildren, { reasonCodes: ["sagsoplysning", "begrundelse"], caseReference: "B-4" }),
    e("2024-10-01", SUBJECTS_2024.otherChildren, { reasonCodes: ["begrundelse"], caseReference: "B-5", status: "draft" }),
  ];
}

describe.each(DATABASE_KINDS)("Herning's knowledge bank 2024 on %s", (kind) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await storeCells(t.db, published2024Cells({ publishedNational: true }));
    const deps = testAccountDeps(t.db);
    await createAccounts(deps);
    for (const name of ["herningReader", "herningEditor", "copenhagenEditor", "tilsyn", "admin"] as const) {
      const issued = await issueApiTokenForUser(deps, OPERATOR, { email: ACCOUNTS[name].email, name: "vidensbank" });
      if (issued.kind !== "created") throw new Error(issued.messageDa);
      tokens[name] = issued.secret;
    }
    const herningEditor = { actor: { kind: "user" as const, userId: "00000000-0000-4000-8000-000000000001", email: ACCOUNTS.herningEditor.email, role: ACCOUNTS.herningEditor.role }, channel: "web" as const };
    for (const entry of herningEntries()) {
      const saved = await saveKnowledgeEntry(deps, herningEditor, { municipalityCode: "0657", entry });
      if (saved.kind !== "saved") throw new Error(saved.messageDa);
    }
    app = await buildApp({ db: t.db, storageDescription: kind, securityLog: deps.securityLog });
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  const api = (url: string, token: string | null) => app.inject({ method: "GET", url, headers: token ? { authorization: `Bearer ${token}` } : {} });

  it("shows Herning's readers the completeness per map, the counts by reason and the results after new decisions", async () => {
    const reader = new InjectBrowser(app);
    await reader.signIn(ACCOUNTS.herningReader.email, PASSWORD);
    const page = await reader.get("/kommuner/0657/vidensbank?aar=2024");
    expect(page.statusCode).toBe(200);
    const text = page.body.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    expect(text).toContain("Registreret 7 af de 34 omgjorte sager på socialområdet i 2024.");
    expect(text).toContain("Registreret 3 af de 11 omgjorte sager på børnehandicapområdet i 2024.");
    expect(text).toContain("Registreret 1 af de 1 omgjorte sager på voksenhandicapområdet i 2024.");
    expect(text).toContain("7 afgørelser i 2024, heraf 1 kladder.");
    expect(text).toMatch(/Utilstrækkelig sagsoplysning 4 Begrundelse 3 Partshøring 1 Vurdering 1/);
    expect(text).toContain("2 af 3 genbehandlede hjemviste sager endte med et andet resultat (bevilget eller delvist bevilget); 6 hjemviste i alt, 1 verserer, 2 uden registreret ny afgørelse.");
    expect(text).toContain("7 afgørelser med intern sagsreference fordelt på 6 borgere; 1 borger har mere end én afgørelse (2 afgørelser).");
    // The references are counted, never shown in the figures; the chart is drawn.
    expect(page.body).toContain('<title id="vidensbank-diagram-titel">');
    // A reader gets no form.
    expect(page.body).not.toContain("Gem afgørelsen");

    const figures = await api("/api/v1/municipalities/0657/knowledge/figures/2024", tokens.herningReader!);
    expect(figures.statusCode).toBe(200);
    const body = figures.json() as { completeness: { map: string; registered: number; statistics: { reversed: number }; textDa: string }[]; byReason: { key: string; count: number }[]; newDecisions: { changedResult: number; decided: number; remitted: number } };
    expect(body.completeness.map((c) => [c.map, c.registered, c.statistics.reversed])).toEqual([
      ["socialomraadet", 7, 34],
      ["boernehandicapomraadet", 3, 11],
      ["voksenhandicapomraadet", 1, 1],
    ]);
    expect(body.completeness[0]!.textDa).toBe("registreret 7 af de 34 omgjorte sager på socialområdet i 2024");
    expect(body.byReason.map((r) => [r.key, r.count])).toEqual([["sagsoplysning", 4], ["begrundelse", 3], ["partshoering", 1], ["vurdering", 1]]);
    expect(body.newDecisions).toMatchObject({ remitted: 6, decided: 3, changedResult: 2 });
    expect(JSON.stringify(body)).not.toContain("B-1");
    const entries = await api("/api/v1/municipalities/0657/knowledge?year=2024", tokens.tilsyn!);
    expect((entries.json() as { entries: unknown[] }).entries).toHaveLength(7);
  });

  it("shows København's users none of Herning's entries, on the page or the API, and the admin neither", async () => {
    const kk = new InjectBrowser(app);
    await kk.signIn(ACCOUNTS.copenhagenEditor.email, PASSWORD);
    const refused = await kk.get("/kommuner/0657/vidensbank?aar=2024");
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain("må ikke se vidensbanken for Herning");
    expect(refused.body).not.toContain("barnets læge");
    expect((await kk.get("/kommuner/0657/vidensbank.xlsx")).statusCode).toBe(403);
    const own = await kk.get("/kommuner/0101/vidensbank?aar=2024");
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain("0 afgørelser i 2024");
    expect(own.body).not.toContain("barnets læge");
    for (const url of ["/api/v1/municipalities/0657/knowledge", "/api/v1/municipalities/0657/knowledge/figures/2024"]) {
      expect((await api(url, tokens.copenhagenEditor!)).statusCode, url).toBe(403);
      expect((await api(url, tokens.admin!)).statusCode, url).toBe(403);
      expect((await api(url, null)).statusCode, url).toBe(401);
    }
    expect((await app.inject({ method: "GET", url: "/kommuner/0657/vidensbank" })).statusCode).toBe(401);
  });

  it("lets Herning's editor register an entry on the page with its CSRF token, and refuses a CPR number there", async () => {
    const editor = new InjectBrowser(app);
    await editor.signIn(ACCOUNTS.herningEditor.email, PASSWORD);
    const page = await editor.get("/kommuner/0657/vidensbank?aar=2023");
    expect(page.body).toContain("Gem afgørelsen");
    const fields = { afgoerelsesdato: "2023-11-02", dataaar: "2023", udfald: "remitted", lov: "Serviceloven", sagsemne: SUBJECTS_2024.adultDisability, aarsag: "klagevejledning", resume: "Klagevejledningen manglede.", laering: "Brug skabelonen.", sagsreference: "V-9", status: "approved" };
    const withCpr = await editor.post("/kommuner/0657/vidensbank", { ...fields, resume: "Borger 010190-1234 klagede." });
    expect(withCpr.statusCode).toBe(400);
    expect(withCpr.body).toContain("Feltet &quot;Resumé af årsagen&quot; indeholder noget, der ligner et CPR-nummer (tegn 8).");
    // The refused text comes back to its writer for correction (as the comment form does), and is not stored.
    expect(withCpr.headers["cache-control"]).toBe("no-store");
    expect((await t.db.query("SELECT count(*)::int AS n FROM knowledge_entry WHERE summary LIKE '%010190%'")).rows[0]).toEqual({ n: 0 });
    const withoutToken = await editor.post("/kommuner/0657/vidensbank", fields, { csrf: false });
    expect(withoutToken.statusCode).toBe(403);
    const saved = await editor.post("/kommuner/0657/vidensbank", fields);
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toMatch(/^\/kommuner\/0657\/vidensbank\?aar=2023&gemt=\d+#h-afgoerelser$/);
    const after = await editor.get("/kommuner/0657/vidensbank?aar=2023");
    expect(after.body).toContain("Klagevejledningen manglede.");
    expect(after.body.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ")).toContain("Registreret 1 omgjorte sager på voksenhandicapområdet i 2023; statistikken har ingen tal at sammenligne med.");
  });

  it("publishes the anonymised aggregate only by the municipality's choice, with cells under 3 shown as <3", async () => {
    expect((await api("/api/v1/municipalities/0657/knowledge/public/2024", null)).statusCode).toBe(404);
    expect((await api("/kommuner/0657?aar=2024", null)).body).not.toContain("kommunens vidensbank");
    const deps = testAccountDeps(t.db);
    const editor = { actor: { kind: "user" as const, userId: "00000000-0000-4000-8000-000000000001", email: ACCOUNTS.herningEditor.email, role: ACCOUNTS.herningEditor.role }, channel: "web" as const };
    expect(await saveKnowledgeSettings(deps, editor, "0657", { publishAggregate: true, retentionYears: 5 })).toMatchObject({ kind: "saved" });
    const published = await api("/api/v1/municipalities/0657/knowledge/public/2024", null);
    expect(published.statusCode).toBe(200);
    const body = published.json() as { total: { text: string }; byReason: { key: string; count: number | null; text: string }[]; bySubject: { label: string; text: string }[] };
    // Six approved entries (the draft is not published): sagsoplysning 4, begrundelse 2, the rest under 3.
    expect(body.total.text).toBe("6");
    expect(body.byReason.map((r) => [r.key, r.text, r.count])).toEqual([["sagsoplysning", "4", 4], ["begrundelse", "<3", null], ["partshoering", "<3", null], ["vurdering", "<3", null]]);
    expect(body.bySubject.map((s) => [s.label, s.text])).toEqual([[SUBJECTS_2024.childDisability, "3"], [SUBJECTS_2024.otherChildren, "<3"], [SUBJECTS_2024.adultDisability, "<3"]]);
    expect(published.body).not.toContain("barnets læge");
    expect(published.body).not.toContain("B-1");
    // The public profile shows the same counts, with no text, and says they are the municipality's own notes.
    const profile = await api("/kommuner/0657?aar=2024", null);
    const section = /<section class="knowledge-public"[\s\S]*?<\/section>/.exec(profile.body)?.[0] ?? "";
    const sectionText = section.replace(/<[^>]+>/g, " ").replace(/&lt;/g, "<").replace(/&quot;/g, '"').replace(/\s+/g, " ");
    expect(sectionText).toContain("Hvorfor sagerne blev omgjort – kommunens vidensbank 2024");
    expect(sectionText).toContain("Det er kommunens egne registreringer, ikke Ankestyrelsens statistik.");
    expect(sectionText).toContain("Registrerede afgørelser i 2024: 6.");
    expect(sectionText).toContain("Utilstrækkelig sagsoplysning 4 ");
    expect(sectionText).toContain(`${SUBJECTS_2024.otherChildren} <3`);
    expect(section).not.toContain("B-1");
    expect(section).not.toContain("Åbn vidensbanken");
    const national = await api("/api/v1/knowledge/public/2024", null);
    expect(national.json()).toMatchObject({ municipalities: 1, municipalityCodes: ["0657"], total: { text: "6" } });
  });
  it("shows the bank's counts for an action plan's focus areas: exact to Herning's users, suppressed to the public (after publishing)", async () => {
    const created = await app.inject({
      method: "POST",
      url: "/api/v1/municipalities/0657/action-plans",
      headers: { authorization: `Bearer ${tokens.herningEditor}` },
      payload: { title: "Merudgifter til børn", dataYears: [2024], followUpFrom: 2024, goal: "Færre hjemviste § 41-sager", focusAreas: [{ kind: "subject", subject: SUBJECTS_2024.childDisability, law: "Serviceloven" }], status: "published" },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as { id: number }).id;
    const plainText = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&lt;/g, "<").replace(/&quot;/g, '"').replace(/\s+/g, " ");
    const tableOf = (html: string) => /<table class="table table--compact plan-knowledge">[\s\S]*?<\/table>/.exec(html)?.[0] ?? "";

    // Herning's reader: the three § 41 entries of 2024, with their reasons counted exactly.
    const reader = new InjectBrowser(app);
    await reader.signIn(ACCOUNTS.herningReader.email, PASSWORD);
    const own = tableOf((await reader.get("/kommuner/0657/handleplaner")).body);
    expect(plainText(own)).toContain("3 Utilstrækkelig sagsoplysning 2, Begrundelse 1, Vurdering 1");
    // The public (Herning publishes since the test above): the count of 3, the reasons under 3 as "<3", no text.
    const publicPage = (await app.inject({ method: "GET", url: "/kommuner/0657/handleplaner" })).body;
    expect(plainText(tableOf(publicPage))).toContain("3 Utilstrækkelig sagsoplysning <3, Begrundelse <3, Vurdering <3");
    expect(plainText(publicPage)).toContain('Tal under 3 vises som "<3".');
    expect(publicPage).not.toContain("B-1");
    // The plan's document carries the same counts for its reader.
    const docx = await reader.get(`/kommuner/0657/handleplaner/${id}.docx`);
    expect(docx.statusCode).toBe(200);
    const xml = readZipEntries(docx.rawPayload).get("word/document.xml")!.toString("utf8").replace(/<[^>]+>/g, "");
    expect(xml).toContain("Vidensbanken: hvorfor sagerne blev omgjort");
    expect(xml).toContain("2024: 3 registrerede afgørelser (årsager: utilstrækkelig sagsoplysning 2, begrundelse 1, vurdering 1).");
  });

  it("puts a knowledge-bank section in the agenda item when the municipality has approved entries, and not otherwise", async () => {
    const reader = new InjectBrowser(app);
    await reader.signIn(ACCOUNTS.herningReader.email, PASSWORD);
    const herning = await reader.get("/kommuner/0657/dagsordenpunkt?aar=2024&format=md");
    expect(herning.statusCode).toBe(200);
    expect(herning.body).toContain("Kommunens vidensbank");
    // Six approved entries (the draft is left out), exact counts for the municipality's own reader.
    expect(herning.body).toContain("For 2024 er 6 afgørelser godkendt i vidensbanken.");
    expect(herning.body).toContain("Registreret 6 af de 34 omgjorte sager på socialområdet i 2024.");
    expect(herning.body).toContain("Begrundelse: 2");
    expect(herning.body).toContain("Af de hjemviste sager i vidensbanken er 3 genbehandlet; 2 endte med et andet resultat for borgeren");
    expect(herning.body).not.toContain("barnets læge");
    // København has no entries: no section.
    const kk = new InjectBrowser(app);
    await kk.signIn(ACCOUNTS.copenhagenEditor.email, PASSWORD);
    const copenhagen = await kk.get("/kommuner/0101/dagsordenpunkt?aar=2024&format=md");
    expect(copenhagen.statusCode).toBe(200);
    expect(copenhagen.body).not.toContain("vidensbank");
    // A public download shows it only as the published aggregate (chosen in the test before), counts under 3 as <3.
    const anonymous = await app.inject({ method: "GET", url: "/kommuner/0657/dagsordenpunkt?aar=2024&format=md" });
    expect(anonymous.body).toContain("Kommunens vidensbank");
    // Markdown escapes the "<".
    expect(anonymous.body).toContain("Begrundelse: \\<3");
    expect(anonymous.body).toContain("Tal under 3 vises som \\<3.");
  });
});
