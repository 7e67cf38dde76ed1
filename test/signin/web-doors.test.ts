import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { issueApiTokenForUser } from "../../src/app/accounts/api-tokens.js";
import { DEFAULT_AUTH_SETTINGS } from "../../src/app/accounts/auth-settings.js";
import { OPERATOR } from "../../src/app/caller.js";
import { buildApp } from "../../src/server/app.js";
import { CONTENT_SECURITY_POLICY } from "../../src/server/auth/security-plugins.js";
import { listAuditEvents } from "../../src/storage/audit-trail.js";
import { loadCommentRecord } from "../../src/storage/municipality-comments.js";
import { InjectBrowser } from "../support/inject-browser.js";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../support/test-databases.js";
import { ACCOUNTS, createAccounts, PASSWORD, testAccountDeps } from "./sign-in-fixtures.js";
import { testConfig } from "../support/app-config.js";

describe.each(DATABASE_KINDS)("the sign-in, comment and token doors on %s", (kind) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let deps: ReturnType<typeof testAccountDeps>;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    deps = testAccountDeps(t.db);
    await createAccounts(deps);
    app = await buildApp({ db: t.db, storageDescription: kind, securityLog: deps.securityLog });
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });
  beforeEach(async () => {
    await t.db.query("DELETE FROM sign_in_failure");
    await t.db.query("DELETE FROM municipality_comment");
  });

  it("sends a strict Content-Security-Policy and the other security headers on every page and answer", async () => {
    const expected = Object.entries(CONTENT_SECURITY_POLICY).map(([k, v]) => `${k} ${v.join(" ")}`).join(";");
    for (const url of ["/", "/log-ind", "/kommuner/0657", "/api/v1/maps", "/findes-ikke"]) {
      const response = await app.inject({ method: "GET", url });
      expect(response.headers["content-security-policy"], url).toBe(expected);
      expect(response.headers["x-content-type-options"], url).toBe("nosniff");
      expect(response.headers["x-frame-options"], url).toBe("SAMEORIGIN");
    }
    expect(expected).not.toContain("unsafe-inline");
  });

  it("signs in at /log-ind with the fields E-mail and Adgangskode; the session cookie is HttpOnly, SameSite=Lax, Secure only over HTTPS", async () => {
    const page = await app.inject({ method: "GET", url: "/log-ind" });
    expect(page.body).toMatch(/<label class="form-label" for="log-ind-email">E-mail<\/label>/);
    expect(page.body).toMatch(/<label class="form-label" for="log-ind-adgangskode">Adgangskode<\/label>/);
    const browser = new InjectBrowser(app);
    await browser.get("/log-ind");
    const response = await browser.post("/log-ind", { email: ACCOUNTS.herningEditor.email, adgangskode: PASSWORD, til: "/kommuner/0657" });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe("/kommuner/0657");
    const cookie = response.cookies.find((c) => c.name === "danmarkskort_session")!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/", maxAge: DEFAULT_AUTH_SETTINGS.sessionMaxHours * 3600 });
    expect(cookie.secure).toBeFalsy();
    const account = await browser.get("/konto");
    expect(account.statusCode).toBe(200);
    expect(account.body).toContain("Redaktør for Herning");

    // Served over HTTPS (the public address says so): the same cookie is Secure.
    const https = await buildApp({ db: t.db, storageDescription: kind, securityLog: deps.securityLog, config: testConfig({ auth: { ...DEFAULT_AUTH_SETTINGS, publicUrl: "https://danmarkskort.example" } }) });
    try {
      const secure = new InjectBrowser(https);
      await secure.get("/log-ind");
      const signedIn = await secure.post("/log-ind", { email: ACCOUNTS.herningEditor.email, adgangskode: PASSWORD });
      expect(signedIn.cookies.find((c) => c.name === "danmarkskort_session")).toMatchObject({ secure: true, httpOnly: true, sameSite: "Lax" });
    } finally {
      await https.close();
    }

    // Signing out ends the session in the database, not just in the browser.
    const secret = browser.cookies.get("danmarkskort_session")!;
    await browser.get("/log-ud");
    expect((await browser.post("/log-ud", {})).statusCode).toBe(200);
    const reused = await app.inject({ method: "GET", url: "/konto", cookies: { danmarkskort_session: secret } });
    expect(reused.statusCode).toBe(401);
    expect(reused.body).toContain("Du skal logge ind");
  });

  it("answers the eleventh wrong password in a minute with 429 and a Danish page, and stores only an argon2id hash", async () => {
    const browser = new InjectBrowser(app);
    await browser.get("/log-ind");
    for (let i = 1; i <= 10; i++) {
      const wrong = await browser.post("/log-ind", { email: ACCOUNTS.tilsyn.email, adgangskode: `forkert ${i}` });
      expect(wrong.statusCode, `forsøg ${i}`).toBe(401);
      expect(wrong.body).toContain("Forkert e-mail eller adgangskode.");
    }
    const eleventh = await browser.post("/log-ind", { email: ACCOUNTS.tilsyn.email, adgangskode: PASSWORD });
    expect(eleventh.statusCode).toBe(429);
    expect(eleventh.headers["retry-after"]).toBe("60");
    expect(eleventh.body).toContain("For mange forkerte forsøg på at logge ind. Vent 60 sekunder, og prøv igen.");
    const { rows } = await t.db.query<{ password_hash: string }>("SELECT password_hash FROM app_user");
    expect(rows.length).toBe(Object.keys(ACCOUNTS).length);
    for (const row of rows) expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(JSON.stringify(rows)).not.toContain(PASSWORD);
  });

  it("refuses a form posted without its CSRF token, or with another browser's, with a Danish 403 and stores nothing", async () => {
    const editor = new InjectBrowser(app);
    await editor.signIn(ACCOUNTS.herningEditor.email, PASSWORD);
    await editor.get("/kommuner/0657/kommentar?aar=2024");
    const without = await editor.post("/kommuner/0657/kommentar", { aar: "2024", kommentar: "Uden nøgle", status: "kladde" }, { csrf: false });
    expect(without.statusCode).toBe(403);
    expect(without.body).toContain("sikkerhedsnøgle (CSRF) mangler eller passer ikke");
    const other = new InjectBrowser(app);
    await other.get("/log-ind");
    const foreign = await app.inject({
      method: "POST",
      url: "/kommuner/0657/kommentar",
      headers: { cookie: [...editor.cookies].map(([k, v]) => `${k}=${v}`).join("; "), "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({ _csrf: other.csrf!, aar: "2024", kommentar: "Med en andens nøgle", status: "kladde" }).toString(),
    });
    expect(foreign.statusCode).toBe(403);
    // Sign-in itself is a form too.
    expect((await app.inject({ method: "POST", url: "/log-ind", payload: { email: ACCOUNTS.admin.email, adgangskode: PASSWORD } })).statusCode).toBe(403);
    expect(await loadCommentRecord(t.db, "0657", 2024)).toBeNull();
  });

  it("saves a draft and publishes it from the form; a CPR number is refused with the Danish message and nothing is stored", async () => {
    const editor = new InjectBrowser(app);
    await editor.signIn(ACCOUNTS.herningEditor.email, PASSWORD);
    const profile = await editor.get("/kommuner/0657?aar=2024");
    expect(profile.body).toMatch(/<label class="form-label" for="kommentar">Kommentar<\/label>/);
    expect(profile.body).toContain(">Gem</button>");
    expect(profile.body).toContain("0 af 4.000 tegn");
    const draft = await editor.post("/kommuner/0657/kommentar", { aar: "2024", kommentar: "Vi arbejder med sagsoplysningen.", status: "kladde" });
    expect(draft.statusCode).toBe(303);
    expect(await loadCommentRecord(t.db, "0657", 2024)).toMatchObject({ status: "draft", text: "Vi arbejder med sagsoplysningen." });
    expect((await app.inject({ method: "GET", url: "/kommuner/0657?aar=2024" })).body).not.toContain("Vi arbejder med sagsoplysningen.");

    const cpr = await editor.post("/kommuner/0657/kommentar", { aar: "2024", kommentar: "Borgeren 010190-1234 fik medhold.", status: "offentliggjort" });
    expect(cpr.statusCode).toBe(400);
    expect(cpr.body).toContain("Feltet &quot;Kommentar&quot; indeholder noget, der ligner et CPR-nummer (tegn 10). CPR-numre må ikke gemmes her.");
    expect(await loadCommentRecord(t.db, "0657", 2024)).toMatchObject({ status: "draft", text: "Vi arbejder med sagsoplysningen." });
    expect(JSON.stringify(deps.securityLog.events)).not.toContain("010190");

    expect((await editor.post("/kommuner/0657/kommentar", { aar: "2024", kommentar: "Vi arbejder med sagsoplysningen.", status: "offentliggjort" })).statusCode).toBe(303);
    expect((await app.inject({ method: "GET", url: "/kommuner/0657?aar=2024" })).body).toContain("Vi arbejder med sagsoplysningen.");
    const api = await app.inject({ method: "GET", url: "/api/v1/municipalities/0657/comments/2024" });
    expect(api.json()).toMatchObject({ municipalityCode: "0657", year: 2024, status: "published", text: "Vi arbejder med sagsoplysningen." });
  });

  it("gives the Herning editor a Danish 403 on København's comment form and its POST", async () => {
    const editor = new InjectBrowser(app);
    await editor.signIn(ACCOUNTS.herningEditor.email, PASSWORD);
    const form = await editor.get("/kommuner/0101/kommentar?aar=2024");
    expect(form.statusCode).toBe(403);
    expect(form.body).toContain("Du er logget ind som Redaktør for Herning og må ikke skrive kommentaren for København.");
    expect((await editor.get("/kommuner/0101?aar=2024")).body).not.toContain('action="/kommuner/0101/kommentar"');
    const post = await editor.post("/kommuner/0101/kommentar", { aar: "2024", kommentar: "Herning skriver for København", status: "offentliggjort" });
    expect(post.statusCode).toBe(403);
    expect(await loadCommentRecord(t.db, "0101", 2024)).toBeNull();
  });

  it("lets a Herning editor's API token write Herning's comment through /api/v1 and refuses København with 403", async () => {
    const issued = await issueApiTokenForUser(deps, OPERATOR, { email: ACCOUNTS.herningEditor.email, name: "dagsordensystem" });
    if (issued.kind !== "created") throw new Error(issued.messageDa);
    const put = (code: string, body: unknown, token = issued.secret) =>
      app.inject({ method: "PUT", url: `/api/v1/municipalities/${code}/comments/2024`, headers: { authorization: `Bearer ${token}` }, payload: body as object });
    const ok = await put("0657", { text: "Fra dagsordensystemet.", status: "published" });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ municipalityCode: "0657", year: 2024, status: "published", text: "Fra dagsordensystemet." });
    const copenhagen = await put("0101", { text: "Ikke vores.", status: "published" });
    expect(copenhagen.statusCode).toBe(403);
    expect(copenhagen.json()).toEqual({ error: "ingen-adgang", message: "Du er logget ind som Redaktør for Herning og må ikke skrive kommentaren for København." });
    expect((await put("0657", { text: "Ring på 010190-1234.", status: "published" })).json()).toMatchObject({ error: "ugyldigt-indhold" });
    expect((await put("0657", { text: "Mangler status" })).statusCode).toBe(400);
    expect((await put("0657", { text: "x", status: "published" }, "dkt_ukendt")).statusCode).toBe(401);
    expect((await app.inject({ method: "PUT", url: "/api/v1/municipalities/0657/comments/2024", payload: { text: "Uden nøgle", status: "published" } })).statusCode).toBe(401);
    // A session cookie is no credential on the API: another site cannot make a signed-in browser write there.
    const browser = new InjectBrowser(app);
    await browser.signIn(ACCOUNTS.herningEditor.email, PASSWORD);
    const withCookie = await app.inject({ method: "PUT", url: "/api/v1/municipalities/0657/comments/2024", cookies: Object.fromEntries(browser.cookies), payload: { text: "Med cookie", status: "published" } });
    expect(withCookie.statusCode).toBe(401);
    expect(await loadCommentRecord(t.db, "0657", 2024)).toMatchObject({ text: "Fra dagsordensystemet.", status: "published" });
    const trail = await listAuditEvents(t.db, { municipalityCode: "0657", limit: 1 });
    expect(trail[0]).toMatchObject({ action: "comment.publish", channel: "api", actorLabel: ACCOUNTS.herningEditor.email, actorRole: "redaktoer" });
  });
});
