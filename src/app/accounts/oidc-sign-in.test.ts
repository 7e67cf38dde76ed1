import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startOidcTestProvider, walkOidcLogin, type OidcTestProvider } from "../../../test/support/oidc-test-provider.js";
import { listAuditEvents } from "../../storage/audit-trail.js";
import type { Database } from "../../storage/database.js";
import { openDatabase } from "../../storage/open-database.js";
import { createUser, findUserByEmail } from "../../storage/user-accounts.js";
import { memorySecurityLog } from "../security-log.js";
import type { AccountDeps } from "./account-deps.js";
import { DEFAULT_AUTH_SETTINGS, type OidcSettings } from "./auth-settings.js";
import { beginOidcSignIn, completeOidcSignIn, roleFromClaims, safeReturnPath } from "./oidc-sign-in.js";
import { resolveSession } from "./sessions.js";
import { asMunicipalityCode } from "../../domain/municipality.js";

const REDIRECT = "http://danmarkskort.test/log-ind/oidc/svar";

describe("sign-in through OpenID Connect against a real provider", () => {
  let provider: OidcTestProvider;
  let db: Database;
  let deps: AccountDeps;
  let settings: OidcSettings;

  beforeAll(async () => {
    provider = await startOidcTestProvider({
      redirectUris: [REDIRECT],
      extraClaims: ["kommunekode", "danmarkskort_rolle"],
      accounts: {
        "herning-1": { email: "Sagsbehandler@Herning.dk", claims: { kommunekode: "0657" } },
        "kbh-1": { email: "redaktor@kk.dk", claims: { kommunekode: "101", danmarkskort_rolle: "redaktoer" } },
        "nokommune-1": { email: "uden@kommune.dk" },
        "tilsyn-1": { email: "tilsyn@ast.dk", claims: { danmarkskort_rolle: "tilsyn" } },
      },
    });
    db = await openDatabase({ kind: "memory" });
    settings = {
      issuerUrl: provider.issuer,
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
      municipalityClaim: "kommunekode",
      roleClaim: "danmarkskort_rolle",
      defaultRole: "laeser",
      scope: "openid email kommune",
      clientAuth: "client_secret_basic",
      buttonLabelDa: "Log ind med test-IdP",
    };
  });
  afterAll(async () => {
    await provider?.stop();
    await db?.close();
  });
  beforeEach(() => {
    deps = { db, now: () => new Date(), auth: { ...DEFAULT_AUTH_SETTINGS, oidc: settings }, securityLog: memorySecurityLog() };
  });

  async function signIn(account: string, returnTo = "/kommuner/0657") {
    const begun = await beginOidcSignIn(deps, { redirectUri: REDIRECT, returnTo });
    if (begun.kind !== "redirect") throw new Error(begun.messageDa);
    expect(begun.url).toContain("code_challenge_method=S256");
    const callbackUrl = await walkOidcLogin(begun.url, account, REDIRECT);
    return { begun, callbackUrl, result: await completeOidcSignIn(deps, { callbackUrl, stateCookie: begun.state, address: "127.0.0.1" }) };
  }

  it("creates a first-time user with the default role, for the municipality the claim names, and signs them in", async () => {
    const { result } = await signIn("herning-1");
    expect(result.kind).toBe("signed-in");
    if (result.kind !== "signed-in") return;
    expect(result.user).toMatchObject({ email: "sagsbehandler@herning.dk", role: { kind: "laeser", municipalityCode: "0657" }, hasPassword: false, oidc: { issuer: provider.issuer, subject: "herning-1" } });
    expect(result.returnTo).toBe("/kommuner/0657");
    const session = await resolveSession(deps, result.session.secret);
    expect(session?.actor.email).toBe("sagsbehandler@herning.dk");
    const [event] = await listAuditEvents(db, { actorLabel: "sagsbehandler@herning.dk" });
    expect(event).toMatchObject({ action: "user.create-oidc", municipalityCode: "0657", after: { role: "laeser", municipalityCode: "0657" } });
  });

  it("lets the municipality claim decide the role's municipality of an existing account, and the role claim its role", async () => {
    await createUser(db, { email: "redaktor@kk.dk", role: { kind: "laeser", municipalityCode: asMunicipalityCode("0657") }, passwordHash: null, createdAt: new Date().toISOString() });
    const { result } = await signIn("kbh-1");
    expect(result.kind).toBe("signed-in");
    const stored = await findUserByEmail(db, "redaktor@kk.dk");
    expect(stored).toMatchObject({ role: { kind: "redaktoer", municipalityCode: "0101" }, oidc: { subject: "kbh-1" } });
    const [event] = await listAuditEvents(db, { actorLabel: "redaktor@kk.dk" });
    expect(event).toMatchObject({ action: "user.role-from-idp", before: { role: "laeser", municipalityCode: "0657" }, after: { role: "redaktoer", municipalityCode: "0101" } });
  });

  it("gives a national role without a municipality, and refuses a municipal role without the claim, in Danish", async () => {
    const tilsyn = await signIn("tilsyn-1");
    expect(tilsyn.result.kind === "signed-in" && tilsyn.result.user.role).toEqual({ kind: "tilsyn" });
    const none = await signIn("nokommune-1");
    expect(none.result).toMatchObject({ kind: "refused", status: 403 });
    expect(none.result.kind === "refused" && none.result.messageDa).toContain('ingen kommunekode i "kommunekode"');
    expect(await findUserByEmail(db, "uden@kommune.dk")).toBeNull();
  });

  it("refuses an answer whose state is not the browser's, and a state used twice", async () => {
    const begun = await beginOidcSignIn(deps, { redirectUri: REDIRECT, returnTo: "/" });
    if (begun.kind !== "redirect") throw new Error(begun.messageDa);
    const callbackUrl = await walkOidcLogin(begun.url, "herning-1", REDIRECT);
    expect(await completeOidcSignIn(deps, { callbackUrl, stateCookie: "en-anden-browser", address: "127.0.0.1" })).toMatchObject({ kind: "refused", status: 400 });
    expect((await completeOidcSignIn(deps, { callbackUrl, stateCookie: begun.state, address: "127.0.0.1" })).kind).toBe("signed-in");
    expect(await completeOidcSignIn(deps, { callbackUrl, stateCookie: begun.state, address: "127.0.0.1" })).toMatchObject({ kind: "refused", status: 400 });
  });

  it("refuses a forged code (the provider's token endpoint says no) and logs it", async () => {
    const begun = await beginOidcSignIn(deps, { redirectUri: REDIRECT, returnTo: "/" });
    if (begun.kind !== "redirect") throw new Error(begun.messageDa);
    const forged = `${REDIRECT}?code=forfalsket&state=${begun.state}&iss=${encodeURIComponent(provider.issuer)}`;
    expect(await completeOidcSignIn(deps, { callbackUrl: forged, stateCookie: begun.state, address: "127.0.0.1" })).toMatchObject({ kind: "refused", status: 401 });
    expect((deps.securityLog as ReturnType<typeof memorySecurityLog>).events.map((e) => e.event)).toContain("oidc-refused");
  });
});

describe("OIDC helpers", () => {
  const settings = { municipalityClaim: "kommunekode", roleClaim: null, defaultRole: "redaktoer" } as unknown as OidcSettings;
  it("reads a code claim as a number too, and keeps a stored national role", () => {
    expect(roleFromClaims(settings, { kommunekode: 657 }, null)).toEqual({ kind: "redaktoer", municipalityCode: "0657" });
    expect(roleFromClaims(settings, {}, { kind: "admin" })).toEqual({ kind: "admin" });
    expect(roleFromClaims(settings, { kommunekode: "9999" }, null)).toMatchObject({ kind: "refused", status: 403 });
  });
  it("returns only to a path on this site", () => {
    expect(safeReturnPath("/kommuner/0657?aar=2024")).toBe("/kommuner/0657?aar=2024");
    for (const bad of ["https://evil.example/", "//evil.example", "/\\evil.example", "", undefined]) expect(safeReturnPath(bad)).toBe("/konto");
  });
});
