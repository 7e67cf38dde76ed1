import { clearAccountFailures, countSignInFailures, deleteSignInFailuresBefore, recordSignInFailure } from "../../storage/sign-in-failures.js";
import { findUserByEmail, loadPasswordHash, normalizeEmail, type UserAccount } from "../../storage/user-accounts.js";
import { refuse, type Refusal } from "../use-case-result.js";
import type { AccountDeps } from "./account-deps.js";
import { dummyPasswordHash, MAX_PASSWORD_LENGTH, verifyPassword } from "./password-hash.js";
import { startSession } from "./sessions.js";

export type SignInResult = { readonly kind: "signed-in"; readonly user: UserAccount; readonly session: { secret: string; maxAgeSeconds: number } } | Refusal;

const WRONG_CREDENTIALS_DA = "Forkert e-mail eller adgangskode.";

/**
 * How many more seconds an account or address must wait, or 0. Counted before the password is checked,
 * so a guesser past the limit learns nothing, not even from a right password.
 */
export async function signInWait(deps: Pick<AccountDeps, "db" | "now" | "auth">, account: string, address: string): Promise<number> {
  const { auth } = deps;
  const since = new Date(deps.now().getTime() - auth.signInWindowSeconds * 1000).toISOString();
  const [byAccount, byAddress] = await Promise.all([countSignInFailures(deps.db, "account", account, since), countSignInFailures(deps.db, "address", address, since)]);
  return byAccount >= auth.signInFailuresPerAccount || byAddress >= auth.signInFailuresPerAddress ? auth.signInWindowSeconds : 0;
}

export function rateLimitedMessageDa(seconds: number): string {
  return `For mange forkerte forsøg på at logge ind. Vent ${seconds} sekunder, og prøv igen.`;
}

/** Signs in with e-mail and password: rate limited per account and per address, argon2id-verified. */
export async function signInWithPassword(deps: AccountDeps, input: { email: string; password: string; address: string }): Promise<SignInResult> {
  const account = normalizeEmail(input.email);
  if (account === "" || input.password === "") return refuse(400, "Skriv både e-mail og adgangskode.");
  const wait = await signInWait(deps, account, input.address);
  if (wait > 0) {
    deps.securityLog.record({ event: "sign-in-rate-limited", account, address: input.address });
    return refuse(429, rateLimitedMessageDa(wait), { retryAfterSeconds: wait });
  }
  const user = await findUserByEmail(deps.db, account);
  const stored = user && user.disabledAt === null ? await loadPasswordHash(deps.db, user.id) : null;
  // An unknown address costs as much as a wrong password, so timing does not reveal who has an account.
  const ok = input.password.length <= MAX_PASSWORD_LENGTH && (await verifyPassword(stored ?? (await dummyPasswordHash()), input.password)) && stored !== null;
  const now = deps.now();
  if (!ok || !user) {
    await recordSignInFailure(deps.db, { account, address: input.address, at: now.toISOString() });
    // Failures older than the window (at least an hour) count for nothing; pruning here needs no job.
    await deleteSignInFailuresBefore(deps.db, new Date(now.getTime() - Math.max(3600, deps.auth.signInWindowSeconds) * 1000).toISOString());
    deps.securityLog.record({ event: "sign-in-failed", account, address: input.address });
    return refuse(401, WRONG_CREDENTIALS_DA);
  }
  await clearAccountFailures(deps.db, account);
  const session = await startSession(deps, user, "password");
  deps.securityLog.record({ event: "sign-in", method: "password", userId: user.id, address: input.address });
  return { kind: "signed-in", user, session };
}
