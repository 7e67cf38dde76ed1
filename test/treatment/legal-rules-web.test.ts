import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.js";
import { listAuditEvents } from "../../src/storage/audit-trail.js";
import { ACCOUNTS, createAccounts, PASSWORD, testAccountDeps } from "../signin/sign-in-fixtures.js";
import { InjectBrowser } from "../support/inject-browser.js";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../support/test-databases.js";

const PAGE = "/lovregler";
const RULE = "action-plan-decision";
const SOURCE = "Allerød Kommune, Social- og Sundhedsudvalget 2025, punkt om danmarkskortet";
const EDIT = { fra: "2022-07-01", til: "2025-12-31", indhold: "Kommunalbestyrelsen tager stilling til, om der er behov for en handleplan.", kilde: SOURCE };

type RuleJson = { id: string; validFrom: string; validTo: string | null; source: string; origin: string };

/**
 * Issue 13: whether § 79 b stk. 2–3 apply for a year is dated data an administrator edits on /lovregler,
 * with the source of each rule shown. The page's posts are the API's use cases: same role, same checks,
 * same audit trail.
 */
describe.each(DATABASE_KINDS)("the legal rules page on %s", (kind) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let admin: InjectBrowser;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    const deps = testAccountDeps(t.db);
    await createAccounts(deps, ["admin", "herningEditor"]);
    app = await buildApp({ db: t.db, storageDescription: kind, securityLog: deps.securityLog });
    admin = new InjectBrowser(app);
    await admin.signIn(ACCOUNTS.admin.email, PASSWORD);
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  const apiRule = async (): Promise<RuleJson> => ((await app.inject({ url: "/api/v1/legal-rules" })).json() as { rules: RuleJson[] }).rules.find((r) => r.id === RULE)!;
  const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

  it("shows the administrator every rule with its period in Danish, its source and that it is the default, linked from the header", async () => {
    const konto = await admin.get("/konto");
    expect(konto.body).toContain('<a href="/lovregler">Lovregler</a>');
    const page = await admin.get(PAGE);
    expect(page.statusCode).toBe(200);
    expect(page.headers["cache-control"]).toMatch(/no-store/);
    const body = text(page.body);
    for (const provision of ["retssikkerhedslovens § 84 a", "retssikkerhedslovens § 79 b, stk. 1", "retssikkerhedslovens § 79 b, stk. 2-3"]) expect(body).toContain(provision);
    expect(body).toContain("1. juli 2022 – 31. december 2024");
    expect(body).toContain("1. januar 2018 – uden slutdato");
    expect(page.body).toContain('<a href="https://eu.dk/samling/20211/lovforslag/l151/20211_l151_som_fremsat.htm">');
    expect(body).toContain("Standard");
    expect(page.body).toContain(`<label class="form-label" for="${RULE}-fra">Gælder fra</label>`);
    expect(page.body).toContain(`<label class="form-label" for="${RULE}-kilde">Kilde</label>`);
    expect(page.body).toContain(`action="/lovregler/${RULE}"`);
    // Nothing edited yet: nothing to reset.
    expect(page.body).not.toContain("Tilbage til standard");
  });

  it("refuses a bad date with 400, the Danish message beside the field, the typed values kept, and changes nothing", async () => {
    await admin.get(PAGE);
    const refused = await admin.post(`${PAGE}/${RULE}`, { ...EDIT, til: "31-12-2025" });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain(`<span class="form-error-message" id="${RULE}-til-error">`);
    expect(refused.body).toContain("Gælder til skal være en dato som 2024-12-31, eller tom, når reglen gælder uden slutdato.");
    expect(refused.body).toContain('role="alert"');
    expect(refused.body).toContain('value="31-12-2025"');
    expect(refused.body).toContain(`value="${SOURCE}"`);
    // The other rules' forms carry no error.
    expect(refused.body).not.toContain('id="council-treatment-til-error"');

    const missingSource = await admin.post(`${PAGE}/${RULE}`, { ...EDIT, kilde: " " });
    expect(missingSource.statusCode).toBe(400);
    expect(missingSource.body).toContain(`id="${RULE}-kilde-error"`);
    expect(missingSource.body).toContain("Kilden mangler");

    expect(await apiRule()).toMatchObject({ validTo: "2024-12-31", origin: "default" });
    expect((await listAuditEvents(t.db, {})).filter((e) => e.action.startsWith("legal.rule"))).toEqual([]);
  });

  it("saves an edit, says so, and shows it with who changed it; the audit trail has legal.rule-edit", async () => {
    await admin.get(PAGE);
    const saved = await admin.post(`${PAGE}/${RULE}`, EDIT);
    expect(saved.statusCode, saved.body.slice(0, 500)).toBe(303);
    expect(saved.headers.location).toBe(`/lovregler?gemt=regel&regel=${RULE}#h-${RULE}`);
    const page = await admin.get(saved.headers.location as string);
    const body = text(page.body);
    expect(page.body).toContain('role="status"');
    expect(body).toContain("Reglen om retssikkerhedslovens § 79 b, stk. 2-3 er gemt.");
    expect(body).toContain("1. juli 2022 – 31. december 2025");
    expect(body).toContain(SOURCE);
    expect(body).toContain(`Rettet af ${ACCOUNTS.admin.email} (Administrator)`);
    expect(body).toContain("Standarden er 1. juli 2022 – 31. december 2024.");
    expect(page.body).toContain("Tilbage til standard");
    expect(page.body).toContain(`action="/lovregler/${RULE}/standard"`);

    expect(await apiRule()).toMatchObject({ validTo: "2025-12-31", source: SOURCE, origin: "edited" });
    const events = (await listAuditEvents(t.db, {})).filter((e) => e.action === "legal.rule-edit");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorLabel: ACCOUNTS.admin.email, channel: "web", before: { validTo: "2024-12-31" }, after: { validTo: "2025-12-31", source: SOURCE } });
    // An unknown code in the address says nothing.
    expect(text((await admin.get("/lovregler?gemt=%3Cb%3E&regel=action-plan-decision")).body)).not.toContain("er gemt");
  });

  it("refuses Herning's editor the page and the posts with the Danish refusal page, and the rule stays", async () => {
    const editor = new InjectBrowser(app);
    await editor.signIn(ACCOUNTS.herningEditor.email, PASSWORD);
    expect((await editor.get("/konto")).body).not.toContain('href="/lovregler"');
    const page = await editor.get(PAGE);
    expect(page.statusCode).toBe(403);
    expect(page.body).toContain("Du har ikke adgang");
    expect(page.body).toContain("ændre de daterede lovregler");
    const post = await editor.post(`${PAGE}/${RULE}`, { ...EDIT, til: "" });
    expect(post.statusCode).toBe(403);
    expect(post.body).toContain("Du har ikke adgang");
    expect((await editor.post(`${PAGE}/${RULE}/standard`, {})).statusCode).toBe(403);
    expect((await new InjectBrowser(app).get(PAGE)).statusCode).toBe(401);
    expect(await apiRule()).toMatchObject({ validTo: "2025-12-31", origin: "edited" });
  });

  it("answers an unknown rule with the 404 page", async () => {
    await admin.get(PAGE);
    const unknown = await admin.post(`${PAGE}/findes-ikke`, EDIT);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain("Ukendt lovregel");
  });

  it("resets the rule to the default, says so, and the audit trail has legal.rule-reset", async () => {
    await admin.get(PAGE);
    const reset = await admin.post(`${PAGE}/${RULE}/standard`, {});
    expect(reset.statusCode).toBe(303);
    const page = await admin.get(reset.headers.location as string);
    expect(text(page.body)).toContain("Reglen om retssikkerhedslovens § 79 b, stk. 2-3 er sat tilbage til standard.");
    expect(text(page.body)).toContain("1. juli 2022 – 31. december 2024");
    expect(page.body).not.toContain("Tilbage til standard");
    expect(await apiRule()).toMatchObject({ validTo: "2024-12-31", origin: "default" });
    expect((await listAuditEvents(t.db, {})).filter((e) => e.action === "legal.rule-reset")).toHaveLength(1);
  });
});
