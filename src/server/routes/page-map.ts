import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { renderTableCsv } from "../../viz/figure-table.js";
import { PageStateError, parseMapPageState } from "../../viz/page-state.js";
import type { AppContext } from "../app-context.js";
import { pageAccount } from "../auth/page-account.js";
import type { LoadedGeometries } from "../../app/boundaries/map-geometries.js";
import { buildMapPageModel } from "../views/map-page-model.js";
import { renderMapPage } from "../views/map-page.js";
import { buildMapSelection, buildMapTableModel, mapDownloadBaseName, renderMapChoroplethSvg, renderMapFunnelSvg, type MapSelection } from "../views/map-selection.js";
import { renderMessagePage } from "../views/message-page.js";
import { loadPageData } from "./page-data.js";
import { renderTableXlsx } from "./page-table-xlsx.js";

type Query = Record<string, string | undefined>;

async function resolve(ctx: AppContext, query: Query): Promise<MapSelection> {
  const data = await loadPageData(ctx.figures);
  const state = parseMapPageState(query, { year: data.years.at(-1) ?? 2024 });
  return buildMapSelection(state, data);
}

function badRequest(reply: FastifyReply, error: unknown): string {
  reply.code(400).type("text/html; charset=utf-8");
  const message = error instanceof Error ? error.message : String(error);
  return renderMessagePage({ title: "Ugyldig adresse", heading: "Adressen kan ikke vises", messageDa: message, messageIsAlert: true, link: "kort", isDemo: false, account: pageAccount(reply.request) });
}

/** The selection in the URL, or the Danish error that makes it a bad request (anything else is thrown). */
async function resolveQuery(ctx: AppContext, query: Query): Promise<MapSelection | PageStateError | RangeError> {
  try {
    return await resolve(ctx, query);
  } catch (error) {
    if (error instanceof PageStateError || error instanceof RangeError) return error;
    throw error;
  }
}

/** The map page and its table and funnel views, plus the downloads of the same selection. */
export function registerMapPage(app: FastifyInstance, ctx: AppContext): void {
  const mapPage = async (request: FastifyRequest, reply: FastifyReply) => {
    const selection = await resolveQuery(ctx, request.query as Query);
    if (selection instanceof Error) return badRequest(reply, selection);
    const model = buildMapPageModel(selection, await ctx.geometries());
    reply.type("text/html; charset=utf-8");
    return renderMapPage(model, pageAccount(request));
  };
  // The front page is the map of the latest year with figures (real ones, once any are loaded), with the
  // national figures in one line (issue 9, point 7): a newcomer meets the map, not a table of files.
  app.get("/", mapPage);
  app.get("/kort", mapPage);

  const download = (path: string, produce: (s: MapSelection, g: LoadedGeometries) => Promise<{ type: string; body: string | Buffer; name: string }>) =>
    app.get(path, async (request, reply) => {
      const selection = await resolveQuery(ctx, request.query as Query);
      if (selection instanceof Error) return badRequest(reply, selection);
      const file = await produce(selection, await ctx.geometries());
      reply.type(file.type).header("content-disposition", `attachment; filename="${file.name}"`);
      return file.body;
    });
  download("/kort/tabel.csv", async (s) => ({ type: "text/csv; charset=utf-8", body: renderTableCsv(buildMapTableModel(s)), name: `${mapDownloadBaseName(s.state)}.csv` }));
  download("/kort/tabel.xlsx", async (s) => ({
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    body: await renderTableXlsx(buildMapTableModel(s)),
    name: `${mapDownloadBaseName(s.state)}.xlsx`,
  }));
  download("/kort/kort.svg", async (s, g) => ({ type: "image/svg+xml; charset=utf-8", body: renderMapChoroplethSvg(s, g), name: `${mapDownloadBaseName(s.state)}-${s.state.measure}.svg` }));
  download("/kort/tragt.svg", async (s) => ({ type: "image/svg+xml; charset=utf-8", body: renderMapFunnelSvg(s), name: `${mapDownloadBaseName(s.state)}-tragtplot.svg` }));
}
