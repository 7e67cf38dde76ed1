import type { FastifyInstance } from "fastify";
import type { AppContext } from "../app-context.js";
import { pageAccount } from "../auth/page-account.js";
import { renderAccessibilityPage } from "../views/accessibility-page.js";
import { loadPageData } from "./page-data.js";

/** The tilgængelighedserklæring (src/server/views/accessibility-page.tsx says what it holds and why). */
export function registerAccessibilityPage(app: FastifyInstance, ctx: AppContext): void {
  app.get("/tilgaengelighed", async (request, reply) => {
    // Demo data is announced on every page (issue 5, point 7), this one included.
    const { isDemo } = await loadPageData(ctx.figures);
    reply.type("text/html; charset=utf-8");
    return renderAccessibilityPage({ isDemo, account: pageAccount(request) });
  });
}
