import type { FastifyInstance } from "fastify";
import { DatabaseUnavailableError } from "../../storage/database.js";
import type { AppContext } from "../app-context.js";

/**
 * GET /healthz: 200 `{"status":"ok"}` when the database answers; 503 `{"status":"database-utilgaengelig"}`
 * while the pool reconnects after lost connections (issue 19), so a load balancer or a person can see it.
 */
export function registerHealth(app: FastifyInstance, ctx: AppContext): void {
  app.get("/healthz", async (_request, reply) => {
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
}
