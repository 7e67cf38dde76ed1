import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueApiTokenForUser } from "../../src/app/accounts/api-tokens.js";
import { OPERATOR } from "../../src/app/caller.js";
import { createUserAccount } from "../../src/app/accounts/manage-users.js";
import { importFileIntoDatabase } from "../../src/app/import/import-file.js";
import { buildApp } from "../../src/server/app.js";
import { listAuditEvents } from "../../src/storage/audit-trail.js";
import { fixtureDir, talportalExportCsv, writeFixture } from "../import/import-fixtures.js";
import { openApiChecker, type OpenApiChecker } from "../support/openapi-check.js";
import { ACCOUNTS, createAccounts, PASSWORD, testAccountDeps } from "../signin/sign-in-fixtures.js";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../support/test-databases.js";
import { handleplanRows, PLAN_CODE, seedPlan } from "./handleplan-seed-data.js";


/** The seed's plan as an API body: the fields a client sends (followUpFrom left to its default). */
function seedBody(overrides: Record<string, unknown> = {}) {
  const { title, basisDecision, dataYears, goal, actions, focusAreas, status } = seedPlan();
  return { title, basisDecision, dataYears, goal, actions, focusAreas, status, ...overrides };
}

describe.each(DATABASE_KINDS)("the action plans API on %s (issue 13, item 5)", (kind) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let openApi: OpenApiChecker;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    const deps = testAccountDeps(t.db);
    await createAccounts(deps, ["herningEditor", "herningReader", "copenhagenEditor"]);
    const kk = await createUserAccount(deps, OPERATOR, { email: "laeser@kk.test", role: { kind: "laeser", municipalityCode: "0101" }, password: PASSWORD });
    if (kk.kind !== "created") throw new Error(kk.messageDa);
    for (const [name, email] of [["herningEditor", ACCOUNTS.herningEditor.email], ["herningReader", ACCOUNTS.herningReader.email], ["copenhagenEditor", ACCOUNTS.copenhagenEditor.email], ["copenhagenReader", "laeser@kk.test"]] as const) {
      const issued = await issueApiTokenForUser(deps, OPERATOR, { email, name: "handleplaner" });
      if (issued.kind !== "created") throw new Error(issued.messageDa);
      tokens[name] = issued.secret;
    }
    const path = writeFixture(fixtureDir(), `handleplan-api-${kind}.csv`, talportalExportCsv(handleplanRows([2019, 2020, 2021])));
    const imported = await importFileIntoDatabase(t.db, { path, extractedOn: "2022-06-01", source: "test", dryRun: false, isDemo: false, importedAt: new Date("2022-06-10T08:00:00Z") });
    expect(imported.stored?.kind).toBe("saved");
    app = await buildApp({ db: t.db, storageDescription: kind, securityLog: deps.securityLog });
    openApi = await openApiChecker(app);
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  async function call(method: "GET" | "POST" | "PUT" | "DELETE", url: string, path: string, token: string | null, payload?: object) {
    const response = await app.inject({ method, url, headers: token ? { authorization: `Bearer ${token}` } : {}, ...(payload ? { payload } : {}) });
    const schema = openApi.schemaOf(path, method, response.statusCode);
    expect(schema, `${method} ${path} dokumenterer ${response.statusCode}`).toBeDefined();
    expect(openApi.check(response.json(), schema!), `${method} ${url} (${response.statusCode})`).toEqual([]);
    return response;
  }

  const list = `/api/v1/municipalities/${PLAN_CODE}/action-plans`;
  const listPath = "/api/v1/municipalities/{code}/action-plans";
  const onePath = "/api/v1/municipalities/{code}/action-plans/{id}";

  it("an editor's token creates the seed's plan; the public GET answers the follow-up computed from the data", async () => {
    const created = await call("POST", list, listPath, tokens.herningEditor!, seedBody());
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ municipalityCode: PLAN_CODE, followUpFrom: 2019, status: "published" });

    const listed = await call("GET", list, listPath, null);
    expect(listed.statusCode).toBe(200);
    const [plan] = listed.json().plans;
    const combined = plan.followUp.combined.years.map((y: { year: number; municipality: { decided: number; reversed: number; reversalRate: number } }) => [y.year, y.municipality.decided, y.municipality.reversed, y.municipality.reversalRate]);
    expect(combined).toEqual([
      [2019, 5, 4, 0.8],
      [2020, 4, 2, 0.5],
      [2021, 4, 3, 0.75],
    ]);
    expect(plan.followUp.areas.map((a: { nameDa: string }) => a.nameDa)).toEqual(["Voksne – botilbud §§ 107–108", "Voksne – borgerstyret personlig assistance (BPA) § 96", "Voksne – kontante tilskud § 95"]);
    expect(plan.datasetVersions.map((v: { year: number }) => v.year)).toEqual([2019, 2020, 2021]);
    expect(plan.followUp.combined.years[0].judgementDa).toMatch(/^5 realitetsbehandlede sager i 2019, heraf 4 omgjort/);
    const groups = await call("GET", "/api/v1/action-plan-focus-areas", "/api/v1/action-plan-focus-areas", null);
    expect(groups.json().groups.find((g: { id: string }) => g.id === "sel-107-108").rules[0].paragraphs).toEqual(["107-108"]);
  });

  it("refuses other municipalities' editors, a CPR number and invalid content, each with a documented answer; writes are in the audit trail", async () => {
    expect((await call("POST", list, listPath, tokens.copenhagenEditor!, seedBody())).statusCode).toBe(403);
    expect((await call("POST", list, listPath, tokens.herningReader!, seedBody())).statusCode).toBe(403);
    expect((await call("POST", list, listPath, null, seedBody())).statusCode).toBe(401);
    const cpr = await call("POST", list, listPath, tokens.herningEditor!, seedBody({ goal: "Sagen 290292-1234 skal gennemgås" }));
    expect(cpr.statusCode).toBe(400);
    expect(cpr.body).not.toContain("290292");
    const invalid = await call("POST", list, listPath, tokens.herningEditor!, seedBody({ actions: [{ text: "", status: "planned" }], focusAreas: [{ kind: "group", groupId: "sel-999" }] }));
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().issues.map((i: { field: string }) => i.field)).toEqual(["actions.0.text", "focusAreas.0"]);
    const wrongShape = await call("POST", list, listPath, tokens.herningEditor!, seedBody({ focusAreas: [{ kind: "group" }] }));
    expect(wrongShape.statusCode).toBe(400);

    const draft = await call("POST", list, listPath, tokens.herningEditor!, seedBody({ title: "Udkast 2022", dataYears: [2022], status: "draft" }));
    const id = draft.json().id;
    const titles = async (token: string | null) => (await call("GET", list, listPath, token)).json().plans.map((p: { title: string }) => p.title);
    expect(await titles(tokens.herningReader!)).toContain("Udkast 2022");
    expect(await titles(tokens.copenhagenReader!)).not.toContain("Udkast 2022");
    expect(await titles(null)).not.toContain("Udkast 2022");
    expect((await call("GET", `${list}/${id}`, onePath, tokens.copenhagenReader!)).statusCode).toBe(404);
    const updated = await call("PUT", `${list}/${id}`, onePath, tokens.herningEditor!, seedBody({ title: "Handleplan 2022", dataYears: [2022], status: "published", evaluations: [{ year: 2022, text: "Evalueret i udvalget." }] }));
    expect(updated.json()).toMatchObject({ title: "Handleplan 2022", followUpFrom: 2020, evaluations: [{ year: 2022, text: "Evalueret i udvalget." }] });
    expect(updated.json().followUp.years).toEqual([2020, 2021, 2022]);
    expect(updated.json().followUp.combined.years[2].municipality).toEqual({ kind: "no-data", reasonDa: "Der er ikke indlæst data for 2022", reasonCode: "year-not-loaded" });
    expect((await call("DELETE", `${list}/${id}`, onePath, tokens.copenhagenEditor!)).statusCode).toBe(403);
    expect((await call("DELETE", `${list}/${id}`, onePath, tokens.herningEditor!)).json()).toEqual({ deleted: true });
    expect((await call("GET", `${list}/${id}`, onePath, null)).statusCode).toBe(404);
    expect((await call("GET", `${list}/x1`, onePath, null)).statusCode).toBe(400);

    const trail = await listAuditEvents(t.db, { municipalityCode: PLAN_CODE });
    expect(trail.filter((e) => e.action.startsWith("actionplan.")).map((e) => [e.action, e.channel])).toEqual([
      ["actionplan.delete", "api"],
      ["actionplan.publish", "api"],
      ["actionplan.create", "api"],
      ["actionplan.create", "api"],
    ]);
  });
});
