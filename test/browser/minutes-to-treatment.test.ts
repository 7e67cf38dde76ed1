import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkPhoneAndDesktop, openDesktopPage, signInInBrowser, startWebTestServer } from "./web-test-server.js";
import { asMunicipalityCode } from "../../src/domain/municipality.js";

/**
 * Issue 15 item 3 in real Chromium: Herning's editor chooses the Handicapråd minutes on the treatment page,
 * sees what the reader found with the text marked, corrects one proposed meeting, confirms, and finds the
 * meetings in the record. No serious axe violation, nothing wider than a phone (390 px), nothing blocked
 * by the Content-Security-Policy.
 */
const EDITOR = { email: "redaktoer@herning.test", password: "redaktørens lange kode", role: { kind: "redaktoer", municipalityCode: asMunicipalityCode("0657") } } as const;
const SEED = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "shared", "seeds", "herning-handicapraad-referat-2025-08-28.txt");

let server: Awaited<ReturnType<typeof startWebTestServer>>;
let page: Page;
let cspBlocked: string[];

beforeAll(async () => {
  server = await startWebTestServer({ accounts: [EDITOR] });
  ({ page, cspBlocked } = await openDesktopPage(server.browser));
});
afterAll(async () => server?.stop());

describe("reading minutes into the treatment record in Chromium", () => {
  it("shows the findings with their text marked, takes a correction, and stores the confirmed meetings", async () => {
    await signInInBrowser(page, server.baseUrl, EDITOR);
    await page.goto(`${server.baseUrl}/kommuner/0657/behandling/2024`);
    await page.getByLabel("Referat eller dagsorden som fil").setInputFiles(SEED);
    await page.getByRole("button", { name: "Læs referatet" }).click();
    await page.waitForLoadState("load");
    expect(await page.textContent("h1")).toBe("Registrér behandlingen ud fra et referat");
    expect(await page.locator("mark").count()).toBeGreaterThan(5);
    expect(await page.locator("mark", { hasText: "[beslutning (Handicaprådet)]" }).textContent()).toContain("Orienteringen er taget til efterretning.");
    await checkPhoneAndDesktop(page, "referat-fund");

    const second = page.getByRole("group", { name: /^Møde 2: Social- og Sundhedsudvalget/ });
    await second.getByLabel("Beslutning", { exact: true }).fill("Udvalget tog orienteringen til efterretning.");
    await page.getByRole("group", { name: /^Møde 1:/ }).getByLabel("Registrér mødet").uncheck();
    await page.getByRole("button", { name: "Bekræft og gem i behandlingen" }).click();
    await expect.poll(() => page.textContent("[role=status]")).toContain("Det bekræftede fra referatet er gemt i behandlingen.");
    const meetings = await page.textContent(".treatment-meetings");
    expect(meetings).toContain("Social- og Sundhedsudvalget");
    expect(meetings).toContain("Udvalget tog orienteringen til efterretning.");
    expect(meetings).toContain("Handicaprådet");
    expect(meetings).not.toContain("Børne- og Familieudvalget");
    await checkPhoneAndDesktop(page, "referat-gemt");
    expect(cspBlocked).toEqual([]);
  });
});
