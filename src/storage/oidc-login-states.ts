import type { Queryable } from "./database.js";
import { toIsoTimestamp } from "./timestamps.js";

export type OidcLoginState = { readonly stateSha256: string; readonly codeVerifier: string; readonly nonce: string; readonly returnTo: string; readonly createdAt: string };

export async function saveOidcLoginState(db: Queryable, state: OidcLoginState): Promise<void> {
  await db.query("INSERT INTO oidc_login_state (state_sha256, code_verifier, nonce, return_to, created_at) VALUES ($1, $2, $3, $4, $5)", [
    state.stateSha256,
    state.codeVerifier,
    state.nonce,
    state.returnTo,
    state.createdAt,
  ]);
}

/** Takes the state out (each may be used once) if it was made after `notBefore`; prunes older ones. */
export async function takeOidcLoginState(db: Queryable, stateSha256: string, notBefore: string): Promise<OidcLoginState | null> {
  const { rows } = await db.query<{ state_sha256: string; code_verifier: string; nonce: string; return_to: string; created_at: Date | string }>(
    "DELETE FROM oidc_login_state WHERE state_sha256 = $1 RETURNING state_sha256, code_verifier, nonce, return_to, created_at",
    [stateSha256],
  );
  await db.query("DELETE FROM oidc_login_state WHERE created_at < $1", [notBefore]);
  const row = rows[0];
  if (!row || toIsoTimestamp(row.created_at) < notBefore) return null;
  return { stateSha256: row.state_sha256, codeVerifier: row.code_verifier, nonce: row.nonce, returnTo: row.return_to, createdAt: toIsoTimestamp(row.created_at) };
}
