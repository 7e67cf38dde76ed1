import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueApiTokenForUser } from "../../src/app/accounts/api-tokens.js";
import { OPERATOR } from "../../src/app/caller.js";
import { buildApp, listRoutes } from "../../src/server/app.js";
import { openApiChecker, type OpenApiChecker } from "../support/openapi-check.js";
import { createTestDatabase, type TestDatabase } from "../support/test-databases.js";
import { ACCOUNTS, createAccounts, PASSWORD, testAccountDeps } from "./sign-in-fixtures.js";


describe("the /api/v1 write routes in the OpenAPI document", () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let openApi: OpenApiChecker;
  const schemaOf = (path: string, method: string, status: number) => {
    const schema = openApi.schemaOf(path, method, status);
    if (!schema) throw new Error(`${method.toUpperCase()} ${path} dokumenterer ikke ${status}`);
    return schema;
  };
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestDatabase("pglite");
    const deps = testAccountDeps(t.db);
    await createAccounts(deps, ["admin", "herningEditor"]);
    for (const name of ["admin", "herningEditor"] as const) {
      const issued = await issueApiTokenForUser(deps, OPERATOR, { email: ACCOUNTS[name].email, name: "openapi" });
      if (issued.kind !== "created") throw new Error(issued.messageDa);
      tokens[name] = issued.secret;
    }
    app = await buildApp({ db: t.db, storageDescription: "pglite", securityLog: deps.securityLog });
    openApi = await openApiChecker(app);
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it("documents every /api/v1 route the server has, writes with a request body and the Bearer scheme", () => {
    for (const route of listRoutes(app).filter((r) => r.url.startsWith("/api/v1/"))) {
      const path = route.url.replace(/:(\w+)/g, "{$1}");
      const operation = openApi.document.paths[path]?.[route.method.toLowerCase()];
      expect(operation, `${route.method} ${path}`).toBeDefined();
      if (route.method === "PUT" || route.method === "POST") expect(operation!.requestBody, `${route.method} ${path}`).toBeDefined();
      if (route.method !== "GET") expect(operation!.security, `${route.method} ${path}`).toEqual([{ apiToken: [] }]);
    }
  });

  async function call(method: "GET" | "PUT" | "POST" | "DELETE", url: string, path: string, token: string | null, payload?: object) {
    const response = await app.inject({ method, url, headers: token ? { authorization: `Bearer ${token}` } : {}, ...(payload ? { payload } : {}) });
    const errors = openApi.check(response.json(), schemaOf(path, method.toLowerCase(), response.statusCode));
    expect(errors, `${method} ${url} (${response.statusCode})`).toEqual([]);
    return response;
  }

  it("answers every documented write with a body that follows its schema, successes and refusals alike", async () => {
    const comment = "/api/v1/municipalities/{code}/comments/{year}";
    expect((await call("PUT", "/api/v1/municipalities/0657/comments/2024", comment, tokens.herningEditor!, { text: "Kladde.", status: "draft" })).statusCode).toBe(200);
    expect((await call("GET", "/api/v1/municipalities/0657/comments/2024", comment, null)).statusCode).toBe(404);
    expect((await call("GET", "/api/v1/municipalities/0657/comments/2024", comment, tokens.herningEditor!)).json()).toMatchObject({ status: "draft" });
    expect((await call("PUT", "/api/v1/municipalities/0657/comments/2024", comment, tokens.herningEditor!, { text: "Offentlig.", status: "published" })).statusCode).toBe(200);
    expect((await call("GET", "/api/v1/municipalities/0657/comments/2024", comment, null)).json()).toMatchObject({ status: "published", text: "Offentlig." });
    expect((await call("PUT", "/api/v1/municipalities/0101/comments/2024", comment, tokens.herningEditor!, { text: "x", status: "draft" })).statusCode).toBe(403);
    expect((await call("PUT", "/api/v1/municipalities/0657/comments/2024", comment, null, { text: "x", status: "draft" })).statusCode).toBe(401);
    expect((await call("PUT", "/api/v1/municipalities/0657/comments/2024", comment, tokens.herningEditor!, { text: "x", status: "synlig" })).statusCode).toBe(400);
    // A number is not text: JSON bodies are checked as typed, not coerced ("5" stored for 5).
    const numberAsText = await call("PUT", "/api/v1/municipalities/0657/comments/2024", comment, tokens.herningEditor!, { text: 5, status: "draft" });
    expect(numberAsText.statusCode).toBe(400);
    expect(numberAsText.json()).toMatchObject({ error: "ugyldigt-indhold" });
    expect((await call("PUT", "/api/v1/users/ny@herning.test/disabled", "/api/v1/users/{email}/disabled", tokens.admin!, { disabled: "true" })).statusCode).toBe(400);

    expect((await call("POST", "/api/v1/users", "/api/v1/users", tokens.admin!, { email: "ny@herning.test", role: "laeser", municipalityCode: "0657", password: PASSWORD })).statusCode).toBe(201);
    expect((await call("POST", "/api/v1/users", "/api/v1/users", tokens.admin!, { email: "ny@herning.test", role: "laeser", municipalityCode: "0657", password: PASSWORD })).statusCode).toBe(409);
    expect((await call("POST", "/api/v1/users", "/api/v1/users", tokens.herningEditor!, { email: "z@herning.test", role: "admin" })).statusCode).toBe(403);
    expect((await call("PUT", "/api/v1/users/ny@herning.test/disabled", "/api/v1/users/{email}/disabled", tokens.admin!, { disabled: true })).json()).toMatchObject({ disabled: true });

    const created = await call("POST", "/api/v1/tokens", "/api/v1/tokens", tokens.herningEditor!, { name: "script", days: 5 });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json() as { id: string; token: string };
    expect(token).toMatch(/^dkt_/);
    expect((await call("DELETE", `/api/v1/tokens/${id}`, "/api/v1/tokens/{id}", tokens.herningEditor!)).json()).toMatchObject({ id, revokedAt: expect.any(String) });
    expect((await call("DELETE", `/api/v1/tokens/${id}`, "/api/v1/tokens/{id}", tokens.herningEditor!)).statusCode).toBe(404);
    expect((await app.inject({ method: "PUT", url: "/api/v1/municipalities/0657/comments/2024", headers: { authorization: `Bearer ${token}` }, payload: { text: "x", status: "draft" } })).statusCode).toBe(401);

    const trail = await call("GET", "/api/v1/audit-trail?municipality=0657", "/api/v1/audit-trail", tokens.herningEditor!);
    expect((trail.json() as { events: { action: string }[] }).events.map((e) => e.action)).toEqual(expect.arrayContaining(["comment.save", "comment.publish", "user.create"]));
    expect((await call("GET", "/api/v1/audit-trail?municipality=0101", "/api/v1/audit-trail", tokens.herningEditor!)).statusCode).toBe(403);
  });
});
