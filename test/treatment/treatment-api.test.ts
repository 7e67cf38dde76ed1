import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueApiTokenForUser } from "../../src/app/accounts/api-tokens.js";
import { createUserAccount } from "../../src/app/accounts/manage-users.js";
import { OPERATOR } from "../../src/app/caller.js";
import { buildApp } from "../../src/server/app.js";
import { listAuditEvents } from "../../src/storage/audit-trail.js";
import { openApiChecker, type OpenApiChecker } from "../support/openapi-check.js";
import { ACCOUNTS, createAccounts, PASSWORD, testAccountDeps } from "../signin/sign-in-fixtures.js";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../support/test-databases.js";
import { readZipEntries } from "../support/zip-entries.js";
import { tinyPdf } from "../support/tiny-pdf.js";


const TITLE = "Danmarkskortet - omgørelsesprocent i Ankestyrelsen 2024";
const ROUTE = "/api/v1/municipalities/0657/treatment/2024";

/** Herning's 2024 treatment as in seeds/herning-handicapraad-referat-2025-08-28.txt (punkt 42). */
const HERNING_MEETINGS = [
  { bodyId: "boerne-og-familieudvalget", date: "2025-08-13", agendaItemTitle: TITLE, role: "recommendation", state: "held", decisionText: "Udvalget har drøftet sagen og taget orienteringen til efterretning." },
  { bodyId: "social-og-sundhedsudvalget", date: "2025-08-20", agendaItemTitle: TITLE, role: "recommendation", state: "held", decisionText: "Udvalget har drøftet sagen og taget orienteringen til efterretning." },
  {
    bodyId: "handicapraadet",
    date: "2025-08-28",
    agendaItemNumber: "42",
    agendaItemTitle: TITLE,
    role: "consultation",
    state: "held",
    decisionText: "Orienteringen er taget til efterretning.\n\nHandicaprådet ønsker at emnet er et opmærksomhedspunkt for nyt Handicapråd.",
  },
  // The seed does not date the Byråd's meeting; 24 September 2025 is the date of the issue's example sentence.
  { bodyId: "byraadet", date: "2025-09-24", agendaItemTitle: TITLE, role: "decision", state: "held", outcome: "concluded", decisionText: "Danmarkskortet over omgørelsesprocenter 2024 er taget til efterretning." },
];

describe.each(DATABASE_KINDS)("the treatment record through /api/v1 on %s", (kind) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let openApi: OpenApiChecker;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    const deps = testAccountDeps(t.db);
    await createAccounts(deps);
    await createUserAccount(deps, OPERATOR, { email: "laeser@kk.test", role: { kind: "laeser", municipalityCode: "0101" }, password: PASSWORD });
    const emails = { ...Object.fromEntries(Object.entries(ACCOUNTS).map(([k, a]) => [k, a.email])), copenhagenReader: "laeser@kk.test" };
    for (const [name, email] of Object.entries(emails)) {
      const issued = await issueApiTokenForUser(deps, OPERATOR, { email, name: "behandling" });
      if (issued.kind !== "created") throw new Error(issued.messageDa);
      tokens[name] = issued.secret;
    }
    app = await buildApp({ db: t.db, storageDescription: kind, securityLog: deps.securityLog });
    openApi = await openApiChecker(app);
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  async function call(method: "GET" | "POST" | "PUT" | "DELETE", url: string, who: string | null, payload?: object) {
    const response = await app.inject({ method, url, headers: who ? { authorization: `Bearer ${tokens[who]}` } : {}, ...(payload ? { payload } : {}) });
    // Every JSON answer follows the OpenAPI document, successes and refusals alike.
    const path = openApi.pathOf(url);
    const schema = path ? openApi.schemaOf(path, method, response.statusCode) : undefined;
    if (response.headers["content-type"]?.toString().startsWith("application/json")) {
      expect(schema, `${method} ${url} ${response.statusCode} er dokumenteret`).toBeDefined();
      expect(openApi.check(response.json(), schema!), `${method} ${url} (${response.statusCode})`).toEqual([]);
    }
    return response;
  }

  it("builds Herning's 2024 treatment with an editor's token, and GET answers it with the status sentence", async () => {
    const before = (await call("GET", ROUTE, null)).json();
    expect(before).toMatchObject({ council: "Byrådet", deadline: "2025-12-31", status: { kind: "overdue" }, meetings: [] });
    expect((await call("GET", "/api/v1/municipalities/0657/bodies", null)).json().bodies.map((b: { id: string }) => b.id)).toEqual(expect.arrayContaining(HERNING_MEETINGS.map((m) => m.bodyId)));
    for (const m of HERNING_MEETINGS) {
      const r = await call("POST", `${ROUTE}/meetings`, "herningEditor", m);
      expect(r.statusCode, r.body).toBe(201);
    }
    const record = (await call("GET", ROUTE, null)).json();
    expect(record.status).toEqual({ kind: "treated", sentence: "Byrådet behandlede kortet den 24. september 2025.", notes: [] });
    expect(record.meetings.map((m: { body: { name: string }; date: string; roleDa: string; outcomeDa: string }) => [m.body.name, m.date, m.roleDa, m.outcomeDa])).toEqual([
      ["Børne- og Familieudvalget", "2025-08-13", "indstilling", "behandlet"],
      ["Social- og Sundhedsudvalget", "2025-08-20", "indstilling", "behandlet"],
      ["Handicaprådet", "2025-08-28", "høring", "behandlet"],
      ["Byrådet", "2025-09-24", "beslutning", "behandlet"],
    ]);
    expect(record.actionPlan).toMatchObject({ applies: false, kind: "not-applicable" });
    expect(record.rules.find((r: { id: string }) => r.id === "action-plan-decision")).toMatchObject({ origin: "default", source: expect.stringContaining("l151") });
  });

  it("refuses other roles, a CPR number, a body off the list and a body against the schema", async () => {
    const m = HERNING_MEETINGS[0]!;
    expect((await call("POST", `${ROUTE}/meetings`, "copenhagenEditor", m)).statusCode).toBe(403);
    expect((await call("POST", `${ROUTE}/meetings`, "herningReader", m)).statusCode).toBe(403);
    expect((await call("POST", `${ROUTE}/meetings`, "tilsyn", m)).statusCode).toBe(403);
    expect((await call("POST", `${ROUTE}/meetings`, null, m)).statusCode).toBe(401);
    const cpr = await call("POST", `${ROUTE}/meetings`, "herningEditor", { ...m, decisionText: "Klage fra 0101901234." });
    expect(cpr.statusCode).toBe(400);
    expect(cpr.json().message).toMatch(/CPR-nummer/);
    expect((await call("POST", `${ROUTE}/meetings`, "herningEditor", { ...m, bodyId: "folketinget" })).statusCode).toBe(400);
    expect((await call("POST", `${ROUTE}/meetings`, "herningEditor", { ...m, role: "beslutning" })).json()).toMatchObject({ error: "ugyldigt-indhold" });
    expect((await call("GET", ROUTE, null)).json().meetings).toHaveLength(4);
  });

  it("keeps Herning's non-public attachment from København's reader, in the record and at the file's address", async () => {
    const record = (await call("GET", ROUTE, "herningEditor")).json();
    const handicap = record.meetings.find((m: { body: { id: string } }) => m.body.id === "handicapraadet");
    const html = "<!doctype html><html><body><h1>Punkt 42</h1><p>Udkast til høringssvar – ikke offentligt.</p></body></html>";
    const internal = await call("POST", `${ROUTE}/meetings/${handicap.id}/attachments`, "herningEditor", { fileName: "høringssvar-udkast.html", contentBase64: Buffer.from(html).toString("base64"), isPublic: false });
    expect(internal.statusCode, internal.body).toBe(201);
    const pdf = await call("POST", `${ROUTE}/meetings/${handicap.id}/attachments`, "herningEditor", { fileName: "referat.pdf", contentBase64: tinyPdf("Referat, Handicaprådet, punkt 42").toString("base64"), isPublic: true });
    expect(pdf.statusCode).toBe(201);
    const internalUrl = internal.json().url as string;

    for (const who of ["copenhagenReader", null]) {
      const seen = (await call("GET", ROUTE, who)).json();
      const files = seen.meetings.find((m: { body: { id: string } }) => m.body.id === "handicapraadet").attachments.map((a: { fileName: string }) => a.fileName);
      expect(files, String(who)).toEqual(["referat.pdf"]);
      expect(seen.hiddenAttachments).toBe(1);
      const file = await app.inject({ method: "GET", url: internalUrl, headers: who ? { authorization: `Bearer ${tokens[who]}` } : {} });
      expect(file.statusCode, String(who)).toBe(404);
      expect(file.body).not.toContain("høringssvar");
    }
    const own = await app.inject({ method: "GET", url: internalUrl, headers: { authorization: `Bearer ${tokens.herningReader}` } });
    expect(own.statusCode).toBe(200);
    expect(own.body).toBe(html);
    expect(own.headers["content-security-policy"]).toContain("sandbox");
    expect(own.headers["content-disposition"]).toMatch(/^attachment;/);
    expect((await app.inject({ method: "GET", url: pdf.json().url })).statusCode).toBe(200);
    // Another municipality's address for the same file finds nothing.
    expect((await app.inject({ method: "GET", url: internalUrl.replace("/0657/", "/0101/"), headers: { authorization: `Bearer ${tokens.herningReader}` } })).statusCode).toBe(404);
    expect((await call("PUT", internalUrl, "copenhagenEditor", { isPublic: true })).statusCode).toBe(403);
  });

  it("takes the plan decision only where the rule applies, the order from tilsyn only, and a rule edit from admin only", async () => {
    expect((await call("PUT", `${ROUTE}/plan-decision`, "herningEditor", { decision: "no" })).statusCode).toBe(409);
    const y2023 = "/api/v1/municipalities/0657/treatment/2023";
    const decided = await call("PUT", `${y2023}/plan-decision`, "herningEditor", { decision: "no", ankestyrelsenNotifiedOn: "2024-10-02" });
    expect(decided.statusCode).toBe(200);
    expect(decided.json().actionPlan).toMatchObject({ applies: true, decision: { decision: "no", decisionDa: "nej" }, sentence: "Byrådet besluttede, at der ikke er behov for en handleplan." });
    expect((await call("PUT", `${y2023}/order`, "herningEditor", { orderedOn: "2025-02-10", deadline: "2025-06-30" })).statusCode).toBe(403);
    const ordered = await call("PUT", `${y2023}/order`, "tilsyn", { orderedOn: "2025-02-10", deadline: "2025-06-30", note: "Påbud efter gennemgang af referatet." });
    expect(ordered.json().actionPlan.order).toMatchObject({ deadline: "2025-06-30" });
    expect((await call("PUT", "/api/v1/legal-rules/action-plan-decision", "herningEditor", { validFrom: "2022-07-01", validTo: null, summary: "x", source: "y" })).statusCode).toBe(403);
    const edited = await call("PUT", "/api/v1/legal-rules/action-plan-decision", "admin", { validFrom: "2022-07-01", validTo: "2025-12-31", summary: "Kommunalbestyrelsen tager stilling til en handleplan.", source: "Allerød Kommune 2025" });
    expect(edited.json()).toMatchObject({ origin: "edited", validTo: "2025-12-31", editedBy: expect.stringContaining("admin@ankestyrelsen.test") });
    expect((await call("GET", ROUTE, null)).json().actionPlan).toMatchObject({ applies: true, kind: "missing" });
    expect((await call("DELETE", "/api/v1/legal-rules/action-plan-decision", "admin")).json()).toMatchObject({ origin: "default", validTo: "2024-12-31" });
    expect((await call("GET", "/api/v1/legal-rules", null)).json().rules).toHaveLength(3);
  });

  it("exports the history as CSV and XLSX, and every write above is in the audit trail", async () => {
    const csv = await app.inject({ method: "GET", url: "/api/v1/municipalities/0657/treatment?format=csv" });
    expect(csv.headers["content-type"]).toMatch(/^text\/csv/);
    const lines = csv.body.replace(/^\ufeff/, "").trim().split("\r\n");
    expect(lines[0]).toMatch(/^Kommunekode;Kommune;Dataår;Frist;Status;Handleplan;Organ/);
    expect(lines.filter((l) => l.startsWith("0657;Herning;2024;"))).toHaveLength(4);
    expect(csv.body).toContain("Byrådet behandlede kortet den 24. september 2025.");
    expect(csv.body).toContain("referat.pdf");
    expect(csv.body).not.toContain("høringssvar-udkast.html");
    const xlsx = await app.inject({ method: "GET", url: "/api/v1/municipalities/0657/treatment?format=xlsx", headers: { authorization: `Bearer ${tokens.herningReader}` } });
    expect(xlsx.statusCode).toBe(200);
    const sheet = readZipEntries(xlsx.rawPayload).get("xl/sharedStrings.xml")?.toString("utf8") ?? "";
    expect(sheet).toContain("Social- og Sundhedsudvalget");
    expect(sheet).toContain("høringssvar-udkast.html");

    const actions = (await listAuditEvents(t.db, { municipalityCode: "0657" })).map((e) => `${e.action} ${e.channel}`);
    expect(actions.filter((a) => a === "treatment.meeting-add api")).toHaveLength(4);
    expect(actions.filter((a) => a === "treatment.attachment-add api")).toHaveLength(2);
    expect(actions).toEqual(expect.arrayContaining(["treatment.plan-decision api", "treatment.order-record api"]));
    const national = (await listAuditEvents(t.db, {})).map((e) => e.action);
    expect(national).toEqual(expect.arrayContaining(["legal.rule-edit", "legal.rule-reset"]));
  });
});
