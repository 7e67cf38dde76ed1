import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OPERATOR } from "../../src/app/caller.js";
import { editLegalRule, resetLegalRule } from "../../src/app/treatment/bodies-and-rules.js";
import { buildApp } from "../../src/server/app.js";
import { listAuditEvents } from "../../src/storage/audit-trail.js";
import { councilMinutesHtml } from "../minutes/minutes-documents.js";
import { published2024Cells } from "../rates/published-2024-cells.js";
import { storeCells } from "../rates/stored-datasets.js";
import { ACCOUNTS, createAccounts, PASSWORD, testAccountDeps } from "../signin/sign-in-fixtures.js";
import { formValues } from "../support/form-values.js";
import { InjectBrowser } from "../support/inject-browser.js";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../support/test-databases.js";
import { testConfig } from "../support/app-config.js";

const SEEDS = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "shared", "seeds");
const seedBytes = (name: string) => readFileSync(join(SEEDS, name));
const HERNING = "/kommuner/0657/behandling/2024";

async function meetingsOf(t: TestDatabase, code: string): Promise<{ body: string; date: string; item: string | null }[]> {
  const rows = await t.db.query<{ body_name: string; meeting_date: string; agenda_item_number: string | null }>(
    "SELECT body_name, meeting_date::text AS meeting_date, agenda_item_number FROM treatment_meeting WHERE municipality_code = $1 ORDER BY meeting_date",
    [code],
  );
  return rows.rows.map((r) => ({ body: r.body_name, date: r.meeting_date, item: r.agenda_item_number }));
}

/** Issue 15 item 3: a document or an address in, the findings shown with their text, confirmed into the record. */
describe.each(DATABASE_KINDS)("from minutes to the treatment record on the web on %s", (kind) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let editor: InjectBrowser;
  let tilsyn: InjectBrowser;
  let minutesServer: Server;
  let minutesBase: string;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    const deps = testAccountDeps(t.db);
    await createAccounts(deps);
    await storeCells(t.db, published2024Cells());
    app = await buildApp({ db: t.db, storageDescription: kind, securityLog: deps.securityLog, config: testConfig({ server: { minutesFromPrivateAddresses: true } }), minutesDownloadTimeoutMs: 5000 });
    editor = new InjectBrowser(app);
    await editor.signIn(ACCOUNTS.herningEditor.email, PASSWORD);
    tilsyn = new InjectBrowser(app);
    await tilsyn.signIn(ACCOUNTS.tilsyn.email, PASSWORD);
    // A municipality's web site, as an agenda system publishes: the Ballerup seed and an HTML council's minutes.
    minutesServer = createServer((request, response) => {
      if (request.url === "/referater/ballerup-socialudvalg.txt") {
        response.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
        return response.end(seedBytes("ballerup-socialudvalg-referat-2025-09-30.txt"));
      }
      if (request.url === "/flyttet") {
        response.writeHead(302, { location: "/referater/ballerup-socialudvalg.txt" });
        return response.end();
      }
      response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => minutesServer.listen(0, "127.0.0.1", resolve));
    minutesBase = `http://127.0.0.1:${(minutesServer.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await app?.close();
    await new Promise((resolve) => minutesServer?.close(resolve));
    await t?.drop();
  });

  it("Herning's editor uploads the Handicapråd minutes: the page shows the findings with their text marked, and stores nothing", async () => {
    const page = await editor.get(HERNING);
    expect(page.body).toContain("<h2>Registrér ud fra et referat</h2>");
    const read = await editor.postMultipart(`${HERNING}/referat`, {}, { name: "herning-handicapraad-referat-2025-08-28.txt", type: "text/plain", bytes: seedBytes("herning-handicapraad-referat-2025-08-28.txt") });
    expect(read.statusCode, read.body.slice(0, 400)).toBe(200);
    expect(read.headers["cache-control"]).toBe("private, no-store");
    expect(read.body).toContain("Punkt 42: Danmarkskortet - omgørelsesprocent i Ankestyrelsen 2024");
    expect(read.body).toContain("Intet er gemt endnu.");
    // The marked text: each finding introduced by what it was read as.
    expect(read.body).toMatch(/<mark><span class="minutes-excerpt-label">\[beslutning \(Handicaprådet\)\]<\/span> Orienteringen er taget til efterretning/);
    expect(read.body).toContain('<mark><span class="minutes-excerpt-label">[punktnummer]</span> 42</mark>');
    // The figures checked against the dataset, and the stance with the sentence it rests on.
    expect(read.body).toContain("Socialområdet generelt: Dokumentet siger 77 sager, 44,2 %, datasættet 77 sager, 44,2 %.");
    expect(read.body).toMatch(/<dt>Handleplan<\/dt><dd>ikke besluttet \(linje \d+: (&quot;|")[^<]*Bestemmelsen er ophævet/);
    expect(await meetingsOf(t, "0657")).toEqual([]);

    const values = formValues(read.body, `${HERNING}/referat/bekraeft`);
    expect(values.antal).toBe("3");
    expect([values["organ-0"], values["organ-1"], values["organ-2"]]).toEqual(["boerne-og-familieudvalget", "social-og-sundhedsudvalget", "handicapraadet"]);
    expect([values["dato-0"], values["dato-1"], values["dato-2"]]).toEqual(["2025-08-13", "2025-08-20", "2025-08-28"]);
    expect([values["valgt-0"], values["valgt-1"], values["valgt-2"]]).toEqual(["ja", "ja", "ja"]);
    expect(values["rolle-2"]).toBe("consultation");
    expect(values["punkt-2"]).toBe("42");
    expect(values["udfald-2"]).toBe("concluded");
  });

  it("a refused confirmation writes nothing and comes back with the message beside the row's field", async () => {
    const read = await editor.postMultipart(`${HERNING}/referat`, {}, { name: "herning.txt", type: "text/plain", bytes: seedBytes("herning-handicapraad-referat-2025-08-28.txt") });
    const values = formValues(read.body, `${HERNING}/referat/bekraeft`);
    const refused = await editor.post(`${HERNING}/referat/bekraeft`, { ...values, "dato-1": "2025-13-40" });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain("Møde 2:");
    expect(refused.body).toContain('id="fund-1-dato-error"');
    // The form comes back as sent, so the person corrects one field, not all three rows.
    expect(formValues(refused.body, `${HERNING}/referat/bekraeft`)["organ-2"]).toBe("handicapraadet");
    expect(await meetingsOf(t, "0657")).toEqual([]);
    // A CPR number typed into a decision is refused as everywhere else.
    const cpr = await editor.post(`${HERNING}/referat/bekraeft`, { ...values, "beslutning-0": "Borger 010190-1234 klagede" });
    expect(cpr.statusCode).toBe(400);
    expect(cpr.body).toContain("CPR-nummer");
    expect(await meetingsOf(t, "0657")).toEqual([]);
  });

  it("the editor corrects a row, leaves one out, and confirms: exactly that is stored, each meeting in the audit trail with its document", async () => {
    const read = await editor.postMultipart(`${HERNING}/referat`, {}, { name: "herning-handicapraad-referat-2025-08-28.txt", type: "text/plain", bytes: seedBytes("herning-handicapraad-referat-2025-08-28.txt") });
    const values = formValues(read.body, `${HERNING}/referat/bekraeft`);
    delete values["valgt-0"];
    const saved = await editor.post(`${HERNING}/referat/bekraeft`, { ...values, "beslutning-2": "Orienteringen er taget til efterretning. (rettet)" });
    expect(saved.statusCode, saved.body.slice(0, 600)).toBe(303);
    expect(saved.headers.location).toBe(`${HERNING}?gemt=referat`);
    expect(await meetingsOf(t, "0657")).toEqual([
      { body: "Social- og Sundhedsudvalget", date: "2025-08-20", item: null },
      { body: "Handicaprådet", date: "2025-08-28", item: "42" },
    ]);
    const decision = await t.db.query<{ decision_text: string }>("SELECT decision_text FROM treatment_meeting WHERE body_name = 'Handicaprådet'");
    expect(decision.rows[0]!.decision_text).toBe("Orienteringen er taget til efterretning. (rettet)");
    const trail = (await listAuditEvents(t.db, { municipalityCode: "0657" })).filter((e) => e.action === "treatment.meeting-add");
    expect(trail).toHaveLength(2);
    for (const e of trail) expect(e.after).toMatchObject({ fromMinutes: "herning-handicapraad-referat-2025-08-28.txt" });
    const page = await editor.get(`${HERNING}?gemt=referat`);
    expect(page.body).toContain("Det bekræftede fra referatet er gemt i behandlingen.");

    // Read again: the stored meetings are proposed but not ticked, so confirming twice does not double them.
    const again = await editor.postMultipart(`${HERNING}/referat`, {}, { name: "herning.txt", type: "text/plain", bytes: seedBytes("herning-handicapraad-referat-2025-08-28.txt") });
    const next = formValues(again.body, `${HERNING}/referat/bekraeft`);
    expect([next["valgt-0"], next["valgt-1"], next["valgt-2"]]).toEqual(["ja", undefined, undefined]);
    expect(again.body).toContain("Et møde i dette organ på denne dato er allerede registreret; det er ikke valgt.");
  });

  it("tilsyn reads Ballerup's minutes from the municipality's address (through a redirect); the stance nej is proposed only where the dated rule applies", async () => {
    const page = "/kommuner/0151/behandling/2024";
    expect((await tilsyn.get(page)).body).toContain("<h2>Registrér ud fra et referat</h2>");
    const read = await tilsyn.postMultipart(`${page}/referat`, { adresse: `${minutesBase}/flyttet` }, null);
    expect(read.statusCode, read.body.slice(0, 400)).toBe(200);
    expect(read.body).toContain(`Dokument: ${minutesBase}/referater/ballerup-socialudvalg.txt`);
    expect(read.body).toContain("Punkt 7: Danmarkskortet over omgjorte sager på Serviceloven og Barnets lov 2024");
    // § 79 b stk. 2–3 ended with 2024 by the product's default rule: the stance is shown, no plan decision offered.
    expect(read.body).toMatch(/<dt>Handleplan<\/dt><dd>nej \(linje \d+/);
    expect(formValues(read.body, `${page}/referat/bekraeft`).handleplan).toBeUndefined();

    // An administrator dates the rule on to 2025 (the seeds disagree on whether it still applies).
    const edited = await editLegalRule(testAccountDeps(t.db), OPERATOR, "action-plan-decision", { validFrom: "2022-07-01", validTo: "2025-12-31", summaryDa: "Kommunalbestyrelsen tager stilling til, om der er behov for en handleplan.", source: "https://www.retsinformation.dk/eli/lta/2022/1234" });
    expect(edited.kind).toBe("saved");
    const again = await tilsyn.postMultipart(`${page}/referat`, { adresse: `${minutesBase}/referater/ballerup-socialudvalg.txt` }, null);
    const values = formValues(again.body, `${page}/referat/bekraeft`);
    expect(values.handleplan).toBe("no");
    const own = Object.keys(values).find((k) => k.startsWith("organ-") && values[k] === "socialudvalget")!;
    const i = own.slice("organ-".length);
    expect(values[`dato-${i}`]).toBe("2025-09-30");
    expect(values[`referat-${i}`]).toBe(`${minutesBase}/referater/ballerup-socialudvalg.txt`);
    const saved = await tilsyn.post(`${page}/referat/bekraeft`, values);
    expect(saved.statusCode, saved.body.slice(0, 600)).toBe(303);
    expect((await meetingsOf(t, "0151")).map((m) => m.date)).toContain("2025-09-30");
    const plan = await t.db.query<{ decision: string }>("SELECT decision FROM treatment_plan_decision WHERE municipality_code = '0151' AND data_year = 2024");
    expect(plan.rows.map((r) => r.decision)).toEqual(["no"]);
    const trail = await listAuditEvents(t.db, { municipalityCode: "0151" });
    expect(trail.find((e) => e.action === "treatment.plan-decision")?.after).toMatchObject({ decision: "no", fromMinutes: `${minutesBase}/referater/ballerup-socialudvalg.txt` });
    expect(trail.find((e) => e.action === "treatment.meeting-add")?.actorLabel).toBe("tilsyn@ankestyrelsen.test");
    await resetLegalRule(testAccountDeps(t.db), OPERATOR, "action-plan-decision");
  });

  it("refuses in Danish, beside the form: an agenda without the item, another municipality's minutes, a missing page, no file", async () => {
    const none = await editor.postMultipart(`${HERNING}/referat`, {}, { name: "dagsorden.txt", type: "text/plain", bytes: seedBytes("herning-handicapraad-dagsorden-2026-06-04.txt") });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain("Læseren fandt intet punkt om danmarkskortet over omgørelsesprocenter i dagsordenen dagsorden.txt.");
    expect(none.body).toContain('id="referat-fil-error"');
    const missing = await editor.postMultipart(`${HERNING}/referat`, { adresse: `${minutesBase}/findes-ikke.pdf` }, null);
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain("svarede 404 for adressen");
    const empty = await editor.postMultipart(`${HERNING}/referat`, { adresse: "" }, null);
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain("Vælg en fil med referatet, eller skriv adressen på det.");
    // Ballerup's minutes on Herning's page: shown with a warning, nothing ticked.
    const other = await editor.postMultipart(`${HERNING}/referat`, {}, { name: "ballerup.txt", type: "text/plain", bytes: seedBytes("ballerup-socialudvalg-referat-2025-09-30.txt") });
    expect(other.statusCode).toBe(200);
    expect(other.body).toContain("Dokumentet ser ud til at være fra Ballerup Kommune");
    expect(Object.keys(formValues(other.body, `${HERNING}/referat/bekraeft`)).filter((k) => k.startsWith("valgt-"))).toEqual([]);
  });

  it("an HTML council's minutes with a case sent back are proposed with the outcome 'sendt tilbage'", async () => {
    const html = councilMinutesHtml({ councilOutcome: "sends-back" });
    const read = await editor.postMultipart(`${HERNING}/referat`, {}, { name: "byraad.html", type: "text/html", bytes: Buffer.from(html) });
    expect(read.statusCode, read.body.slice(0, 400)).toBe(200);
    const values = formValues(read.body, `${HERNING}/referat/bekraeft`);
    const outcomes = Object.entries(values).filter(([k]) => k.startsWith("udfald-")).map(([, v]) => v);
    expect(outcomes).toContain("sent-back");
  });

  it("only those who may: Herning's reader and København's editor are refused, and nothing is read for them", async () => {
    const reader = new InjectBrowser(app);
    await reader.signIn(ACCOUNTS.herningReader.email, PASSWORD);
    await reader.get("/");
    const refused = await reader.postMultipart(`${HERNING}/referat`, {}, { name: "h.txt", type: "text/plain", bytes: seedBytes("herning-handicapraad-referat-2025-08-28.txt") });
    expect(refused.statusCode).toBe(403);
    const copenhagen = new InjectBrowser(app);
    await copenhagen.signIn(ACCOUNTS.copenhagenEditor.email, PASSWORD);
    await copenhagen.get("/");
    expect((await copenhagen.post(`${HERNING}/referat/bekraeft`, { antal: "1", "valgt-0": "ja", "organ-0": "byraadet", "dato-0": "2025-09-24", "titel-0": "x", "rolle-0": "decision", "status-0": "held" })).statusCode).toBe(403);
  });
});

describe("fetching minutes from an address without the operator's permission for private networks", () => {
  it("refuses a loopback address in Danish, before any connection", async () => {
    const t = await createTestDatabase("pglite");
    try {
      const deps = testAccountDeps(t.db);
      await createAccounts(deps);
      const app = await buildApp({ db: t.db, storageDescription: "pglite", securityLog: deps.securityLog });
      const editor = new InjectBrowser(app);
      await editor.signIn(ACCOUNTS.herningEditor.email, PASSWORD);
      await editor.get(HERNING);
      const refused = await editor.postMultipart(`${HERNING}/referat`, { adresse: "http://127.0.0.1:9/referat.pdf" }, null);
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain("127.0.0.1 er en adresse i et lokalt eller privat net");
      const scheme = await editor.postMultipart(`${HERNING}/referat`, { adresse: "file:///etc/passwd" }, null);
      expect(scheme.body).toContain("Adressen skal begynde med https:// eller http://");
      await app.close();
    } finally {
      await t.drop();
    }
  });
});
