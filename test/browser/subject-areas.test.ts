import { Document, Packer, Paragraph } from "docx";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditEvents } from "../../src/storage/audit-trail.js";
import { loadSubjectAreas } from "../../src/storage/subject-areas.js";
import { checkPhoneAndDesktop, openDesktopPage, signInInBrowser, startWebTestServer } from "./web-test-server.js";
import { asMunicipalityCode } from "../../src/domain/municipality.js";

/**
 * Issue 16, point 4 in real Chromium: Herning's editor opens the municipality's subject → area table,
 * places a subject in an area, saves, and the table is stored and audited; a misspelt department is
 * refused in Danish next to the field, keeping what was typed. axe finds nothing serious, and the page
 * is no wider than 390 px.
 */
const EDITOR = { email: "redaktoer@herning.test", password: "redaktørens lange adgangskode", role: { kind: "redaktoer", municipalityCode: asMunicipalityCode("0657") } } as const;

let server: Awaited<ReturnType<typeof startWebTestServer>>;
let page: Page;
let cspBlocked: string[];

beforeAll(async () => {
  server = await startWebTestServer({ accounts: [EDITOR] });
  ({ page, cspBlocked } = await openDesktopPage(server.browser));
});
afterAll(async () => server?.stop());

describe("the subject → area table in Chromium", () => {
  it("asks a visitor to sign in", async () => {
    const res = await page.goto(`${server.baseUrl}/kommuner/0657/omraader`);
    expect(res?.status()).toBe(401);
  });

  it("lets Herning's editor place a subject in an area and save the table", async () => {
    await signInInBrowser(page, server.baseUrl, EDITOR, "/log-ind?til=%2Fkommuner%2F0657%2Fomraader");
    expect(page.url()).toBe(`${server.baseUrl}/kommuner/0657/omraader`);
    expect(await page.textContent("h1")).toBe("Kommunens områdetabel");
    await checkPhoneAndDesktop(page, "omraadetabel");

    const first = page.locator("input.form-input").first();
    const subject = await page.locator("label.form-label").first().textContent();
    await first.fill("Børne- og familieområdet");
    await page.getByRole("button", { name: "Gem områdetabellen" }).click();
    await expect.poll(() => page.textContent("[role=status]")).toContain("Områdetabellen er gemt.");
    expect(await page.locator("input.form-input").first().inputValue()).toBe("Børne- og familieområdet");
    expect(await loadSubjectAreas(server.db, "0657")).toEqual([{ subject, area: "Børne- og familieområdet" }]);
    const events = (await listAuditEvents(server.db, {})).filter((e) => e.action === "municipality.subject-areas-save");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ municipalityCode: asMunicipalityCode("0657"), actorLabel: EDITOR.email, channel: "web" });
    expect(cspBlocked).toEqual([]);
  });

  it("lets the editor upload a Word template, naming an unknown placeholder in Danish (issue 16, point 2)", async () => {
    await page.goto(`${server.baseUrl}/kommuner/0657/skabelon`);
    expect(await page.textContent("h1")).toBe("Kommunens Word-skabelon");
    await checkPhoneAndDesktop(page, "skabelon");
    const bad = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph("Journal: {journalnumer}")] }] }));
    await page.getByLabel("Word-fil (DOCX)").setInputFiles({ name: "skabelon.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", buffer: bad });
    await page.getByRole("button", { name: "Gem skabelonen" }).click();
    await page.waitForLoadState("load");
    expect(await page.textContent("[role=alert]")).toContain("Skabelonen bruger pladsholderen »{journalnumer}«, som ikke findes.");
    await checkPhoneAndDesktop(page, "skabelon-fejl");
    const good = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph("{titel}"), new Paragraph("{@indhold}")] }] }));
    await page.getByLabel("Word-fil (DOCX)").setInputFiles({ name: "herning.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", buffer: good });
    await page.getByRole("button", { name: "Gem skabelonen" }).click();
    await expect.poll(() => page.textContent("[role=status]")).toContain("Skabelonen er gemt.");
    expect(await page.textContent("main")).toContain("Kommunen bruger »herning.docx«");
  });

  it("refuses a CPR number in an area with a Danish message, storing nothing", async () => {
    await page.goto(`${server.baseUrl}/kommuner/0657/omraader`);
    await page.locator("input.form-input").nth(1).fill("Jobcenter 0101901234");
    await page.getByRole("button", { name: "Gem områdetabellen" }).click();
    await page.waitForLoadState("load");
    expect(await page.textContent("[role=alert]")).toContain("CPR");
    expect(await loadSubjectAreas(server.db, "0657")).toHaveLength(1);
    await checkPhoneAndDesktop(page, "omraadetabel-fejl");
  });
});
