import type { Queryable } from "./database.js";

/**
 * Failed sign-ins, counted per account (the e-mail typed) and per address, in the database so that every
 * server instance sees the same count (issue 12: rate limit per account and per address).
 */
export type SignInScope = "account" | "address";

export async function recordSignInFailure(db: Queryable, failure: { account: string; address: string; at: string }): Promise<void> {
  await db.query("INSERT INTO sign_in_failure (scope, key, at) VALUES ('account', $1, $3), ('address', $2, $3)", [failure.account, failure.address, failure.at]);
}

export async function countSignInFailures(db: Queryable, scope: SignInScope, key: string, since: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM sign_in_failure WHERE scope = $1 AND key = $2 AND at > $3", [scope, key, since]);
  return Number(rows[0]?.n ?? 0);
}

/** A successful sign-in forgets the account's failures (not the address's: one address may try many accounts). */
export async function clearAccountFailures(db: Queryable, account: string): Promise<void> {
  await db.query("DELETE FROM sign_in_failure WHERE scope = 'account' AND key = $1", [account]);
}

/** Failures older than any window are of no use; called now and then so the table stays small. */
export async function deleteSignInFailuresBefore(db: Queryable, before: string): Promise<number> {
  const { rows } = await db.query<{ id: number }>("DELETE FROM sign_in_failure WHERE at < $1 RETURNING id", [before]);
  return rows.length;
}
