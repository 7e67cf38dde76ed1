import type { Actor } from "../../domain/access-policy.js";
import { createSession, deleteSession, deleteUserSessions, loadActiveSession } from "../../storage/user-sessions.js";
import type { UserAccount } from "../../storage/user-accounts.js";
import type { AccountDeps } from "./account-deps.js";
import { newSecret, sha256Hex } from "./secret-token.js";

export function userActor(user: UserAccount): Actor {
  return { kind: "user", userId: user.id, email: user.email, role: user.role };
}

/** A new session for a signed-in user: the secret goes into the cookie, its hash into the database. */
export async function startSession(deps: Pick<AccountDeps, "db" | "now" | "auth">, user: UserAccount, method: "password" | "oidc"): Promise<{ secret: string; maxAgeSeconds: number }> {
  const secret = newSecret();
  const now = deps.now();
  const maxAgeSeconds = deps.auth.sessionMaxHours * 3600;
  await createSession(deps.db, {
    tokenSha256: sha256Hex(secret),
    userId: user.id,
    authMethod: method,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + maxAgeSeconds * 1000).toISOString(),
  });
  return { secret, maxAgeSeconds };
}

export type ResolvedSession = { readonly actor: Actor & { kind: "user" }; readonly sessionSha256: string; readonly user: UserAccount };

/** The user behind a session cookie, or null (no cookie, unknown, idle too long, past its end, disabled account). */
export async function resolveSession(deps: Pick<AccountDeps, "db" | "now" | "auth">, secret: string | undefined): Promise<ResolvedSession | null> {
  if (!secret || secret.length > 200) return null;
  const sessionSha256 = sha256Hex(secret);
  const found = await loadActiveSession(deps.db, sessionSha256, deps.now().toISOString(), deps.auth.sessionIdleMinutes * 60_000);
  if (!found) return null;
  return { actor: { kind: "user", userId: found.user.id, email: found.user.email, role: found.user.role }, sessionSha256, user: found.user };
}

export async function endSession(deps: Pick<AccountDeps, "db">, secret: string | undefined): Promise<void> {
  if (secret) await deleteSession(deps.db, sha256Hex(secret));
}

export async function endOtherSessions(deps: Pick<AccountDeps, "db">, userId: string, keepSessionSha256: string | null): Promise<number> {
  return deleteUserSessions(deps.db, userId, keepSessionSha256);
}
