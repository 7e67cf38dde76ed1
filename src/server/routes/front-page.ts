import type { FastifyInstance } from "fastify";
import { listDatasetVersions } from "../../storage/dataset-versions.js";
import type { AppContext } from "../app-context.js";
import { pageAccount } from "../auth/page-account.js";
import { buildFrontPageModel, renderFrontPage } from "../views/front-page.js";

/**
 * The data page (/data) says plainly what data the installation holds, so nobody reads an empty map as zero.
 * The front page itself is the map (page-map.ts). Demo versions kept beside real ones are listed as not shown;
 * the demo notice stands only while the shown figures are demo data (issue 9, point 1).
 */
export function registerFrontPage(app: FastifyInstance, ctx: AppContext): void {
  app.get("/data", async (request, reply) => {
    const versions = await listDatasetVersions(ctx.db);
    reply.type("text/html; charset=utf-8");
    return renderFrontPage({ ...buildFrontPageModel(versions), account: pageAccount(request) });
  });
}
