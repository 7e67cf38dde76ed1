import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { createOwnApiToken, listOwnApiTokens, revokeOwnApiToken, type NewApiToken } from "../../app/accounts/api-tokens.js";
import { changeOwnPassword } from "../../app/accounts/change-password.js";
import { MIN_PASSWORD_LENGTH } from "../../app/accounts/password-hash.js";
import { refuse, type Refusal } from "../../app/use-case-result.js";
import { describeRoleDa } from "../../domain/access-policy.js";
import { accountDepsOf, type AppContext } from "../app-context.js";
import { pageAccount, sendRefusalPage } from "../auth/page-account.js";
import { csrfTokenFor } from "../auth/security-plugins.js";
import { formField } from "../form-field.js";
import { renderAccountPage, renderTokensPage } from "../views/account-pages.js";

const NOT_SIGNED_IN = refuse(401, "Du skal logge ind for at se din konto.");

function html(reply: FastifyReply, status = 200): FastifyReply {
  return reply.code(status).type("text/html; charset=utf-8");
}

function accountPage(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, notice: { refusal?: Refusal | null; done?: string | null } = {}): string {
  const user = request.session!.user;
  return renderAccountPage({
    account: pageAccount(request)!,
    csrfToken: csrfTokenFor(ctx, request, reply),
    email: user.email,
    roleDa: describeRoleDa(user.role),
    oidc: user.oidc !== null,
    hasPassword: user.hasPassword,
    minPasswordLength: MIN_PASSWORD_LENGTH,
    refusal: notice.refusal ?? null,
    done: notice.done ?? null,
  });
}

async function tokensPage(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, notice: { refusal?: Refusal | null; created?: NewApiToken | null; revoked?: string | null; name?: string; days?: string } = {}): Promise<string> {
  const deps = accountDepsOf(ctx);
  const listed = await listOwnApiTokens(deps, request.caller);
  return renderTokensPage({
    account: pageAccount(request)!,
    csrfToken: csrfTokenFor(ctx, request, reply),
    roleDa: describeRoleDa(request.session!.user.role),
    tokens: listed.kind === "tokens" ? listed.tokens : [],
    now: deps.now(),
    refusal: notice.refusal ?? null,
    created: notice.created ?? null,
    revoked: notice.revoked ?? null,
    name: notice.name ?? "",
    days: notice.days ?? String(deps.auth.apiTokenDefaultDays),
    maxDays: deps.auth.apiTokenMaxDays,
  });
}

/** /konto (who am I, password change) and /konto/api-noegler (personal API tokens: shown once, revocable, with an expiry). */
export function registerAccountPages(app: FastifyInstance, ctx: AppContext): void {
  const deps = accountDepsOf(ctx);

  app.get("/konto", async (request, reply) => {
    if (!request.session) return sendRefusalPage(request, reply, NOT_SIGNED_IN);
    return html(reply).send(accountPage(ctx, request, reply));
  });

  app.post("/konto/adgangskode", async (request, reply) => {
    if (!request.session) return sendRefusalPage(request, reply, NOT_SIGNED_IN);
    const result = await changeOwnPassword(deps, request.caller, {
      currentPassword: formField(request.body, "nuvaerende"),
      newPassword: formField(request.body, "ny"),
      repeatPassword: formField(request.body, "gentag"),
      keepSessionSha256: request.session.sessionSha256,
      address: request.ip,
    });
    if (result.kind === "refused") {
      if (result.status !== 400) return sendRefusalPage(request, reply, result);
      return html(reply, 400).send(accountPage(ctx, request, reply, { refusal: result }));
    }
    const others = result.endedSessions === 1 ? "Din ene anden session er logget ud." : result.endedSessions > 1 ? `Dine ${result.endedSessions} andre sessioner er logget ud.` : "";
    return html(reply).send(accountPage(ctx, request, reply, { done: `Din adgangskode er skiftet. ${others}`.trim() }));
  });

  app.get("/konto/api-noegler", async (request, reply) => {
    if (!request.session) return sendRefusalPage(request, reply, NOT_SIGNED_IN);
    return html(reply).send(await tokensPage(ctx, request, reply));
  });

  app.post("/konto/api-noegler", async (request, reply) => {
    if (!request.session) return sendRefusalPage(request, reply, NOT_SIGNED_IN);
    const name = formField(request.body, "navn");
    const days = formField(request.body, "dage");
    const result = await createOwnApiToken(deps, request.caller, { name, days });
    if (result.kind === "refused") {
      if (result.status !== 400) return sendRefusalPage(request, reply, result);
      return html(reply, 400).send(await tokensPage(ctx, request, reply, { refusal: result, name, days }));
    }
    // The secret is in this answer only: never cached, never in a URL.
    reply.header("cache-control", "no-store");
    return html(reply).send(await tokensPage(ctx, request, reply, { created: result }));
  });

  app.post<{ Params: { id: string } }>("/konto/api-noegler/:id/tilbagekald", async (request, reply) => {
    if (!request.session) return sendRefusalPage(request, reply, NOT_SIGNED_IN);
    const id = request.params.id;
    const result = /^[0-9a-f-]{36}$/.test(id) ? await revokeOwnApiToken(deps, request.caller, id) : refuse(404, "Du har ingen aktiv API-nøgle med det id.");
    if (result.kind === "refused") return sendRefusalPage(request, reply, result);
    return html(reply).send(await tokensPage(ctx, request, reply, { revoked: `API-nøglen "${result.token.name}" er tilbagekaldt og virker ikke mere.` }));
  });
}
