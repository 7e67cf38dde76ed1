import type { FastifyReply, FastifyRequest } from "fastify";
import { UserFacingError } from "../../app/user-facing-error.js";
import type { ApiError, DatasetVersionInfo } from "../api-types.js";
import { chooseVariant, ENCODINGS, preferredEncoding } from "../compression.js";
import { encodeAnswer, type AnswerBuilder, type Figures, type FiguresCache, type CachedResponse, type OffThreadAnswerBuilder } from "./figures-cache.js";

/** A person's error as the API's JSON error body: its fixed code and Danish message, with its status. */
export function sendApiError(reply: FastifyReply, error: UserFacingError): FastifyReply {
  const body: ApiError = { error: error.code, message: error.messageDa };
  return reply.code(error.httpStatus).send(body);
}

/** Enough for every map × year × area and the profiles people actually open; bounds the memory a crawler can take. */
const MAX_CACHED_RESPONSES = 500;

/**
 * Sends a cached JSON answer, computing, serialising and caching it on first use for this data, so a
 * repeated request costs a map lookup and a socket write. `key` null: not cached (answers with free-form
 * parameters, such as a chosen comparison group). Every answer carries an ETag; a client that already has
 * the bytes gets 304 without them. The answer goes out in the encoding the client prefers, compressed when
 * it was cached (compression.ts), each encoding with its own ETag. Browsers revalidate each time (no-cache), because an import can change
 * the figures at any moment.
 */
export function sendCachedJson(request: FastifyRequest, reply: FastifyReply, data: Figures, key: string | null, build: () => unknown): FastifyReply {
  let cached: CachedResponse | undefined = key === null ? undefined : data.responses.get(key);
  if (key !== null) data.answerCounts[cached === undefined ? "misses" : "hits"] += 1;
  if (cached === undefined) {
    // An answer sent once is compressed only into the encoding this client takes.
    const preferred = key === null ? preferredEncoding(request.headers["accept-encoding"], ENCODINGS) : null;
    cached = encodeAnswer(build(), key !== null ? ENCODINGS : preferred === null ? [] : [preferred]);
    if (key !== null) {
      // Oldest first out: a Map iterates in insertion order.
      if (data.responses.size >= MAX_CACHED_RESPONSES) data.responses.delete(data.responses.keys().next().value!);
      data.responses.set(key, cached);
    }
  }
  reply.header("cache-control", "no-cache");
  const body = chooseVariant(request, reply, cached);
  if (body === null) return reply.code(304).send();
  return reply.type("application/json; charset=utf-8").send(body);
}

/**
 * sendCachedJson for an answer that is a function of the figures alone: the cache remembers how to build
 * it, so a new dataset version has it ready before it is shown (figures-cache.ts).
 */
export function sendWarmedJson(
  request: FastifyRequest,
  reply: FastifyReply,
  cache: FiguresCache,
  data: Figures,
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
export function requireYear(data: Figures, year: number): DatasetVersionInfo {
  const version = data.versionsByYear.get(year);
  if (!version) {
    const years = [...data.versionsByYear.keys()].sort((a, b) => a - b);
    throw new UserFacingError("ukendt-aar", `Der er ingen data for ${year}. ${years.length ? `Dataår med data: ${years.join(", ")}.` : "Der er endnu ikke indlæst data."}`, 404);
  }
  return version;
}
