import type { FastifyReply, FastifyRequest } from "fastify";
import { resolveBearerToken } from "../../app/accounts/api-tokens.js";
import { resolveSession, type ResolvedSession } from "../../app/accounts/sessions.js";
import { PUBLIC_WEB, type Caller } from "../../app/caller.js";
import type { AppContext } from "../app-context.js";
import { accountDepsOf } from "../app-context.js";

declare module "fastify" {
  interface FastifyRequest {
    /** Who is asking on a web page: the session cookie's user, or the public. Set before every page route. */
    caller: Caller;
    /** The session behind `caller`, when signed in. */
    session: ResolvedSession | null;
  }
}

export const SESSION_COOKIE = "danmarkskort_session";

/** Served over HTTPS (directly or, with trustProxy, behind a proxy that says so), or configured as such. */
export function isHttps(ctx: AppContext, request: FastifyRequest): boolean {
  return request.protocol === "https" || (ctx.config.auth.publicUrl ?? "").startsWith("https:");
}

/**
 * Cookie attributes for everything that identifies a browser: not readable by scripts (HttpOnly), not
 * sent with cross-site POSTs (SameSite=Lax: a link from another site still arrives signed in), and only
 * over an encrypted connection when the site is served over one.
 */
export function cookieAttributes(ctx: AppContext, request: FastifyRequest, maxAgeSeconds?: number) {
  return { path: "/", httpOnly: true, sameSite: "lax" as const, secure: isHttps(ctx, request), ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds }) };
}

export function setSessionCookie(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, session: { secret: string; maxAgeSeconds: number }): void {
  reply.setCookie(SESSION_COOKIE, session.secret, cookieAttributes(ctx, request, session.maxAgeSeconds));
}

export function clearSessionCookie(ctx: AppContext, request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, cookieAttributes(ctx, request));
}

/** The web caller of a request: resolved once per request from the session cookie (idle and absolute expiry in the database). */
export async function resolveWebCaller(ctx: AppContext, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const secret = request.cookies[SESSION_COOKIE];
  const session = secret ? await resolveSession(accountDepsOf(ctx), secret) : null;
  // An ended session's cookie is removed, so the browser stops sending it.
  if (secret && !session) clearSessionCookie(ctx, request, reply);
  request.session = session;
  request.caller = session ? { actor: session.actor, channel: "web" } : PUBLIC_WEB;
}

/**
 * The caller of an /api/v1 write: only `Authorization: Bearer …` counts there, never the session cookie,
 * so a page on another site cannot make a signed-in browser write through the API (no CSRF on the API).
 */
export async function resolveApiCaller(ctx: AppContext, request: FastifyRequest): Promise<Caller | null> {
  const header = request.headers.authorization;
  if (header === undefined) return { actor: { kind: "public" }, channel: "api" };
  const actor = await resolveBearerToken(accountDepsOf(ctx), header);
  return actor ? { actor, channel: "api" } : null;
}
