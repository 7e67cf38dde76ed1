import type { FastifyInstance } from "fastify";
import { toFigureRecord } from "../../domain/figure-record.js";
import { MAP_DEFINITIONS, MAP_IDS } from "../../domain/map-definition.js";
import { buildMapFigures, noDataReason, type MapFigures, type MapSelection } from "../../domain/map-figures.js";
import type { AppContext } from "../app-context.js";
import type { DatasetVersionInfo, MapFiguresResponse, MapsIndexResponse } from "../api-types.js";
import { type Figures } from "./figures-cache.js";
import { buildMapFiguresOffThread } from "./map-figures-worker.js";
import { selectPopulationDenominator } from "../../domain/context/population-denominator.js";
import { toPerCapitaRecord } from "../../domain/context/per-capita-record.js";
import { requireYear, sendCachedJson, sendWarmedJson } from "./api-request.js";
import { parseArea, parseMap, parseYear } from "../../app/params.js";
import { UserFacingError } from "../../app/user-facing-error.js";
import { FIGURE_ROUTES } from "../api-schemas/figures-routes.js";
import type { TypedRequests } from "../api-schemas/schema-kit.js";

/** GET /api/v1/maps and /api/v1/maps/{map}/{year}?area=: the figures of one map for the 98 and the country. */
export function registerApiMaps(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<TypedRequests>();
  const cache = ctx.figures;

  api.get("/api/v1/maps", { schema: FIGURE_ROUTES["GET /api/v1/maps"] }, async (request, reply) => {
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

  api.get("/api/v1/maps/:map/:year", { schema: FIGURE_ROUTES["GET /api/v1/maps/:map/:year"] }, async (request, reply) => {
    const map = parseMap(request.params.map);
    const year = parseYear(request.params.year);
    const area = parseArea(map, request.query.area);
    const data = await cache.current();
    const selection: MapSelection = { map, year, area };
    return sendWarmedJson(
      request,
      reply,
      cache,
      data,
      `map|${map}|${year}|${area}`,
      (data) => mapAnswer(data, selection, answerableVersion(data, selection), buildMapFigures(data.totals, selection, { revised: data.revisedTotals, rankIntervals: true })),
      async (data) => {
        const version = answerableVersion(data, selection);
        return mapAnswer(data, selection, version, await buildMapFiguresOffThread(data.totals, data.revisedTotals, selection));
      },
    );
  });
}

/** The version of the selection's year; throws the API's 404 when the year or the map has no data. */
export function answerableVersion(data: Figures, { map, year }: MapSelection): DatasetVersionInfo {
  const version = requireYear(data, year);
  const reason = noDataReason(data.totals, map, year);
  if (reason !== null) throw new UserFacingError("ukendt-aar", `${reason}.`, 404);
  return version;
}

/** The map API's answer from the figures of one selection, wherever they were built. */
export function mapAnswer(data: Figures, { map, year, area }: MapSelection, version: DatasetVersionInfo, figures: MapFigures): MapFiguresResponse {
  // A published year's rows carry Ankestyrelsen's later figures next to the published ones (issue 9).
  const revisionSource = version.revision && { datasetVersionId: version.revision.datasetVersionId, extractedOn: version.revision.extractedOn };
  return {
    map,
    year,
    area,
    national: toFigureRecord(figures, figures.national, revisionSource),
    municipalities: figures.municipalities.map((row) => toFigureRecord(figures, row, revisionSource)),
    areaCoverage: figures.areaCoverage,
    perTenThousand: (() => {
      const denominator = selectPopulationDenominator(data.context, map, area, year);
      return {
        national: toPerCapitaRecord(denominator, null, figures.national.estimate),
        municipalities: figures.municipalities.map((row) => ({ municipalityCode: row.municipalityCode, ...toPerCapitaRecord(denominator, row.municipalityCode, row.estimate) })),
      };
    })(),
    overdispersion: figures.funnelSummary.overdispersion,
    funnelSummary: figures.funnelSummary,
    datasetVersions: [version],
    isDemo: version.isDemo,
  };
}
