import ExcelJS from "exceljs";
import { JSDOM } from "jsdom";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWebTestServer } from "./web-test-server.js";

/**
 * Issue 5, point 6: every download on the map page and the profile returns a correct file with its source
 * line (dataset version, extraction date, demo flag). The files are fetched from the running server and
 * parsed: CSV as Danish spreadsheets read it, XLSX with exceljs, SVG as XML, PNG from the browser.
 */
let server: Awaited<ReturnType<typeof startWebTestServer>>;
let page: Page;

beforeAll(async () => {
  server = await startWebTestServer();
  page = await server.browser.newPage({ viewport: { width: 1200, height: 900 }, acceptDownloads: true });
});
afterAll(async () => server?.stop());

const SOURCE = /^Kilde: Ankestyrelsens ankestatistik, datasætversion \d+ \(demodata-talportal-seed-[^)]+\.csv\), udtræksdato ukendt\. DEMODATA – IKKE ANKESTYRELSENS TAL\./;

async function get(path: string): Promise<{ status: number; type: string; disposition: string; body: Buffer }> {
  const response = await fetch(server.baseUrl + path);
  return { status: response.status, type: response.headers.get("content-type") ?? "", disposition: response.headers.get("content-disposition") ?? "", body: Buffer.from(await response.arrayBuffer()) };
}

/** Splits our CSV (semicolon, quotes doubled, CRLF, BOM) into rows of fields. */
function parseCsv(text: string): string[][] {
  expect(text.startsWith("\ufeff")).toBe(true);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 1; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ";") {
      row.push(field);
      field = "";
    }
    else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  return rows;
}

async function readXlsx(body: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (r) => rows.push((r.values as unknown[]).slice(1)));
  return rows;
}

function parseSvg(body: Buffer): Document {
  const text = body.toString("utf8");
  expect(text.startsWith("<svg")).toBe(true);
  // The XML parser rejects what is not well-formed, so a broken file fails here.
  const document = new JSDOM(text, { contentType: "image/svg+xml" }).window.document;
  expect(document.querySelector("parsererror")).toBeNull();
  return document;
}

const svgText = (doc: Document) => [...doc.querySelectorAll("text")].map((t) => t.textContent).join(" ");

describe("map page downloads", () => {
  it("gives the table as CSV: 98 municipalities and the country, Danish numbers, the source line last", async () => {
    const file = await get("/kort/tabel.csv?kort=socialomraadet&aar=2024&omraade=i-alt&maal=omgoerelse&visning=tabel");
    expect(file.status).toBe(200);
    expect(file.type).toBe("text/csv; charset=utf-8");
    expect(file.disposition).toBe('attachment; filename="danmarkskort-socialomraadet-2024-i-alt.csv"');
    const rows = parseCsv(file.body.toString("utf8"));
    expect(rows[0]!.slice(0, 4)).toEqual(["Kommune", "Kommunekode", "Realitetsbehandlede sager", "Omgjort, pct."]);
    const data = rows.slice(1).filter((r) => r.length > 1);
    expect(data).toHaveLength(99);
    expect(data[0]!.slice(0, 5)).toEqual(["Hele landet", "", "6.905", "44,9", "3.102"]);
    expect(new Set(data.slice(1).map((r) => r[1])).size).toBe(98);
    expect(data.find((r) => r[1] === "0657")!.slice(0, 6)).toEqual(["Herning", "0657", "77", "44,2", "34", "33,6–55,3"]);
    expect(rows.at(-1)![0]).toMatch(SOURCE);
  });

  it("gives the same table as XLSX with numbers as numbers and the source line", async () => {
    const file = await get("/kort/tabel.xlsx?kort=socialomraadet&aar=2024");
    expect(file.status).toBe(200);
    expect(file.body.subarray(0, 2).toString()).toBe("PK");
    const rows = await readXlsx(file.body);
    expect(rows[0]![0]).toBe("Omgørelsesprocent, socialområdet generelt, 2024");
    expect(rows[1]![0]).toBe("Kommune");
    const herning = rows.find((r) => r[1] === "0657")!;
    expect(herning.slice(0, 5)).toEqual(["Herning", "0657", 77, 44.2, 34]);
    expect(rows.filter((r) => typeof r[1] === "string" && /^\d{4}$/.test(r[1])).length).toBe(98);
    expect(String(rows.at(-1)![0])).toMatch(SOURCE);
  });

  it("gives the map as SVG with the 98 municipalities, legend and source line, on both geometries", async () => {
    for (const geometry of ["geografisk", "felter"]) {
      const file = await get(`/kort/kort.svg?aar=2024&geometri=${geometry}`);
      expect(file.status).toBe(200);
      expect(file.type).toBe("image/svg+xml; charset=utf-8");
      const doc = parseSvg(file.body);
      const codes = [...doc.querySelectorAll("a[data-municipality]")].map((a) => a.getAttribute("data-municipality"));
      expect(new Set(codes).size).toBe(98);
      expect(doc.documentElement.getAttribute("data-geometry")).toBe(geometry === "felter" ? "tile" : "geographic");
      const text = svgText(doc);
      expect(text).toContain("Omgørelsesprocent, socialområdet generelt, 2024");
      expect(text).toContain("40,0 til under 50,0 pct.");
      expect(text).toContain("Ingen data");
      expect(text).toContain("DEMODATA – IKKE ANKESTYRELSENS TAL.");
    }
  });

  it("gives the funnel plot as SVG with a point per municipality with cases and the source line", async () => {
    const file = await get("/kort/tragt.svg?aar=2024&visning=tragt");
    expect(file.status).toBe(200);
    const doc = parseSvg(file.body);
    expect(doc.querySelectorAll("a[data-municipality]")).toHaveLength(98);
    expect(svgText(doc)).toMatch(/Kilde: Ankestyrelsens ankestatistik, datasætversion \d+/);
  });

  it("offers cases per 10.000 inhabitants with the population and its source in table, map and file", async () => {
    const csv = parseCsv((await get("/kort/tabel.csv?aar=2024&maal=sager-pr-10000")).body.toString("utf8"));
    expect(csv[0]!.slice(2, 5)).toEqual(["Realitetsbehandlede sager", "Indbyggere", "Sager pr. 10.000 indbyggere"]);
    // Herning: 77 decided cases, 90.000 inhabitants (rounded FOLK1A) → 8,6 per 10.000.
    expect(csv.find((r) => r[1] === "0657")!.slice(2, 5)).toEqual(["77", "90.000", "8,6"]);
    expect(csv.at(-1)![0]).toContain("Folketal: Danmarks Statistik, FOLK1A");
    const doc = parseSvg((await get("/kort/kort.svg?aar=2024&maal=sager-pr-10000")).body);
    const herning = doc.querySelector('a[data-municipality="0657"]')!.getAttribute("aria-label");
    expect(herning).toBe(
      "Herning: 8,6 sager pr. 10.000 indbyggere (77 realitetsbehandlede sager, 90.000 indbyggere); omgørelsesprocent 44,2 pct. (34 af 77 realitetsbehandlede sager). Omgørelsesprocentens 95 %-interval: 33,6–55,3 pct. Sammenlignet med landsplan: inden for 95 %-grænserne omkring landsplan.",
    );
    expect(svgText(doc)).toContain("Farvernes grænser er 50, 75, 100, 125 og 150 % af landsniveauet");
  });

  it("answers every download link on the map, table and funnel views with a file", async () => {
    for (const view of ["kort", "tabel", "tragt"]) {
      const html = await (await fetch(`${server.baseUrl}/kort?aar=2024&visning=${view}`)).text();
      const links = [...new JSDOM(html).window.document.querySelectorAll("a[download]")].map((a) => a.getAttribute("href")!);
      expect(links.length).toBeGreaterThanOrEqual(view === "tabel" ? 2 : 3);
      for (const href of links) {
        const file = await get(href);
        expect(file.status, href).toBe(200);
        expect(file.disposition, href).toMatch(/^attachment; filename="[^"]+\.(csv|xlsx|svg)"$/);
        expect(file.body.length, href).toBeGreaterThan(200);
      }
    }
  });
});

describe("profile downloads", () => {
  it("gives each of the profile's tables as CSV and XLSX with the source line", async () => {
    const html = await (await fetch(`${server.baseUrl}/kommuner/0657?aar=2024`)).text();
    const links = [...new JSDOM(html).window.document.querySelectorAll("a[download]")].map((a) => a.getAttribute("href")!);
    const tables = links.filter((h) => /\/tabel\.(csv|xlsx)\?/.test(h));
    // Three maps × (Tabel 1–3, neighbours, subjects) × two formats.
    expect(tables).toHaveLength(3 * 3 * 2);
    for (const href of tables) {
      const file = await get(href);
      expect(file.status, href).toBe(200);
      if (href.includes(".csv?")) {
        const rows = parseCsv(file.body.toString("utf8"));
        expect(rows.length, href).toBeGreaterThan(3);
        expect(rows.at(-1)![0], href).toMatch(SOURCE);
      } else {
        const rows = await readXlsx(file.body);
        expect(String(rows.at(-1)![0]), href).toMatch(SOURCE);
      }
    }
    const tal = parseCsv((await get("/kommuner/0657/tabel.csv?kort=socialomraadet&aar=2024&tabel=tal")).body.toString("utf8"));
    expect(tal.find((r) => r[0] === "Herning Kommune, i alt")).toEqual(["Herning Kommune, i alt", "77", "44,2", "34", "33,6–55,3", "5,2", "4", "39,0", "30"]);
    const neighbours = await readXlsx((await get("/kommuner/0657/tabel.xlsx?kort=socialomraadet&aar=2024&tabel=naboer")).body);
    expect(neighbours[1]!.slice(0, 3)).toEqual(["Kommune", "2021, omgjort pct.", "2021, sager"]);
    // The rate and its number of cases are both numbers in the spreadsheet.
    expect(neighbours.find((r) => r[0] === "Herning")!.slice(-2)).toEqual([44.2, 77]);
    const subjects = parseCsv((await get("/kommuner/0657/tabel.csv?kort=socialomraadet&aar=2024&tabel=emner")).body.toString("utf8"));
    expect(subjects[0]).toEqual(["Sagsemne", "Lov", "Realitetsbehandlede", "Omgjort, antal", "Omgjort, pct.", "Ændret/ophævet, antal", "Hjemvist, antal"]);
    const decided = subjects.slice(1).filter((r) => r.length === 7).reduce((sum, r) => sum + Number(r[2]!.replace(".", "")), 0);
    expect(decided).toBe(77);
  });

  it("answers an unknown map on the map page and its downloads with a Danish 400", async () => {
    for (const path of ["/kort?kort=findes-ikke", "/kort/tabel.csv?kort=findes-ikke", "/kort/kort.svg?geometri=rund"]) {
      const file = await get(path);
      expect(file.status, path).toBe(400);
      expect(file.body.toString("utf8"), path).toMatch(/Adressen kan ikke vises.*(Ukendt kort &quot;findes-ikke&quot; \(parameter kort\)|Ukendt korttype &quot;rund&quot;)/s);
    }
  });

  it("rejects an unknown table with a Danish message", async () => {
    const file = await get("/kommuner/0657/tabel.csv?tabel=findes-ikke");
    expect(file.status).toBe(400);
    expect(file.body.toString("utf8")).toContain("Ukendt tabel");
  });

  it("gives the trend charts and the neighbour map as SVG with the source line", async () => {
    for (const map of ["socialomraadet", "boernehandicapomraadet", "voksenhandicapomraadet"]) {
      const doc = parseSvg((await get(`/kommuner/0657/udvikling.svg?kort=${map}&aar=2024`)).body);
      expect(svgText(doc)).toMatch(/Kilde: Ankestyrelsens ankestatistik, datasætversion \d+/);
      expect(doc.querySelectorAll("circle").length).toBeGreaterThan(5);
    }
    const doc = parseSvg((await get("/kommuner/0657/naboer.svg?aar=2024")).body);
    expect(doc.querySelectorAll("[data-municipality]")).toHaveLength(98);
    // The source line wraps onto several <text> lines under the map.
    expect(svgText(doc).replace(/\s+/g, " ")).toMatch(new RegExp(SOURCE.source.slice(1)));
  });
});

describe("PNG downloads (drawn in the browser from the page's SVG)", () => {
  /** Width and height from the PNG's IHDR chunk, after checking the 8-byte signature. */
  function pngSize(bytes: Buffer): { width: number; height: number } {
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.subarray(12, 16).toString("ascii")).toBe("IHDR");
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  }

  async function downloadPng(buttonSelector: string): Promise<{ name: string; bytes: Buffer; svgWidth: number }> {
    const button = page.locator(buttonSelector);
    await button.waitFor({ state: "visible" });
    const svgWidth = await page.evaluate(async (sel) => {
      const { pngFrom, pngSrc } = document.querySelector<HTMLButtonElement>(sel)!.dataset;
      if (pngSrc) return Number(new DOMParser().parseFromString(await (await fetch(pngSrc)).text(), "image/svg+xml").documentElement.getAttribute("width"));
      return Number(document.querySelector(pngFrom!)!.getAttribute("width"));
    }, buttonSelector);
    const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
    const path = await download.path();
    const { readFileSync } = await import("node:fs");
    return { name: download.suggestedFilename(), bytes: readFileSync(path), svgWidth };
  }

  it("saves the map and the funnel plot as PNG at twice their size, not blank", async () => {
    await page.goto(`${server.baseUrl}/kort?aar=2024`);
    await page.waitForSelector("html[data-map-ready]");
    // The map's PNG is drawn from the downloadable SVG file, which has the legend and source line.
    const map = await downloadPng("button[data-png-src^='/kort/kort.svg?']");
    expect(map.name).toBe("danmarkskort-socialomraadet-2024-i-alt-omgoerelse.png");
    expect(pngSize(map.bytes).width).toBe(map.svgWidth * 2);
    // A drawn map compresses far worse than an empty white canvas of the same size (a few KB).
    expect(map.bytes.length).toBeGreaterThan(50_000);

    await page.goto(`${server.baseUrl}/kort?aar=2024&visning=tragt`);
    await page.waitForSelector("html[data-map-ready]");
    const funnel = await downloadPng("button[data-png-from='svg.funnel-plot']");
    expect(funnel.name).toBe("danmarkskort-socialomraadet-2024-i-alt-tragtplot.png");
    expect(pngSize(funnel.bytes).width).toBe(funnel.svgWidth * 2);
    expect(funnel.bytes.length).toBeGreaterThan(20_000);
  });

  it("saves the profile's trend chart and neighbour map as PNG", async () => {
    await page.goto(`${server.baseUrl}/kommuner/0657?aar=2024`);
    await page.waitForSelector("html[data-page-ready]");
    const trend = await downloadPng("button[data-png-from='#trend-socialomraadet svg']");
    expect(trend.name).toBe("0657-socialomraadet-udvikling.png");
    expect(pngSize(trend.bytes).width).toBe(trend.svgWidth * 2);
    const neighbours = await downloadPng("button[data-png-from='.neighbour-figure svg']");
    expect(neighbours.name).toBe("0657-naboer.png");
    expect(pngSize(neighbours.bytes).width).toBe(neighbours.svgWidth * 2);
    expect(neighbours.bytes.length).toBeGreaterThan(20_000);
  });
});
