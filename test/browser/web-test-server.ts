import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../support/chromium.js";
import { expect } from "vitest";
import { DEFAULT_AUTH_SETTINGS } from "../../src/app/accounts/auth-settings.js";
import { createUserAccount } from "../../src/app/accounts/manage-users.js";
import { OPERATOR } from "../../src/app/caller.js";
import { memorySecurityLog } from "../../src/app/security-log.js";
import { loadDemoDataset } from "../../src/app/import/demo-dataset.js";
import type { Role } from "../../src/domain/access-policy.js";
import { buildApp } from "../../src/server/app.js";
import { openDatabase } from "../../src/storage/open-database.js";
import type { AppSettings } from "../../src/server/app-context.js";
import type { Database } from "../../src/storage/database.js";

/**
 * One server with the demo data set (2016–2025; 2024 national and Herning equal the published figures)
 * and one Chromium per test file (brief: share one browser across a test file). Boundaries come from
 * ../shared/geo, resolved from the project root by geo-boundaries.ts.
 */
/** A user account the test server starts with, made as `danmarkskort bruger opret` makes one. */
export type TestAccount = { readonly email: string; readonly password: string; readonly role: Role };

export async function startWebTestServer(
  options: { prepare?: (db: Database) => Promise<void>; context?: Partial<AppSettings>; accounts?: readonly TestAccount[] } = {},
): Promise<{ baseUrl: string; browser: Browser; db: Database; stop(): Promise<void> }> {
  process.env.DANMARKSKORT_BOUNDARIES ??= "../shared/geo/kommuner.topojson";
  const db = await openDatabase({ kind: "memory" });
  await loadDemoDataset(db);
  const securityLog = options.context?.securityLog ?? memorySecurityLog();
  for (const a of options.accounts ?? []) {
    const created = await createUserAccount({ db, now: () => new Date(), auth: DEFAULT_AUTH_SETTINGS, securityLog }, OPERATOR, { email: a.email, role: a.role, password: a.password });
    if (created.kind !== "created") throw new Error(created.messageDa);
  }
  await options.prepare?.(db);
  const app = await buildApp({ db, storageDescription: "test", securityLog, ...options.context });
  const baseUrl = await app.listen({ port: 0, host: "127.0.0.1" });
  const browser = await launchChromium();
  return {
    baseUrl,
    browser,
    db,
    async stop() {
      await browser.close();
      await app.close();
      await db.close();
    },
  };
}

export { launchChromium };

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * Collects what the page's Content-Security-Policy blocked (Chromium reports each on the console), so a
 * test can prove a page works under the policy rather than merely that the header is sent.
 */
export function collectCspViolations(page: Page): string[] {
  const blocked: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) blocked.push(`${page.url()}: ${message.text()}`);
  });
  return blocked;
}

export type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

/** Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page and returns the serious and critical violations. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, not as an inline <script>: the pages' Content-Security-Policy
  // (script-src 'self') rightly refuses inline scripts, and the test must not weaken it.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target })) }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** Where the browser tests leave their screenshots, to be looked at (the CI keeps them). */
export const SCREENSHOTS = "test-results/screenshots";

/**
 * The checks every page of a browser test gets, at a phone's width and a desktop's: no serious axe
 * violation, a full-page screenshot in SCREENSHOTS, and nothing wider than the window.
 */
export async function checkPhoneAndDesktop(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await seriousAxeViolations(page), `${name} ved ${width} px`).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}/${name}-${width}.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} ved ${width} px`).toBeLessThanOrEqual(width);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** A desktop-sized page in the test server's Chromium, with the Content-Security-Policy's blocks collected. */
export async function openDesktopPage(browser: Browser): Promise<{ page: Page; cspBlocked: string[] }> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  return { page, cspBlocked: collectCspViolations(page) };
}

/** Signs in through the sign-in form as a person would; `path` may carry the page to go on to (?til=…). */
export async function signInInBrowser(page: Page, baseUrl: string, who: { readonly email: string; readonly password: string }, path = "/log-ind"): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.getByLabel("E-mail").fill(who.email);
  await page.getByLabel("Adgangskode", { exact: true }).fill(who.password);
  await page.getByRole("button", { name: "Log ind" }).click();
  await page.waitForLoadState("load");
}
