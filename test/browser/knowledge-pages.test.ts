import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { herningRegisterRows, writeRegisterXlsx } from "../knowledge/municipal-register.js";
import { checkPhoneAndDesktop, collectCspViolations, openDesktopPage, signInInBrowser, seriousAxeViolations, startWebTestServer } from "./web-test-server.js";
import { asMunicipalityCode } from "../../src/domain/municipality.js";

/**
 * Issue 14 in real Chromium: Herning's editor imports the municipality's own register on the
 * administration page (check, map the unknown column, confirm), corrects an entry on its own page,
 * publishes the anonymised counts, and the public profile shows them. axe finds nothing serious on the
 * bank, the administration page (also with the check's result shown), the edit page and the profile's
 * section, and none of them is wider than the screen at 390 px.
 */
const EDITOR = { email: "redaktoer@herning.test", password: "redaktørens lange adgangskode", role: { kind: "redaktoer", municipalityCode: asMunicipalityCode("0657") } } as const;
const shots = "test-results/screenshots";

let server: Awaited<ReturnType<typeof startWebTestServer>>;
let page: Page;
let cspBlocked: string[];

beforeAll(async () => {
  server = await startWebTestServer({ accounts: [EDITOR] });
  ({ page, cspBlocked } = await openDesktopPage(server.browser));
  mkdirSync(shots, { recursive: true });
});
afterAll(async () => server?.stop());

describe("the knowledge bank's pages in Chromium", () => {
  it("imports Herning's own register through the administration page", async () => {
    await signInInBrowser(page, server.baseUrl, EDITOR, "/log-ind?til=%2Fkommuner%2F0657%2Fvidensbank%2Fadministration");
    expect(page.url()).toBe(`${server.baseUrl}/kommuner/0657/vidensbank/administration`);
    await checkPhoneAndDesktop(page, "vidensbank-administration");

    await page.getByLabel("Regnearket").setInputFiles(await writeRegisterXlsx(herningRegisterRows()));
    await page.getByRole("button", { name: "Tjek filen" }).click();
    await page.waitForLoadState("load");
    await expect.poll(() => page.textContent(".knowledge-check [role=alert]")).toContain("Intet er gemt.");
    await checkPhoneAndDesktop(page, "vidensbank-tjek-med-fejl");

    await page.getByLabel('Kolonnen "Drøftet i ledergruppen"').selectOption("ignore");
    await page.getByRole("button", { name: "Tjek filen igen" }).click();
    await page.waitForLoadState("load");
    await expect.poll(() => page.textContent(".knowledge-check [role=status]")).toContain("4 afgørelser uden fejl. Intet er gemt endnu.");
    await page.getByRole("button", { name: "Indlæs de 4 afgørelser" }).click();
    await page.waitForLoadState("load");
    expect(page.url()).toContain("/kommuner/0657/vidensbank?aar=2024&indlaest=4");
    await expect.poll(() => page.textContent(".alert-success")).toContain("4 afgørelser er indlæst fra regnearket.");
    await checkPhoneAndDesktop(page, "vidensbank-2024");
  });

  it("corrects an entry on its own page", async () => {
    await page.getByRole("link", { name: /^Ret afgørelse nr\./ }).first().click();
    await page.waitForLoadState("load");
    expect(await page.textContent("h1")).toMatch(/^Ret afgørelse nr\. \d+$/);
    await checkPhoneAndDesktop(page, "vidensbank-ret");
    await page.getByLabel("Læring").fill("Indhent altid lægens oplysninger, før der træffes afgørelse.");
    await page.getByRole("button", { name: "Gem ændringerne" }).click();
    await page.waitForLoadState("load");
    await expect.poll(() => page.textContent(".alert-success")).toMatch(/Afgørelse nr\. \d+ er gemt\./);
    expect(await page.textContent(".knowledge-entries")).toContain("Indhent altid lægens oplysninger, før der træffes afgørelse.");
  });

  it("publishes the counts, and the public profile shows them without text", async () => {
    await page.goto(`${server.baseUrl}/kommuner/0657/vidensbank/administration`);
    await page.getByLabel("Offentliggør den anonymiserede optælling").check();
    await page.getByRole("button", { name: "Gem indstillingerne" }).click();
    await page.waitForLoadState("load");
    await expect.poll(() => page.textContent(".alert-success")).toContain("Indstillingerne er gemt.");

    const visitor = await server.browser.newContext({ viewport: { width: 390, height: 900 } });
    const publicPage = await visitor.newPage();
    const blocked = collectCspViolations(publicPage);
    await publicPage.goto(`${server.baseUrl}/kommuner/0657?aar=2024`);
    const section = publicPage.locator("section.knowledge-public");
    expect(await section.textContent()).toContain("Registrerede afgørelser i 2024: 4.");
    expect(await section.textContent()).not.toContain("lægens");
    await section.scrollIntoViewIfNeeded();
    expect(await seriousAxeViolations(publicPage)).toEqual([]);
    expect(await publicPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await section.screenshot({ path: `${shots}/profil-vidensbank-390.png` });
    expect(blocked).toEqual([]);
    await visitor.close();
    expect(cspBlocked).toEqual([]);
  });
});
