import type { FastifyReply, FastifyRequest } from "fastify";
import { authorize, describeRoleDa, roleMunicipality } from "../../domain/access-policy.js";
import type { Refusal } from "../../app/use-case-result.js";
import type { LayoutAccount } from "../views/page-layout.js";
import { renderRefusalPage } from "../views/refusal-page.js";

/** The header's account links for the request's signed-in user, or null. */
export function pageAccount(request: FastifyRequest): LayoutAccount | null {
  const actor = request.caller?.actor;
  if (!actor || actor.kind !== "user") return null;
  return {
    email: actor.email,
    roleDa: describeRoleDa(actor.role),
    isAdmin: actor.role.kind === "admin",
    mayReadAudit: authorize(actor, { action: "audit.read", municipalityCode: roleMunicipality(actor.role) }).allowed,
  };
}

const REFUSAL_TITLES_DA: Readonly<Record<Refusal["status"], string>> = {
  400: "Oplysningerne kan ikke bruges",
  401: "Du skal logge ind",
  403: "Du har ikke adgang",
  404: "Findes ikke",
  409: "Findes allerede",
  429: "For mange forsøg",
};

/**
 * A use case's refusal as a Danish page with its status: 403 says who the person is signed in as and what
 * they may not do; 401 offers the sign-in page and comes back here afterwards.
 */
export function sendRefusalPage(request: FastifyRequest, reply: FastifyReply, refusal: Refusal): FastifyReply {
  const title = REFUSAL_TITLES_DA[refusal.status];
  if (refusal.retryAfterSeconds !== undefined) reply.header("retry-after", String(refusal.retryAfterSeconds));
  const back = request.method === "GET" && !request.url.startsWith("/log-ind") ? request.url : "/konto";
  return reply
    .code(refusal.status)
    .type("text/html; charset=utf-8")
    .send(renderRefusalPage({ account: pageAccount(request), title, messageDa: refusal.messageDa, signInReturnTo: refusal.status === 401 ? back : null }));
}
