import type { Role, RoleKind } from "../domain/access-policy.js";
import { asMunicipalityCode } from "../domain/municipality.js";
import type { Queryable } from "./database.js";
import { toIsoTimestamp, toIsoTimestampOrNull } from "./timestamps.js";

/** A person who can sign in. The password hash never leaves storage in this shape: see `loadPasswordHash`. */
export type UserAccount = {
  readonly id: string;
  readonly email: string;
  readonly role: Role;
  readonly hasPassword: boolean;
  /** Set when the account was created or linked by an OpenID Connect sign-in. */
  readonly oidc: { readonly issuer: string; readonly subject: string } | null;
  readonly createdAt: string;
  readonly disabledAt: string | null;
};

type UserRow = {
  id: string;
  email: string;
  role: RoleKind;
  municipality_code: string | null;
  has_password: boolean;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  created_at: Date | string;
  disabled_at: Date | string | null;
};

const COLUMNS = "id, email, role, municipality_code, password_hash IS NOT NULL AS has_password, oidc_issuer, oidc_subject, created_at, disabled_at";

/** E-mail addresses compare without case or surrounding space, as mail systems do. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function toRole(kind: RoleKind, municipalityCode: string | null): Role {
  if (kind === "redaktoer" || kind === "laeser") {
    if (municipalityCode === null) throw new Error(`Rollen ${kind} mangler en kommune`);
    return { kind, municipalityCode: asMunicipalityCode(municipalityCode) };
  }
  return { kind };
}

export function roleColumns(role: Role): { role: RoleKind; municipalityCode: string | null } {
  return { role: role.kind, municipalityCode: role.kind === "redaktoer" || role.kind === "laeser" ? role.municipalityCode : null };
}

function toAccount(row: UserRow): UserAccount {
  return {
    id: row.id,
    email: row.email,
    role: toRole(row.role, row.municipality_code),
    hasPassword: row.has_password,
    oidc: row.oidc_issuer !== null && row.oidc_subject !== null ? { issuer: row.oidc_issuer, subject: row.oidc_subject } : null,
    createdAt: toIsoTimestamp(row.created_at),
    disabledAt: toIsoTimestampOrNull(row.disabled_at),
  };
}

export type NewUser = {
  readonly email: string;
  readonly role: Role;
  /** An argon2id hash (PHC string), or null for an account that signs in only through OpenID Connect. */
  readonly passwordHash: string | null;
  readonly oidc?: { readonly issuer: string; readonly subject: string } | null;
  readonly createdAt: string;
};

export type CreateUserResult = { readonly kind: "created"; readonly user: UserAccount } | { readonly kind: "email-taken" };

export async function createUser(db: Queryable, user: NewUser): Promise<CreateUserResult> {
  const { role, municipalityCode } = roleColumns(user.role);
  const { rows } = await db.query<UserRow>(
    `INSERT INTO app_user (email, role, municipality_code, password_hash, oidc_issuer, oidc_subject, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (email) DO NOTHING RETURNING ${COLUMNS}`,
    [normalizeEmail(user.email), role, municipalityCode, user.passwordHash, user.oidc?.issuer ?? null, user.oidc?.subject ?? null, user.createdAt],
  );
  return rows[0] ? { kind: "created", user: toAccount(rows[0]) } : { kind: "email-taken" };
}

export async function findUserById(db: Queryable, id: string): Promise<UserAccount | null> {
  const { rows } = await db.query<UserRow>(`SELECT ${COLUMNS} FROM app_user WHERE id = $1`, [id]);
  return rows[0] ? toAccount(rows[0]) : null;
}

export async function findUserByEmail(db: Queryable, email: string): Promise<UserAccount | null> {
  const { rows } = await db.query<UserRow>(`SELECT ${COLUMNS} FROM app_user WHERE email = $1`, [normalizeEmail(email)]);
  return rows[0] ? toAccount(rows[0]) : null;
}

export async function findUserByOidcSubject(db: Queryable, issuer: string, subject: string): Promise<UserAccount | null> {
  const { rows } = await db.query<UserRow>(`SELECT ${COLUMNS} FROM app_user WHERE oidc_issuer = $1 AND oidc_subject = $2`, [issuer, subject]);
  return rows[0] ? toAccount(rows[0]) : null;
}

/** Every account, by e-mail. */
export async function listUsers(db: Queryable): Promise<UserAccount[]> {
  const { rows } = await db.query<UserRow>(`SELECT ${COLUMNS} FROM app_user ORDER BY email`);
  return rows.map(toAccount);
}

export async function countUsers(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM app_user");
  return Number(rows[0]?.n ?? 0);
}

/** The stored argon2id hash, for verifying a password; null when the account has none or is disabled. */
export async function loadPasswordHash(db: Queryable, userId: string): Promise<string | null> {
  const { rows } = await db.query<{ password_hash: string | null }>("SELECT password_hash FROM app_user WHERE id = $1 AND disabled_at IS NULL", [userId]);
  return rows[0]?.password_hash ?? null;
}

export async function setPasswordHash(db: Queryable, userId: string, passwordHash: string): Promise<void> {
  await db.query("UPDATE app_user SET password_hash = $2 WHERE id = $1", [userId, passwordHash]);
}

export async function setUserRole(db: Queryable, userId: string, role: Role): Promise<void> {
  const columns = roleColumns(role);
  await db.query("UPDATE app_user SET role = $2, municipality_code = $3 WHERE id = $1", [userId, columns.role, columns.municipalityCode]);
}

export async function linkOidcSubject(db: Queryable, userId: string, issuer: string, subject: string): Promise<void> {
  await db.query("UPDATE app_user SET oidc_issuer = $2, oidc_subject = $3 WHERE id = $1", [userId, issuer, subject]);
}

/** Disables (or, with null, enables) an account. A disabled account keeps its trail but cannot sign in. */
export async function setUserDisabled(db: Queryable, userId: string, disabledAt: string | null): Promise<void> {
  await db.query("UPDATE app_user SET disabled_at = $2 WHERE id = $1", [userId, disabledAt]);
}
