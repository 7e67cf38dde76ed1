import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import type { FastifySchemaValidationError, SchemaErrorDataVar } from "fastify/types/schema.js";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createAppContext, type AppContext, type AppSettings } from "./app-context.js";
import { activeVersionByYear } from "../storage/complaint-store.js";
import { DatabaseUnavailableError } from "../storage/database.js";
import { capForMessage, queryProblemDa, statusMessageDa } from "./request-guard.js";
import { registerFrontPage } from "./routes/front-page.js";
import { registerHealth } from "./routes/health.js";
import { registerMetrics } from "./routes/metrics.js";
import { loggerOptionsOf, registerRequestIdHeader } from "./request-log.js";
import { registerReportRoute } from "./routes/report.js";
import { registerApiV1 } from "./routes/api-v1.js";
import { registerApiSchemas } from "./routes/api-openapi.js";
import { registerPages } from "./routes/page-routes.js";
import { registerAccountRoutes } from "./routes/account-routes.js";
import { registerPageCache } from "./page-cache.js";
import { registerCompression } from "./compression.js";
import { registerSecurity } from "./auth/security-plugins.js";
import { renderMessagePage } from "./views/message-page.js";
import { pageAccount, sendRefusalPage } from "./auth/page-account.js";
import { refusalOf, UserFacingError } from "../app/user-facing-error.js";
import { userFacingErrorOfSchemaFailure } from "./validation-failure.js";
import { BUILD_DIR, isHashedBuildFile } from "./asset-urls.js";

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
// dkfds exports no package.json; its files sit in node_modules beside ours.
const dkfdsDist = join(projectRoot, "node_modules", "dkfds", "dist");

/** Each route module registers itself here; adding a capability means adding one line. */
const ROUTES: ReadonlyArray<(app: FastifyInstance, ctx: AppContext) => void> = [registerHealth, registerMetrics, registerFrontPage, registerApiV1, registerPages, registerReportRoute, registerAccountRoutes];

/** Method and address of every route a server answers (HEAD aside): what the role × route test loops over. */
const registeredRoutes = new WeakMap<FastifyInstance, { method: string; url: string }[]>();
export function listRoutes(app: FastifyInstance): readonly { method: string; url: string }[] {
  return registeredRoutes.get(app) ?? [];
}

const CSRF_REFUSED_DA = "Formularen kunne ikke godkendes: dens sikkerhedsnøgle (CSRF) mangler eller passer ikke. Gå tilbage, genindlæs siden, og prøv igen.";

/**
 * A person's own error (a bad year, an unknown municipality, a body that does not fit its schema), in the form
 * the address expects: the API's error body under /api/, the refusal page a route would have sent elsewhere.
 */
function sendUserFacingError(request: FastifyRequest, reply: FastifyReply, error: UserFacingError): FastifyReply {
  if (request.url.startsWith("/api/")) return reply.code(error.httpStatus).send({ error: error.code, message: error.messageDa });
  return sendRefusalPage(request, reply, refusalOf(error));
}

/** An error answer in the form the address expects: JSON under /api/, a Danish page elsewhere. */
function sendErrorAnswer(request: FastifyRequest, reply: FastifyReply, status: number, code: string, messageDa: string): FastifyReply {
  reply.code(status);
  if (request.url.startsWith("/api/")) return reply.send({ error: code, message: messageDa });
  const title = status === 503 ? "Tjenesten er midlertidigt utilgængelig" : status >= 500 ? "Der opstod en fejl" : "Forespørgslen kan ikke besvares";
  return reply.type("text/html; charset=utf-8").send(renderMessagePage({ title, messageDa, link: "forside", isDemo: false, account: pageAccount(request) }));
}

export async function buildApp(settings: AppSettings): Promise<FastifyInstance> {
  const ctx = createAppContext(settings);
  // JSON bodies are checked as typed: Fastify's default coerces, so `"text": 5` was stored as "5" and
  // `"disabled": "true"` passed as true. No route validates query or params with a schema, which is
  // where coercion would be wanted.
  // JSON log lines with a request id (request-log.ts); silent unless the server's settings say otherwise. While a
  // stop drains, a request on a connection kept alive is answered (with Connection: close), not refused with
  // Fastify's English 503: drain.ts.
  const app = Fastify({ ...loggerOptionsOf(ctx.log), return503OnClosing: false, trustProxy: ctx.config.server.trustProxy, ajv: { customOptions: { coerceTypes: false } } });
  registerRequestIdHeader(app);
  const routes: { method: string; url: string }[] = [];
  registeredRoutes.set(app, routes);
  app.addHook("onRoute", (route) => {
    for (const method of [route.method].flat()) if (method !== "HEAD") routes.push({ method, url: route.url });
  });
  await registerSecurity(app, ctx);
  // Before the routes, which it hooks as they are added; it leaves what is compressed already (compression.ts).
  await registerCompression(app);
  // Before any route: a repeated, badly encoded or oversized query parameter is the client's error (400),
  // never an array a route did not expect (issue 19: repeated `kommune` gave 500). A preHandler after the
  // security hooks, so the answer's header knows who is signed in (it said "Log ind" to everyone).
  app.addHook("preHandler", async (request, reply) => {
    const problem = queryProblemDa(request.url);
    if (problem !== null) return sendErrorAnswer(request, reply, 400, "ugyldig-forespoergsel", problem);
  });
  if (ctx.pageCache) registerPageCache(app, ctx);
  // What the build made is named by its content (asset-urls.ts), so a browser keeps it for a year and never
  // asks again; app.css and the design system's own files keep the default revalidation.
  await app.register(fastifyStatic, {
    root: BUILD_DIR,
    prefix: "/assets/build/",
    decorateReply: false,
    // The build writes a .br and a .gz beside each script and stylesheet; the one the browser accepts is sent.
    preCompressed: true,
    setHeaders: (reply, path) => {
      if (isHashedBuildFile(path)) reply.header("cache-control", "public, max-age=31536000, immutable");
    },
  });
  await app.register(fastifyStatic, { root: join(projectRoot, "public"), prefix: "/assets/", allowedPath: (path) => !path.startsWith("/build/") });
  await app.register(fastifyStatic, { root: dkfdsDist, prefix: "/assets/dkfds/", decorateReply: false });
  await registerApiSchemas(app);
  for (const register of ROUTES) register(app, ctx);
  app.setNotFoundHandler(async (request, reply) => {
    if (request.url.startsWith("/api/")) {
      return reply.code(404).send({ error: "ikke-fundet", message: `Ukendt adresse: ${capForMessage(request.url, 200)}` });
    }
    // Demo data is announced on every page, this one too; a database that cannot answer must not turn a 404 into a 500.
    const isDemo = await activeVersionByYear(ctx.db).then((active) => [...active.values()].some((v) => v.isDemo), () => false);
    return reply
      .code(404)
      .type("text/html; charset=utf-8")
      .send(renderMessagePage({ title: "Siden findes ikke", link: "forside", isDemo, account: pageAccount(request) }));
  });
  app.setErrorHandler((error: Error & { statusCode?: number; validation?: FastifySchemaValidationError[]; validationContext?: SchemaErrorDataVar; code?: string }, request, reply) => {
    // A form without its CSRF token (or with a stale one): the plugin's English message, said in Danish.
    if (error.code === "FST_CSRF_INVALID_TOKEN" || error.code === "FST_CSRF_MISSING_SECRET") return sendErrorAnswer(request, reply, 403, "csrf", CSRF_REFUSED_DA);
    // The database is reconnecting (a restart, ended connections): 503 with a retry hint, not a 500.
    if (error instanceof DatabaseUnavailableError) {
      request.log.warn("Databasen svarer ikke; svaret er 503");
      reply.header("retry-after", "5");
      return sendErrorAnswer(request, reply, 503, "database-utilgaengelig", error.message);
    }
    if (error instanceof UserFacingError) return sendUserFacingError(request, reply, error);
    // A route schema refused the request: said in Danish, naming the field (validation-failure.ts).
    if (error.validation !== undefined) return sendUserFacingError(request, reply, userFacingErrorOfSchemaFailure(request, error));
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) {
      // The details go to the log, under the request id the answer names; never to the client.
      request.log.error({ err: error }, "Uventet fejl; svaret er 500");
      return reply.code(500).send({ error: "serverfejl", message: "Der opstod en fejl på serveren." });
    }
    // Fastify's and its plugins' own messages are English ("Bad Request", "Forbidden"): said in Danish by status.
    return sendErrorAnswer(request, reply, status, "ugyldig-forespoergsel", statusMessageDa(status));
  });
  return app;
}
