import type { FastifyInstance } from "fastify";
import type { AppContext } from "../app-context.js";
import { registerApiActionPlans } from "./api-action-plans.js";
import { registerApiMaps } from "./api-maps.js";
import { registerApiMunicipalities } from "./api-municipalities.js";
import { registerApiOpenApi } from "./api-openapi.js";

/** The JSON API under /api/v1 (contract: the route schemas in ../api-schemas/, published at /api/v1/openapi.json). */
export function registerApiV1(app: FastifyInstance, ctx: AppContext): void {
  registerApiMaps(app, ctx);
  registerApiMunicipalities(app, ctx);
  registerApiActionPlans(app, ctx);
  registerApiOpenApi(app);
}
