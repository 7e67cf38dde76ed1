import type { FastifyInstance } from "fastify";
import type { IncomingMessage } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-databases.js";
import { buildApp } from "./app.js";
import { addressForLog, REDACTED, requestIdOf } from "./request-log.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const withHeader = (value: string | string[] | undefined) => ({ headers: value === undefined ? {} : { "x-request-id": value } }) as unknown as IncomingMessage;

describe("requestIdOf", () => {
  it("keeps a well-formed incoming id (a proxy's UUID, nginx's hex, a trace header)", () => {
    for (const id of ["4f1c2a9e-5b7d-4c3e-9a1f-0e2d3c4b5a69", "7d9f0b3c1e2a4f5d8c6b7a9e0f1d2c3b", "Root=1-67891233-abcdef012345678912345678"]) expect(requestIdOf(withHeader(id))).toBe(id);
  });

  it("makes a new UUID for none, an empty one, a repeated header, a line break, spaces, or over 128 characters", () => {
    for (const value of [undefined, "", ["a", "b"], "abc\ndef", "a b", "x".repeat(129), '"><script>']) expect(requestIdOf(withHeader(value))).toMatch(UUID);
    expect(requestIdOf(withHeader("x".repeat(128)))).toBe("x".repeat(128));
  });
});

describe("addressForLog", () => {
  it("hides the values of secret query parameters and keeps the rest as sent", () => {
    expect(addressForLog("/auth/oidc/callback?code=abc123&state=s3cr3t&iss=https%3A%2F%2Fidp")).toBe(`/auth/oidc/callback?code=${encodeURIComponent(REDACTED)}&state=${encodeURIComponent(REDACTED)}&iss=https%3A%2F%2Fidp`);
    expect(addressForLog("/x?_csrf=t&api_token=u&Adgangskode=v&aar=2024")).toBe(`/x?_csrf=${encodeURIComponent(REDACTED)}&api_token=${encodeURIComponent(REDACTED)}&Adgangskode=${encodeURIComponent(REDACTED)}&aar=2024`);
    expect(addressForLog("/kort?aar=2024&kort=socialomraadet")).toBe("/kort?aar=2024&kort=socialomraadet");
    expect(addressForLog("/kommuner/0657")).toBe("/kommuner/0657");
    expect(addressForLog("/x?%E0%A4%A=1&code")).toBe("/x?%E0%A4%A=1&code");
  });
});

describe("request ids and JSON log lines (buildApp with a log sink)", () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  const lines: string[] = [];
  const records = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

  beforeAll(async () => {
    t = await createTestDatabase("pglite");
    app = await buildApp({ db: t.db, storageDescription: "indlejret database i hukommelsen", log: { level: "info", stream: { write: (line) => void lines.push(line) } } });
    // A careless log call, as a route might one day make: the redaction must still hold.
    app.post("/test-only/logger-alt", async (request) => {
      request.log.info({ headers: request.headers, body: request.body }, "alt om forespørgslen");
      return { ok: true };
    });
    app.get("/test-only/fejl", async () => {
      throw new Error("intern detalje");
    });
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });
  beforeEach(() => void lines.splice(0));

  it("echoes a well-formed X-Request-Id and generates one otherwise", async () => {
    const given = await app.inject({ method: "GET", url: "/healthz", headers: { "x-request-id": "lb-0123456789abcdef" } });
    expect(given.headers["x-request-id"]).toBe("lb-0123456789abcdef");
    const none = await app.inject({ method: "GET", url: "/healthz" });
    const bad = await app.inject({ method: "GET", url: "/healthz", headers: { "x-request-id": "a b c" } });
    expect(none.headers["x-request-id"]).toMatch(UUID);
    expect(bad.headers["x-request-id"]).toMatch(UUID);
    expect(bad.headers["x-request-id"]).not.toBe(none.headers["x-request-id"]);
  });

  it("writes one JSON line per event with the request id, and never the cookie, the Authorization header or the form body", async () => {
    const cookie = "danmarkskort_session=hemmelig-session-9f8e7d";
    const response = await app.inject({
      method: "POST",
      url: "/test-only/logger-alt?code=oidc-kode-42",
      headers: { cookie, authorization: "Bearer hemmelig-noegle-1a2b", "x-csrf-token": "hemmelig-csrf-3c4d", "x-request-id": "spor-77", "content-type": "application/x-www-form-urlencoded" },
      payload: "adgangskode=hemmelig-adgangskode-5e6f&_csrf=hemmelig-csrf-3c4d",
    });
    // The CSRF check refuses the form (no secret cookie); the request's lines are written all the same.
    expect(response.statusCode).toBe(403);
    const all = lines.join("");
    for (const secret of ["hemmelig-session-9f8e7d", "hemmelig-noegle-1a2b", "hemmelig-csrf-3c4d", "hemmelig-adgangskode-5e6f", "oidc-kode-42"]) expect(all).not.toContain(secret);
    const ours = records().filter((r) => r.reqId === "spor-77");
    expect(ours.length).toBeGreaterThanOrEqual(2);
    const incoming = ours.find((r) => r.msg === "incoming request");
    expect(incoming?.req).toEqual({ method: "POST", url: `/test-only/logger-alt?code=${encodeURIComponent(REDACTED)}`, remoteAddress: "127.0.0.1" });
    expect(ours.find((r) => r.msg === "request completed")).toMatchObject({ res: { statusCode: response.statusCode }, level: 30 });
  });

  it("redacts what a route logs itself: headers and body", async () => {
    // With a valid CSRF secret and token, so the form reaches the route and its log call.
    const csrf = await app.inject({ method: "GET", url: "/log-ind" });
    const secretCookie = [csrf.headers["set-cookie"]].flat().find((c) => c?.startsWith("danmarkskort_csrf="))?.split(";")[0] ?? "";
    const token = /name="_csrf" value="([^"]+)"/.exec(csrf.body)?.[1] ?? "";
    expect(token).not.toBe("");
    lines.splice(0);
    const response = await app.inject({
      method: "POST",
      url: "/test-only/logger-alt",
      headers: { cookie: `${secretCookie}; danmarkskort_session=hemmelig-session-aa`, "content-type": "application/x-www-form-urlencoded", "x-request-id": "spor-88" },
      payload: `adgangskode=hemmelig-bb&_csrf=${encodeURIComponent(token)}`,
    });
    expect(response.statusCode).toBe(200);
    const line = records().find((r) => r.reqId === "spor-88" && r.msg === "alt om forespørgslen");
    expect(line).toMatchObject({ headers: { cookie: REDACTED }, body: REDACTED });
    expect(lines.join("")).not.toMatch(/hemmelig-(session-aa|bb)/);
  });

  it("logs an unexpected error under its request id, and the client sees neither", async () => {
    const response = await app.inject({ method: "GET", url: "/test-only/fejl", headers: { "x-request-id": "spor-99" } });
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain("intern detalje");
    const line = records().find((r) => r.reqId === "spor-99" && r.level === 50);
    expect(line).toMatchObject({ msg: "Uventet fejl; svaret er 500", err: { message: "intern detalje" } });
  });

  it("leaves the probes out of the info lines: /healthz and /readyz, called every few seconds", async () => {
    await app.inject({ method: "GET", url: "/healthz", headers: { "x-request-id": "probe-1" } });
    await app.inject({ method: "GET", url: "/readyz", headers: { "x-request-id": "probe-2" } });
    await app.inject({ method: "GET", url: "/findes-ikke", headers: { "x-request-id": "person-1" } });
    expect(records().filter((r) => typeof r.reqId === "string" && r.reqId.startsWith("probe-"))).toEqual([]);
    expect(records().filter((r) => r.reqId === "person-1").map((r) => r.msg)).toEqual(["incoming request", "request completed"]);
  });

  it("is silent without log settings, as every other test's server is", async () => {
    const quiet = await buildApp({ db: t.db, storageDescription: "indlejret database i hukommelsen" });
    expect(quiet.log.level).toBe("silent");
    expect((await quiet.inject({ method: "GET", url: "/healthz" })).headers["x-request-id"]).toMatch(UUID);
    await quiet.close();
  });
});
