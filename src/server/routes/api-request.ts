import type { FastifyReply, FastifyRequest } from "fastify";
import { AREA_NAMES_DA, isArea, isMapId, MAP_DEFINITIONS, MAP_IDS, type Area, type MapId } from "../../domain/map-definition.js";
import { resolveMunicipality, type Municipality } from "../../domain/municipality.js";
import type { ApiError, DatasetVersionInfo } from "../api-types.js";
import { encodeAnswer, type AnswerBuilder, type ApiData, type ApiDataCache, type CachedResponse, type OffThreadAnswerBuilder } from "./api-data-cache.js";

/** A request the API refuses, with its status, a stable code and a Danish message. */
export class ApiRequestError extends Error {
  constructor(
    readonly statusCode: 400 | 404,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function sendApiError(reply: FastifyReply, error: ApiRequestError): FastifyReply {
  const body: ApiError = { error: error.code, message: error.message };
  return reply.code(error.statusCode).send(body);
}

/** Enough for every map × year × area and the profiles people actually open; bounds the memory a crawler can take. */
const MAX_CACHED_RESPONSES = 500;

/** True when the client's If-None-Match names this ETag (RFC 9110 §13.1.2: weak comparison, or "*"). */
function clientHas(request: FastifyRequest, etag: string): boolean {
  const header = request.headers["if-none-match"];
  if (!header) return false;
  return header === "*" || header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}

/**
 * Sends a cached JSON answer, computing, serialising and caching it on first use for this data, so a
 * repeated request costs a map lookup and a socket write. `key` null: not cached (answers with free-form
 * parameters, such as a chosen comparison group). Every answer carries an ETag; a client that already has
 * the bytes gets 304 without them. Browsers revalidate each time (no-cache), because an import can change
 * the figures at any moment.
 */
export function sendCachedJson(request: FastifyRequest, reply: FastifyReply, data: ApiData, key: string | null, build: () => unknown): FastifyReply {
  let cached: CachedResponse | undefined = key === null ? undefined : data.responses.get(key);
  if (key !== null) data.answerCounts[cached === undefined ? "misses" : "hits"] += 1;
  if (cached === undefined) {
    cached = encodeAnswer(build());
    if (key !== null) {
      // Oldest first out: a Map iterates in insertion order.
      if (data.responses.size >= MAX_CACHED_RESPONSES) data.responses.delete(data.responses.keys().next().value!);
      data.responses.set(key, cached);
    }
  }
  reply.header("etag", cached.etag).header("cache-control", "no-cache");
  if (clientHas(request, cached.etag)) return reply.code(304).send();
  return reply.type("application/json; charset=utf-8").send(cached.body);
}

/**
 * sendCachedJson for an answer that is a function of the figures alone: the cache remembers how to build
 * it, so a new dataset version has it ready before it is shown (api-data-cache.ts).
 */
export function sendWarmedJson(
  request: FastifyRequest,
  reply: FastifyReply,
  cache: ApiDataCache,
  data: ApiData,
  key: string,
  build: AnswerBuilder,
  offThread?: OffThreadAnswerBuilder,
): FastifyReply {
  const sent = sendCachedJson(request, reply, data, key, () => build(data));
  // Only answers that could be built are remembered: a crawler's 404s do not push real ones out.
  cache.remember(key, build, offThread);
  return sent;
}

export function parseMapParam(value: string): MapId {
  if (isMapId(value)) return value;
  throw new ApiRequestError(404, "ukendt-kort", `Ukendt kort "${value}". Brug et af: ${MAP_IDS.join(", ")}.`);
}

export function parseYearParam(value: string | undefined): number | undefined {
  if (value === undefined || value === "") return undefined;
  if (!/^\d{4}$/.test(value)) throw new ApiRequestError(400, "ugyldigt-aar", `Året skal være fire cifre, fx 2024, ikke "${value}".`);
  return Number(value);
}

export function parseAreaParam(map: MapId, value: string | undefined): Area {
  const area = value === undefined || value === "" ? "total" : value;
  if (!isArea(area)) throw new ApiRequestError(400, "ukendt-omraade", `Ukendt område "${area}". Brug total, children eller adults.`);
  if (!MAP_DEFINITIONS[map].areas.includes(area)) {
    throw new ApiRequestError(400, "ukendt-omraade", `${MAP_DEFINITIONS[map].nameDa} er ikke opdelt i ${AREA_NAMES_DA[area]}; brug area=total.`);
  }
  return area;
}

export function parseMunicipalityParam(value: string): Municipality {
  const municipality = resolveMunicipality(value);
  if (!municipality) throw new ApiRequestError(404, "ukendt-kommune", `Ukendt kommune "${value}". Brug en kommunekode som 0657 eller et kommunenavn.`);
  return municipality;
}

/** The year's active dataset version, or a 404 saying there is no data for it. */
export function requireYear(data: ApiData, year: number): DatasetVersionInfo {
  const version = data.versionsByYear.get(year);
  if (!version) {
    const years = [...data.versionsByYear.keys()].sort((a, b) => a - b);
    throw new ApiRequestError(404, "ukendt-aar", `Der er ingen data for ${year}. ${years.length ? `Dataår med data: ${years.join(", ")}.` : "Der er endnu ikke indlæst data."}`);
  }
  return version;
}
