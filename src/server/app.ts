import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance } from "fastify";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AppContext } from "./app-context.js";
import { renderPage } from "./html-page.js";
import { activeVersionByYear } from "../storage/complaint-store.js";
import { registerFrontPage } from "./routes/front-page.js";
import { registerHealth } from "./routes/health.js";
import { registerReportRoute } from "./routes/report.js";
import { registerApiV1 } from "./routes/api-v1.js";
import { registerPages } from "./routes/page-routes.js";

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
// dkfds exports no package.json; its files sit in node_modules beside ours.
const dkfdsDist = join(projectRoot, "node_modules", "dkfds", "dist");

/** Each route module registers itself here; adding a capability means adding one line. */
const ROUTES: ReadonlyArray<(app: FastifyInstance, ctx: AppContext) => void> = [registerHealth, registerFrontPage, registerApiV1, registerPages, registerReportRoute];

export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  await app.register(fastifyStatic, { root: join(projectRoot, "public"), prefix: "/assets/" });
  await app.register(fastifyStatic, { root: dkfdsDist, prefix: "/assets/dkfds/", decorateReply: false });
  for (const register of ROUTES) register(app, ctx);
  app.setNotFoundHandler(async (request, reply) => {
    if (request.url.startsWith("/api/")) {
      return reply.code(404).send({ error: "ikke-fundet", message: `Ukendt adresse: ${request.url}` });
    }
    // Demo data is announced on every page, this one too; a database that cannot answer must not turn a 404 into a 500.
    const isDemo = await activeVersionByYear(ctx.db).then((active) => [...active.values()].some((v) => v.isDemo), () => false);
    return reply
      .code(404)
      .type("text/html; charset=utf-8")
      .send(renderPage({ title: "Siden findes ikke", isDemo, body: `<h1>Siden findes ikke</h1><p><a href="/">Gå til forsiden</a></p>` }));
  });
  app.setErrorHandler((error: Error & { statusCode?: number }, _request, reply) => {
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
    reply.code(status).send({ error: status === 500 ? "serverfejl" : "ugyldig-forespoergsel", message: status === 500 ? "Der opstod en fejl på serveren." : error.message });
  });
  return app;
}
