import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousAxeViolations, startWebTestServer } from "./web-test-server.js";

/**
 * Issue 9, point 7: the first visit. The front page is the map of the latest year with the national figures
 * in one line; a keyboard user skips the 98 map links with one link; the search finds "køben" and suggests
 * for "Københaven"; at 390 px nothing overflows sideways, chart text is readable and every scrollable table
 * can be reached with the keyboard; axe finds no serious or critical violation at 390 and 1280 px.
 * Screenshots go to $TMPDIR/danmarkskort-first-visit for a person to look at.
 */
let server: Awaited<ReturnType<typeof startWebTestServer>>;
const shots = join(tmpdir(), "danmarkskort-first-visit");

beforeAll(async () => {
  server = await startWebTestServer();
  mkdirSync(shots, { recursive: true });
}, 120_000);
afterAll(async () => server?.stop());

async function open(width: number, path: string): Promise<Page> {
  const page = await server.browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(`${server.baseUrl}${path}`, { waitUntil: "load" });
  return page;
}

const PAGES = [
  ["forside", "/"],
  ["kort", "/kort"],
  ["tabel", "/kort?visning=tabel"],
  ["tragtplot", "/kort?visning=tragt"],
  ["kommuneside", "/kommuner/0657"],
] as const;

describe("the front page", () => {
  it("is the map of the latest year with the national figures in one line", async () => {
    const page = await open(1280, "/");
    try {
      // The demo data runs to 2025: the latest year.
      expect(await page.locator("#vaelg-aar").inputValue()).toBe("2025");
      expect(await page.locator("figure.map-figure svg a.municipality").count()).toBe(98);
      const national = page.locator("p.national-line");
      expect(await national.count()).toBe(1);
      expect(await national.textContent()).toMatch(/^Hele landet: Omgørelsesprocent \d+,\d pct\. \([\d.]+ omgjort af [\d.]+ realitetsbehandlede sager; ændret\/ophævet \d+,\d pct\., hjemvist \d+,\d pct\.\)\.$/);
      // One line on a wide screen.
      const box = (await national.boundingBox())!;
      const lineHeight = await national.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
      expect(box.height).toBeLessThan(lineHeight * 1.5);
    } finally {
      await page.close();
    }
  });
});

describe("keyboard", () => {
  it("a skip link past the 98 map links reaches the search in a few Tab presses", async () => {
    const page = await open(1280, "/");
    try {
      let presses = 0;
      for (; presses < 30; presses++) {
        await page.keyboard.press("Tab");
        if (await page.evaluate(() => document.activeElement?.classList.contains("skip-past-figure"))) break;
      }
      expect(presses).toBeLessThan(20);
      expect(await page.locator(".skip-past-figure").isVisible()).toBe(true);
      expect(await page.locator(".skip-past-figure").textContent()).toContain("Spring kortets 98 kommuner over");
      await page.keyboard.press("Enter");
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("soeg-kommune");
    } finally {
      await page.close();
    }
  });
});

describe("search", () => {
  it('finds København from "køben"', async () => {
    const page = await open(1280, "/");
    try {
      await page.fill("#soeg-kommune", "køben");
      await Promise.all([page.waitForURL(/\/kommuner\/0101/), page.press("#soeg-kommune", "Enter")]);
      expect(await page.locator("h1").textContent()).toBe("København Kommune");
    } finally {
      await page.close();
    }
  });

  it('suggests København for "Københaven"', async () => {
    const page = await open(1280, "/");
    try {
      await page.fill("#soeg-kommune", "Københaven");
      await Promise.all([page.waitForURL(/\/kommuner\?soeg=/), page.press("#soeg-kommune", "Enter")]);
      const status = page.locator("p.search-result");
      expect(await status.textContent()).toBe('Ingen kommune hedder "Københaven". Mente du København? Vælg en fra listen:');
      await Promise.all([page.waitForURL(/\/kommuner\/0101/), status.locator("a", { hasText: "København" }).click()]);
    } finally {
      await page.close();
    }
  });
});

describe("at 390 px", () => {
  for (const [name, path] of PAGES) {
    it(`${name}: no sideways overflow, chart text at least 10 px, scrollable regions focusable`, async () => {
      const page = await open(390, path);
      try {
        await page.screenshot({ path: join(shots, `${name}-390.png`), fullPage: true });
        expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
        // Text in the visible charts (trend chart, funnel plot), as drawn on screen.
        const sizes = await page.evaluate(() =>
          [...document.querySelectorAll<SVGTextElement>("figure.trend-figure svg text, figure.funnel-figure svg text")]
            .filter((t) => t.getClientRects().length > 0 && (t.textContent ?? "").trim() !== "")
            .map((t) => {
              const svg = t.ownerSVGElement!;
              const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
              return parseFloat(getComputedStyle(t).fontSize) * scale;
            }),
        );
        if (name === "tragtplot" || name === "kommuneside") expect(sizes.length).toBeGreaterThan(5);
        for (const size of sizes) expect(size).toBeGreaterThanOrEqual(10);
        // Every box that scrolls sideways can be reached with Tab (axe scrollable-region-focusable).
        const unreachable = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>("main *")]
            .filter((el) => el.scrollWidth > el.clientWidth + 1 && ["auto", "scroll"].includes(getComputedStyle(el).overflowX))
            .filter((el) => el.tabIndex < 0 && !el.querySelector("a[href], button, input, select, [tabindex='0']"))
            .map((el) => el.className),
        );
        expect(unreachable).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }
});

describe("axe-core at 390 and 1280 px", () => {
  for (const width of [390, 1280]) {
    for (const [name, path] of PAGES) {
      it(`${name} at ${width} px has no serious or critical violation`, async () => {
        const page = await open(width, path);
        try {
          if (width === 1280) await page.screenshot({ path: join(shots, `${name}-1280.png`), fullPage: true });
          expect(await seriousAxeViolations(page)).toEqual([]);
        } finally {
          await page.close();
        }
      });
    }
  }
});
