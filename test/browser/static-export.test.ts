import { createReadStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkExportLinks } from "../../src/app/site-export/check-links.js";
import type { ExportManifest } from "../../src/app/site-export/export-manifest.js";
import { runCli } from "../support/run-cli.js";
import { checkPhoneAndDesktop, launchChromium } from "./web-test-server.js";

/**
 * Issue 17 item 4: `danmarkskort eksport-site` of the demo data, served by a plain static server (node:http
 * and the file system, no app code), passes the browser tests' map and profile checks. Limited to 2024 and
 * two profiles (--aar, --kommuner) to stay in the test's time; the default exports everything.
 */

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css",
  ".js": "text/javascript",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".csv": "text/csv; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".png": "image/png",
  ".map": "application/json",
};

/** What any web server does with a folder: a file for its path, a folder's index.html, 404 otherwise. */
function serveFolder(root: string): Promise<{ server: Server; baseUrl: string }> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    let file = join(root, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) {
      response.writeHead(404, { "content-type": "text/plain" }).end("ikke fundet");
      return;
    }
    response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ server, baseUrl: `http://127.0.0.1:${(server.address() as { port: number }).port}` })));
}

let work: string;
let out: string;
let exportRun: Awaited<ReturnType<typeof runCli>>;
let browser: Browser;
let served: { server: Server; baseUrl: string };

beforeAll(async () => {
  process.env.DANMARKSKORT_BOUNDARIES ??= "../shared/geo/kommuner.topojson";
  work = mkdtempSync(join(tmpdir(), "statisk-eksport-"));
  out = join(work, "site");
  const env = { DANMARKSKORT_DATA_DIR: join(work, "data"), DATABASE_URL: undefined };
  expect((await runCli(["demo"], env)).code).toBe(0);
  exportRun = await runCli(["eksport-site", out, "--aar", "2024", "--kommuner", "0657,0101"], env);
  served = await serveFolder(out);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => served?.server.close(resolve));
  rmSync(work, { recursive: true, force: true });
});

/** Every failed request and every answer of 400 or more while the page is used. */
function collectFailures(page: Page): string[] {
  const failures: string[] = [];
  page.on("requestfailed", (request) => failures.push(`${request.url()}: ${request.failure()?.errorText ?? "fejlede"}`));
  page.on("response", (response) => {
    if (response.status() >= 400) failures.push(`${response.url()}: ${response.status()}`);
  });
  return failures;
}

describe("the static export", () => {
  it("is written, says so in Danish, and has no broken link", () => {
    expect(exportRun.stderr).not.toMatch(/Fejl/);
    expect(exportRun.code).toBe(0);
    expect(exportRun.stdout).toMatch(/Sitet er eksporteret til .*alle links kontrolleret/);
    const check = checkExportLinks(out);
    expect(check.broken).toEqual([]);
    expect(check.links).toBeGreaterThan(1000);
  });

  it("names the dataset version it shows and lists its files with their SHA-256", () => {
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as ExportManifest;
    expect(manifest.limits).toEqual({ years: [2024], municipalityCodes: ["0657", "0101"] });
    expect(manifest.datasetVersions).toEqual([expect.objectContaining({ year: 2024, isDemo: true, standing: "extraction" })]);
    expect(manifest.datasetVersions[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    const paths = manifest.files.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(["index.html", "om-eksporten.html", "kommuner/0657/aar-2024.html", "api/v1/maps.json", "tilgaengelighed/index.html", "assets/app.css"]));
    expect(manifest.files.find((f) => f.path === "kommuner/0657/aar-2024.html")).toMatchObject({ url: "/kommuner/0657?aar=2024", sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(readFileSync(join(out, "om-eksporten.html"), "utf8")).toContain("demodata-talportal-seed-2024.csv");
  });

  it("refuses a folder that is not empty, in Danish, without writing in it", async () => {
    const full = join(work, "fuld");
    mkdirSync(full);
    writeFileSync(join(full, "gammel.txt"), "gammel");
    const run = await runCli(["eksport-site", full, "--aar", "2024"], { DANMARKSKORT_DATA_DIR: join(work, "data") });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/Fejl: Mappen .* er ikke tom/);
    expect(readdirSync(full)).toEqual(["gammel.txt"]);
  });

  it("opens the map from the front page with its SVG and national figures, then the profile by a click on the map", async () => {
    const page = await browser.newPage();
    const failures = collectFailures(page);
    await page.goto(`${served.baseUrl}/`);
    await expect.poll(() => page.locator("figure.map-figure svg [data-municipality]").count()).toBeGreaterThanOrEqual(98);
    await expect.poll(() => page.locator(".national-line").textContent()).toMatch(/Hele landet:.*realitetsbehandlede sager/);
    expect(await page.locator(".static-selection").textContent()).toMatch(/Kort:.*Børnehandicapområdet/);
    await checkPhoneAndDesktop(page, "statisk-kort");

    await page.locator('figure.map-figure a[href$="kommuner/0657/aar-2024.html"]').first().click();
    await page.waitForURL(/\/kommuner\/0657\/aar-2024\.html$/);
    expect(await page.locator("h1").textContent()).toBe("Herning Kommune");
    await expect.poll(() => page.locator(".key-figures").textContent()).toMatch(/pct\. omgjort/);
    expect(await page.locator("figure.neighbour-figure svg").count()).toBe(1);
    await checkPhoneAndDesktop(page, "statisk-profil");

    // A download the page links to is there, and the table view of the map is one link away.
    const csv = await page.locator('a[href*="tabel_aar-2024_kort-socialomraadet_tabel-tal.csv"]').getAttribute("href");
    expect((await page.request.get(new URL(csv!, page.url()).href)).status()).toBe(200);
    await page.getByRole("link", { name: "Se Herning på Danmarkskortet" }).click();
    await page.getByRole("link", { name: "Tabel", exact: true }).click();
    await expect.poll(() => page.locator("table.figure-table tbody tr").count()).toBeGreaterThanOrEqual(98);
    expect(failures).toEqual([]);
    await page.close();
  }, 60_000);
});
