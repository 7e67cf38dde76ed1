import type { FastifyInstance } from "fastify";
import { listAuditTrail } from "../../app/audit/list-audit-trail.js";
import { accountDepsOf, type AppContext } from "../app-context.js";
import { pageAccount, sendRefusalPage } from "../auth/page-account.js";
import { renderAuditPage } from "../views/audit-page.js";

/**
 * /revisionsspor: every write (who, role, when, what, before and after), newest first, filtered by
 * municipality and user. Admin and tilsyn see everything; a municipality's own users see their own.
 */
export function registerAuditPage(app: FastifyInstance, ctx: AppContext): void {
  const deps = accountDepsOf(ctx);
  app.get<{ Querystring: { kommune?: string; bruger?: string } }>("/revisionsspor", async (request, reply) => {
    const kommune = (request.query.kommune ?? "").trim();
    const bruger = (request.query.bruger ?? "").trim();
    const result = await listAuditTrail(deps, request.caller, { municipalityCode: kommune || null, userEmail: bruger.toLowerCase() || null });
    if (result.kind === "refused" && result.status !== 400) return sendRefusalPage(request, reply, result);
    const events = result.kind === "events" ? result.events : [];
    const chosen = result.kind === "events" ? result.municipalityCode : null;
    const national = request.caller.actor.kind === "user" && (request.caller.actor.role.kind === "admin" || request.caller.actor.role.kind === "tilsyn");
    reply.code(result.kind === "refused" ? 400 : 200).type("text/html; charset=utf-8");
    return renderAuditPage({ account: pageAccount(request), events, municipalityCode: chosen, national, userEmail: bruger, refusal: result.kind === "refused" ? result : null });
  });
}
