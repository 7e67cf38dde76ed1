import type { FastifyInstance } from "fastify";
import { OPENAPI_DOCUMENT } from "../openapi.js";

/** GET /api/v1/openapi.json: the API's description, serialised once. */
export function registerApiOpenApi(app: FastifyInstance): void {
  const body = JSON.stringify(OPENAPI_DOCUMENT);
  app.get("/api/v1/openapi.json", async (_request, reply) => reply.type("application/json; charset=utf-8").send(body));
}
