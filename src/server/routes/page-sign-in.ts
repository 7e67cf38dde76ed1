import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { beginOidcSignIn, completeOidcSignIn, OIDC_STATE_MAX_AGE_SECONDS, safeReturnPath } from "../../app/accounts/oidc-sign-in.js";
import { endSession } from "../../app/accounts/sessions.js";
import { signInWithPassword } from "../../app/accounts/sign-in.js";
import type { Refusal } from "../../app/use-case-result.js";
import { accountDepsOf, type AppContext } from "../app-context.js";
import { pageAccount, sendRefusalPage } from "../auth/page-account.js";
import { clearSessionCookie, cookieAttributes, SESSION_COOKIE, setSessionCookie } from "../auth/request-caller.js";
import { csrfTokenFor } from "../auth/security-plugins.js";
import { formField } from "../form-field.js";
import { renderSignedOutPage, renderSignInPage, renderSignOutPage } from "../views/sign-in-pages.js";

const OIDC_STATE_COOKIE = "danmarkskort_oidc_state";

/** Where the identity provider sends the browser back; registered at the IdP as the redirect URI. */
export const OIDC_CALLBACK_PATH = "/log-ind/oidc/svar";

function publicBase(ctx: AppContext, request: FastifyRequest): string {
  return (ctx.config.auth.publicUrl ?? `${request.protocol}://${request.host}`).replace(/\/+$/, "");
}

function returnQuery(request: FastifyRequest): string | undefined {
  const value = (request.query as Record<string, string | undefined>).til;
  return typeof value === "string" ? value : undefined;
}

function signInPage(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, options: { email?: string; refusal?: Refusal | null; returnTo?: string | undefined }): string {
  const oidc = ctx.config.auth.oidc;
  return renderSignInPage({
    account: pageAccount(request),
    csrfToken: csrfTokenFor(ctx, request, reply),
    returnTo: safeReturnPath(options.returnTo),
    email: options.email ?? "",
    refusal: options.refusal ?? null,
    oidc: oidc ? { buttonLabelDa: oidc.buttonLabelDa } : null,
  });
}

/** /log-ind (e-mail and password, or OpenID Connect), /log-ud, and the OpenID Connect redirect and answer. */
export function registerSignInPages(app: FastifyInstance, ctx: AppContext): void {
  const deps = accountDepsOf(ctx);

  app.get("/log-ind", async (request, reply) => {
    reply.type("text/html; charset=utf-8");
    return signInPage(ctx, request, reply, { returnTo: returnQuery(request) });
  });

  app.post("/log-ind", async (request, reply) => {
    const email = formField(request.body, "email");
    const result = await signInWithPassword(deps, { email, password: formField(request.body, "adgangskode"), address: request.ip });
    if (result.kind === "refused") {
      if (result.retryAfterSeconds !== undefined) reply.header("retry-after", String(result.retryAfterSeconds));
      reply.code(result.status).type("text/html; charset=utf-8");
      return signInPage(ctx, request, reply, { email, refusal: result, returnTo: formField(request.body, "til") });
    }
    // A new session at sign-in, never the old one reused (session fixation).
    await endSession(deps, request.cookies[SESSION_COOKIE]);
    setSessionCookie(ctx, request, reply, result.session);
    return reply.redirect(safeReturnPath(formField(request.body, "til")), 303);
  });

  app.get("/log-ud", async (request, reply) => {
    reply.type("text/html; charset=utf-8");
    const account = pageAccount(request);
    return renderSignOutPage({ account, csrfToken: account ? csrfTokenFor(ctx, request, reply) : "" });
  });

  app.post("/log-ud", async (request, reply) => {
    await endSession(deps, request.cookies[SESSION_COOKIE]);
    clearSessionCookie(ctx, request, reply);
    if (request.caller.actor.kind === "user") deps.securityLog.record({ event: "sign-out", userId: request.caller.actor.userId });
    reply.type("text/html; charset=utf-8");
    return renderSignedOutPage();
  });

  app.get("/log-ind/oidc", async (request, reply) => {
    const result = await beginOidcSignIn(deps, { redirectUri: `${publicBase(ctx, request)}${OIDC_CALLBACK_PATH}`, returnTo: returnQuery(request) });
    if (result.kind === "refused") return sendRefusalPage(request, reply, result);
    // The state travels twice: in the IdP's redirect and in this cookie, so an answer started in another browser is refused.
    reply.setCookie(OIDC_STATE_COOKIE, result.state, cookieAttributes(ctx, request, OIDC_STATE_MAX_AGE_SECONDS));
    return reply.redirect(result.url, 302);
  });

  app.get(OIDC_CALLBACK_PATH, async (request, reply) => {
    const stateCookie = request.cookies[OIDC_STATE_COOKIE];
    reply.clearCookie(OIDC_STATE_COOKIE, cookieAttributes(ctx, request));
    const result = await completeOidcSignIn(deps, { callbackUrl: `${publicBase(ctx, request)}${request.url}`, stateCookie, address: request.ip });
    if (result.kind === "refused") return sendRefusalPage(request, reply, result);
    await endSession(deps, request.cookies[SESSION_COOKIE]);
    setSessionCookie(ctx, request, reply, result.session);
    return reply.redirect(result.returnTo, 303);
  });
}
