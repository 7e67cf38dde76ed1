import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_AUTH_SETTINGS } from "../../src/app/accounts/auth-settings.js";
import { buildApp } from "../../src/server/app.js";
import { findUserByEmail } from "../../src/storage/user-accounts.js";
import { CookieJar, startOidcTestProvider, walkOidcLogin, type OidcTestProvider } from "../support/oidc-test-provider.js";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../support/test-databases.js";
import { testAccountDeps } from "./sign-in-fixtures.js";
import { testConfig } from "../support/app-config.js";

const PUBLIC_URL = "http://danmarkskort.test";
const CALLBACK = `${PUBLIC_URL}/log-ind/oidc/svar`;

describe.each(DATABASE_KINDS)("sign-in through OpenID Connect at /log-ind/oidc on %s", (kind) => {
  let provider: OidcTestProvider;
  let t: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    provider = await startOidcTestProvider({
      redirectUris: [CALLBACK],
      extraClaims: ["kommunekode"],
      accounts: {
        "herning-1": { email: "sagsbehandler@herning.test", claims: { kommunekode: "0657" } },
        "ukendt-1": { email: "ukendt@kommune.test", claims: { kommunekode: "9999" } },
      },
    });
    t = await createTestDatabase(kind);
    const auth = {
      ...DEFAULT_AUTH_SETTINGS,
      publicUrl: PUBLIC_URL,
      oidc: {
        issuerUrl: provider.issuer,
        clientId: provider.clientId,
        clientSecret: provider.clientSecret,
        municipalityClaim: "kommunekode",
        roleClaim: null,
        defaultRole: "redaktoer" as const,
        scope: "openid email kommune",
        clientAuth: "client_secret_basic" as const,
        buttonLabelDa: "Log ind med test-IdP",
      },
    };
    app = await buildApp({ db: t.db, storageDescription: kind, config: testConfig({ auth }), securityLog: testAccountDeps(t.db).securityLog });
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
    await provider?.stop();
  });

  /** The browser's walk: our start route, the IdP's login page, and back to our callback with the state cookie. */
  async function signIn(account: string) {
    const start = await app.inject({ method: "GET", url: "/log-ind/oidc?til=/kommuner/0657" });
    expect(start.statusCode).toBe(302);
    const state = start.cookies.find((c) => c.name === "danmarkskort_oidc_state")!;
    expect(state).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    const callbackUrl = await walkOidcLogin(start.headers.location as string, account, CALLBACK, new CookieJar());
    return app.inject({ method: "GET", url: callbackUrl.slice(PUBLIC_URL.length), cookies: { danmarkskort_oidc_state: state.value } });
  }

  it("offers the IdP's button on /log-ind, signs in, and the municipality claim decides the role's municipality", async () => {
    expect((await app.inject({ method: "GET", url: "/log-ind" })).body).toContain('href="/log-ind/oidc?til=%2Fkonto">Log ind med test-IdP</a>');
    const back = await signIn("herning-1");
    expect(back.statusCode).toBe(303);
    expect(back.headers.location).toBe("/kommuner/0657");
    const session = back.cookies.find((c) => c.name === "danmarkskort_session")!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    const user = await findUserByEmail(t.db, "sagsbehandler@herning.test");
    expect(user).toMatchObject({ role: { kind: "redaktoer", municipalityCode: "0657" }, hasPassword: false });
    // Signed in: Herning's comment form is there, København's is refused.
    const profile = await app.inject({ method: "GET", url: "/kommuner/0657?aar=2024", cookies: { danmarkskort_session: session.value } });
    expect(profile.body).toContain('action="/kommuner/0657/kommentar"');
    const other = await app.inject({ method: "GET", url: "/kommuner/0101/kommentar?aar=2024", cookies: { danmarkskort_session: session.value } });
    expect(other.statusCode).toBe(403);
  });

  it("refuses an unknown municipality code in the claim with a Danish 403, and an answer without the state cookie", async () => {
    const refused = await signIn("ukendt-1");
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain("Identitetsudbyderen angav den ukendte kommunekode &quot;9999&quot; i &quot;kommunekode&quot;.");
    expect(await findUserByEmail(t.db, "ukendt@kommune.test")).toBeNull();

    const start = await app.inject({ method: "GET", url: "/log-ind/oidc" });
    const callbackUrl = await walkOidcLogin(start.headers.location as string, "herning-1", CALLBACK, new CookieJar());
    const noCookie = await app.inject({ method: "GET", url: callbackUrl.slice(PUBLIC_URL.length) });
    expect(noCookie.statusCode).toBe(400);
    expect(noCookie.body).toContain("Login-forsøget kan ikke genkendes");
  });
});
