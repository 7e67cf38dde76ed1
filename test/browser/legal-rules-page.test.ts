import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkPhoneAndDesktop, openDesktopPage, signInInBrowser, startWebTestServer } from "./web-test-server.js";

/**
 * Issue 13 in real Chromium: the administrator finds /lovregler in the header, reads the rules and their
 * sources, extends § 79 b stk. 2–3 through 2025 with a source, is told when the source is missing, and puts
 * the rule back to the default. No serious axe violation, and no page wider than a phone (390 px).
 */
const ADMIN = { email: "admin@ankestyrelsen.test", password: "administratorens lange kode", role: { kind: "admin" } } as const;
const SOURCE = "Allerød Kommune, Social- og Sundhedsudvalget 2025, punkt om danmarkskortet";

let server: Awaited<ReturnType<typeof startWebTestServer>>;
let page: Page;
let cspBlocked: string[];

beforeAll(async () => {
  server = await startWebTestServer({ accounts: [ADMIN] });
  ({ page, cspBlocked } = await openDesktopPage(server.browser));
});
afterAll(async () => server?.stop());

describe("the legal rules page in Chromium", () => {
  it("lets the administrator edit § 79 b stk. 2–3 with a source, shows a missing source beside its field, and resets the rule", async () => {
    await signInInBrowser(page, server.baseUrl, ADMIN);
    await page.getByRole("link", { name: "Lovregler" }).click();
    expect(await page.textContent("h1")).toBe("Lovregler");
    expect(await page.textContent("table")).toContain("1. juli 2022 – 31. december 2024");
    await checkPhoneAndDesktop(page, "lovregler");

    const rule = page.locator("section", { has: page.locator("#h-action-plan-decision") });
    await rule.getByLabel("Gælder til (valgfri)").fill("2025-12-31");
    await rule.getByLabel("Kilde").fill("");
    await rule.getByRole("button", { name: /^Gem reglen/ }).click();
    await page.waitForLoadState("load");
    expect(await rule.locator(".form-error-message").textContent()).toContain("Kilden mangler");
    expect(await rule.getByLabel("Gælder til (valgfri)").inputValue()).toBe("2025-12-31");
    await checkPhoneAndDesktop(page, "lovregler-fejl");

    await rule.getByLabel("Kilde").fill(SOURCE);
    await rule.getByRole("button", { name: /^Gem reglen/ }).click();
    await expect.poll(() => page.textContent("[role=status]")).toContain("Reglen om retssikkerhedslovens § 79 b, stk. 2-3 er gemt.");
    expect(await page.textContent("table")).toContain("1. juli 2022 – 31. december 2025");
    expect(await page.textContent("table")).toContain(SOURCE);
    await checkPhoneAndDesktop(page, "lovregler-gemt");

    await rule.getByRole("button", { name: /^Tilbage til standard/ }).click();
    await expect.poll(() => page.textContent("[role=status]")).toContain("sat tilbage til standard");
    expect(await page.textContent("table")).toContain("1. juli 2022 – 31. december 2024");
    expect(cspBlocked).toEqual([]);
  });
});
