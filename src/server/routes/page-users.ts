import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { createUserAccount, listUserAccounts, setUserAccountDisabled } from "../../app/accounts/manage-users.js";
import { MIN_PASSWORD_LENGTH } from "../../app/accounts/password-hash.js";
import type { Refusal } from "../../app/use-case-result.js";
import { describeRoleDa } from "../../domain/access-policy.js";
import { accountDepsOf, type AppContext } from "../app-context.js";
import { pageAccount, sendRefusalPage } from "../auth/page-account.js";
import { csrfTokenFor } from "../auth/security-plugins.js";
import { formField } from "../form-field.js";
import { renderUsersPage } from "../views/users-page.js";

type Entered = { email: string; rolle: string; kommune: string };

async function usersPage(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, notice: { refusal?: Refusal | null; done?: string | null; entered?: Entered } = {}): Promise<string | Refusal> {
  const listed = await listUserAccounts(accountDepsOf(ctx), request.caller);
  if (listed.kind === "refused") return listed;
  return renderUsersPage({
    account: pageAccount(request),
    csrfToken: csrfTokenFor(ctx, request, reply),
    users: listed.users,
    selfId: request.caller.actor.kind === "user" ? request.caller.actor.userId : null,
    refusal: notice.refusal ?? null,
    done: notice.done ?? null,
    entered: notice.entered ?? { email: "", rolle: "redaktoer", kommune: "" },
    minPasswordLength: MIN_PASSWORD_LENGTH,
  });
}

/** /brugere: the administrator lists, creates, disables and re-enables accounts. */
export function registerUsersPage(app: FastifyInstance, ctx: AppContext): void {
  const deps = accountDepsOf(ctx);
  const send = async (request: FastifyRequest, reply: FastifyReply, status: number, page: string | Refusal) =>
    typeof page === "string" ? reply.code(status).type("text/html; charset=utf-8").send(page) : sendRefusalPage(request, reply, page);

  app.get("/brugere", async (request, reply) => send(request, reply, 200, await usersPage(ctx, request, reply)));

  app.post("/brugere", async (request, reply) => {
    const entered = { email: formField(request.body, "email"), rolle: formField(request.body, "rolle"), kommune: formField(request.body, "kommune") };
    const password = formField(request.body, "adgangskode");
    const result = await createUserAccount(deps, request.caller, { email: entered.email, role: { kind: entered.rolle, municipalityCode: entered.kommune || null }, password: password === "" ? null : password });
    if (result.kind === "refused") {
      if (result.status === 401 || result.status === 403) return sendRefusalPage(request, reply, result);
      return send(request, reply, result.status, await usersPage(ctx, request, reply, { refusal: result, entered }));
    }
    return send(request, reply, 200, await usersPage(ctx, request, reply, { done: `${result.user.email} er oprettet som ${describeRoleDa(result.user.role)}.` }));
  });

  app.post("/brugere/spaer", async (request, reply) => {
    const disabled = formField(request.body, "spaerret") === "ja";
    const result = await setUserAccountDisabled(deps, request.caller, { email: formField(request.body, "email"), disabled });
    if (result.kind === "refused") {
      if (result.status === 401 || result.status === 403) return sendRefusalPage(request, reply, result);
      return send(request, reply, result.status, await usersPage(ctx, request, reply, { refusal: result }));
    }
    return send(request, reply, 200, await usersPage(ctx, request, reply, { done: `${result.user.email} er ${disabled ? "spærret og logget ud" : "genåbnet"}.` }));
  });
}
