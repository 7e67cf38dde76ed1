import type { FastifyInstance } from "fastify";
import { DatabaseUnavailableError } from "../../storage/database.js";
import type { AppContext } from "../app-context.js";
import { checkReadiness, describeNotReady } from "../readiness.js";
import { PROBE_LOG_LEVEL } from "../request-log.js";

/**
 * GET /readyz: whether a load balancer should send this instance requests (issue 17, item 1). 200
 * `{"status":"klar"}`, or 503 with a code and a Danish reason: stopping, database unreachable, migrations
 * behind, figures not loadable (readiness.ts). /healthz stays the plain "alive" check.
 *
 * GET /healthz: 200 `{"status":"ok"}` when the database answers; 503 `{"status":"database-utilgaengelig"}`
 * while the pool reconnects after lost connections (issue 19), so a load balancer or a person can see it.
 */
export function registerHealth(app: FastifyInstance, ctx: AppContext): void {
  app.get("/healthz", { logLevel: PROBE_LOG_LEVEL }, async (_request, reply) => {
    const unavailable = (downSinceMs: number | null) =>
      reply
        .code(503)
        .header("retry-after", "5")
        .send({
          status: "database-utilgaengelig",
          storage: ctx.db.kind,
          message: new DatabaseUnavailableError().message,
          ...(downSinceMs !== null ? { downSince: new Date(downSinceMs).toISOString() } : {}),
        });
    const health = ctx.db.health();
    if (health.kind === "down") return unavailable(health.sinceMs);
    try {
      await ctx.db.query("SELECT 1");
    } catch (error) {
      if (error instanceof DatabaseUnavailableError) {
        const now = ctx.db.health();
        return unavailable(now.kind === "down" ? now.sinceMs : null);
      }
      throw error;
    }
    return { status: "ok", storage: ctx.db.kind };
  });
  app.get("/readyz", { logLevel: PROBE_LOG_LEVEL }, async (_request, reply) => {
    const readiness = await checkReadiness(ctx);
    if (readiness.kind === "ready") return reply.header("cache-control", "no-store").send({ status: "klar", storage: ctx.db.kind });
    const { code, messageDa } = describeNotReady(readiness.reason);
    return reply.code(503).header("cache-control", "no-store").header("retry-after", "5").send({ status: "ikke-klar", reason: code, message: messageDa, storage: ctx.db.kind });
  });
}
