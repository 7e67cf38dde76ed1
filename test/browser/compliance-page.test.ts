import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_AUTH_SETTINGS } from "../../src/app/accounts/auth-settings.js";
import { createUserAccount } from "../../src/app/accounts/manage-users.js";
import { OPERATOR } from "../../src/app/caller.js";
import { memorySecurityLog } from "../../src/app/security-log.js";
import { addMeeting } from "../../src/app/treatment/save-meeting.js";
import { checkPhoneAndDesktop, collectCspViolations, signInInBrowser, startWebTestServer } from "./web-test-server.js";

/**
 * The compliance view in real Chromium (issue 15, item 4): tilsyn opens the overview of all 98 councils,
 * filters it, registers a follow-up with a note through the form, and the public version shows the category
 * without the note. Every page passes axe and fits a 390 px phone and a 1280 px desktop (screenshots kept).
 */
const TILSYN = { email: "tilsyn@ankestyrelsen.test", password: "tilsynets lange adgangskode" };
const NOTE = "Intern note: rykket telefonisk";
const securityLog = memorySecurityLog();

let server: Awaited<ReturnType<typeof startWebTestServer>>;
let context: BrowserContext;
let page: Page;
let cspBlocked: string[];

beforeAll(async () => {
  server = await startWebTestServer({
    prepare: async (db) => {
      const deps = { db, now: () => new Date(), auth: DEFAULT_AUTH_SETTINGS, securityLog };
      const created = await createUserAccount(deps, OPERATOR, { email: TILSYN.email, role: { kind: "tilsyn" }, password: TILSYN.password });
      if (created.kind !== "created") throw new Error(created.messageDa);
      const m = { dataYear: 2024, agendaItemNumber: null, agendaItemTitle: "Danmarkskortet 2024", role: "decision", state: "held", decisionText: null, minutesUrl: null } as const;
      for (const meeting of [
        { ...m, municipalityCode: "0657", bodyId: "byraadet", date: "2025-09-24", outcome: "concluded" },
        { ...m, municipalityCode: "0151", bodyId: "kommunalbestyrelsen", date: "2025-10-07", outcome: "sent-back" },
      ] as const) {
        const saved = await addMeeting(deps, OPERATOR, meeting);
        if (saved.kind !== "saved") throw new Error(saved.messageDa);
      }
    },
    context: { securityLog },
  });
  context = await server.browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  cspBlocked = collectCspViolations(page);
}, 120_000);
afterAll(async () => server?.stop());

describe("the compliance view in Chromium", () => {
  it("shows tilsyn all 98 councils, filters them, and takes a follow-up with a note", async () => {
    await signInInBrowser(page, server.baseUrl, TILSYN);

    await page.goto(`${server.baseUrl}/tilsyn/behandling?aar=2024`);
    expect(await page.textContent("h1")).toBe("Tilsyn: kommunernes behandling af kortet");
    expect(await page.locator("tbody tr").count()).toBe(98);
    expect(await page.locator(".compliance-map svg a").count()).toBe(98);
    expect(await page.locator('.compliance-map a[data-municipality="0657"]').getAttribute("aria-label")).toBe("Herning: behandlet inden fristen");
    await checkPhoneAndDesktop(page, "tilsyn-behandling");

    await page.getByLabel("Region").selectOption("Region Hovedstaden");
    await page.getByRole("button", { name: "Vis" }).click();
    await page.waitForLoadState("load");
    expect(await page.locator("tbody tr").count()).toBe(29);

    await page.getByRole("link", { name: "Registrér opfølgning for Ballerup" }).click();
    await page.waitForLoadState("load");
    await checkPhoneAndDesktop(page, "tilsyn-opfoelgning");
    await page.getByLabel("Opfølgning").selectOption("asked-for-stance");
    await page.getByLabel("Note (intern)").fill(NOTE);
    await page.getByRole("button", { name: "Gem opfølgningen" }).click();
    await page.waitForLoadState("load");
    expect(await page.getByRole("status").textContent()).toContain("Opfølgningen er gemt.");
    expect(await page.locator("#k-0151").textContent()).toContain(NOTE);
  });

  it("has a public version with the category and without the note", async () => {
    const anonymous = await server.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const publicPage = await anonymous.newPage();
    await publicPage.goto(`${server.baseUrl}/behandling?aar=2024`);
    const ballerup = await publicPage.locator("#k-0151").textContent();
    expect(ballerup).toContain("bedt om stillingtagen");
    expect(ballerup).not.toContain(NOTE);
    await anonymous.close();
    await page.goto(`${server.baseUrl}/behandling?aar=2024`);
    await checkPhoneAndDesktop(page, "behandling-offentlig");
    expect(cspBlocked).toEqual([]);
  });
});
