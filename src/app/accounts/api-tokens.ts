import { authorize, roleMunicipality, type Actor } from "../../domain/access-policy.js";
import { checkFreeTextForCpr } from "../../domain/cpr-number.js";
import { createApiToken, listApiTokens, loadUserByApiToken, revokeApiToken, type ApiTokenInfo } from "../../storage/api-tokens.js";
import { findUserByEmail, normalizeEmail } from "../../storage/user-accounts.js";
import { recordAuditEvent } from "../audit/record-audit-event.js";
import type { Caller } from "../caller.js";
import { refuse, type Refusal } from "../use-case-result.js";
import type { AccountDeps } from "./account-deps.js";
import { refuseCpr } from "../cpr-guard.js";
import { API_TOKEN_PREFIX, newSecret, sha256Hex } from "./secret-token.js";

export type NewApiToken = { readonly kind: "created"; readonly token: ApiTokenInfo; /** Shown once; only its hash is kept. */ readonly secret: string };

function parseDays(deps: Pick<AccountDeps, "auth">, days: number | string | null | undefined): number | Refusal {
  if (days === null || days === undefined || days === "") return deps.auth.apiTokenDefaultDays;
  const n = typeof days === "number" ? days : /^\d+$/.test(days.trim()) ? Number(days.trim()) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > deps.auth.apiTokenMaxDays) {
    return refuse(400, `Udløbet skal være et helt antal dage mellem 1 og ${deps.auth.apiTokenMaxDays}, ikke "${days}".`, { field: "dage" });
  }
  return n;
}

async function issue(deps: AccountDeps, caller: Caller, owner: { id: string; email: string; municipalityCode: string | null }, name: string, days: number | string | null | undefined): Promise<NewApiToken | Refusal> {
  const trimmed = name.trim();
  if (trimmed === "" || trimmed.length > 100) return refuse(400, "Giv nøglen et navn på 1–100 tegn, fx navnet på det system, der skal bruge den.", { field: "navn" });
  const cpr = checkFreeTextForCpr("Navn", trimmed);
  if (cpr) return refuseCpr(deps, caller, cpr);
  const lifetime = parseDays(deps, days);
  if (typeof lifetime !== "number") return lifetime;
  const secret = newSecret(API_TOKEN_PREFIX);
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + lifetime * 86_400_000).toISOString();
  return deps.db.transaction(async (tx) => {
    const token = await createApiToken(tx, { userId: owner.id, name: trimmed, tokenSha256: sha256Hex(secret), createdAt: now.toISOString(), expiresAt });
    await recordAuditEvent(tx, caller, now, {
      action: "token.create",
      municipalityCode: owner.municipalityCode,
      subject: `API-nøgle "${token.name}" for ${owner.email}`,
      before: null,
      after: { id: token.id, name: token.name, owner: owner.email, expiresAt: token.expiresAt },
    });
    return { kind: "created" as const, token, secret };
  });
}

/** A signed-in user creates a personal token for scripts and agenda systems; it carries the user's role. */
export async function createOwnApiToken(deps: AccountDeps, caller: Caller, input: { name: string; days?: number | string | null }): Promise<NewApiToken | Refusal> {
  const decision = authorize(caller.actor, { action: "account.manage-own" });
  if (!decision.allowed) return refuse(decision.status, decision.reasonDa);
  if (caller.actor.kind !== "user") return refuse(400, "Kun en bruger, der er logget ind, kan lave en personlig API-nøgle.");
  const a = caller.actor;
  return issue(deps, caller, { id: a.userId, email: a.email, municipalityCode: roleMunicipality(a.role) }, input.name, input.days);
}

/** The operator issues a token for a user from the command line (`danmarkskort bruger token`). */
export async function issueApiTokenForUser(deps: AccountDeps, caller: Caller, input: { email: string; name: string; days?: number | string | null }): Promise<NewApiToken | Refusal> {
  const decision = authorize(caller.actor, { action: "users.manage" });
  if (!decision.allowed) return refuse(decision.status, decision.reasonDa);
  const user = await findUserByEmail(deps.db, input.email);
  if (!user) return refuse(404, `Der findes ingen bruger med e-mailen ${normalizeEmail(input.email)}.`, { field: "email" });
  if (user.disabledAt !== null) return refuse(400, `Brugeren ${user.email} er spærret.`, { field: "email" });
  return issue(deps, caller, { id: user.id, email: user.email, municipalityCode: roleMunicipality(user.role) }, input.name, input.days);
}

export async function listOwnApiTokens(deps: Pick<AccountDeps, "db">, caller: Caller): Promise<{ kind: "tokens"; tokens: ApiTokenInfo[] } | Refusal> {
  if (caller.actor.kind !== "user") return refuse(401, "Du skal logge ind for at se dine API-nøgler.");
  return { kind: "tokens", tokens: await listApiTokens(deps.db, caller.actor.userId) };
}

export async function revokeOwnApiToken(deps: AccountDeps, caller: Caller, tokenId: string): Promise<{ kind: "revoked"; token: ApiTokenInfo } | Refusal> {
  if (caller.actor.kind !== "user") return refuse(401, "Du skal logge ind for at tilbagekalde en API-nøgle.");
  const actor = caller.actor;
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const token = await revokeApiToken(tx, actor.userId, tokenId, now.toISOString());
    if (!token) return refuse(404, "Du har ingen aktiv API-nøgle med det id.");
    await recordAuditEvent(tx, caller, now, {
      action: "token.revoke",
      municipalityCode: roleMunicipality(actor.role),
      subject: `API-nøgle "${token.name}" for ${actor.email}`,
      before: { id: token.id, name: token.name, revokedAt: null },
      after: { id: token.id, name: token.name, revokedAt: token.revokedAt },
    });
    return { kind: "revoked" as const, token };
  });
}

/** The actor an `Authorization: Bearer …` header carries, or null when the token is unknown, revoked or expired. */
export async function resolveBearerToken(deps: Pick<AccountDeps, "db" | "now">, header: string | undefined): Promise<Actor | null> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  if (!match || match[1]!.length > 200) return null;
  const found = await loadUserByApiToken(deps.db, sha256Hex(match[1]!), deps.now().toISOString());
  return found ? { kind: "user", userId: found.user.id, email: found.user.email, role: found.user.role } : null;
}
