import type { FastifyInstance } from "fastify";
import type { AppContext } from "../app-context.js";
import { registerAccessibilityPage } from "./page-accessibility.js";
import { registerMapPage } from "./page-map.js";
import { registerProfilePage } from "./page-profile.js";

/** The web Danmarkskort's HTML pages and downloads: map/table/funnel, profiles, tilgængelighedserklæring. */
export function registerPages(app: FastifyInstance, ctx: AppContext): void {
  registerMapPage(app, ctx);
  registerProfilePage(app, ctx);
  registerAccessibilityPage(app, ctx);
}
