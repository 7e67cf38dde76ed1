import type { FastifyInstance } from "fastify";
import { toFigureRecord } from "../../domain/figure-record.js";
import { MAP_DEFINITIONS, MAP_IDS } from "../../domain/map-definition.js";
import { buildMapFigures, noDataReason } from "../../domain/map-figures.js";
import type { AppContext } from "../app-context.js";
import type { MapFiguresResponse, MapsIndexResponse } from "../api-types.js";
import { apiDataCacheFor } from "./api-data-cache.js";
import { ApiRequestError, parseAreaParam, parseMapParam, parseYearParam, requireYear, sendApiError, sendCachedJson } from "./api-request.js";

/** GET /api/v1/maps and /api/v1/maps/{map}/{year}?area=: the figures of one map for the 98 and the country. */
export function registerApiMaps(app: FastifyInstance, ctx: AppContext): void {
  const cache = apiDataCacheFor(ctx.db);

  app.get("/api/v1/maps", async (request, reply) => {
    const data = await cache.current();
    return sendCachedJson(request, reply, data, "maps", (): MapsIndexResponse => ({
      maps: MAP_IDS.map((map) => ({
        map,
        nameDa: MAP_DEFINITIONS[map].nameDa,
        areas: MAP_DEFINITIONS[map].areas,
        years: data.totals.years.filter((y) => noDataReason(data.totals, map, y) === null),
      })),
      datasetVersions: [...data.versionsByYear.values()].sort((a, b) => a.year - b.year),
      isDemo: [...data.versionsByYear.values()].some((v) => v.isDemo),
    }));
  });

  app.get<{ Params: { map: string; year: string }; Querystring: { area?: string } }>("/api/v1/maps/:map/:year", async (request, reply) => {
    try {
      const map = parseMapParam(request.params.map);
      const year = parseYearParam(request.params.year)!;
      const area = parseAreaParam(map, request.query.area);
      const data = await cache.current();
      const version = requireYear(data, year);
      const reason = noDataReason(data.totals, map, year);
      if (reason !== null) throw new ApiRequestError(404, "ukendt-aar", `${reason}.`);
      return sendCachedJson(request, reply, data, `map|${map}|${year}|${area}`, (): MapFiguresResponse => {
        const figures = buildMapFigures(data.totals, { map, year, area });
        return {
          map,
          year,
          area,
          national: toFigureRecord(figures, figures.national),
          municipalities: figures.municipalities.map((row) => toFigureRecord(figures, row)),
          areaCoverage: figures.areaCoverage,
          datasetVersions: [version],
          isDemo: version.isDemo,
        };
      });
    } catch (error) {
      if (error instanceof ApiRequestError) return sendApiError(reply, error);
      throw error;
    }
  });
}
