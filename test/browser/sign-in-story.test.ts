import { mkdirSync } from "node:fs";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUserAccount } from "../../src/app/accounts/manage-users.js";
import { OPERATOR } from "../../src/app/caller.js";
import { memorySecurityLog } from "../../src/app/security-log.js";
import { listAuditEvents } from "../../src/storage/audit-trail.js";
import { loadCommentRecord } from "../../src/storage/municipality-comments.js";
import { DEFAULT_AUTH_SETTINGS } from "../../src/app/accounts/auth-settings.js";
import { collectCspViolations, seriousAxeViolations, startWebTestServer } from "./web-test-server.js";

/**
 * The whole story of issue 12 in real Chromium: the operator's first admin creates a Herning editor; the
 * editor signs in, saves and publishes Herning's 2024 comment, sees it on the public profile and in the
 * API, is refused København's form and its POST, a POST without the CSRF token and a comment with a CPR
 * number; the audit trail shows the two writes. Screenshots of every new page at 390 and 1280 px.
 */
const ADMIN = { email: "admin@ankestyrelsen.test", password: "administratorens lange kode" };
const EDITOR = { email: "redaktoer@herning.test", password: "redaktørens lange adgangskode" };
const COMMENT = "Herning Kommune har i 2024 styrket sagsoplysningen i børnehandicapsager. Hjemvisningerne skyldes oftest manglende lægelige oplysninger.";
const shots = "test-results/screenshots";

let server: Awaited<ReturnType<typeof startWebTestServer>>;
let context: BrowserContext;
let page: Page;
let cspBlocked: string[];
const securityLog = memorySecurityLog();

beforeAll(async () => {
  server = await startWebTestServer({
    prepare: async (db) => {
      // As `danmarkskort bruger opret --email … --rolle admin` does at the server's command line.
      const created = await createUserAccount({ db, now: () => new Date(), auth: DEFAULT_AUTH_SETTINGS, securityLog }, OPERATOR, { email: ADMIN.email, role: { kind: "admin" }, password: ADMIN.password });
      if (created.kind !== "created") throw new Error(created.messageDa);
    },
    context: { securityLog },
  });
  context = await server.browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  cspBlocked = collectCspViolations(page);
  mkdirSync(shots, { recursive: true });
});
afterAll(async () => server?.stop());

/** Full-page screenshots at a phone's and a desktop's width, for a person to look at; no page wider than the phone. */
async function screenshots(name: string): Promise<void> {
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${shots}/${name}-${width}.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} ved ${width} px`).toBeLessThanOrEqual(width);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function signIn(who: { email: string; password: string }, path = "/log-ind"): Promise<void> {
  await page.goto(`${server.baseUrl}${path}`);
  await page.getByLabel("E-mail").fill(who.email);
  await page.getByLabel("Adgangskode", { exact: true }).fill(who.password);
  await page.getByRole("button", { name: "Log ind" }).click();
  await page.waitForLoadState("load");
}

async function signOut(): Promise<void> {
  await page.getByRole("link", { name: "Log ud" }).click();
  await page.getByRole("button", { name: "Log ud" }).click();
  await expect.poll(() => page.textContent("h1")).toBe("Du er logget ud");
}

describe("sign-in, roles and the comment in Chromium", () => {
  it("lets the first administrator sign in at /log-ind and create a Herning editor on /brugere", async () => {
    await page.goto(`${server.baseUrl}/log-ind`);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshots("log-ind");
    await signIn(ADMIN);
    expect(page.url()).toBe(`${server.baseUrl}/konto`);
    expect(await page.textContent("main")).toContain("Administrator");
    await screenshots("konto");
    await page.getByRole("link", { name: "Brugere" }).click();
    await page.getByLabel("E-mail").fill(EDITOR.email);
    await page.getByLabel("Rolle").selectOption("redaktoer");
    await page.getByLabel("Kommune").selectOption("0657");
    await page.getByLabel("Adgangskode").fill(EDITOR.password);
    await page.getByRole("button", { name: "Opret bruger" }).click();
    await expect.poll(() => page.textContent("[role=status]")).toContain(`${EDITOR.email} er oprettet som Redaktør for Herning.`);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshots("brugere");
    await signOut();
  });

  it("lets the editor save Herning's 2024 comment as a draft, with the length shown while typing, then publish it", async () => {
    await signIn(EDITOR, "/log-ind?til=%2Fkommuner%2F0657%3Faar%3D2024");
    expect(page.url()).toBe(`${server.baseUrl}/kommuner/0657?aar=2024`);
    const section = page.locator("section.comment-section");
    expect(await section.locator("h2").textContent()).toBe("Kommunens kommentar");
    const textarea = section.getByLabel("Kommentar", { exact: true });
    await page.waitForSelector("html[data-page-ready]");
    await textarea.fill(COMMENT);
    await expect.poll(() => section.locator("#kommentar-taeller").textContent()).toBe(`${COMMENT.length} af 4.000 tegn`);
    await section.getByLabel("Kladde").check();
    await section.getByRole("button", { name: "Gem" }).click();
    await expect.poll(() => page.textContent(".comment-editor [role=status]")).toContain("Kommentaren er gemt som kladde.");
    expect(await loadCommentRecord(server.db, "0657", 2024)).toMatchObject({ status: "draft", text: COMMENT });
    // A draft is the municipality's own: the public profile does not show it.
    const visitor = await server.browser.newPage();
    await visitor.goto(`${server.baseUrl}/kommuner/0657?aar=2024`);
    expect(await visitor.textContent("section.comment-section")).not.toContain(COMMENT);

    await page.locator("section.comment-section").getByLabel("Offentliggjort").check();
    await page.locator("section.comment-section").getByRole("button", { name: "Gem" }).click();
    await expect.poll(() => page.textContent(".comment-editor [role=status]")).toContain("Kommentaren er gemt som offentliggjort.");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.locator("section.comment-section").screenshot({ path: `${shots}/kommentar-formular-1280.png` });
    await page.setViewportSize({ width: 390, height: 900 });
    await page.locator("section.comment-section").screenshot({ path: `${shots}/kommentar-formular-390.png` });
    await page.setViewportSize({ width: 1280, height: 900 });

    await visitor.goto(`${server.baseUrl}/kommuner/0657?aar=2024`);
    expect(await visitor.textContent("section.comment-section blockquote")).toBe(COMMENT);
    const api = await visitor.goto(`${server.baseUrl}/api/v1/municipalities/0657/comments/2024`);
    expect(await api!.json()).toMatchObject({ municipalityCode: "0657", year: 2024, status: "published", text: COMMENT });
    await visitor.close();
  });

  it("gives the Herning editor a Danish 403 on København's comment form and its POST, and 403 to a POST without the CSRF token", async () => {
    const herningForm = await page.goto(`${server.baseUrl}/kommuner/0657/kommentar?aar=2024`);
    expect(herningForm!.status()).toBe(200);
    const csrf = await page.getAttribute("form.comment-form input[name=_csrf]", "value");
    const denied = await page.goto(`${server.baseUrl}/kommuner/0101/kommentar?aar=2024`);
    expect(denied!.status()).toBe(403);
    expect(await page.textContent("h1")).toBe("Du har ikke adgang");
    expect(await page.textContent(".refusal-message")).toBe("Du er logget ind som Redaktør for Herning og må ikke skrive kommentaren for København.");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshots("ingen-adgang");
    // The browser's own request, with its cookies and a valid CSRF token: refused by the role, not the form.
    const post = await page.request.post(`${server.baseUrl}/kommuner/0101/kommentar`, { form: { _csrf: csrf!, aar: "2024", kommentar: "Herning skriver for København", status: "offentliggjort" }, maxRedirects: 0 });
    expect(post.status()).toBe(403);
    expect(await post.text()).toContain("må ikke skrive kommentaren for København");
    const noToken = await page.request.post(`${server.baseUrl}/kommuner/0657/kommentar`, { form: { aar: "2024", kommentar: "Uden sikkerhedsnøgle", status: "offentliggjort" }, maxRedirects: 0 });
    expect(noToken.status()).toBe(403);
    expect(await noToken.text()).toContain("sikkerhedsnøgle (CSRF) mangler");
    expect(await loadCommentRecord(server.db, "0101", 2024)).toBeNull();
    expect(await loadCommentRecord(server.db, "0657", 2024)).toMatchObject({ text: COMMENT, status: "published" });
  });

  it("refuses a comment with the CPR number 010190-1234 with the Danish message, and stores nothing", async () => {
    await page.goto(`${server.baseUrl}/kommuner/0657?aar=2024`);
    const section = page.locator("section.comment-section");
    await section.getByLabel("Kommentar", { exact: true }).fill("Borgeren med CPR 010190-1234 fik medhold i Ankestyrelsen.");
    await section.getByRole("button", { name: "Gem" }).click();
    await page.waitForSelector(".form-refusal");
    expect(await page.textContent(".form-refusal")).toBe('Feltet "Kommentar" indeholder noget, der ligner et CPR-nummer (tegn 18). CPR-numre må ikke gemmes her. Fjern nummeret, og prøv igen.');
    expect(await page.textContent("#kommentar-error")).toContain("CPR-nummer");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshots("kommentar-cpr-afvist");
    expect(await loadCommentRecord(server.db, "0657", 2024)).toMatchObject({ text: COMMENT, status: "published" });
    const stored = await server.db.query("SELECT * FROM municipality_comment");
    expect(JSON.stringify(stored.rows)).not.toContain("010190");
    expect(JSON.stringify(securityLog.events)).not.toContain("010190");
    expect(securityLog.events.some((e) => e.event === "cpr-refused" && e.field === "Kommentar")).toBe(true);
  });

  it("names the signed-in editor in the header of the front page, the map, the profile and the accessibility page, as on the account pages", async () => {
    for (const path of ["/", "/kort?visning=tabel", "/kommuner/0657?aar=2024", "/tilgaengelighed"]) {
      const response = await page.goto(`${server.baseUrl}${path}`);
      expect(response!.headers()["cache-control"], path).toBe("private, no-store");
      const nav = page.getByRole("navigation", { name: "Hovedmenu" });
      expect(await nav.getByRole("link", { name: `Konto: ${EDITOR.email}` }).getAttribute("href"), path).toBe("/konto");
      expect(await nav.getByRole("link", { name: "Log ud" }).getAttribute("href"), path).toBe("/log-ud");
      expect(await nav.getByRole("link", { name: "Log ind" }).count(), path).toBe(0);
      expect(await seriousAxeViolations(page), path).toEqual([]);
    }
  });

  it("shows the editor's personal API tokens once, and the audit trail with the two writes", async () => {
    await page.goto(`${server.baseUrl}/konto/api-noegler`);
    await page.getByLabel("Navn").fill("Dagsordensystem");
    await page.getByRole("button", { name: "Lav API-nøgle" }).click();
    const secret = await page.textContent("#ny-api-noegle");
    expect(secret).toMatch(/^dkt_/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshots("api-noegler");
    await page.goto(`${server.baseUrl}/konto/api-noegler`);
    expect(await page.textContent("main")).not.toContain(secret!);
    await signOut();

    await signIn(ADMIN, "/log-ind?til=%2Frevisionsspor%3Fkommune%3D0657");
    const rows = page.locator("table.audit-table tbody tr");
    const texts = await rows.allTextContents();
    const commentRows = texts.filter((t) => t.includes("kommentar 0657/2024"));
    expect(commentRows).toHaveLength(2);
    expect(commentRows[0]).toContain("Kommentar offentliggjort");
    expect(commentRows[1]).toContain("Kommentar gemt");
    for (const row of commentRows) expect(row).toContain(EDITOR.email);
    expect(texts.some((t) => t.includes("Bruger oprettet") && t.includes(ADMIN.email))).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshots("revisionsspor");
    const events = await listAuditEvents(server.db, { municipalityCode: "0657" });
    expect(events.filter((e) => e.subject === "kommentar 0657/2024").map((e) => [e.action, e.actorLabel, e.channel])).toEqual([
      ["comment.publish", EDITOR.email, "web"],
      ["comment.save", EDITOR.email, "web"],
    ]);
  });

  it("loaded nothing the Content-Security-Policy had to block on any of these pages", () => {
    expect(cspBlocked).toEqual([]);
  });
});
