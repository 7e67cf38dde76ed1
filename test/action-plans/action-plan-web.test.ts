import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFileIntoDatabase } from "../../src/app/import/import-file.js";
import { buildApp } from "../../src/server/app.js";
import { listAuditEvents } from "../../src/storage/audit-trail.js";
import { fixtureDir, talportalExportCsv, writeFixture } from "../import/import-fixtures.js";
import { ACCOUNTS, createAccounts, PASSWORD, testAccountDeps } from "../signin/sign-in-fixtures.js";
import { InjectBrowser } from "../support/inject-browser.js";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../support/test-databases.js";
import { handleplanRows, LABELS, PLAN_CODE } from "./handleplan-seed-data.js";

/** What a person reads: the page's text without tags. */
function textOf(html: string): string {
  return html
    .replace(/<svg[\s\S]*?<\/svg>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, " ");
}

describe.each(DATABASE_KINDS)("the action plans' pages on %s", (kind) => {
  let t: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    const deps = testAccountDeps(t.db);
    await createAccounts(deps, ["herningEditor", "copenhagenEditor"]);
    const path = writeFixture(fixtureDir(), `handleplan-web-${kind}.csv`, talportalExportCsv(handleplanRows([2019, 2020, 2021])));
    await importFileIntoDatabase(t.db, { path, extractedOn: "2022-06-01", source: "test", dryRun: false, isDemo: false, importedAt: new Date("2022-06-10T08:00:00Z") });
    app = await buildApp({ db: t.db, storageDescription: kind, securityLog: deps.securityLog });
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it("an editor fills in the form; everyone reads the plan with its computed follow-up, chart and downloads", async () => {
    const editor = new InjectBrowser(app);
    await editor.signIn(ACCOUNTS.herningEditor.email, PASSWORD);
    const form = await editor.get(`/kommuner/${PLAN_CODE}/handleplaner/ny`);
    expect(form.statusCode).toBe(200);
    expect(textOf(form.body)).toContain("Voksne – botilbud §§ 107–108");

    const fields = {
      titel: "Handleplan for danmarkskortet 2021",
      baggrund: "På baggrund af beslutning truffet i Social- og Sundhedsudvalget den 17. august 2022.",
      dataaar: "2021",
      maal: "Færre hjemviste og omgjorte sager.",
      handling_0_tekst: "Vidensbank over alle hjemviste og omgjorte afgørelser.",
      handling_0_ansvarlig: "Jura",
      handling_0_frist: "2023-01-31",
      handling_0_status: "done",
      fokus: "sel-96",
      fokus_sagsemne: LABELS.cash,
      fokus_lov: "Serviceloven",
      status: "offentliggjort",
    };
    // Without the form's CSRF token nothing is stored.
    expect((await editor.post(`/kommuner/${PLAN_CODE}/handleplaner`, fields, { csrf: false })).statusCode).toBe(403);
    const refused = await editor.post(`/kommuner/${PLAN_CODE}/handleplaner`, { ...fields, maal: "Ring til 290292-1234" });
    expect(refused.statusCode).toBe(400);
    // The refused text comes back to its writer for correction, as the comment form does, and no cache keeps it.
    expect(refused.headers["cache-control"]).toBe("private, no-store");
    expect(textOf(refused.body)).toContain('Feltet "Mål" indeholder noget, der ligner et CPR-nummer');
    const saved = await editor.post(`/kommuner/${PLAN_CODE}/handleplaner`, fields);
    expect(saved.statusCode).toBe(303);
    const location = String(saved.headers.location);
    expect(location).toMatch(/^\/kommuner\/0657\/handleplaner\?gemt=\d+#handleplan-\d+$/);
    const id = /gemt=(\d+)/.exec(location)![1]!;

    const publicPage = await new InjectBrowser(app).get(`/kommuner/${PLAN_CODE}/handleplaner`);
    expect(publicPage.statusCode).toBe(200);
    expect(publicPage.body).not.toContain("290292");
    const text = textOf(publicPage.body);
    expect(text).toContain("Handleplan for danmarkskortet 2021");
    expect(text).toContain("Færre hjemviste og omgjorte sager.");
    expect(text).toContain("Vidensbank over alle hjemviste og omgjorte afgørelser. Jura 31. januar 2023 Gennemført");
    // All focus areas together: BPA 2/1/2 and the § 95 subject 2/2/1 decided → 4, 3, 3 cases.
    expect(text).toMatch(/Fokusområderne samlet År Sager Ændret Hjemvist Omgjort 95 %-interval Landsplan Vurdering 2019 4 1 2 75,0 %/);
    expect(text).toContain("Voksne – borgerstyret personlig assistance (BPA) § 96");
    expect(text).toContain(`${LABELS.cash} (serviceloven)`);
    expect(text).toContain("4 realitetsbehandlede sager i 2019, heraf 3 omgjort");
    expect(publicPage.body).toContain('<figure class="action-plan-chart"><svg');
    expect(text).not.toContain("Rediger");
    expect(publicPage.body).toContain(`/kommuner/0657/handleplaner/${id}.docx`);

    const docx = await app.inject({ method: "GET", url: `/kommuner/${PLAN_CODE}/handleplaner/${id}.docx` });
    expect(docx.statusCode).toBe(200);
    expect(docx.headers["content-disposition"]).toBe(`attachment; filename="handleplan-herning-kommune-2021-nr-${id}.docx"`);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe("PK");

    // The municipality's page links to the plans.
    const profile = await app.inject({ method: "GET", url: `/kommuner/${PLAN_CODE}` });
    expect(profile.body).toContain(`href="/kommuner/${PLAN_CODE}/handleplaner"`);

    // The editor changes the status of the action; another municipality's editor may not.
    const edit = await editor.get(`/kommuner/${PLAN_CODE}/handleplaner/${id}/rediger`);
    expect(edit.statusCode).toBe(200);
    expect(edit.body).toContain('value="Handleplan for danmarkskortet 2021"');
    const changed = await editor.post(`/kommuner/${PLAN_CODE}/handleplaner/${id}`, { ...fields, handling_0_status: "in-progress", evaluering_0_aar: "2022", evaluering_0_tekst: "Udvalget fulgte op." });
    expect(changed.statusCode).toBe(303);
    expect(textOf((await editor.get(`/kommuner/${PLAN_CODE}/handleplaner`)).body)).toContain("Udvalget fulgte op.");
    const other = new InjectBrowser(app);
    await other.signIn(ACCOUNTS.copenhagenEditor.email, PASSWORD);
    expect((await other.get(`/kommuner/${PLAN_CODE}/handleplaner/ny`)).statusCode).toBe(403);
    expect((await other.post(`/kommuner/${PLAN_CODE}/handleplaner/${id}/slet`, {})).statusCode).toBe(403);

    const deleted = await editor.post(`/kommuner/${PLAN_CODE}/handleplaner/${id}/slet`, {});
    expect(deleted.statusCode).toBe(303);
    expect(textOf((await editor.get(`/kommuner/${PLAN_CODE}/handleplaner`)).body)).toContain("Herning Kommune har ingen handleplaner.");
    const trail = await listAuditEvents(t.db, { municipalityCode: PLAN_CODE });
    expect(trail.filter((e) => e.action.startsWith("actionplan.")).map((e) => [e.action, e.channel])).toEqual([
      ["actionplan.delete", "web"],
      ["actionplan.update", "web"],
      ["actionplan.create", "web"],
    ]);
  });
});
