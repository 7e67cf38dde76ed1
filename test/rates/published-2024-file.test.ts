import iconv from "iconv-lite";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.js";
import { formatInteger, formatPercent } from "../../src/domain/format-danish-number.js";
import type { FigureRecord } from "../../src/domain/figure-record.js";
import type { MapFiguresResponse } from "../../src/server/api-types.js";
import { buildApp } from "../../src/server/app.js";
import { openDatabase } from "../../src/storage/open-database.js";
import { HERNING, published2024Cells, publishedTalportalCsv } from "./published-2024-cells.js";

/**
 * Issue 4, item 6: a file in the talportal's export layout (domain.md §4: `;`-separated, latin1, columns
 * `Kommune;Lovgivning;Sagsemne;periode;` and the measures, national row "Hele landet") whose totals equal the
 * published 2024 figures goes through the real `import` and `rates` commands and the real API, and the
 * tables for the country and Herning come out exactly as published. The expected figures are read from
 * ../shared/data/published-figures.csv (source: Herning's Handicapråd, referat 2025-08-28, Tabel 1–3), not
 * written again here.
 */

const publishedCsv = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "shared", "data", "published-figures.csv");

type PublishedRow = { code: string | null; map: string; area: string; decided: number; reversed: [number, string]; changed: [number, string]; remitted: [number, string] };

/** The 2024 rows for the country and Herning; percentages as the file has them (44.9), shown Danish (44,9). */
function readPublished2024(): PublishedRow[] {
  const [header, ...lines] = readFileSync(publishedCsv, "utf8").trim().split(/\r?\n/);
  const columns = header!.split(",");
  const col = (cells: string[], name: string) => cells[columns.indexOf(name)]!;
  const pct = (text: string) => Number(text).toFixed(1).replace(".", ",");
  return lines
    .map((line) => line.split(","))
    .filter((cells) => col(cells, "year") === "2024" && (col(cells, "scope") === "Landsplan" || col(cells, "kommunekode") === HERNING))
    .map((cells) => ({
      code: col(cells, "kommunekode") || null,
      map: { social: "socialomraadet", boernehandicap: "boernehandicapomraadet", voksenhandicap: "voksenhandicapomraadet" }[col(cells, "map")]!,
      area: { i_alt: "total", boern: "children", voksen: "adults" }[col(cells, "area")]!,
      decided: Number(col(cells, "decisions")),
      reversed: [Number(col(cells, "omgjort_n")), pct(col(cells, "omgjort_pct"))],
      changed: [Number(col(cells, "aendret_n")), pct(col(cells, "aendret_pct"))],
      remitted: [Number(col(cells, "hjemvist_n")), pct(col(cells, "hjemvist_pct"))],
    }));
}

const escape = (text: string) => text.replace(/[.()]/g, "\\$&");

const cli = (...args: string[]) => runCli(args);

describe("the published 2024 tables, from a talportal file through import, rates and the API", () => {
  const dir = mkdtempSync(join(tmpdir(), "danmarkskort-published-2024-"));
  const dataDir = join(dir, "data");
  const saved = { ...process.env };
  const published = readPublished2024();

  beforeAll(async () => {
    const file = join(dir, "talportal-2024.csv");
    writeFileSync(file, iconv.encode(publishedTalportalCsv(published2024Cells({ publishedNational: true })), "latin1"));
    delete process.env.DATABASE_URL;
    process.env.DANMARKSKORT_DATA_DIR = dataDir;
    const imported = await cli("import", file, "--extracted", "2025-06-10", "--source", "testfil i talportalens eksportformat");
    expect(imported.stderr).toBe("");
    expect(imported.code).toBe(0);
  });
  afterAll(() => {
    process.env = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  it("has the ten published rows to check (country and Herning: three maps, children and adults)", () => {
    expect(published).toHaveLength(10);
  });

  it("prints every published row with `rates --format table`, digit for digit", async () => {
    for (const row of published) {
      const { code, stdout } = await cli("rates", "--map", row.map, "--year", "2024", "--area", row.area, "--municipality", HERNING);
      expect(code).toBe(0);
      const label = row.code === null ? "Hele landet" : `Herning (${HERNING})`;
      const line = stdout.split("\n").find((l) => l.startsWith(label));
      const [reversed, changed, remitted] = [row.reversed, row.changed, row.remitted].map(([n, p]) => escape(`${formatInteger(n)} (${p})`));
      // Columns: decided, reversed (%), 95 % interval, changed (%), remitted (%).
      const expected = new RegExp(`^${escape(label)}\\s+${escape(formatInteger(row.decided))}\\s+${reversed}\\s+\\S+\\s+${changed}\\s+${remitted}(\\s|$)`);
      expect(line, `${row.map} ${row.area} ${label}`).toMatch(expected);
    }
  });

  it("gives the same counts and rates in the API, and the national row matches Ankestyrelsen's own", async () => {
    const db = await openDatabase({ kind: "pglite", dataDir });
    const app = await buildApp({ db, storageDescription: "test" });
    try {
      for (const row of published) {
        const response = await app.inject({ method: "GET", url: `/api/v1/maps/${row.map}/2024?area=${row.area}` });
        expect(response.statusCode).toBe(200);
        const body = response.json() as MapFiguresResponse;
        const record = (row.code === null ? body.national : body.municipalities.find((m) => m.municipalityCode === row.code)!) as FigureRecord;
        if (record.kind !== "estimate") throw new Error(`forventede et estimat for ${row.map} ${row.area}`);
        expect([record.decided, record.reversed, record.changed, record.remitted]).toEqual([row.decided, row.reversed[0], row.changed[0], row.remitted[0]]);
        expect([formatPercent(record.reversalRate), formatPercent(record.changedRate), formatPercent(record.remittedRate)]).toEqual([row.reversed[1], row.changed[1], row.remitted[1]]);
        if ("publishedNational" in record) expect(record.publishedNational.kind).toBe("match");
        expect(body.datasetVersions[0]).toMatchObject({ year: 2024, fileName: "talportal-2024.csv", extractedOn: "2025-06-10", isDemo: false });
      }
    } finally {
      await app.close();
      await db.close();
    }
  });
});
