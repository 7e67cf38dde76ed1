import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { FastifyInstance, FastifyServerOptions } from "fastify";

import type { LogLevel } from "../config/log-level.js";

// The levels are configuration (DANMARKSKORT_LOG_LEVEL), so they are defined beside its schema.
export { isLogLevel, LOG_LEVELS, type LogLevel } from "../config/log-level.js";

/** Where the JSON lines go: standard output when not given; a test passes its own sink. */
export type LogSettings = { readonly level: LogLevel; readonly stream?: { write(line: string): void } };

/** What replaces a secret in a log line. */
export const REDACTED = "[skjult]";

/**
 * Never written, whatever a log call passes: the session cookie, Bearer tokens, CSRF tokens and form bodies
 * (passwords, comments a person has not published). Fastify's own request lines carry none of these (method,
 * address, client), but a log call that passes `request.headers` or `request.body` would.
 */
const REDACT_PATHS = [
  "req.headers.cookie",
  "req.headers.authorization",
  'req.headers["x-csrf-token"]',
  'req.headers["csrf-token"]',
  "req.body",
  'res.headers["set-cookie"]',
  "headers.cookie",
  "headers.authorization",
  'headers["x-csrf-token"]',
  'headers["csrf-token"]',
  'headers["set-cookie"]',
  "body",
];

/**
 * Query parameters whose values are secrets: OpenID Connect's code and state on the callback, a CSRF field
 * sent in the address by a hand-made form, anything named like a token or password.
 */
const SECRET_QUERY_NAME = /^(code|state|_csrf|.*token.*|.*adgangskode.*|.*password.*|.*secret.*)$/i;

/** The address as logged: the path, and the query with the values of secret parameters replaced. */
export function addressForLog(url: string): string {
  const at = url.indexOf("?");
  if (at < 0) return url;
  const query = url
    .slice(at + 1)
    .split("&")
    .map((pair) => {
      const eq = pair.indexOf("=");
      const name = eq < 0 ? pair : pair.slice(0, eq);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name.replace(/\+/g, " "));
      } catch {
        // A badly encoded name is logged as sent (the request guard answers 400 for it anyway).
      }
      return eq >= 0 && SECRET_QUERY_NAME.test(decoded) ? `${name}=${encodeURIComponent(REDACTED)}` : pair;
    })
    .join("&");
  return `${url.slice(0, at)}?${query}`;
}

/**
 * An incoming X-Request-Id is kept when it looks like an id (a proxy's or load balancer's, so one request can
 * be followed across them): letters, digits and `_.:=-`, at most 128 characters. Anything else, or none, gets
 * a new UUID: a header is the client's text and must not put a line break or a megabyte into the log.
 */
const REQUEST_ID = /^[A-Za-z0-9_.:=-]{1,128}$/;

export function requestIdOf(request: IncomingMessage): string {
  const header = request.headers["x-request-id"];
  return typeof header === "string" && REQUEST_ID.test(header) ? header : randomUUID();
}

/** Fastify's options for the logger and request ids; `settings` undefined: silent, ids still given. */
export function loggerOptionsOf(settings: LogSettings | undefined): Pick<FastifyServerOptions, "logger" | "genReqId" | "requestIdHeader"> {
  return {
    logger: {
      level: settings?.level ?? "silent",
      ...(settings?.stream ? { stream: settings.stream } : {}),
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      serializers: {
        // Fastify's default also logs the client's port and the Host header; the address is the one thing a
        // query can hide a secret in.
        req: (request) => ({ method: request.method, url: addressForLog(request.url), remoteAddress: request.ip }),
      },
    },
    requestIdHeader: false,
    // The id is logged as `reqId` (Fastify's default label).
    genReqId: requestIdOf,
  };
}

/**
 * The log level of the routes a load balancer or Prometheus calls every few seconds (/healthz, /readyz,
 * /metrics): their request lines at info would bury the people's requests; a warning or error still shows.
 */
export const PROBE_LOG_LEVEL: LogLevel = "warn";

/** Every answer names its request id, so a person reporting a problem can quote the log line's id. */
export function registerRequestIdHeader(app: FastifyInstance): void {
  app.addHook("onRequest", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });
}
