import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../app-context.js";
import { PROBE_LOG_LEVEL } from "../request-log.js";
import { createServerMetrics } from "../server-metrics.js";

/** Compares the digests, so neither the token's length nor its first differing character shows in the time taken. */
function sameToken(given: string, expected: string): boolean {
  const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * GET /metrics in Prometheus' text format, for a scraper with `Authorization: Bearer <DANMARKSKORT_METRICS_TOKEN>`.
 * Without a configured token the route is not registered (404 like any unknown address): the server's figures are
 * not public by default. Every request is counted from here on, by route pattern and status class.
 */
export function registerMetrics(app: FastifyInstance, ctx: AppContext): void {
  const token = ctx.config.server.metricsToken;
  if (token === null) return;
  const metrics = createServerMetrics(ctx.db, () => ctx.figures.answerCounts);
  app.addHook("onResponse", async (request, reply) => metrics.observe(request, reply));
  app.get("/metrics", { logLevel: PROBE_LOG_LEVEL }, async (request, reply) => {
    const header = request.headers.authorization;
    const given = typeof header === "string" && header.startsWith("Bearer ") ? header.slice("Bearer ".length) : undefined;
    if (given === undefined || !sameToken(given, token)) {
      return reply
        .code(401)
        .header("www-authenticate", 'Bearer realm="metrics"')
        .type("text/plain; charset=utf-8")
        .send("Målingerne kræver Authorization: Bearer <DANMARKSKORT_METRICS_TOKEN>.\n");
    }
    const body = await metrics.registry.metrics();
    return reply.header("cache-control", "no-store").type(metrics.registry.contentType).send(body);
  });
}
