import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.js";
import { InjectBrowser } from "../support/inject-browser.js";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../support/test-databases.js";
import { ACCOUNTS, createAccounts, PASSWORD, testAccountDeps } from "./sign-in-fixtures.js";

/**
 * Issue 12: the header named the signed-in person only on the sign-in pages; the map, the front page, the
 * profiles and the tilgængelighedserklæring still offered "Log ind". Every page, whichever renderer draws it
 * (the typed views or the older page helper), must show the same header for the same person.
 */
const PUBLIC_PAGES = [
  "/",
  "/kort",
  "/kort?visning=tabel",
  "/kommuner/0657",
  "/kommuner",
  "/tilgaengelighed",
  "/data",
  // Error pages keep the header too: a bad address, a page that does not exist.
  "/kort?aar=abc",
  "/findes-ikke",
] as const;

function headerNav(html: string, url: string): string {
  const nav = /<nav aria-label="Hovedmenu" class="site-nav">([\s\S]*?)<\/nav>/.exec(html);
  if (!nav) throw new Error(`${url} har ingen hovedmenu: ${html.slice(0, 300)}`);
  return nav[1]!;
}

describe.each(DATABASE_KINDS)("the header names the signed-in person on every page (%s)", (kind) => {
  let t: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    const deps = testAccountDeps(t.db);
    await createAccounts(deps, ["herningEditor", "admin"]);
    app = await buildApp({ db: t.db, storageDescription: kind, securityLog: deps.securityLog });
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it("offers 'Log ind' to the public, with no private cache marking", async () => {
    for (const url of PUBLIC_PAGES) {
      const response = await app.inject({ method: "GET", url });
      const nav = headerNav(response.body, url);
      expect(nav, url).toContain('<a href="/log-ind">Log ind</a>');
      expect(nav, url).not.toContain("Konto");
      expect(response.headers["cache-control"] ?? "", url).not.toContain("private");
      expect(response.headers.vary, url).toMatch(/cookie/i);
    }
  });

  it("shows Konto and Log ud on /, /kort, a profile and the accessibility page once signed in, as on the account pages, and never for a shared cache", async () => {
    const browser = new InjectBrowser(app);
    await browser.signIn(ACCOUNTS.herningEditor.email, PASSWORD);
    const accountPage = await browser.get("/konto");
    expect(accountPage.statusCode).toBe(200);
    const expected = headerNav(accountPage.body, "/konto");
    expect(expected).toContain(`Konto: ${ACCOUNTS.herningEditor.email}`);
    expect(expected).toContain('<a href="/log-ud">Log ud</a>');

    for (const url of PUBLIC_PAGES) {
      const response = await browser.get(url);
      const nav = headerNav(response.body, url);
      expect(nav, url).toBe(expected);
      expect(nav, url).not.toContain("Log ind");
      // The page names one person: no cache may keep it or hand it to the next visitor.
      expect(response.headers["cache-control"], url).toMatch(/private/);
      expect(response.headers["cache-control"], url).toMatch(/no-store/);
    }

    // A malformed address is answered before any route, still with the signed-in person in the header.
    const malformed = await browser.get("/kort?kommune=0657&kommune=0101");
    expect(malformed.statusCode).toBe(400);
    expect(headerNav(malformed.body, "/kort?kommune=…&kommune=…")).toBe(expected);
    const missing = await browser.get("/findes-ikke");
    expect(missing.statusCode).toBe(404);
    expect(headerNav(missing.body, "/findes-ikke")).toBe(expected);

    // Signed out, the same pages offer "Log ind" again.
    await browser.get("/log-ud");
    expect((await browser.post("/log-ud", {})).statusCode).toBe(200);
    for (const url of ["/", "/kort", "/kommuner/0657", "/tilgaengelighed"]) {
      const nav = headerNav((await browser.get(url)).body, url);
      expect(nav, url).toContain('<a href="/log-ind">Log ind</a>');
      expect(nav, url).not.toContain("Konto");
    }
  });

  it("gives an administrator the links to users, the legal rules and the audit trail on the map and the accessibility page too", async () => {
    const browser = new InjectBrowser(app);
    await browser.signIn(ACCOUNTS.admin.email, PASSWORD);
    for (const url of ["/kort", "/tilgaengelighed"]) {
      const nav = headerNav((await browser.get(url)).body, url);
      expect(nav, url).toContain('<a href="/brugere">Brugere</a>');
      expect(nav, url).toContain('<a href="/lovregler">Lovregler</a>');
      expect(nav, url).toContain('<a href="/revisionsspor">Revisionsspor</a>');
      expect(nav, url).toContain(`Konto: ${ACCOUNTS.admin.email}`);
    }
  });
});
