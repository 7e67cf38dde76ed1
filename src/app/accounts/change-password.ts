import { authorize } from "../../domain/access-policy.js";
import { recordSignInFailure } from "../../storage/sign-in-failures.js";
import { loadPasswordHash, setPasswordHash } from "../../storage/user-accounts.js";
import { deleteUserSessions } from "../../storage/user-sessions.js";
import { recordAuditEvent } from "../audit/record-audit-event.js";
import type { Caller } from "../caller.js";
import { refuse, type Refusal } from "../use-case-result.js";
import type { AccountDeps } from "./account-deps.js";
import { checkNewPassword, hashPassword, verifyPassword } from "./password-hash.js";
import { rateLimitedMessageDa, signInWait } from "./sign-in.js";

export type ChangePasswordInput = {
  readonly currentPassword: string;
  readonly newPassword: string;
  readonly repeatPassword: string;
  /** The session making the change stays signed in; every other session of the user ends. */
  readonly keepSessionSha256: string | null;
  readonly address: string;
};

/**
 * A signed-in user changes their own password. The current password is required (a borrowed, unlocked
 * screen is not enough) and counts towards the sign-in rate limit like a sign-in.
 */
export async function changeOwnPassword(deps: AccountDeps, caller: Caller, input: ChangePasswordInput): Promise<{ kind: "changed"; endedSessions: number } | Refusal> {
  const decision = authorize(caller.actor, { action: "account.manage-own" });
  if (!decision.allowed) return refuse(decision.status, decision.reasonDa);
  if (caller.actor.kind !== "user") return refuse(400, "Kun en bruger, der er logget ind, kan ændre sin adgangskode.");
  const actor = caller.actor;
  const wait = await signInWait(deps, actor.email, input.address);
  if (wait > 0) return refuse(429, rateLimitedMessageDa(wait), { retryAfterSeconds: wait });
  const stored = await loadPasswordHash(deps.db, actor.userId);
  if (stored === null) return refuse(400, "Din konto logger ind gennem OpenID Connect og har ingen adgangskode her.");
  const now = deps.now();
  if (!(await verifyPassword(stored, input.currentPassword))) {
    await recordSignInFailure(deps.db, { account: actor.email, address: input.address, at: now.toISOString() });
    return refuse(400, "Den nuværende adgangskode er forkert.", { field: "nuvaerende" });
  }
  if (input.newPassword !== input.repeatPassword) return refuse(400, "De to nye adgangskoder er ikke ens.", { field: "gentag" });
  const weak = checkNewPassword(input.newPassword, actor.email);
  if (weak) return refuse(400, weak, { field: "ny" });
  const hash = await hashPassword(input.newPassword);
  return deps.db.transaction(async (tx) => {
    await setPasswordHash(tx, actor.userId, hash);
    const endedSessions = await deleteUserSessions(tx, actor.userId, input.keepSessionSha256);
    // The trail says that it changed, never the password or its hash.
    await recordAuditEvent(tx, caller, now, { action: "user.password-change", municipalityCode: null, subject: `bruger ${actor.email}`, before: null, after: { password: "ændret", endedSessions } });
    return { kind: "changed" as const, endedSessions };
  });
}
