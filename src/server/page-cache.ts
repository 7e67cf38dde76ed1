import { performance } from "node:perf_hooks";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { copenhagenDate } from "../domain/treatment-record.js";
import { publicWritesFingerprint } from "../storage/public-content-fingerprint.js";
import { loadPageData } from "./routes/page-data.js";
import { accountDepsOf, type AppContext } from "./app-context.js";
import { chooseVariant, encodeBody, encodedSize, varyWithEncoding, type EncodedBody } from "./compression.js";

/**
 * Public pages and downloads built once per content, not once per request (issue 17 item 0). A profile
 * page is some 30–40 ms of CPU (the figures of every map, area and year) and the same bytes for everyone
 * who is not signed in; on the day the maps are published that is the bottleneck.
 *
 * What is cached: GET and HEAD answers with status 200 to callers who are not signed in, of the HTML pages
 * and downloads (not the API, which has its own cache, not assets), that set no cookie. An answer is valid
 * for the content it was built from — the dataset versions of the pages' figures, the Danmarks Statistik
 * versions and the newest audit event (publicWritesFingerprint), and the date in Copenhagen, since pages
 * count days to a deadline. That content is asked of the database again after any write through this
 * server's database handle, and at least every second for writes by other processes or instances. Each answer gets a strong ETag (304 on If-None-Match) and is compressed once (gzip, brotli).
 * Signed-in users always get a freshly built page: theirs shows who they are and what they may do.
 */
const CACHEABLE_TYPES = /^(text\/html|text\/csv|text\/markdown|image\/svg\+xml|image\/png|application\/pdf|application\/vnd\.openxmlformats-officedocument\.)/;

/** Health, readiness and metrics answer about this instance now; they are never cached, nor delayed by it. */
const OPERATIONS_ROUTES = new Set(["/healthz", "/readyz", "/metrics"]);

/** How long what the pages are built from is trusted without asking the database (as the API's cache). */
const REVALIDATE_MS = 1000;

/** The cache's size in bytes (bodies and their compressed forms); the least recently used go first. */
const MAX_BYTES = 64 * 1024 * 1024;

type Entry = {
  readonly content: string;
  readonly encoded: EncodedBody;
  readonly headers: Readonly<Record<string, string>>;
};

declare module "fastify" {
  interface FastifyRequest {
    pageCacheContent?: string;
  }
}

function isEligible(request: FastifyRequest): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  if (request.url.startsWith("/api/") || request.url.startsWith("/assets/")) return false;
  // Only routes the server has (a 404 page is cheap and says nothing worth keeping), and not the operator's.
  const route = request.routeOptions.url;
  if (route === undefined || OPERATIONS_ROUTES.has(route)) return false;
  return request.caller?.actor.kind === "public";
}

function sendEntry(request: FastifyRequest, reply: FastifyReply, entry: Entry): FastifyReply {
  reply.headers(entry.headers);
  const body = chooseVariant(request, reply, entry.encoded);
  return body === null ? reply.code(304).send() : reply.code(200).send(body);
}

export type PageCache = { readonly size: () => { entries: number; bytes: number } };

export function registerPageCache(app: FastifyInstance, ctx: AppContext): PageCache {
  const entries = new Map<string, Entry>();
  let bytes = 0;
  const now = accountDepsOf(ctx).now;
  const sizeOf = (e: Entry) => encodedSize(e.encoded);
  const remove = (key: string) => {
    const old = entries.get(key);
    if (old) bytes -= sizeOf(old);
    entries.delete(key);
  };

  // What the pages are built from, asked of the database when this handle has written since (a form, an
  // import in this process: the next request sees it) or a second has passed (another process or
  // instance wrote). Two queries per request would cost more than the whole cached answer.
  let known: { content: string; at: number; writes: number } | null = null;
  /** The content still known to be current, without a database round trip; null when it must be asked. */
  function knownContent(): string | null {
    return known && known.writes === ctx.db.writeCount() && performance.now() - known.at < REVALIDATE_MS ? known.content : null;
  }
  async function askContent(): Promise<string> {
    const at = performance.now();
    const writes = ctx.db.writeCount();
    // The figures' key is that of the data the page will be built from: while a large new version is being
    // prepared the pages show the previous one (issue 19), and so does the cache, until the swap.
    const [data, written] = await Promise.all([loadPageData(ctx.figures), publicWritesFingerprint(ctx.db)]);
    known = { content: `${data.key}|${written}`, at, writes };
    return known.content;
  }
  // The key of a page made today: content and Danish date, joined once per change rather than per request
  // (a cached page is answered in some 0,1 ms; a new long string to build and compare is a share of it).
  let dated = { content: "", date: "", key: "" };
  function datedKey(content: string, date: string): string {
    if (dated.content !== content || dated.date !== date) dated = { content, date, key: `${content}|${date}` };
    return dated.key;
  }

  // After the security hooks (who is asking) and the query check (a malformed query is a 400, not a page).
  app.addHook("preHandler", async (request, reply) => {
    if (!isEligible(request)) return;
    let content: string;
    try {
      content = datedKey(knownContent() ?? (await askContent()), copenhagenDate(now()));
    } catch {
      // The database cannot answer: the route itself says so (503 while it reconnects), uncached.
      return;
    }
    request.pageCacheContent = content;
    const entry = entries.get(request.url);
    if (!entry) return;
    if (entry.content !== content) {
      remove(request.url);
      return;
    }
    // Most recently used last.
    entries.delete(request.url);
    entries.set(request.url, entry);
    return sendEntry(request, reply, entry);
  });

  app.addHook("onSend", async (request, reply, payload) => {
    const content = request.pageCacheContent;
    if (content === undefined || reply.statusCode !== 200 || reply.getHeader("set-cookie") !== undefined || reply.getHeader("content-encoding") !== undefined) return payload;
    const type = String(reply.getHeader("content-type") ?? "");
    if (!CACHEABLE_TYPES.test(type)) return payload;
    if (typeof payload !== "string" && !Buffer.isBuffer(payload)) return payload;
    // An answer sent from the cache carries its ETag already; only a freshly built one is stored.
    if (reply.getHeader("etag") !== undefined) return payload;
    const body = Buffer.isBuffer(payload) ? payload : Buffer.from(payload, "utf8");
    const headers: Record<string, string> = { "content-type": type, "cache-control": String(reply.getHeader("cache-control") ?? "no-cache"), vary: varyWithEncoding(reply.getHeader("vary")) };
    const disposition = reply.getHeader("content-disposition");
    if (disposition !== undefined) headers["content-disposition"] = String(disposition);
    const entry: Entry = { content, encoded: encodeBody(body, type), headers };
    if (sizeOf(entry) <= MAX_BYTES / 8) {
      remove(request.url);
      entries.set(request.url, entry);
      bytes += sizeOf(entry);
      while (bytes > MAX_BYTES) remove(entries.keys().next().value!);
    }
    reply.header("vary", headers.vary!).header("cache-control", headers["cache-control"]!);
    const sent = chooseVariant(request, reply, entry.encoded);
    if (sent === null) reply.code(304);
    return sent ?? "";
  });

  return { size: () => ({ entries: entries.size, bytes }) };
}
