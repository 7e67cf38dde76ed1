import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MunicipalityProfileResponse } from "../../src/server/api-types.js";
import { formatInteger, formatPercent } from "../../src/domain/format-danish-number.js";
import { collectCspViolations, seriousAxeViolations, startWebTestServer } from "./web-test-server.js";

let server: Awaited<ReturnType<typeof startWebTestServer>>;
let page: Page;
let cspBlocked: string[];
// Screenshots for a person to look at (brief: view each page); not compared automatically.
const shots = "test-results/screenshots";

beforeAll(async () => {
  server = await startWebTestServer();
  page = await server.browser.newPage({ viewport: { width: 1200, height: 900 } });
  cspBlocked = collectCspViolations(page);
  mkdirSync(shots, { recursive: true });
});
afterAll(async () => server?.stop());

const shapes = "svg.choropleth a[data-municipality]";

describe("map page in Chromium", () => {
  it("draws the 98 municipalities on the geographic map, each with a Danish accessible name", async () => {
    await page.goto(`${server.baseUrl}/kort?aar=2024`);
    await page.screenshot({ path: `${shots}/kort.png`, fullPage: true });
    expect(await page.getAttribute("svg.choropleth", "data-geometry")).toBe("geographic");
    expect(await page.locator(shapes).count()).toBe(98);
    const codes = await page.locator(shapes).evaluateAll((els) => els.map((e) => e.getAttribute("data-municipality")));
    expect(new Set(codes).size).toBe(98);
    const herning = await page.getAttribute(`${shapes}[data-municipality="0657"]`, "aria-label");
    expect(herning).toBe(
      "Herning: omgørelsesprocent 44,2 pct. (34 af 77 realitetsbehandlede sager). Omgørelsesprocentens 95 %-interval: 33,6–55,3 pct. Sammenlignet med landsplan: inden for 95 %-grænserne omkring landsplan.",
    );
  });

  it("draws the tile map with 98 equal tiles", async () => {
    await page.goto(`${server.baseUrl}/kort?aar=2024&geometri=felter`);
    await page.screenshot({ path: `${shots}/feltkort.png`, fullPage: true });
    expect(await page.getAttribute("svg.choropleth", "data-geometry")).toBe("tile");
    const sizes = await page.locator(`${shapes} rect`).evaluateAll((els) => els.map((e) => `${e.getAttribute("width")}x${e.getAttribute("height")}`));
    expect(sizes).toHaveLength(98);
    expect(new Set(sizes).size).toBe(1);
  });

  it("shows a tooltip on hover and opens the profile on click", async () => {
    await page.goto(`${server.baseUrl}/kort?aar=2024`);
    await page.waitForSelector("html[data-map-ready]");
    await page.hover(`${shapes}[data-municipality="0657"]`);
    const tooltip = page.locator("#map-tooltip");
    await expect.poll(() => tooltip.isVisible()).toBe(true);
    expect(await tooltip.textContent()).toContain("Herning: omgørelsesprocent 44,2 pct. (34 af 77");
    await page.screenshot({ path: `${shots}/kort-tooltip.png` });
    await page.click(`${shapes}[data-municipality="0657"]`);
    await page.waitForURL(/\/kommuner\/0657\?kort=socialomraadet&aar=2024$/);
    expect(await page.textContent("h1")).toBe("Herning Kommune");
  });

  it("is usable by keyboard: municipalities take focus, show the tooltip and open with Enter", async () => {
    await page.goto(`${server.baseUrl}/kort?aar=2024&geometri=felter`);
    await page.waitForSelector("html[data-map-ready]");
    await page.focus(`${shapes}[data-municipality="0155"]`);
    expect(await page.locator("#map-tooltip").textContent()).toMatch(/^Dragør: /);
    await page.keyboard.press("Tab");
    const next = await page.evaluate(() => document.activeElement?.getAttribute("data-municipality"));
    expect(next).toMatch(/^\d{4}$/);
    await page.keyboard.press("Enter");
    await page.waitForURL(new RegExp(`/kommuner/${next}\\?`));
  });

  it("finds a municipality by name in the search box", async () => {
    await page.goto(`${server.baseUrl}/kort`);
    await page.fill("#soeg-kommune", "Vallensbæk");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/kommuner\/0187$/);
    expect(await page.textContent("h1")).toBe("Vallensbæk Kommune");
  });

  it("keeps the whole state in the URL: a link reopens the same view, and a new choice keeps the rest", async () => {
    const query = "kort=boernehandicapomraadet&aar=2023&omraade=i-alt&maal=aendret&visning=tabel&geometri=felter";
    await page.goto(`${server.baseUrl}/kort?${query}`);
    await page.waitForSelector("html[data-map-ready]");
    expect(await page.inputValue("#vaelg-kort")).toBe("boernehandicapomraadet");
    expect(await page.inputValue("#vaelg-aar")).toBe("2023");
    expect(await page.inputValue("#vaelg-maal")).toBe("aendret");
    expect(await page.inputValue("#vaelg-geometri")).toBe("felter");
    expect(await page.getAttribute("[aria-current=page]", "href")).toBe(`/kort?${query}`);
    expect(await page.locator("table.figure-table caption").textContent()).toContain("børnehandicapområdet, 2023");
    await page.selectOption("#vaelg-aar", "2021");
    await page.waitForURL(/aar=2021/);
    const params = new URL(page.url()).searchParams;
    expect(Object.fromEntries(params)).toEqual({ kort: "boernehandicapomraadet", aar: "2021", omraade: "i-alt", maal: "aendret", geometri: "felter", visning: "tabel" });
    // The view tabs link to the same selection in another view.
    await page.click("nav[aria-label=Visninger] >> text=Kort");
    await page.waitForURL(/visning=kort/);
    expect(await page.getAttribute("svg.choropleth", "data-geometry")).toBe("tile");
    expect(new URL(page.url()).searchParams.get("aar")).toBe("2021");
  });

  it("outlines the municipality named in the URL (kommune=) and links back from its profile", async () => {
    await page.goto(`${server.baseUrl}/kommuner/0155?aar=2024`);
    await page.click("text=Se Dragør på Danmarkskortet");
    await page.waitForURL(/\/kort\?aar=2024&kommune=0155$/);
    const selected = page.locator(`${shapes}.selected`);
    expect(await selected.count()).toBe(1);
    expect(await selected.getAttribute("data-municipality")).toBe("0155");
    expect(await selected.getAttribute("aria-current")).toBe("true");
    expect(await page.textContent(".selected-note")).toMatch(/^Dragør er fremhævet med sort kant: \d+,\d pct\. \(\d+ af \d+ realitetsbehandlede sager\)\./);
    // The table view of the same link marks the row.
    await page.click("nav[aria-label=Visninger] >> text=Tabel");
    await page.waitForURL(/visning=tabel/);
    expect(await page.getAttribute("tr.selected-row", "data-municipality")).toBe("0155");
    await page.click("nav[aria-label=Visninger] >> text=Tragtplot");
    await page.waitForURL(/visning=tragt/);
    expect(await page.getAttribute("svg.funnel-plot a.selected", "data-municipality")).toBe("0155");
    await page.click("nav[aria-label=Visninger] >> text=Kort");
    await page.waitForURL(/visning=kort/);
    await page.click("text=Fjern fremhævningen");
    await page.waitForURL((url) => !url.searchParams.has("kommune"));
    expect(await page.locator(`${shapes}.selected`).count()).toBe(0);
  });

  it("shows cases per 10.000 inhabitants with the number of cases in the tooltip and a legend beside the map", async () => {
    await page.goto(`${server.baseUrl}/kort?aar=2024&maal=sager-pr-10000`);
    await page.waitForSelector("html[data-map-ready]");
    await page.hover(`${shapes}[data-municipality="0657"]`);
    expect(await page.locator("#map-tooltip").textContent()).toMatch(/^Herning: 8,6 sager pr\. 10\.000 indbyggere \(77 realitetsbehandlede sager, 90\.000 indbyggere\)/);
    expect(await page.locator(".map-legend-list li").count()).toBe(8);
    expect(await page.textContent(".national-line")).toContain("11,6 sager pr. 10.000 indbyggere (6.905 realitetsbehandlede sager");
    await page.screenshot({ path: `${shots}/kort-pr-10000.png`, fullPage: true });
  });

  it("sorts the table by a column, the national row staying first", async () => {
    await page.goto(`${server.baseUrl}/kort?aar=2024&visning=tabel`);
    await page.waitForSelector("html[data-map-ready]");
    await page.click("th[data-sort-index='3'] button");
    const values = await page.locator("table.figure-table tbody tr").evaluateAll((rows) => rows.map((r) => r.children[3]!.getAttribute("data-sort")));
    expect(values[0]).toBe("44.9"); // Hele landet
    const numbers = values.slice(1).filter((v) => v !== "").map(Number);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(await page.getAttribute("th[data-sort-index='3']", "aria-sort")).toBe("ascending");
    await page.screenshot({ path: `${shots}/tabel.png` });
  });

  it("draws the funnel plot with the limits and a labelled point per municipality with cases", async () => {
    await page.goto(`${server.baseUrl}/kort?aar=2024&visning=tragt`);
    await page.waitForSelector("html[data-map-ready]");
    await page.screenshot({ path: `${shots}/tragtplot.png`, fullPage: true });
    // Laid out twice (wide and phone, one shown by CSS): the visible one at this width is the wide one.
    expect(await page.locator(".chart-wide svg.funnel-plot a[data-municipality]").count()).toBe(98);
    expect(await page.locator(".chart-narrow svg.funnel-plot").isVisible()).toBe(false);
    await page.hover(".chart-wide svg.funnel-plot a[data-municipality='0657']");
    expect(await page.locator("#map-tooltip").textContent()).toContain("Herning");
  });

  it("shows the profile's Tabel 1 with exactly the API's figures", async () => {
    const api = (await (await fetch(`${server.baseUrl}/api/v1/municipalities/0657?year=2024`)).json()) as MunicipalityProfileResponse;
    await page.goto(`${server.baseUrl}/kommuner/0657?aar=2024`);
    await page.screenshot({ path: `${shots}/profil.png`, fullPage: true });
    for (const mapProfile of api.profile.maps) {
      for (const area of mapProfile.areas) {
        const year = area.years.find((y) => y.year === 2024)!;
        const e = year.municipality.estimate;
        if (e.kind !== "estimate") continue;
        const rows = await page.locator(`#profile-table-${mapProfile.map} tbody tr`).evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
        const label = `Herning Kommune, ${{ total: "i alt", children: "børneområdet", adults: "voksenområdet" }[area.area]}`;
        const row = rows.find((r) => r[0] === label)!;
        expect(row.slice(1, 4)).toEqual([formatInteger(e.decided), formatPercent(e.reversalRate), formatInteger(e.reversed)]);
        expect(row.slice(5)).toEqual([formatPercent(e.changedRate), formatInteger(e.counts.changed), formatPercent(e.remittedRate), formatInteger(e.counts.remitted)]);
      }
    }
    // The published 2024 figures (domain.md §7) reach the page unchanged.
    expect(await page.locator("#profile-table-socialomraadet tbody tr").nth(1).textContent()).toBe("Herning Kommune, i alt7744,23433,6–55,35,2439,030");
    expect(await page.textContent("body")).toContain("31. december 2025");
    expect(await page.getAttribute("a:text('Lav dagsordenpunkt')", "href")).toBe("/kommuner/0657/dagsordenpunkt?aar=2024&format=docx");
  });
});

describe("demo data", () => {
  it("is announced on every page while the demo data set is loaded", async () => {
    for (const path of ["/kort", "/kort?visning=tabel", "/kort?visning=tragt", "/kommuner", "/kommuner/0657", "/tilgaengelighed"]) {
      await page.goto(`${server.baseUrl}${path}`);
      expect(await page.locator(".demo-notice").textContent(), path).toContain("Demodata – ikke Ankestyrelsens tal.");
    }
    await page.screenshot({ path: `${shots}/tilgaengelighed.png`, fullPage: true });
  });
});

describe("accessibility (axe-core, WCAG 2.1 A/AA)", () => {
  for (const [name, path] of [
    ["kort", "/kort?aar=2024"],
    ["feltkort", "/kort?aar=2024&geometri=felter"],
    ["tabel", "/kort?aar=2024&visning=tabel"],
    ["tragtplot", "/kort?aar=2024&visning=tragt"],
    ["kommuneside", "/kommuner/0657?aar=2024"],
    ["kort, sager pr. 10.000 indbyggere, fremhævet kommune", "/kort?aar=2024&maal=sager-pr-10000&kommune=0657"],
    ["tragtplot med fremhævet kommune", "/kort?aar=2024&visning=tragt&kommune=0657"],
    ["kommuneliste", "/kommuner"],
    ["tilgængelighedserklæring", "/tilgaengelighed"],
  ] as const) {
    it(`has no serious or critical violations on ${name}, and nothing on it is blocked by the Content-Security-Policy`, async () => {
      await page.goto(`${server.baseUrl}${path}`);
      await page.waitForLoadState("networkidle");
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(cspBlocked).toEqual([]);
    });
  }
});
