import type { FastifyReply, FastifyRequest } from "fastify";
import { UserFacingError } from "../../app/user-facing-error.js";
import type { ApiError, DatasetVersionInfo } from "../api-types.js";
import { encodeAnswer, type AnswerBuilder, type ApiData, type ApiDataCache, type CachedResponse, type OffThreadAnswerBuilder } from "./api-data-cache.js";

/** A person's error as the API's JSON error body: its fixed code and Danish message, with its status. */
export function sendApiError(reply: FastifyReply, error: UserFacingError): FastifyReply {
  const body: ApiError = { error: error.code, message: error.messageDa };
  return reply.code(error.httpStatus).send(body);
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

/** The year's active dataset version, or a 404 saying there is no data for it. */
export function requireYear(data: ApiData, year: number): DatasetVersionInfo {
  const version = data.versionsByYear.get(year);
  if (!version) {
    const years = [...data.versionsByYear.keys()].sort((a, b) => a - b);
    throw new UserFacingError("ukendt-aar", `Der er ingen data for ${year}. ${years.length ? `Dataår med data: ${years.join(", ")}.` : "Der er endnu ikke indlæst data."}`, 404);
  }
  return version;
}
