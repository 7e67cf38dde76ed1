import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page, Response } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILD_DIR } from "../../src/server/asset-urls.js";
import { startWebTestServer } from "./web-test-server.js";

/**
 * Issue 17: what a page makes the browser fetch. One stylesheet; scripts, stylesheet and fonts named by
 * their content and kept for a year; the typeface as its Latin 1 split (17 KB a weight), never the complete
 * font (57 KB) nor a WOFF or EOT; text compressed. Measured in Chromium on the pages a visitor opens first,
 * at a phone's width.
 */
let server: Awaited<ReturnType<typeof startWebTestServer>>;

beforeAll(async () => {
  server = await startWebTestServer();
}, 120_000);
afterAll(async () => server?.stop());

type Fetched = { url: string; status: number; type: string; cacheControl: string; encoding: string };

async function openRecording(path: string): Promise<{ page: Page; fetched: Fetched[]; layoutShift: number }> {
  const context = await server.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const fetched: Fetched[] = [];
  page.on("response", (r: Response) => {
    const headers = r.headers();
    fetched.push({ url: new URL(r.url()).pathname, status: r.status(), type: r.request().resourceType(), cacheControl: headers["cache-control"] ?? "", encoding: headers["content-encoding"] ?? "" });
  });
  await page.goto(`${server.baseUrl}${path}`, { waitUntil: "networkidle" });
  // Cumulative layout shift as the Layout Instability API reports it (buffered: the shifts while loading too).
  const layoutShift = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let sum = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!e.hadRecentInput) sum += e.value;
        }).observe({ type: "layout-shift", buffered: true });
        setTimeout(() => resolve(sum), 300);
      }),
  );
  return { page, fetched, layoutShift };
}

describe.each([
  ["the front page", "/"],
  ["the map page", "/kort?kort=socialomraadet&aar=2024"],
  ["a municipality's page", "/kommuner/0657?aar=2024"],
])("%s at 390 px", (_name, path) => {
  let result: Awaited<ReturnType<typeof openRecording>>;
  beforeAll(async () => {
    result = await openRecording(path);
  }, 60_000);
  afterAll(async () => result?.page.context().close());

  it("loads one stylesheet and only hashed, long-lived scripts, styles and fonts", () => {
    const assets = result.fetched.filter((f) => ["stylesheet", "script", "font"].includes(f.type));
    expect(assets.filter((f) => f.type === "stylesheet").map((f) => f.url)).toEqual([expect.stringMatching(/^\/assets\/build\/site-[A-Z0-9]{8}\.css$/)]);
    expect(assets.length).toBeGreaterThan(1);
    for (const a of assets) {
      expect(a.status, a.url).toBe(200);
      expect(a.url, a.url).toMatch(/^\/assets\/build\/.+-[A-Z0-9]{8}\.(css|js|woff2)$/);
      expect(a.cacheControl, a.url).toBe("public, max-age=31536000, immutable");
    }
  });

  it("fetches the typeface as split WOFF2 files for the scripts on the page, never the complete font", () => {
    const fonts = result.fetched.filter((f) => f.type === "font").map((f) => f.url);
    expect(fonts.length).toBeGreaterThan(0);
    // Latin 1 for the Danish text; Greek only for the φ of the overdispersion note (8 KB), Pi for ≤ and →.
    for (const f of fonts) expect(f).toMatch(/^\/assets\/build\/IBMPlexSans-[A-Za-z]+-(Latin1|Greek|Pi)-[A-Z0-9]{8}\.woff2$/);
    expect(fonts.some((f) => f.includes("-Latin1-"))).toBe(true);
  });

  it("preloads the three Latin 1 faces its text is set in", async () => {
    const preloads = await result.page.locator('link[rel="preload"][as="font"]').evaluateAll((links) => links.map((l) => l.getAttribute("href") ?? ""));
    expect(preloads.map((h) => /IBMPlexSans-(\w+)-Latin1-/.exec(h)?.[1])).toEqual(["Regular", "SemiBold", "Bold"]);
    const fonts = result.fetched.filter((f) => f.type === "font").map((f) => f.url);
    for (const href of preloads) expect(fonts).toContain(href);
  });

  it("gets scripts and the stylesheet compressed", () => {
    for (const a of result.fetched.filter((f) => f.type === "stylesheet" || f.type === "script")) expect(a.encoding, a.url).toMatch(/^(br|gzip)$/);
  });

  it("does not shift its layout while loading (CLS under 0,1)", () => {
    expect(result.layoutShift).toBeLessThan(0.1);
  });
});

describe("a built file", () => {
  it("is answered with 304 when the browser asks again with its ETag, and a missing one is a 404", async () => {
    const manifest = (await (await fetch(`${server.baseUrl}/assets/build/manifest.json`)).json()) as Record<string, string>;
    const css = manifest["site.css"]!;
    const first = await fetch(`${server.baseUrl}${css}`, { headers: { "accept-encoding": "br" } });
    expect(first.status).toBe(200);
    expect(first.headers.get("content-encoding")).toBe("br");
    expect(first.headers.get("vary")).toMatch(/accept-encoding/i);
    // The build's own .br, sent as it is: fetch undoes one Content-Encoding, and the file is what is left.
    expect(await first.text()).toBe(readFileSync(join(BUILD_DIR, css.slice("/assets/build/".length)), "utf8"));
    const again = await fetch(`${server.baseUrl}${css}`, {
      // A browser revalidating; fetch alone would add "cache-control: no-cache", which rightly forbids a 304.
      headers: { "if-none-match": first.headers.get("etag")!, "accept-encoding": "br", "cache-control": "max-age=0" },
    });
    expect(again.status, JSON.stringify([first.headers.get("etag"), again.headers.get("etag")])).toBe(304);
    expect((await fetch(`${server.baseUrl}/assets/build/site-AAAAAAAA.css`)).status).toBe(404);
  });
});
