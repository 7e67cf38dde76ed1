import { createHash } from "node:crypto";
import { brotliCompressSync, constants as zlibConstants, gzipSync } from "node:zlib";
import fastifyCompress from "@fastify/compress";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

/**
 * Text answers compressed (issue 17 item 0), by one set of rules. Answers the server keeps (the public page
 * cache, the API's figures) are compressed once, when they are made, and each encoding is a representation of
 * its own with its own strong ETag (RFC 9110 §8.8.3: a strong validator differs whenever the bytes do, and a
 * gzip body is other bytes than the plain one). Every other text answer is compressed as it is sent, by
 * @fastify/compress, which leaves alone what already carries a Content-Encoding.
 */

export type Encoding = "br" | "gzip";

/** What the server compresses into, in its order of preference at equal weight (brotli is smaller). */
export const ENCODINGS: readonly Encoding[] = ["br", "gzip"];

/** One body as it goes on the wire, with its strong ETag. */
export type EncodedVariant = { readonly body: Buffer; readonly etag: string };

/** A body as it is (`body`, `etag`) and compressed; null where it is not worth compressing. */
export type EncodedBody = EncodedVariant & { readonly br: EncodedVariant | null; readonly gzip: EncodedVariant | null };

/** Bodies shorter than this are sent as they are: compressing them saves less than its headers cost. */
export const COMPRESS_FROM_BYTES = 1024;

/**
 * Text, JSON and SVG. PNG, PDF and the Office formats (DOCX, XLSX: zip files) are compressed already, and
 * compressing them again costs CPU for nothing.
 */
const COMPRESSIBLE_TYPE = /^(text\/(?!event-stream)|image\/svg\+xml|application\/([\w.-]+\+)?json)/i;

/**
 * Brotli at quality 5 and gzip at level 6, as the page cache had: for the map answer
 * /api/v1/maps/socialomraadet/2024 (90 KB of JSON) 0,6 ms and 0,4 ms (to 4,8 KB and 5,5 KB), against 72 ms at
 * brotli's default quality 11 for 15 % fewer bytes, which would stall every other request meanwhile (median of
 * 41 runs on the development machine). The build's assets are compressed harder, once, when they are built.
 */
const BROTLI_QUALITY = 5;
const GZIP_LEVEL = 6;

export function isCompressibleType(type: string): boolean {
  return COMPRESSIBLE_TYPE.test(type);
}

function etagOf(body: Buffer): string {
  return createHash("sha256").update(body).digest("base64url").slice(0, 27);
}

/**
 * The body in each of `encodings` (all, for a body that is kept; the one the client prefers, for one sent
 * once), compressed once; the tags say which ("…-br", "…-gz").
 */
export function encodeBody(body: Buffer, type: string, encodings: readonly Encoding[] = ENCODINGS): EncodedBody {
  const tag = etagOf(body);
  const worth = body.length >= COMPRESS_FROM_BYTES && isCompressibleType(type);
  const wants = (encoding: Encoding) => worth && encodings.includes(encoding);
  return {
    body,
    etag: `"${tag}"`,
    br: wants("br") ? { body: brotliCompressSync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length } }), etag: `"${tag}-br"` } : null,
    gzip: wants("gzip") ? { body: gzipSync(body, { level: GZIP_LEVEL }), etag: `"${tag}-gz"` } : null,
  };
}

/** Bytes held for one body in all its encodings. */
export function encodedSize(encoded: EncodedBody): number {
  return encoded.body.length + (encoded.br?.body.length ?? 0) + (encoded.gzip?.body.length ?? 0);
}

/**
 * The encoding the client prefers of those `available` (RFC 9110 §12.5.3: the highest q, "*" for any not
 * named, q=0 refuses; br before gzip at equal q), or null for the body as it is.
 */
export function preferredEncoding(acceptEncoding: string | undefined, available: readonly Encoding[]): Encoding | null {
  if (!acceptEncoding) return null;
  const key = `${available.join(",")}|${acceptEncoding}`;
  const known = preferred.get(key);
  if (known !== undefined) return known;
  const chosen = parsePreferredEncoding(acceptEncoding, available);
  remember(preferred, key, chosen);
  return chosen;
}

/**
 * Browsers send a handful of Accept-Encoding and Vary values, the same on every request: each is worked out
 * once and kept (a bounded map, so a client sending a new value each time cannot make it grow).
 */
const MEMO_LIMIT = 256;
const preferred = new Map<string, Encoding | null>();
const varies = new Map<string, string>();

function remember<V>(memo: Map<string, V>, key: string, value: V): void {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
}

function parsePreferredEncoding(acceptEncoding: string, available: readonly Encoding[]): Encoding | null {
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(",")) {
    const [token, ...params] = part.split(";").map((p) => p.trim().toLowerCase());
    if (!token) continue;
    // "x-gzip" is gzip (RFC 9110 §8.4.1.3).
    const name = token === "x-gzip" ? "gzip" : token;
    const q = params.find((p) => p.startsWith("q="));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (name: Encoding) => weights.get(name) ?? weights.get("*") ?? 0;
  let best: Encoding | null = null;
  for (const name of ENCODINGS) {
    if (available.includes(name) && weightOf(name) > 0 && (best === null || weightOf(name) > weightOf(best))) best = name;
  }
  return best;
}

/** True when the client's If-None-Match names this ETag (RFC 9110 §13.1.2: weak comparison, or "*"). */
export function ifNoneMatchHas(request: FastifyRequest, etag: string): boolean {
  const header = request.headers["if-none-match"];
  if (!header) return false;
  return header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag || tag.trim() === "*");
}

/** A Vary header's names with accept-encoding added (the body differs by it), once. */
export function varyWithEncoding(existing: unknown): string {
  const text = String(existing ?? "");
  let vary = varies.get(text);
  if (vary === undefined) remember(varies, text, (vary = addAcceptEncoding(text)));
  return vary;
}

function addAcceptEncoding(existing: string): string {
  const names = existing
    .split(",")
    .map((n) => n.trim())
    .filter(Boolean);
  return names.some((n) => n.toLowerCase() === "accept-encoding") ? names.join(", ") : [...names, "accept-encoding"].join(", ");
}

/**
 * Sets the headers of the variant the client prefers (ETag, Vary, Content-Encoding) and returns what to send:
 * its bytes, or null for 304 when the client's If-None-Match names that variant's tag.
 */
export function chooseVariant(request: FastifyRequest, reply: FastifyReply, encoded: EncodedBody): Buffer | null {
  const encoding = preferredEncoding(request.headers["accept-encoding"], ENCODINGS.filter((e) => encoded[e] !== null));
  const variant = encoding === null ? encoded : encoded[encoding]!;
  reply.header("etag", variant.etag).header("vary", varyWithEncoding(reply.getHeader("vary")));
  if (ifNoneMatchHas(request, variant.etag)) return null;
  if (encoding !== null) reply.header("content-encoding", encoding).removeHeader("content-length");
  return variant.body;
}

/**
 * Every other text answer (signed-in pages, the OpenAPI document, errors, CSV, Markdown, SVG, public assets)
 * compressed as it is sent, by the same rules (and what mime-db calls compressible, such as JavaScript).
 * Registered before the routes: it hooks each route as it is added. It passes over an answer with a
 * Content-Encoding already (the page cache, the API's figures, the build's precompressed files), and over
 * binary downloads by their type. Only br and gzip, so it never compresses into an encoding the caches above
 * do not have. Fastify answers HEAD by dropping the body before this hook runs: HEAD gets the plain
 * representation's headers and costs no compression.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCompress, {
    encodings: [...ENCODINGS],
    threshold: COMPRESS_FROM_BYTES,
    customTypes: (type: string) => isCompressibleType(type),
    brotliOptions: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } },
    zlibOptions: { level: GZIP_LEVEL },
    // A request body is never compressed by our clients; a compressed one is refused as any unknown body is.
    globalDecompression: false,
  });
}
