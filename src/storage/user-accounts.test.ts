import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../../test/support/test-databases.js";
import { createApiToken, listApiTokens, loadUserByApiToken, revokeApiToken } from "./api-tokens.js";
import { clearAccountFailures, countSignInFailures, deleteSignInFailuresBefore, recordSignInFailure } from "./sign-in-failures.js";
import {
  countUsers,
  createUser,
  findUserByEmail,
  findUserByOidcSubject,
  linkOidcSubject,
  listUsers,
  loadPasswordHash,
  setPasswordHash,
  setUserDisabled,
  setUserRole,
} from "./user-accounts.js";
import { saveOidcLoginState, takeOidcLoginState } from "./oidc-login-states.js";
import { createSession, deleteExpiredSessions, deleteSession, deleteUserSessions, loadActiveSession } from "./user-sessions.js";
import { asMunicipalityCode } from "../domain/municipality.js";

// A syntactically valid argon2id PHC string: storage only stores it (hashing is tested where it happens).
const HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g";
const sha = (c: string) => c.repeat(64);
const T0 = "2025-06-20T08:00:00.000Z";
const at = (ms: number) => new Date(Date.parse(T0) + ms).toISOString();
const MIN = 60_000;

describe.each(DATABASE_KINDS)("accounts, sessions, tokens and sign-in failures on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(() => t?.drop());
  beforeEach(async () => {
    await t.db.query("DELETE FROM app_user");
    await t.db.query("DELETE FROM sign_in_failure");
  });

  it("creates users with a role, finds them by e-mail in any case, and refuses a second account for one address", async () => {
    const created = await createUser(t.db, { email: " Redaktor@Herning.DK ", role: { kind: "redaktoer", municipalityCode: asMunicipalityCode("0657") }, passwordHash: HASH, createdAt: T0 });
    expect(created.kind).toBe("created");
    const user = await findUserByEmail(t.db, "REDAKTOR@herning.dk");
    expect(user).toMatchObject({ email: "redaktor@herning.dk", role: { kind: "redaktoer", municipalityCode: "0657" }, hasPassword: true, oidc: null, createdAt: T0, disabledAt: null });
    expect(await createUser(t.db, { email: "redaktor@herning.dk", role: { kind: "admin" }, passwordHash: null, createdAt: T0 })).toEqual({ kind: "email-taken" });
    await createUser(t.db, { email: "admin@example.dk", role: { kind: "admin" }, passwordHash: HASH, createdAt: T0 });
    expect((await listUsers(t.db)).map((u) => u.email)).toEqual(["admin@example.dk", "redaktor@herning.dk"]);
    expect(await countUsers(t.db)).toBe(2);
    expect(await loadPasswordHash(t.db, user!.id)).toBe(HASH);
    await setUserRole(t.db, user!.id, { kind: "laeser", municipalityCode: asMunicipalityCode("0101") });
    expect((await findUserByEmail(t.db, "redaktor@herning.dk"))?.role).toEqual({ kind: "laeser", municipalityCode: "0101" });
    await setUserDisabled(t.db, user!.id, T0);
    expect(await loadPasswordHash(t.db, user!.id)).toBeNull();
  });

  it("stores a password only as an argon2id hash, and a municipal role only with its municipality (database checks)", async () => {
    await expect(createUser(t.db, { email: "a@b.dk", role: { kind: "admin" }, passwordHash: "hemmeligt-kodeord", createdAt: T0 })).rejects.toThrow();
    await expect(createUser(t.db, { email: "a@b.dk", role: { kind: "admin" }, passwordHash: "$argon2i$v=19$m=4096,t=3,p=1$x$y", createdAt: T0 })).rejects.toThrow();
    await expect(t.db.query("INSERT INTO app_user (email, role, created_at) VALUES ('a@b.dk', 'redaktoer', now())")).rejects.toThrow();
    await expect(t.db.query("INSERT INTO app_user (email, role, municipality_code, created_at) VALUES ('a@b.dk', 'admin', '0657', now())")).rejects.toThrow();
    await expect(t.db.query("INSERT INTO app_user (email, role, created_at) VALUES ('Stort@B.dk', 'admin', now())")).rejects.toThrow();
    const { user } = (await createUser(t.db, { email: "a@b.dk", role: { kind: "admin" }, passwordHash: null, createdAt: T0 })) as { user: { id: string } };
    await expect(setPasswordHash(t.db, user.id, "klartekst")).rejects.toThrow();
    await setPasswordHash(t.db, user.id, HASH);
    expect(await loadPasswordHash(t.db, user.id)).toBe(HASH);
    expect(await countUsers(t.db)).toBe(1);
  });

  it("links an OpenID Connect subject to one account", async () => {
    const { user } = (await createUser(t.db, { email: "o@b.dk", role: { kind: "tilsyn" }, passwordHash: null, oidc: { issuer: "https://idp.example", subject: "abc" }, createdAt: T0 })) as { user: { id: string } };
    expect((await findUserByOidcSubject(t.db, "https://idp.example", "abc"))?.id).toBe(user.id);
    expect(await findUserByOidcSubject(t.db, "https://other.example", "abc")).toBeNull();
    const { user: other } = (await createUser(t.db, { email: "p@b.dk", role: { kind: "tilsyn" }, passwordHash: null, createdAt: T0 })) as { user: { id: string } };
    await expect(linkOidcSubject(t.db, other.id, "https://idp.example", "abc")).rejects.toThrow();
    await linkOidcSubject(t.db, other.id, "https://idp.example", "def");
    expect((await findUserByOidcSubject(t.db, "https://idp.example", "def"))?.email).toBe("p@b.dk");
  });

  it("keeps a session alive while it is used, and ends it at the idle limit, the absolute end, a sign-out or a disabled account", async () => {
    const { user } = (await createUser(t.db, { email: "s@b.dk", role: { kind: "admin" }, passwordHash: HASH, createdAt: T0 })) as { user: { id: string } };
    const idle = 30 * MIN;
    await createSession(t.db, { tokenSha256: sha("a"), userId: user.id, authMethod: "password", createdAt: T0, expiresAt: at(60 * MIN) });
    // Used every 20 minutes it outlives the idle limit …
    expect((await loadActiveSession(t.db, sha("a"), at(20 * MIN), idle))?.user.email).toBe("s@b.dk");
    expect(await loadActiveSession(t.db, sha("a"), at(40 * MIN), idle)).not.toBeNull();
    // … but not its absolute end.
    expect(await loadActiveSession(t.db, sha("a"), at(60 * MIN), idle)).toBeNull();
    expect((await t.db.query("SELECT 1 FROM user_session WHERE token_sha256 = $1", [sha("a")])).rows).toHaveLength(0);

    await createSession(t.db, { tokenSha256: sha("b"), userId: user.id, authMethod: "password", createdAt: T0, expiresAt: at(600 * MIN) });
    expect(await loadActiveSession(t.db, sha("b"), at(31 * MIN), idle)).toBeNull();

    await createSession(t.db, { tokenSha256: sha("c"), userId: user.id, authMethod: "oidc", createdAt: T0, expiresAt: at(600 * MIN) });
    await deleteSession(t.db, sha("c"));
    expect(await loadActiveSession(t.db, sha("c"), at(1 * MIN), idle)).toBeNull();

    await createSession(t.db, { tokenSha256: sha("d"), userId: user.id, authMethod: "password", createdAt: T0, expiresAt: at(600 * MIN) });
    await createSession(t.db, { tokenSha256: sha("e"), userId: user.id, authMethod: "password", createdAt: T0, expiresAt: at(600 * MIN) });
    expect(await deleteUserSessions(t.db, user.id, sha("d"))).toBe(1);
    expect(await loadActiveSession(t.db, sha("e"), at(1 * MIN), idle)).toBeNull();
    expect(await loadActiveSession(t.db, sha("d"), at(1 * MIN), idle)).not.toBeNull();
    await setUserDisabled(t.db, user.id, at(2 * MIN));
    expect(await loadActiveSession(t.db, sha("d"), at(3 * MIN), idle)).toBeNull();

    await createSession(t.db, { tokenSha256: sha("f"), userId: user.id, authMethod: "password", createdAt: T0, expiresAt: at(10 * MIN) });
    expect(await deleteExpiredSessions(t.db, at(11 * MIN), idle)).toBeGreaterThanOrEqual(1);
  });

  it("finds a token's owner while the token is live, never after revocation or expiry, and lists the owner's tokens", async () => {
    const { user } = (await createUser(t.db, { email: "t@b.dk", role: { kind: "redaktoer", municipalityCode: asMunicipalityCode("0657") }, passwordHash: HASH, createdAt: T0 })) as { user: { id: string } };
    const { user: other } = (await createUser(t.db, { email: "u@b.dk", role: { kind: "admin" }, passwordHash: HASH, createdAt: T0 })) as { user: { id: string } };
    const token = await createApiToken(t.db, { userId: user.id, name: " Dagsordensystem ", tokenSha256: sha("1"), createdAt: T0, expiresAt: at(90 * 24 * 60 * MIN) });
    expect(token).toMatchObject({ name: "Dagsordensystem", revokedAt: null, lastUsedAt: null });
    const found = await loadUserByApiToken(t.db, sha("1"), at(MIN));
    expect(found?.user.email).toBe("t@b.dk");
    expect(found?.token.lastUsedAt).toBe(at(MIN));
    expect(await loadUserByApiToken(t.db, sha("2"), at(MIN))).toBeNull();
    // Another user cannot revoke it.
    expect(await revokeApiToken(t.db, other.id, token.id, at(2 * MIN))).toBeNull();
    expect(await loadUserByApiToken(t.db, sha("1"), at(2 * MIN))).not.toBeNull();
    expect((await revokeApiToken(t.db, user.id, token.id, at(3 * MIN)))?.revokedAt).toBe(at(3 * MIN));
    expect(await loadUserByApiToken(t.db, sha("1"), at(4 * MIN))).toBeNull();
    expect(await revokeApiToken(t.db, user.id, token.id, at(5 * MIN))).toBeNull();

    await createApiToken(t.db, { userId: user.id, name: "Kort", tokenSha256: sha("3"), createdAt: at(10 * MIN), expiresAt: at(20 * MIN) });
    expect(await loadUserByApiToken(t.db, sha("3"), at(19 * MIN))).not.toBeNull();
    expect(await loadUserByApiToken(t.db, sha("3"), at(20 * MIN))).toBeNull();
    expect((await listApiTokens(t.db, user.id)).map((tk) => tk.name)).toEqual(["Kort", "Dagsordensystem"]);
    expect(await listApiTokens(t.db, other.id)).toEqual([]);
    await expect(createApiToken(t.db, { userId: user.id, name: "   ", tokenSha256: sha("4"), createdAt: T0, expiresAt: at(MIN) })).rejects.toThrow();
  });

  it("counts sign-in failures per account and per address within a window, and forgets an account's on success", async () => {
    for (let i = 0; i < 3; i++) await recordSignInFailure(t.db, { account: "a@b.dk", address: "127.0.0.1", at: at(i * 1000) });
    await recordSignInFailure(t.db, { account: "c@d.dk", address: "127.0.0.1", at: at(5000) });
    expect(await countSignInFailures(t.db, "account", "a@b.dk", at(-MIN))).toBe(3);
    expect(await countSignInFailures(t.db, "address", "127.0.0.1", at(-MIN))).toBe(4);
    expect(await countSignInFailures(t.db, "account", "a@b.dk", at(1500))).toBe(1);
    await clearAccountFailures(t.db, "a@b.dk");
    expect(await countSignInFailures(t.db, "account", "a@b.dk", at(-MIN))).toBe(0);
    expect(await countSignInFailures(t.db, "address", "127.0.0.1", at(-MIN))).toBe(4);
    expect(await deleteSignInFailuresBefore(t.db, at(4000))).toBe(3);
  });

  it("keeps an OIDC login state for one use within its age, and prunes old ones", async () => {
    await saveOidcLoginState(t.db, { stateSha256: sha("7"), codeVerifier: "v", nonce: "n", returnTo: "/konto", createdAt: at(0) });
    await saveOidcLoginState(t.db, { stateSha256: sha("8"), codeVerifier: "v", nonce: "n", returnTo: "/", createdAt: at(0) });
    expect(await takeOidcLoginState(t.db, sha("7"), at(-10 * MIN))).toMatchObject({ codeVerifier: "v", nonce: "n", returnTo: "/konto", createdAt: at(0) });
    expect(await takeOidcLoginState(t.db, sha("7"), at(-10 * MIN))).toBeNull();
    expect(await takeOidcLoginState(t.db, sha("8"), at(1))).toBeNull();
    expect((await t.db.query("SELECT 1 FROM oidc_login_state")).rows).toHaveLength(0);
    await expect(saveOidcLoginState(t.db, { stateSha256: sha("9"), codeVerifier: "v", nonce: "n", returnTo: "https://evil.example/", createdAt: at(0) })).rejects.toThrow();
  });
});
