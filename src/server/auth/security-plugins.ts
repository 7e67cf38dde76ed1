import fastifyCookie from "@fastify/cookie";
import fastifyCsrf from "@fastify/csrf-protection";
import fastifyFormbody from "@fastify/formbody";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import helmet from "helmet";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AppContext } from "../app-context.js";
import { cookieAttributes, resolveWebCaller } from "./request-caller.js";

/**
 * The Content-Security-Policy of every answer: scripts, styles, fonts and connections from this site only,
 * no inline script or style (so an injected `<script>` or `style=` does nothing), no plugins, no framing,
 * and forms that post only here. `data:` images are the PNG download's SVG-to-canvas step.
 */
export const CONTENT_SECURITY_POLICY: Readonly<Record<string, readonly string[]>> = {
  "default-src": ["'self'"],
  "script-src": ["'self'"],
  "style-src": ["'self'"],
  "img-src": ["'self'", "data:"],
  "font-src": ["'self'"],
  "connect-src": ["'self'"],
  "object-src": ["'none'"],
  "base-uri": ["'self'"],
  "form-action": ["'self'"],
  "frame-ancestors": ["'none'"],
};

/**
 * Helmet's security headers (CSP, HSTS, nosniff, frame and referrer policy, …), computed once. None depends on
 * the request: the policy has no nonces. @fastify/helmet built helmet's middleware again for every request,
 * parsing the policy each time: some 14 % of the CPU of an API answer served from the cache.
 */
export function securityHeaders(): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  let failure: unknown = null;
  helmet({
    contentSecurityPolicy: { useDefaults: false, directives: Object.fromEntries(Object.entries(CONTENT_SECURITY_POLICY).map(([k, v]) => [k, [...v]])) },
    // The map's SVG downloads and the PNG step load same-origin resources only; nothing cross-origin to embed.
    crossOriginEmbedderPolicy: false,
  })({ headers: {} } as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    failure = error ?? null;
  });
  if (failure !== null) throw failure;
  return Object.freeze(headers);
}

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

const tokensOfRequest = new WeakMap<FastifyRequest, string>();

/**
 * A token for the forms about to be rendered; its secret lives in an HttpOnly cookie. One per request: a
 * first visit has no secret yet, and a second `generateCsrf` would make a second one, orphaning the first
 * form's token.
 */
export function csrfTokenFor(ctx: AppContext, request: FastifyRequest, reply: FastifyReply): string {
  let token = tokensOfRequest.get(request);
  if (token === undefined) {
    token = reply.generateCsrf(cookieAttributes(ctx, request));
    tokensOfRequest.set(request, token);
  }
  return token;
}

function isApi(request: FastifyRequest): boolean {
  return request.url.startsWith("/api/");
}

/**
 * Cookies, form bodies, CSRF protection on every form and the security headers (issue 12). Registered
 * before any route. Every unsafe request outside /api/ must carry a CSRF token matching the browser's
 * cookie, whatever route it reaches; /api/ writes authenticate with Bearer tokens only, which another
 * site cannot make a browser send.
 */
export async function registerSecurity(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const headers = securityHeaders();
  app.addHook("onRequest", (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
  await app.register(fastifyCookie);
  await app.register(fastifyFormbody, { bodyLimit: 256 * 1024 });
  await app.register(fastifyCsrf, { sessionPlugin: "@fastify/cookie", cookieKey: "danmarkskort_csrf", cookieOpts: { path: "/", httpOnly: true, sameSite: "lax" } });

  app.decorateRequest("caller", null as never);
  app.decorateRequest("session", null);
  app.addHook("preHandler", async (request, reply) => {
    if (isApi(request) || request.url.startsWith("/assets/")) return;
    await resolveWebCaller(ctx, request, reply);
    // Every page's header names the signed-in person (Konto, Log ud): a cache between the site and the
    // browser keeps a page apart per cookie, and never stores or passes on a signed-in person's answer.
    reply.header("vary", "cookie");
    if (request.session) reply.header("cache-control", "private, no-store");
  });
  // After the body is parsed (the token may be a form field), before the route's handler.
  app.addHook("preHandler", (request, reply, done) => {
    if (!UNSAFE_METHODS.has(request.method) || isApi(request)) return done();
    app.csrfProtection(request, reply, done);
  });
}
