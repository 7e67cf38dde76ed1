import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../../../test/support/test-databases.js";
import { buildApp, listRoutes } from "../app.js";
import { UNMATCHED_ROUTE } from "../server-metrics.js";
import { testConfig } from "../../../test/support/app-config.js";

const TOKEN = "maaletoken-0123456789abcdef0123456789abcdef";

describe("GET /metrics without DANMARKSKORT_METRICS_TOKEN", () => {
  it("does not exist: 404 like any unknown address, with or without a Bearer header", async () => {
    const t = await createTestDatabase("pglite");
    const app = await buildApp({ db: t.db, storageDescription: "test" });
    try {
      expect(listRoutes(app).some((r) => r.url === "/metrics")).toBe(false);
      expect((await app.inject({ method: "GET", url: "/metrics" })).statusCode).toBe(404);
      expect((await app.inject({ method: "GET", url: "/metrics", headers: { authorization: `Bearer ${TOKEN}` } })).statusCode).toBe(404);
    } finally {
      await app.close();
      await t.drop();
    }
  });
});

describe.each(DATABASE_KINDS)("GET /metrics with a token, on %s", (kind) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    app = await buildApp({ db: t.db, storageDescription: "test", config: testConfig({ server: { metricsToken: TOKEN } }) });
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });
  const scrape = (authorization?: string) => app.inject({ method: "GET", url: "/metrics", headers: authorization === undefined ? {} : { authorization } });

  it("refuses a scrape without the token, with a wrong one, or with the token in another scheme", async () => {
    for (const authorization of [undefined, "Bearer forkert", `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, `Basic ${TOKEN}`, TOKEN, `bearer${TOKEN}`]) {
      const response = await scrape(authorization);
      expect(response.statusCode, String(authorization)).toBe(401);
      expect(response.headers["www-authenticate"]).toBe('Bearer realm="metrics"');
      expect(response.body).not.toContain("danmarkskort_http_requests_total");
    }
  });

  it("answers in Prometheus' text format despite the security headers, and counts requests by route pattern and status class", async () => {
    await app.inject({ method: "GET", url: "/healthz" });
    await app.inject({ method: "GET", url: "/healthz" });
    await app.inject({ method: "GET", url: "/api/v1/municipalities/0657" });
    await app.inject({ method: "GET", url: "/findes-ikke-7c1d" });
    const response = await scrape(`Bearer ${TOKEN}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/plain; version=0.0.4; charset=utf-8");
    expect(response.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(response.headers["cache-control"]).toBe("no-store");
    const body = response.body;
    expect(body).toContain('danmarkskort_http_requests_total{method="GET",route="/healthz",status_class="2xx"} 2');
    // The route's pattern, not the address: one series for every municipality.
    expect(body).toMatch(/danmarkskort_http_requests_total\{method="GET",route="\/api\/v1\/municipalities\/:code",status_class="\dxx"\} 1/);
    expect(body).toContain(`danmarkskort_http_requests_total{method="GET",route="${UNMATCHED_ROUTE}",status_class="4xx"} 1`);
    expect(body).not.toContain("findes-ikke-7c1d");
    expect(body).toContain('danmarkskort_http_request_duration_seconds_count{method="GET",route="/healthz",status_class="2xx"} 2');
    expect(body).toContain('danmarkskort_http_request_duration_seconds_bucket{le="10",method="GET",route="/healthz",status_class="2xx"} 2');
    // The refused scrapes of the test before were counted too.
    expect(body).toMatch(/danmarkskort_http_requests_total\{method="GET",route="\/metrics",status_class="4xx"\} 7/);
    expect(body).toContain("process_cpu_seconds_total");
  });

  it("counts the figures cache's answers: built once, then sent as stored", async () => {
    const before = await scrape(`Bearer ${TOKEN}`);
    const count = (body: string, result: string) => Number(new RegExp(`danmarkskort_figures_answer_cache_total\\{result="${result}"\\} (\\d+)`).exec(body)?.[1]);
    for (let i = 0; i < 3; i++) expect((await app.inject({ method: "GET", url: "/api/v1/maps" })).statusCode).toBe(200);
    const after = (await scrape(`Bearer ${TOKEN}`)).body;
    expect(count(after, "miss") - count(before.body, "miss")).toBe(1);
    expect(count(after, "hit") - count(before.body, "hit")).toBe(2);
  });

  it(kind === "postgres" ? "shows the PostgreSQL pool's connections" : "shows no pool for the embedded database", async () => {
    const body = (await scrape(`Bearer ${TOKEN}`)).body;
    if (kind === "pglite") {
      expect(body).not.toContain("danmarkskort_db_pool_connections");
      return;
    }
    const gauge = (state: string) => Number(new RegExp(`danmarkskort_db_pool_connections\\{state="${state}"\\} (\\d+)`).exec(body)?.[1]);
    expect(gauge("total")).toBeGreaterThanOrEqual(1);
    expect(gauge("idle")).toBeLessThanOrEqual(gauge("total"));
    expect(gauge("waiting")).toBe(0);
  });
});
