import type { Queryable } from "./database.js";
import { findUserById, type UserAccount } from "./user-accounts.js";
import { toIsoTimestamp } from "./timestamps.js";

/**
 * Sessions live in the database, so several server instances behind one load balancer share them
 * (issue 12). The browser holds a random secret; the table holds only its SHA-256.
 */
export type SessionRecord = {
  readonly tokenSha256: string;
  readonly userId: string;
  readonly authMethod: "password" | "oidc";
  readonly createdAt: string;
  readonly lastSeenAt: string;
  /** The absolute end, however active the session is. */
  readonly expiresAt: string;
};

type SessionRow = { token_sha256: string; user_id: string; auth_method: "password" | "oidc"; created_at: Date | string; last_seen_at: Date | string; expires_at: Date | string };

function toSession(row: SessionRow): SessionRecord {
  return {
    tokenSha256: row.token_sha256,
    userId: row.user_id,
    authMethod: row.auth_method,
    createdAt: toIsoTimestamp(row.created_at),
    lastSeenAt: toIsoTimestamp(row.last_seen_at),
    expiresAt: toIsoTimestamp(row.expires_at),
  };
}

export async function createSession(db: Queryable, session: Omit<SessionRecord, "lastSeenAt">): Promise<void> {
  await db.query("INSERT INTO user_session (token_sha256, user_id, auth_method, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $4, $4, $5)", [
    session.tokenSha256,
    session.userId,
    session.authMethod,
    session.createdAt,
    session.expiresAt,
  ]);
}

/** Seconds of activity that need no new write: a busy page does not update its session on every request. */
const TOUCH_GRANULARITY_MS = 30_000;

/**
 * The live session and its user, or null when it does not exist, passed its absolute end, sat idle longer
 * than `idleMs`, or belongs to a disabled account. A live session's idle clock is restarted.
 */
export async function loadActiveSession(db: Queryable, tokenSha256: string, now: string, idleMs: number): Promise<{ session: SessionRecord; user: UserAccount } | null> {
  const { rows } = await db.query<SessionRow>("SELECT token_sha256, user_id, auth_method, created_at, last_seen_at, expires_at FROM user_session WHERE token_sha256 = $1", [tokenSha256]);
  const row = rows[0];
  if (!row) return null;
  const session = toSession(row);
  const nowMs = Date.parse(now);
  if (Date.parse(session.expiresAt) <= nowMs || Date.parse(session.lastSeenAt) + idleMs <= nowMs) {
    await deleteSession(db, tokenSha256);
    return null;
  }
  const user = await findUserById(db, session.userId);
  if (!user || user.disabledAt !== null) return null;
  if (nowMs - Date.parse(session.lastSeenAt) >= TOUCH_GRANULARITY_MS) {
    await db.query("UPDATE user_session SET last_seen_at = $2 WHERE token_sha256 = $1", [tokenSha256, now]);
  }
  return { session: { ...session, lastSeenAt: now }, user };
}

export async function deleteSession(db: Queryable, tokenSha256: string): Promise<void> {
  await db.query("DELETE FROM user_session WHERE token_sha256 = $1", [tokenSha256]);
}

/** Ends every session of a user but (optionally) one: after a password change, other browsers are signed out. */
export async function deleteUserSessions(db: Queryable, userId: string, keepTokenSha256: string | null = null): Promise<number> {
  const { rows } = await db.query<{ token_sha256: string }>("DELETE FROM user_session WHERE user_id = $1 AND token_sha256 IS DISTINCT FROM $2 RETURNING token_sha256", [userId, keepTokenSha256]);
  return rows.length;
}

/** Removes sessions past their absolute end or idle limit. */
export async function deleteExpiredSessions(db: Queryable, now: string, idleMs: number): Promise<number> {
  const idleBefore = new Date(Date.parse(now) - idleMs).toISOString();
  const { rows } = await db.query<{ token_sha256: string }>("DELETE FROM user_session WHERE expires_at <= $1 OR last_seen_at <= $2 RETURNING token_sha256", [now, idleBefore]);
  return rows.length;
}
