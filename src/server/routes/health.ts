import type { FastifyInstance } from "fastify";
import type { AppContext } from "../app-context.js";

export function registerHealth(app: FastifyInstance, ctx: AppContext): void {
  app.get("/healthz", async () => {
    await ctx.db.query("SELECT 1");
    return { status: "ok", storage: ctx.db.kind };
  });
}
