import iconv from "iconv-lite";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ComplaintCell } from "../../src/domain/complaint-cell.js";
import type { MapFiguresResponse, MunicipalityProfileResponse } from "../../src/server/api-types.js";
import { buildApp } from "../../src/server/app.js";
import { openDatabase, type StorageConfig } from "../../src/storage/open-database.js";
import { HERNING, published2024Cells, publishedTalportalCsv, SUBJECTS_2024 } from "../rates/published-2024-cells.js";
import { runCli } from "../support/run-cli.js";
import { createPostgresDatabase, dropPostgresDatabase } from "../support/test-databases.js";

/**
 * Issue 9, "the published map and later revisions": the 2024 map as published (Herning 34 of 77 = 44,2 %)
 * is imported and marked as published; then Ankestyrelsen's later extraction, in which one Herning case
 * moved from upheld to remitted (35 of 77 = 45,5 %). Everything a person reads keeps the published figure
 * and names the revision with both figures and both dates. Both files go through the real `import`.
 */

/** The later extraction: one of Herning's upheld cases on SEL § 108 (general map, adults) is now remitted. */
function revisedCells(): ComplaintCell[] {
  return published2024Cells({ publishedNational: true }).map((c) =>
    c.municipalityCode === HERNING && c.subject === SUBJECTS_2024.otherAdults ? { ...c, counts: { ...c.counts, upheld: c.counts.upheld - 1, remitted: c.counts.remitted + 1 } } : c,
  );
}

/** Ankestyrelsen's own national row moves with the case, so the file stays consistent. */
function withNationalMove(cells: ComplaintCell[]): ComplaintCell[] {
  return cells.map((c) => (c.municipalityCode === null && c.subject === SUBJECTS_2024.otherAdults ? { ...c, counts: { ...c.counts, upheld: c.counts.upheld - 1, remitted: c.counts.remitted + 1 } } : c));
}

process.env.DANMARKSKORT_BOUNDARIES = "none";

describe.each(["pglite", "postgres"] as const)("a published map and a later revision on %s", (kind) => {
  const dir = mkdtempSync(join(tmpdir(), "danmarkskort-revision-"));
  let env: Record<string, string | undefined>;
  let storage: StorageConfig;
  let url: string | null = null;
  const cli = (...args: string[]) => runCli(args, env);

  beforeAll(async () => {
    if (kind === "postgres") {
      url = await createPostgresDatabase();
      env = { DATABASE_URL: url, DANMARKSKORT_DATA_DIR: undefined };
      storage = { kind: "postgres", url };
    } else {
      const dataDir = join(dir, "data");
      env = { DATABASE_URL: undefined, DANMARKSKORT_DATA_DIR: dataDir };
      storage = { kind: "pglite", dataDir };
    }
    const published = join(dir, "talportal-2024-offentliggjort.csv");
    const later = join(dir, "talportal-2024-september.csv");
    writeFileSync(published, iconv.encode(publishedTalportalCsv(published2024Cells({ publishedNational: true })), "latin1"));
    writeFileSync(later, iconv.encode(publishedTalportalCsv(withNationalMove(revisedCells())), "latin1"));
    const first = await cli("import", published, "--extracted", "2025-06-01", "--published");
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain("Markeret som kortet, som det blev offentliggjort, for 2024");
    const second = await cli("import", later, "--extracted", "2025-09-01");
    expect(second.code, second.stderr).toBe(0);
  }, 120_000);
  afterAll(async () => {
    if (url) await dropPostgresDatabase(url);
    rmSync(dir, { recursive: true, force: true });
  });

  async function withApp<T>(work: (inject: (path: string) => Promise<{ status: number; body: string }>) => Promise<T>): Promise<T> {
    const db = await openDatabase(storage);
    const app = await buildApp({ db, storageDescription: "test" });
    try {
      return await work(async (path) => {
        const response = await app.inject({ method: "GET", url: path });
        return { status: response.statusCode, body: response.body };
      });
    } finally {
      await app.close();
      await db.close();
    }
  }

  it("the API keeps 34 of 77 and carries the revised 35 of 77 beside it, with the version and date", async () => {
    await withApp(async (get) => {
      const map = JSON.parse((await get("/api/v1/maps/socialomraadet/2024")).body) as MapFiguresResponse;
      expect(map.datasetVersions[0]).toMatchObject({ year: 2024, fileName: "talportal-2024-offentliggjort.csv", standing: "published", extractedOn: "2025-06-01" });
      expect(map.datasetVersions[0]!.revision).toMatchObject({ fileName: "talportal-2024-september.csv", extractedOn: "2025-09-01" });
      const herning = map.municipalities.find((m) => m.municipalityCode === HERNING)!;
      expect(herning).toMatchObject({ kind: "estimate", decided: 77, reversed: 34, remitted: 30 });
      expect(herning.kind === "estimate" && herning.reversalRate).toBeCloseTo(34 / 77, 12);
      expect(herning.revised).toMatchObject({ kind: "estimate", decided: 77, reversed: 35, remitted: 31, datasetVersionId: map.datasetVersions[0]!.revision!.datasetVersionId, extractedOn: "2025-09-01" });
      // A municipality the revision did not touch carries no revised figures.
      expect(map.municipalities.find((m) => m.municipalityCode === "0101")!.revised).toBeNull();
      expect(map.national).toMatchObject({ decided: 6905, reversed: 3102, revised: { reversed: 3103 } });

      const profile = JSON.parse((await get(`/api/v1/municipalities/${HERNING}?year=2024`)).body) as MunicipalityProfileResponse;
      const year = profile.profile.maps.find((m) => m.map === "socialomraadet")!.areas.find((a) => a.area === "total")!.years.find((y) => y.year === 2024)!;
      expect(year.municipality.estimate).toMatchObject({ decided: 77, reversed: 34 });
      expect(year.municipality.revision).toMatchObject({ kind: "revised", estimate: { decided: 77, reversed: 35 } });
    });
  });

  it("the agenda item keeps 34 of 77 = 44,2 pct. and names the revision, 35 of 77 = 45,5 pct., with both dates", async () => {
    await withApp(async (get) => {
      const response = await get(`/kommuner/${HERNING}/dagsordenpunkt?aar=2024&format=html`);
      expect(response.status).toBe(200);
      const text = response.body.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
      expect(text).toContain("34 af dem blev omgjort. Det giver en omgørelsesprocent på 44,2 pct.");
      expect(text).toContain(
        "Ankestyrelsen har siden revideret tallene: I et udtræk af 1. september 2025 er Herning Kommunes omgørelsesprocent på socialområdet 45,5 pct. (35 af 77 afgørelser). Tallene her er fra danmarkskortet, som det blev offentliggjort (udtrukket 1. juni 2025): 44,2 pct. (34 af 77 afgørelser).",
      );
      expect(text).toContain("Kilde: Ankestyrelsens ankestatistik, danmarkskortet, som det blev offentliggjort: datasættet talportal-2024-offentliggjort.csv");
      expect(text).toContain("Ankestyrelsen har siden revideret tallene for 2024 i et udtræk af 1. september 2025 (datasættet talportal-2024-september.csv");
    });
  });

  it("the profile page and the map page keep 34 of 77 = 44,2 pct. and name the revision, 35 of 77 = 45,5 pct., with both dates", async () => {
    await withApp(async (get) => {
      const profile = await get(`/kommuner/${HERNING}?aar=2024`);
      expect(profile.status).toBe(200);
      const text = profile.body.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
      expect(text).toContain("Socialområdet generelt: 44,2 pct. omgjort (34 af 77 realitetsbehandlede sager");
      expect(text).toContain(
        "Ankestyrelsen har siden revideret tallet: I et udtræk af 1. september 2025 er det 45,5 pct. (35 af 77 realitetsbehandlede sager). Her vises danmarkskortet, som det blev offentliggjort (udtrukket 1. juni 2025): 44,2 pct. (34 af 77 realitetsbehandlede sager).",
      );
      // Tabel 1 keeps the published row.
      expect(text).toMatch(/Herning Kommune, i alt 77 44,2 34/);
      const map = (await get("/kort?kort=socialomraadet&aar=2024")).body.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
      expect(map).toContain("Ankestyrelsen har siden revideret tallene for 2024");
      expect(map).toContain("Herning: Ankestyrelsen har siden revideret tallet: I et udtræk af 1. september 2025 er det 45,5 pct. (35 af 77 realitetsbehandlede sager).");
      expect(map).not.toContain("København: Ankestyrelsen har siden revideret");
    });
  });

  it("rates keeps the published table and lists the revised row with both figures; json carries both", async () => {
    const table = await cli("rates", "--map", "socialomraadet", "--year", "2024", "--municipality", "Herning");
    expect(table.stdout).toMatch(/Herning \(0657\)\s+77\s+34 \(44,2\)/);
    expect(table.stdout).toContain("Tallene er kortet, som det blev offentliggjort (datasætversion 1, talportal-2024-offentliggjort.csv, udtrukket 2025-06-01).");
    expect(table.stdout).toContain("  Herning (0657): offentliggjort 34 af 77 = 44,2 %, revideret 35 af 77 = 45,5 %");
    const rows = JSON.parse((await cli("rates", "--map", "socialomraadet", "--year", "2024", "--format", "json", "--municipality", "0657")).stdout) as { municipalityCode: string | null; reversed: number; standing: string; revised: { reversed: number } | null }[];
    expect(rows.find((r) => r.municipalityCode === HERNING)).toMatchObject({ reversed: 34, standing: "published", revised: { reversed: 35 } });
  });

  it("without a published mark, the newest extraction is shown and labelled as an extraction of its date", async () => {
    expect((await cli("datasets", "unpublish", "2024")).code).toBe(0);
    try {
      await withApp(async (get) => {
        const map = JSON.parse((await get("/api/v1/maps/socialomraadet/2024")).body) as MapFiguresResponse;
        expect(map.datasetVersions[0]).toMatchObject({ fileName: "talportal-2024-september.csv", standing: "extraction", revision: null });
        expect(map.municipalities.find((m) => m.municipalityCode === HERNING)).toMatchObject({ reversed: 35, revised: null });
        const csv = (await get("/kort/tabel.csv?kort=socialomraadet&aar=2024")).body;
        expect(csv).toContain("udtræk af 2025-09-01, ikke det offentliggjorte kort");
        const item = (await get(`/kommuner/${HERNING}/dagsordenpunkt?aar=2024&format=html`)).body;
        expect(item).toContain("Kilde: Ankestyrelsens ankestatistik, et udtræk, ikke danmarkskortet, som det blev offentliggjort: datasættet talportal-2024-september.csv");
        expect(item).not.toContain("har siden revideret");
        expect((await get(`/kommuner/${HERNING}?aar=2024`)).body).not.toContain("har siden revideret");
      });
    } finally {
      expect((await cli("datasets", "publish", "1", "--year", "2024")).code).toBe(0);
    }
  });
});
