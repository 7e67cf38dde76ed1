import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../../../test/support/test-databases.js";
import { listAuditEvents } from "../../storage/audit-trail.js";
import { loadCommentRecord, loadMunicipalityComment } from "../../storage/municipality-comments.js";
import { findUserByEmail } from "../../storage/user-accounts.js";
import { listAuditTrail } from "../audit/list-audit-trail.js";
import { OPERATOR, type Caller } from "../caller.js";
import { loadCommentForEditing, saveComment } from "../comments/save-comment.js";
import { memorySecurityLog } from "../security-log.js";
import type { AccountDeps } from "./account-deps.js";
import { createOwnApiToken, issueApiTokenForUser, resolveBearerToken, revokeOwnApiToken } from "./api-tokens.js";
import { DEFAULT_AUTH_SETTINGS } from "./auth-settings.js";
import { changeOwnPassword } from "./change-password.js";
import { createUserAccount, setUserAccountDisabled } from "./manage-users.js";
import { resolveSession, userActor } from "./sessions.js";
import { signInWithPassword } from "./sign-in.js";

const PASSWORD = "en lang og god adgangskode";

describe.each(DATABASE_KINDS)("account, comment and audit use cases on %s", (kind) => {
  let t: TestDatabase;
  let clock: number;
  let log: ReturnType<typeof memorySecurityLog>;
  let deps: AccountDeps;
  /** The trail is append-only, so each test reads only the events after its start. */
  let firstEventId: number;
  const trailSinceStart = async (filter: Parameters<typeof listAuditEvents>[1] = {}) => (await listAuditEvents(t.db, filter)).filter((e) => e.id >= firstEventId);

  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(() => t?.drop());
  beforeEach(async () => {
    for (const table of ["user_session", "api_token", "sign_in_failure", "app_user", "municipality_comment"]) await t.db.query(`DELETE FROM ${table}`);
    clock = Date.parse("2025-06-20T08:00:00.000Z");
    log = memorySecurityLog();
    deps = { db: t.db, now: () => new Date(clock), auth: DEFAULT_AUTH_SETTINGS, securityLog: log };
    const { rows } = await t.db.query<{ next: number }>("SELECT coalesce(max(id), 0) + 1 AS next FROM audit_event");
    firstEventId = Number(rows[0]!.next);
  });

  async function userCaller(email: string, role: { kind: string; municipalityCode?: string }, channel: Caller["channel"] = "web"): Promise<Caller> {
    const created = await createUserAccount(deps, OPERATOR, { email, role, password: PASSWORD });
    if (created.kind !== "created") throw new Error(created.messageDa);
    return { actor: userActor(created.user), channel };
  }

  it("creates the first admin from the operator, stores only an argon2id hash, and the admin creates an editor", async () => {
    const admin = await userCaller("admin@example.dk", { kind: "admin" });
    const stored = await t.db.query<{ password_hash: string }>("SELECT password_hash FROM app_user WHERE email = 'admin@example.dk'");
    expect(stored.rows[0]!.password_hash).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(stored.rows)).not.toContain(PASSWORD);

    const editor = await createUserAccount(deps, admin, { email: "Redaktor@Herning.dk", role: { kind: "redaktoer", municipalityCode: "657" }, password: PASSWORD });
    expect(editor).toMatchObject({ kind: "created", user: { email: "redaktor@herning.dk", role: { kind: "redaktoer", municipalityCode: "0657" } } });
    expect(await createUserAccount(deps, admin, { email: "redaktor@herning.dk", role: { kind: "laeser", municipalityCode: "0657" }, password: PASSWORD })).toMatchObject({ status: 409 });
    expect(await createUserAccount(deps, admin, { email: "x@y.dk", role: { kind: "redaktoer" }, password: PASSWORD })).toMatchObject({ status: 400, field: "kommune" });
    expect(await createUserAccount(deps, admin, { email: "x@y.dk", role: { kind: "chef" }, password: PASSWORD })).toMatchObject({ status: 400, field: "rolle" });
    expect(await createUserAccount(deps, admin, { email: "x@y.dk", role: { kind: "admin" }, password: "kort" })).toMatchObject({ status: 400, field: "adgangskode" });
    expect(await createUserAccount(deps, admin, { email: "ikke-en-adresse", role: { kind: "admin" }, password: PASSWORD })).toMatchObject({ status: 400, field: "email" });

    // Nobody but an admin (or the operator) manages users.
    const herning = { actor: userActor((editor as { user: Parameters<typeof userActor>[0] }).user), channel: "web" as const };
    expect(await createUserAccount(deps, herning, { email: "z@y.dk", role: { kind: "admin" }, password: PASSWORD })).toMatchObject({ status: 403 });
    expect(await createUserAccount(deps, { actor: { kind: "public" }, channel: "web" }, { email: "z@y.dk", role: { kind: "admin" }, password: PASSWORD })).toMatchObject({ status: 401 });
    expect(await findUserByEmail(t.db, "z@y.dk")).toBeNull();

    const trail = await trailSinceStart();
    expect(trail.map((e) => [e.action, e.actorLabel, e.channel])).toEqual([
      ["user.create", "admin@example.dk", "web"],
      ["user.create", "operatør (kommandolinjen)", "cli"],
    ]);
    expect(JSON.stringify(trail)).not.toContain("argon2");
  });

  it("signs in with the right password only, and the eleventh wrong password in a minute gets 429 — even with the right one", async () => {
    await userCaller("a@b.dk", { kind: "admin" });
    const ok = await signInWithPassword(deps, { email: " A@B.dk ", password: PASSWORD, address: "10.0.0.1" });
    expect(ok.kind).toBe("signed-in");
    if (ok.kind === "signed-in") expect((await resolveSession(deps, ok.session.secret))?.actor.email).toBe("a@b.dk");
    for (let i = 1; i <= 10; i++) {
      clock += 1000;
      expect(await signInWithPassword(deps, { email: "a@b.dk", password: `forkert ${i}`, address: "10.0.0.1" })).toMatchObject({ status: 401, messageDa: "Forkert e-mail eller adgangskode." });
    }
    clock += 1000;
    const limited = await signInWithPassword(deps, { email: "a@b.dk", password: "forkert 11", address: "10.0.0.1" });
    expect(limited).toMatchObject({ status: 429, retryAfterSeconds: 60 });
    expect(limited.kind === "refused" && limited.messageDa).toBe("For mange forkerte forsøg på at logge ind. Vent 60 sekunder, og prøv igen.");
    expect(await signInWithPassword(deps, { email: "a@b.dk", password: PASSWORD, address: "10.0.0.2" })).toMatchObject({ status: 429 });
    // A minute after the failures, the account may try again.
    clock += 61_000;
    expect((await signInWithPassword(deps, { email: "a@b.dk", password: PASSWORD, address: "10.0.0.1" })).kind).toBe("signed-in");
    // An unknown address fails like a wrong password.
    expect(await signInWithPassword(deps, { email: "ingen@b.dk", password: PASSWORD, address: "10.0.0.1" })).toMatchObject({ status: 401 });
    expect(log.events.filter((e) => e.event === "sign-in-rate-limited")).toHaveLength(2);
    expect(JSON.stringify(log.events)).not.toContain(PASSWORD);
  });

  it("limits failures per address across accounts too", async () => {
    deps = { ...deps, auth: { ...deps.auth, signInFailuresPerAddress: 3 } };
    for (const n of [1, 2, 3]) await signInWithPassword(deps, { email: `u${n}@b.dk`, password: "forkert", address: "10.9.9.9" });
    expect(await signInWithPassword(deps, { email: "u4@b.dk", password: "forkert", address: "10.9.9.9" })).toMatchObject({ status: 429 });
    expect(await signInWithPassword(deps, { email: "u4@b.dk", password: "forkert", address: "10.9.9.8" })).toMatchObject({ status: 401 });
  });

  it("ends a session at the idle limit and at its absolute end, and a disabled account's sessions at once", async () => {
    const admin = await userCaller("admin@b.dk", { kind: "admin" });
    await userCaller("a@b.dk", { kind: "tilsyn" });
    const signIn = async () => {
      const r = await signInWithPassword(deps, { email: "a@b.dk", password: PASSWORD, address: "10.0.0.1" });
      if (r.kind !== "signed-in") throw new Error(r.messageDa);
      return r.session.secret;
    };
    const idle = await signIn();
    clock += 61 * 60_000;
    expect(await resolveSession(deps, idle)).toBeNull();
    // Used every 50 minutes, a session lives until 12 hours after sign-in, and not a minute more.
    const busy = await signIn();
    const signedInAt = clock;
    while (clock + 50 * 60_000 < signedInAt + 12 * 3600_000) {
      clock += 50 * 60_000;
      expect(await resolveSession(deps, busy)).not.toBeNull();
    }
    clock = signedInAt + 12 * 3600_000;
    expect(await resolveSession(deps, busy)).toBeNull();
    const live = await signIn();
    expect(await setUserAccountDisabled(deps, admin, { email: "a@b.dk", disabled: true })).toMatchObject({ kind: "updated" });
    expect(await resolveSession(deps, live)).toBeNull();
    expect(await signInWithPassword(deps, { email: "a@b.dk", password: PASSWORD, address: "10.0.0.1" })).toMatchObject({ status: 401 });
  });

  it("changes the own password after checking the current one, and signs out the other sessions", async () => {
    const me = await userCaller("a@b.dk", { kind: "laeser", municipalityCode: "0657" });
    const first = await signInWithPassword(deps, { email: "a@b.dk", password: PASSWORD, address: "1.1.1.1" });
    const second = await signInWithPassword(deps, { email: "a@b.dk", password: PASSWORD, address: "1.1.1.1" });
    if (first.kind !== "signed-in" || second.kind !== "signed-in") throw new Error("login");
    const keep = (await resolveSession(deps, first.session.secret))!.sessionSha256;
    const input = { currentPassword: PASSWORD, newPassword: "en ny og lang adgangskode", repeatPassword: "en ny og lang adgangskode", keepSessionSha256: keep, address: "1.1.1.1" };
    expect(await changeOwnPassword(deps, me, { ...input, currentPassword: "forkert" })).toMatchObject({ status: 400, field: "nuvaerende" });
    expect(await changeOwnPassword(deps, me, { ...input, repeatPassword: "noget andet" })).toMatchObject({ status: 400, field: "gentag" });
    expect(await changeOwnPassword(deps, me, input)).toEqual({ kind: "changed", endedSessions: 1 });
    expect(await resolveSession(deps, first.session.secret)).not.toBeNull();
    expect(await resolveSession(deps, second.session.secret)).toBeNull();
    expect((await signInWithPassword(deps, { email: "a@b.dk", password: PASSWORD, address: "1.1.1.2" })).kind).toBe("refused");
    expect((await signInWithPassword(deps, { email: "a@b.dk", password: "en ny og lang adgangskode", address: "1.1.1.2" })).kind).toBe("signed-in");
    const [event] = await trailSinceStart({ actorLabel: "a@b.dk" });
    expect(event).toMatchObject({ action: "user.password-change", after: { password: "ændret", endedSessions: 1 } });
  });

  it("saves a municipality's comment as draft and published only for its own editors, refusing CPR numbers and logging without them", async () => {
    const herning = await userCaller("r@herning.dk", { kind: "redaktoer", municipalityCode: "0657" });
    const herningReader = await userCaller("l@herning.dk", { kind: "laeser", municipalityCode: "0657" });
    const admin = await userCaller("admin@b.dk", { kind: "admin" });
    const tilsyn = await userCaller("t@ast.dk", { kind: "tilsyn" });

    expect(await saveComment(deps, herning, { municipalityCode: "0657", year: 2024, text: "Vores kladde.", status: "draft" })).toMatchObject({ kind: "saved", comment: { status: "draft" } });
    expect(await loadMunicipalityComment(t.db, "0657", 2024)).toBeNull();
    clock += 60_000;
    expect(await saveComment(deps, herning, { municipalityCode: "0657", year: 2024, text: "Vores kladde.", status: "published" })).toMatchObject({ kind: "saved", comment: { status: "published" } });
    expect(await loadMunicipalityComment(t.db, "0657", 2024)).toMatchObject({ text: "Vores kladde." });

    for (const [caller, status] of [
      [herning, 403],
      [herningReader, 403],
      [admin, 403],
      [tilsyn, 403],
      [{ actor: { kind: "public" }, channel: "web" } as Caller, 401],
    ] as const) {
      expect(await saveComment(deps, caller, { municipalityCode: "0101", year: 2024, text: "Forsøg.", status: "published" })).toMatchObject({ kind: "refused", status });
    }
    expect(await saveComment(deps, herningReader, { municipalityCode: "0657", year: 2024, text: "Læseren.", status: "draft" })).toMatchObject({ status: 403 });
    expect(await loadCommentRecord(t.db, "0101", 2024)).toBeNull();

    const cpr = await saveComment(deps, herning, { municipalityCode: "0657", year: 2023, text: "Borgeren 010190-1234 klagede.", status: "draft" });
    expect(cpr).toMatchObject({ kind: "refused", status: 400, field: "Kommentar", messageDa: 'Feltet "Kommentar" indeholder noget, der ligner et CPR-nummer (tegn 10). CPR-numre må ikke gemmes her. Fjern nummeret, og prøv igen.' });
    expect(await loadCommentRecord(t.db, "0657", 2023)).toBeNull();
    const refusal = log.events.find((e) => e.event === "cpr-refused");
    expect(refusal).toMatchObject({ field: "Kommentar", line: 1, column: 10, channel: "web" });
    expect(JSON.stringify(log.events)).not.toMatch(/010190|1234|Borgeren/);

    expect(await saveComment(deps, herning, { municipalityCode: "0657", year: 2024, text: "x".repeat(4001), status: "draft" })).toMatchObject({ status: 400, field: "Kommentar" });
    expect(await saveComment(deps, herning, { municipalityCode: "9999", year: 2024, text: "x", status: "draft" })).toMatchObject({ status: 404 });

    // Drafts: the municipality's own users and the national roles read them; another municipality does not.
    expect(await loadCommentForEditing(deps, herningReader, "0657", 2024)).toMatchObject({ kind: "comment", mayWrite: false });
    expect(await loadCommentForEditing(deps, herning, "0657", 2024)).toMatchObject({ kind: "comment", mayWrite: true });
    expect(await loadCommentForEditing(deps, tilsyn, "0657", 2024)).toMatchObject({ kind: "comment", mayWrite: false });
    expect(await loadCommentForEditing(deps, herning, "0101", 2024)).toMatchObject({ status: 403 });

    const trail = await listAuditTrail(deps, herningReader, {});
    if (trail.kind !== "events") throw new Error(trail.messageDa);
    expect(trail.municipalityCode).toBe("0657");
    const writes = trail.events.filter((e) => e.id >= firstEventId && e.action.startsWith("comment."));
    expect(writes.map((e) => [e.action, e.actorLabel, e.before, e.after])).toEqual([
      ["comment.publish", "r@herning.dk", { text: "Vores kladde.", status: "draft" }, { text: "Vores kladde.", status: "published" }],
      ["comment.save", "r@herning.dk", null, { text: "Vores kladde.", status: "draft" }],
    ]);
    expect(await listAuditTrail(deps, herningReader, { municipalityCode: "0101" })).toMatchObject({ status: 403 });
    expect(await listAuditTrail(deps, { actor: { kind: "public" }, channel: "web" }, {})).toMatchObject({ status: 401 });
    const all = await listAuditTrail(deps, tilsyn, { userEmail: "r@herning.dk" });
    expect(all.kind === "events" && all.events.every((e) => e.actorLabel === "r@herning.dk")).toBe(true);
  });

  it("issues personal API tokens shown once, stored hashed, that carry the role until revoked or expired", async () => {
    const herning = await userCaller("r@herning.dk", { kind: "redaktoer", municipalityCode: "0657" }, "web");
    const created = await createOwnApiToken(deps, herning, { name: "Dagsordensystem", days: 30 });
    if (created.kind !== "created") throw new Error(created.messageDa);
    expect(created.secret).toMatch(/^dkt_[A-Za-z0-9_-]{43}$/);
    const stored = await t.db.query("SELECT * FROM api_token");
    expect(JSON.stringify(stored.rows)).not.toContain(created.secret);
    const actor = await resolveBearerToken(deps, `Bearer ${created.secret}`);
    expect(actor).toMatchObject({ kind: "user", email: "r@herning.dk", role: { kind: "redaktoer", municipalityCode: "0657" } });
    expect(await resolveBearerToken(deps, `Bearer ${created.secret}x`)).toBeNull();
    expect(await resolveBearerToken(deps, created.secret)).toBeNull();

    expect(await createOwnApiToken(deps, herning, { name: "Sag 0101901234", days: 30 })).toMatchObject({ status: 400, field: "Navn" });
    expect(await createOwnApiToken(deps, herning, { name: "x", days: 1000 })).toMatchObject({ status: 400, field: "dage" });

    const other = await userCaller("o@b.dk", { kind: "tilsyn" });
    expect(await revokeOwnApiToken(deps, other, created.token.id)).toMatchObject({ status: 404 });
    expect(await revokeOwnApiToken(deps, herning, created.token.id)).toMatchObject({ kind: "revoked" });
    expect(await resolveBearerToken(deps, `Bearer ${created.secret}`)).toBeNull();

    const fromCli = await issueApiTokenForUser(deps, OPERATOR, { email: "r@herning.dk", name: "Script", days: 1 });
    if (fromCli.kind !== "created") throw new Error(fromCli.messageDa);
    expect(await resolveBearerToken(deps, `Bearer ${fromCli.secret}`)).not.toBeNull();
    clock += 86_400_000;
    expect(await resolveBearerToken(deps, `Bearer ${fromCli.secret}`)).toBeNull();
    expect(await issueApiTokenForUser(deps, herning, { email: "r@herning.dk", name: "x" })).toMatchObject({ status: 403 });
    expect(await issueApiTokenForUser(deps, OPERATOR, { email: "ingen@b.dk", name: "x" })).toMatchObject({ status: 404 });

    const trail = await trailSinceStart({ municipalityCode: "0657" });
    expect(trail.filter((e) => e.action.startsWith("token.")).map((e) => [e.action, e.actorLabel])).toEqual([
      ["token.create", "operatør (kommandolinjen)"],
      ["token.revoke", "r@herning.dk"],
      ["token.create", "r@herning.dk"],
    ]);
    expect(JSON.stringify(trail)).not.toContain(created.secret);
  });
});
