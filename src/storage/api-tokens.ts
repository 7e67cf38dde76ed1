import type { Queryable } from "./database.js";
import { findUserById, type UserAccount } from "./user-accounts.js";
import { toIsoTimestamp, toIsoTimestampOrNull } from "./timestamps.js";

/** A personal API token as its owner sees it in a list: never the secret, which is shown once at creation. */
export type ApiTokenInfo = {
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly revokedAt: string | null;
  readonly lastUsedAt: string | null;
};

type TokenRow = { id: string; user_id: string; name: string; created_at: Date | string; expires_at: Date | string; revoked_at: Date | string | null; last_used_at: Date | string | null };
const COLUMNS = "id, user_id, name, created_at, expires_at, revoked_at, last_used_at";

function toToken(row: TokenRow): ApiTokenInfo {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    createdAt: toIsoTimestamp(row.created_at),
    expiresAt: toIsoTimestamp(row.expires_at),
    revokedAt: toIsoTimestampOrNull(row.revoked_at),
    lastUsedAt: toIsoTimestampOrNull(row.last_used_at),
  };
}

export async function createApiToken(
  db: Queryable,
  token: { userId: string; name: string; tokenSha256: string; createdAt: string; expiresAt: string },
): Promise<ApiTokenInfo> {
  const { rows } = await db.query<TokenRow>(`INSERT INTO api_token (user_id, name, token_sha256, created_at, expires_at) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`, [
    token.userId,
    token.name.trim(),
    token.tokenSha256,
    token.createdAt,
    token.expiresAt,
  ]);
  return toToken(rows[0]!);
}

/** A user's tokens, newest first, revoked and expired ones included (the owner sees their history). */
export async function listApiTokens(db: Queryable, userId: string): Promise<ApiTokenInfo[]> {
  const { rows } = await db.query<TokenRow>(`SELECT ${COLUMNS} FROM api_token WHERE user_id = $1 ORDER BY created_at DESC, id`, [userId]);
  return rows.map(toToken);
}

export async function findApiToken(db: Queryable, tokenId: string): Promise<ApiTokenInfo | null> {
  if (!/^[0-9a-f-]{36}$/i.test(tokenId)) return null;
  const { rows } = await db.query<TokenRow>(`SELECT ${COLUMNS} FROM api_token WHERE id = $1`, [tokenId]);
  return rows[0] ? toToken(rows[0]) : null;
}

/** Revokes a token of `userId`; returns it, or null when the user has no such live token. */
export async function revokeApiToken(db: Queryable, userId: string, tokenId: string, now: string): Promise<ApiTokenInfo | null> {
  if (!/^[0-9a-f-]{36}$/i.test(tokenId)) return null;
  const { rows } = await db.query<TokenRow>(`UPDATE api_token SET revoked_at = $3 WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL RETURNING ${COLUMNS}`, [tokenId, userId, now]);
  return rows[0] ? toToken(rows[0]) : null;
}

/** The owner of a live token (not revoked, not expired, account enabled); records the use. */
export async function loadUserByApiToken(db: Queryable, tokenSha256: string, now: string): Promise<{ token: ApiTokenInfo; user: UserAccount } | null> {
  const { rows } = await db.query<TokenRow>(`UPDATE api_token SET last_used_at = $2 WHERE token_sha256 = $1 AND revoked_at IS NULL AND expires_at > $2 RETURNING ${COLUMNS}`, [tokenSha256, now]);
  const row = rows[0];
  if (!row) return null;
  const user = await findUserById(db, row.user_id);
  if (!user || user.disabledAt !== null) return null;
  return { token: toToken(row), user };
}
