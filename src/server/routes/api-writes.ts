import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { createOwnApiToken, revokeOwnApiToken } from "../../app/accounts/api-tokens.js";
import { createUserAccount, setUserAccountDisabled } from "../../app/accounts/manage-users.js";
import { listAuditTrail } from "../../app/audit/list-audit-trail.js";
import type { Caller } from "../../app/caller.js";
import { loadCommentForEditing, saveComment } from "../../app/comments/save-comment.js";
import type { Refusal } from "../../app/use-case-result.js";
import { parseMunicipalityCode, parseYear } from "../../app/params.js";
import type { ApiTokenInfo } from "../../storage/api-tokens.js";
import type { AuditEvent } from "../../storage/audit-trail.js";
import { loadMunicipalityComment, type CommentRecord } from "../../storage/municipality-comments.js";
import { roleColumns, type UserAccount } from "../../storage/user-accounts.js";
import type { ApiError } from "../api-types.js";
import { accountDepsOf, type AppContext } from "../app-context.js";
import { resolveApiCaller } from "../auth/request-caller.js";
import { userFacingErrorOfSchemaFailure } from "../validation-failure.js";
import { sendApiError } from "./api-request.js";
import { WRITE_ROUTES } from "../api-schemas/writes-routes.js";
import type { TypedRequests } from "../api-schemas/schema-kit.js";

const REFUSAL_CODES: Readonly<Record<Refusal["status"], string>> = {
  400: "ugyldigt-indhold",
  401: "ikke-logget-ind",
  403: "ingen-adgang",
  404: "ikke-fundet",
  409: "findes-allerede",
  429: "for-mange-forsoeg",
};

export function sendRefusal(reply: FastifyReply, refusal: Refusal): FastifyReply {
  const body: ApiError = { error: REFUSAL_CODES[refusal.status], message: refusal.messageDa };
  return reply.code(refusal.status).send(body);
}

export function sendError(reply: FastifyReply, status: number, error: string, message: string): FastifyReply {
  const body: ApiError = { error, message };
  return reply.code(status).send(body);
}

/** The caller of a write, or an answer already sent (unknown, revoked or expired token; body against its schema). */
export async function writeCaller(ctx: AppContext, request: FastifyRequest, reply: FastifyReply): Promise<Caller | null> {
  const caller = await resolveApiCaller(ctx, request);
  if (caller === null) {
    reply.header("www-authenticate", 'Bearer realm="danmarkskort", error="invalid_token"');
    sendError(reply, 401, "ugyldig-noegle", "API-nøglen er ukendt, tilbagekaldt eller udløbet. Lav en ny under Dine API-nøgler.");
    return null;
  }
  // The schema's verdict waits for the token's (attachValidation): a stranger learns nothing about the body.
  if (request.validationError) {
    sendApiError(reply, userFacingErrorOfSchemaFailure(request, request.validationError));
    return null;
  }
  return caller;
}

function commentJson(c: CommentRecord) {
  return { municipalityCode: c.municipalityCode, year: c.year, text: c.text, status: c.status, updatedAt: c.updatedAt, publishedAt: c.publishedAt };
}

function userJson(u: UserAccount) {
  const { role, municipalityCode } = roleColumns(u.role);
  return { email: u.email, role, municipalityCode, disabled: u.disabledAt !== null };
}

function tokenJson(t: ApiTokenInfo, secret?: string) {
  return { id: t.id, name: t.name, createdAt: t.createdAt, expiresAt: t.expiresAt, revokedAt: t.revokedAt, ...(secret ? { token: secret } : {}) };
}

function auditJson(e: AuditEvent) {
  return {
    id: e.id,
    at: e.at,
    actor: e.actorLabel,
    actorRole: e.actorRole,
    actorMunicipalityCode: e.actorMunicipalityCode,
    channel: e.channel,
    action: e.action,
    municipalityCode: e.municipalityCode,
    subject: e.subject,
    before: e.before,
    after: e.after,
  };
}

/**
 * The /api/v1 twins of every web write (issue 12, point 5), authenticated by `Authorization: Bearer …`
 * only. Each is the same use case as its form, so role, CPR guard and audit trail are the form's: a Herning
 * editor's token writes Herning's comment and gets 403 for København's.
 */
export function registerApiWrites(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<TypedRequests>();
  const deps = accountDepsOf(ctx);

  api.get("/api/v1/municipalities/:code/comments/:year", { schema: WRITE_ROUTES["GET /api/v1/municipalities/:code/comments/:year"] }, async (request, reply) => {
    const year = parseYear(request.params.year);
    const caller = await resolveApiCaller(ctx, request);
    if (caller && caller.actor.kind === "user") {
      const found = await loadCommentForEditing(deps, caller, request.params.code, year);
      if (found.kind === "comment") {
        if (!found.comment) return sendError(reply, 404, "ingen-kommentar", `Kommunen har ingen kommentar til ${year}.`);
        return reply.header("cache-control", "private, no-store").send(commentJson(found.comment));
      }
    }
    const municipality = parseMunicipalityCode(request.params.code);
    const published = await loadMunicipalityComment(ctx.db, municipality.code, year);
    if (!published) return sendError(reply, 404, "ingen-kommentar", `${municipality.name} Kommune har ingen offentliggjort kommentar til ${year}.`);
    return reply.send(commentJson({ ...published, status: "published", publishedAt: published.updatedAt }));
  });

  api.put(
    "/api/v1/municipalities/:code/comments/:year",
    { schema: WRITE_ROUTES["PUT /api/v1/municipalities/:code/comments/:year"], attachValidation: true },
    async (request, reply) => {
      const caller = await writeCaller(ctx, request, reply);
      if (!caller) return reply;
      const year = parseYear(request.params.year);
      const result = await saveComment(deps, caller, { municipalityCode: request.params.code, year, text: request.body.text, status: request.body.status });
      if (result.kind === "refused") return sendRefusal(reply, result);
      return reply.send(commentJson(result.comment));
    },
  );

  api.post(
    "/api/v1/users",
    { schema: WRITE_ROUTES["POST /api/v1/users"], attachValidation: true },
    async (request, reply) => {
      const caller = await writeCaller(ctx, request, reply);
      if (!caller) return reply;
      const { email, role, municipalityCode, password } = request.body;
      const result = await createUserAccount(deps, caller, { email, role: { kind: role, municipalityCode: municipalityCode ?? null }, password: password ?? null });
      if (result.kind === "refused") return sendRefusal(reply, result);
      return reply.code(201).send(userJson(result.user));
    },
  );

  api.put(
    "/api/v1/users/:email/disabled",
    { schema: WRITE_ROUTES["PUT /api/v1/users/:email/disabled"], attachValidation: true },
    async (request, reply) => {
      const caller = await writeCaller(ctx, request, reply);
      if (!caller) return reply;
      const result = await setUserAccountDisabled(deps, caller, { email: request.params.email, disabled: request.body.disabled });
      if (result.kind === "refused") return sendRefusal(reply, result);
      return reply.send(userJson(result.user));
    },
  );

  api.post("/api/v1/tokens", { schema: WRITE_ROUTES["POST /api/v1/tokens"], attachValidation: true }, async (request, reply) => {
    const caller = await writeCaller(ctx, request, reply);
    if (!caller) return reply;
    const result = await createOwnApiToken(deps, caller, { name: request.body.name, days: request.body.days ?? null });
    if (result.kind === "refused") return sendRefusal(reply, result);
    return reply.code(201).header("cache-control", "no-store").send(tokenJson(result.token, result.secret));
  });

  api.delete("/api/v1/tokens/:id", { schema: WRITE_ROUTES["DELETE /api/v1/tokens/:id"], attachValidation: true }, async (request, reply) => {
    const caller = await writeCaller(ctx, request, reply);
    if (!caller) return reply;
    if (!/^[0-9a-f-]{36}$/.test(request.params.id)) return sendError(reply, 404, "ikke-fundet", "Du har ingen aktiv API-nøgle med det id.");
    const result = await revokeOwnApiToken(deps, caller, request.params.id);
    if (result.kind === "refused") return sendRefusal(reply, result);
    return reply.send(tokenJson(result.token));
  });

  api.get("/api/v1/audit-trail", { schema: WRITE_ROUTES["GET /api/v1/audit-trail"], attachValidation: true }, async (request, reply) => {
    const caller = await writeCaller(ctx, request, reply);
    if (!caller) return reply;
    const result = await listAuditTrail(deps, caller, { municipalityCode: request.query.municipality || null, userEmail: request.query.user || null });
    if (result.kind === "refused") return sendRefusal(reply, result);
    return reply.header("cache-control", "private, no-store").send({ events: result.events.map(auditJson) });
  });
}
