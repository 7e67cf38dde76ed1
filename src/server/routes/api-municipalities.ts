import type { FastifyInstance } from "fastify";
import { buildMunicipalityProfile } from "../../domain/municipality-profile.js";
import type { AppContext } from "../app-context.js";
import type { MunicipalityProfileResponse } from "../api-types.js";
import { apiDataCacheFor } from "./api-data-cache.js";
import { ApiRequestError, parseMunicipalityParam, parseYearParam, requireYear, sendApiError, sendCachedJson } from "./api-request.js";

type Query = { year?: string; compare?: string };

/** The codes of `?compare=0101,0751` (a user-chosen comparison group), each checked. */
function parseCompare(value: string | undefined): string[] | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  return value.split(",").map((part) => parseMunicipalityParam(part.trim()).code);
}

/** GET /api/v1/municipalities/{code}?year=&compare=: one municipality's profile (three maps, areas, years, comparisons). */
export function registerApiMunicipalities(app: FastifyInstance, ctx: AppContext): void {
  const cache = apiDataCacheFor(ctx.db);
  app.get<{ Params: { code: string }; Querystring: Query }>("/api/v1/municipalities/:code", async (request, reply) => {
    try {
      const municipality = parseMunicipalityParam(request.params.code);
      const year = parseYearParam(request.query.year);
      const compare = parseCompare(request.query.compare);
      const data = await cache.current();
      if (year !== undefined) requireYear(data, year);
      const versions = [...data.versionsByYear.values()].filter((v) => year === undefined || v.year <= year).sort((a, b) => a.year - b.year);
      return sendCachedJson(request, reply, data, compare ? null : `municipality|${municipality.code}|${year ?? ""}`, (): MunicipalityProfileResponse => ({
        profile: buildMunicipalityProfile(data.totals, municipality.code, {
          ...(year !== undefined ? { year } : {}),
          ...(compare ? { chosenGroup: { labelDa: "Valgte kommuner", codes: compare } } : {}),
        }),
        datasetVersions: versions,
        isDemo: versions.some((v) => v.isDemo),
      }));
    } catch (error) {
      if (error instanceof ApiRequestError) return sendApiError(reply, error);
      throw error;
    }
  });
}
