import { authorize, describeRoleDa, ROLE_KINDS, type Role, type RoleKind } from "../../domain/access-policy.js";
import { findMunicipalityByCode } from "../../domain/municipality.js";
import { createUser, findUserByEmail, listUsers, normalizeEmail, roleColumns, setUserDisabled, type UserAccount } from "../../storage/user-accounts.js";
import { deleteUserSessions } from "../../storage/user-sessions.js";
import { recordAuditEvent } from "../audit/record-audit-event.js";
import type { Caller } from "../caller.js";
import { refuse, type Refusal } from "../use-case-result.js";
import type { AccountDeps } from "./account-deps.js";
import { checkNewPassword, hashPassword } from "./password-hash.js";

/** A role as a form or a command line gives it: a kind and, for the municipal roles, a municipality code. */
export type RoleInput = { readonly kind: string; readonly municipalityCode?: string | null };

export function parseRole(input: RoleInput): Role | Refusal {
  if (!(ROLE_KINDS as readonly string[]).includes(input.kind)) {
    return refuse(400, `Ukendt rolle "${input.kind}". Vælg en af: ${ROLE_KINDS.join(", ")}.`, { field: "rolle" });
  }
  const kind = input.kind as RoleKind;
  if (kind === "admin" || kind === "tilsyn") {
    if (input.municipalityCode) return refuse(400, `Rollen ${kind} gælder alle kommuner; angiv ingen kommune.`, { field: "kommune" });
    return { kind };
  }
  const code = input.municipalityCode?.trim() ?? "";
  if (code === "") return refuse(400, `Rollen ${kind} gælder én kommune; angiv kommunekoden (fx 0657).`, { field: "kommune" });
  const municipality = findMunicipalityByCode(code);
  if (!municipality) return refuse(400, `Ukendt kommunekode "${code}".`, { field: "kommune" });
  return { kind, municipalityCode: municipality.code };
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export function checkEmail(email: string): Refusal | null {
  const normalized = normalizeEmail(email);
  if (!EMAIL.test(normalized) || normalized.length > 254) return refuse(400, `"${email.trim()}" er ikke en gyldig e-mailadresse.`, { field: "email" });
  return null;
}

function auditedUser(user: Pick<UserAccount, "email" | "role" | "disabledAt">) {
  const { role, municipalityCode } = roleColumns(user.role);
  return { email: user.email, role, municipalityCode, disabled: user.disabledAt !== null };
}

export type CreateUserInput = { readonly email: string; readonly role: RoleInput; readonly password: string | null };

/**
 * Creates an account (admin on the web or API, or the operator's `danmarkskort bruger opret`). The password
 * is hashed with argon2id before it reaches storage; an account without one signs in through OIDC only.
 */
export async function createUserAccount(deps: AccountDeps, caller: Caller, input: CreateUserInput): Promise<{ kind: "created"; user: UserAccount } | Refusal> {
  const decision = authorize(caller.actor, { action: "users.manage" });
  if (!decision.allowed) return refuse(decision.status, decision.reasonDa);
  const badEmail = checkEmail(input.email);
  if (badEmail) return badEmail;
  const role = parseRole(input.role);
  if (role.kind === "refused") return role;
  const email = normalizeEmail(input.email);
  if (input.password !== null) {
    const weak = checkNewPassword(input.password, email);
    if (weak) return refuse(400, weak, { field: "adgangskode" });
  }
  const passwordHash = input.password === null ? null : await hashPassword(input.password);
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const created = await createUser(tx, { email, role, passwordHash, createdAt: now.toISOString() });
    if (created.kind === "email-taken") return refuse(409, `Der findes allerede en bruger med e-mailen ${email}.`, { field: "email" });
    await recordAuditEvent(tx, caller, now, {
      action: "user.create",
      municipalityCode: roleColumns(created.user.role).municipalityCode,
      subject: `bruger ${email} (${describeRoleDa(created.user.role)})`,
      before: null,
      after: { ...auditedUser(created.user), password: input.password === null ? "ingen (kun OIDC)" : "sat" },
    });
    return { kind: "created" as const, user: created.user };
  });
}

export async function listUserAccounts(deps: Pick<AccountDeps, "db">, caller: Caller): Promise<{ kind: "users"; users: UserAccount[] } | Refusal> {
  const decision = authorize(caller.actor, { action: "users.manage" });
  if (!decision.allowed) return refuse(decision.status, decision.reasonDa);
  return { kind: "users", users: await listUsers(deps.db) };
}

/** Disables or re-enables an account; disabling also ends its sessions at once. */
export async function setUserAccountDisabled(deps: AccountDeps, caller: Caller, input: { email: string; disabled: boolean }): Promise<{ kind: "updated"; user: UserAccount } | Refusal> {
  const decision = authorize(caller.actor, { action: "users.manage" });
  if (!decision.allowed) return refuse(decision.status, decision.reasonDa);
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const user = await findUserByEmail(tx, input.email);
    if (!user) return refuse(404, `Der findes ingen bruger med e-mailen ${normalizeEmail(input.email)}.`, { field: "email" });
    if (caller.actor.kind === "user" && caller.actor.userId === user.id && input.disabled) return refuse(400, "Du kan ikke spærre din egen konto.");
    const disabledAt = input.disabled ? (user.disabledAt ?? now.toISOString()) : null;
    await setUserDisabled(tx, user.id, disabledAt);
    if (input.disabled) await deleteUserSessions(tx, user.id);
    const updated = { ...user, disabledAt };
    await recordAuditEvent(tx, caller, now, {
      action: input.disabled ? "user.disable" : "user.enable",
      municipalityCode: roleColumns(user.role).municipalityCode,
      subject: `bruger ${user.email}`,
      before: auditedUser(user),
      after: auditedUser(updated),
    });
    return { kind: "updated" as const, user: updated };
  });
}
