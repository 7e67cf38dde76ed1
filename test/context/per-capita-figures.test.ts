import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importStatbankFile } from "../../src/app/context/import-statbank-file.js";
import type { MunicipalityProfileResponse, MapFiguresResponse } from "../../src/server/api-types.js";
import { buildApp } from "../../src/server/app.js";
import { removeContextVersion } from "../../src/storage/context-store.js";
import { createTestDatabase, type TestDatabase } from "../support/test-databases.js";
import { NATIONAL_2024, published2024Cells, SUBJECTS_2024 } from "../rates/published-2024-cells.js";
import type { ComplaintCell } from "../../src/domain/complaint-cell.js";
import { MUNICIPALITIES } from "../../src/domain/municipality.js";
import { storeCells } from "../rates/stored-datasets.js";
import { bandPopulation, dir, folk1aLines, hand07Lines, writeCsv } from "./statbank-files.js";

/**
 * Issue 18's "done when": a FOLK1A file for 2023K1 and 2024K1 in the API's format imports; profile, API
 * and pages then divide each year by its own population in the map's band (children on the child map);
 * suppressed recipients read "diskretioneret"; removing the import falls back to the labelled rounded figures.
 */
function cells2023() {
  return published2024Cells().map((c) => ({ ...c, year: 2023 }));
}

describe("cases per 10.000 from imported Danmarks Statistik figures", () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  const folder = dir();
  let folkVersion: number;

  beforeAll(async () => {
    t = await createTestDatabase("pglite");
    await storeCells(t.db, [...cells2023(), ...published2024Cells({ publishedNational: true })]);
    app = await buildApp({ db: t.db, storageDescription: "pglite", figuresCache: { revalidateAfterMs: 0 } });
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  const profile = async () => (await app.inject({ method: "GET", url: "/api/v1/municipalities/0657" })).json() as MunicipalityProfileResponse;
  const perCapita = (p: MunicipalityProfileResponse, map: string, year: number, area = "total") => p.perTenThousand.find((r) => r.map === map && r.year === year && r.area === area)!;
  const page = async (url: string) => (await app.inject({ method: "GET", url })).body;

  it("without an import: the rounded 2024 figures for every year and map, labelled so", async () => {
    const p = await profile();
    expect(perCapita(p, "boernehandicapomraadet", 2023).municipality).toMatchObject({ basis: "rounded", band: "total", population: 90_000, populationPeriod: "2024 (afrundet)" });
    const html = await page("/kort?kort=boernehandicapomraadet&aar=2024&maal=sager-pr-10000");
    expect(html).toContain("folketallene er afrundede og fra 1. januar 2024 (afrundet, 2024)");
    expect(await page("/kommuner/0657?aar=2024")).toContain("realitetsbehandlede sager pr. 10.000 indbyggere (90.000; afrundet, 2024)");
  });

  it("after FOLK1A 2023K1+2024K1: each year its own 1 January population, children on the child map, adults 18–64 on the adult map", async () => {
    const path = writeCsv(folder, "FOLK1A.csv", folk1aLines(["2023K1", "2024K1"], "Code"));
    const outcome = await importStatbankFile(t.db, { path, source: "test", extractedOn: "2025-02-10", importedAt: new Date("2025-02-10T08:00:00Z"), dryRun: false });
    expect(outcome.analysis.errorCount).toBe(0);
    folkVersion = outcome.stored!.contextVersionId;
    expect(outcome.plausibility.map((x) => `${x.year} ${x.map}`)).toEqual([
      "2023 socialomraadet", "2023 boernehandicapomraadet", "2023 voksenhandicapomraadet",
      "2024 socialomraadet", "2024 boernehandicapomraadet", "2024 voksenhandicapomraadet",
    ]);
    const p = await profile();
    const child2024 = perCapita(p, "boernehandicapomraadet", 2024).municipality;
    const children2024 = bandPopulation("0657", 0, 17);
    // Herning, child disability map 2024: 27 decided cases (domain.md §7).
    expect(child2024).toEqual({ status: "value", perTenThousand: (27 / children2024) * 10_000, decided: 27, population: children2024, band: "0-17", labelDa: "børn 0–17 år", basis: "imported", populationPeriod: "2024K1", contextVersionId: folkVersion });
    expect(perCapita(p, "boernehandicapomraadet", 2023).municipality).toMatchObject({ population: bandPopulation("0657", 0, 17, 0.99), populationPeriod: "2023K1" });
    expect(perCapita(p, "voksenhandicapomraadet", 2024).municipality).toMatchObject({ band: "18-64", population: bandPopulation("0657", 18, 64), perTenThousand: (5 / bandPopulation("0657", 18, 64)) * 10_000 });
    expect(perCapita(p, "socialomraadet", 2024).municipality).toMatchObject({ band: "total", population: bandPopulation("0657", 0, 125), decided: 77 });
    expect(perCapita(p, "socialomraadet", 2024, "children").municipality).toMatchObject({ band: "0-17", decided: 49 });
    expect(perCapita(p, "socialomraadet", 2024, "adults").municipality).toMatchObject({ band: "18+", decided: 28 });

    const map = (await app.inject({ method: "GET", url: "/api/v1/maps/boernehandicapomraadet/2024" })).json() as MapFiguresResponse;
    expect(map.perTenThousand.municipalities.find((m) => m.municipalityCode === "0657")).toMatchObject({ population: children2024, populationPeriod: "2024K1" });

    const html = await page("/kort?kort=boernehandicapomraadet&aar=2024&maal=sager-pr-10000&visning=tabel");
    expect(html).toContain("Sager pr. 10.000 børn 0–17 år, børnehandicapområdet, 2024");
    expect(html).toContain("På dette kort deles med børn 0–17 år i kommunen den 1. januar i dataåret (Danmarks Statistik, FOLK1A, 2024K1).");
    expect(html).toContain("Folketal: Danmarks Statistik, FOLK1A, 2024K1 (folketal 1. januar 2024, børn 0–17 år), udtrukket 2025-02-10");
    const csv = await page("/kort/tabel.csv?kort=boernehandicapomraadet&aar=2024&maal=sager-pr-10000");
    const herning = csv.split("\r\n").find((l) => l.startsWith("Herning;"))!.split(";");
    expect(csv.split("\r\n")[0]!.split(";").slice(2, 5)).toEqual(["Realitetsbehandlede sager", "Børn 0–17 år", "Sager pr. 10.000 børn 0–17 år"]);
    expect(herning.slice(2, 5)).toEqual(["27", new Intl.NumberFormat("da-DK").format(children2024), new Intl.NumberFormat("da-DK", { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format((27 / children2024) * 10_000)]);
    expect(await page("/kommuner/0657?aar=2023")).toContain(`sager pr. 10.000 børn 0–17 år (${new Intl.NumberFormat("da-DK").format(bandPopulation("0657", 0, 17, 0.99))}; folketal 1. januar 2023, FOLK1A 2023K1)`);
  });

  it("recipients beside the adult map's rate: suppressed cells read diskretioneret, never 0, on map, table, profile and API", async () => {
    const outcome = await importStatbankFile(t.db, { path: writeCsv(folder, "HAND07.csv", hand07Lines("2023K4")), source: null, extractedOn: null, importedAt: new Date("2025-02-11T08:00:00Z"), dryRun: false });
    expect(outcome.analysis.suppressedCount).toBe(6);
    const laesoe = (await app.inject({ method: "GET", url: "/api/v1/municipalities/0825?year=2024" })).json() as MunicipalityProfileResponse;
    const lines = laesoe.recipients.find((r) => r.map === "voksenhandicapomraadet")!.lines;
    expect(lines.map((l) => [l.labelDa, l.status, l.count, l.period])).toEqual([
      ["§ 95", "suppressed", null, "2023K4"],
      ["§ 96", "suppressed", null, "2023K4"],
      ["§ 97", "value", 3, "2023K4"],
    ]);
    const profileHtml = await page("/kommuner/0825?aar=2024");
    expect(profileHtml).toContain("Modtagere i 2023K4 (Danmarks Statistik, HAND07): § 95: diskretioneret, § 96: diskretioneret, § 97: 3 (hver ydelse for sig; en borger kan modtage flere); § 100 (merudgifter) er ikke med i Danmarks Statistiks tabel.");
    const csv = await page("/kort/tabel.csv?kort=voksenhandicapomraadet&aar=2024");
    const header = csv.split("\r\n")[0]!.split(";");
    const at = header.indexOf("Modtagere § 95 (HAND07, 2023K4)");
    expect(at).toBeGreaterThan(0);
    expect(csv.split("\r\n").find((l) => l.startsWith("Læsø;"))!.split(";")[at]).toBe("diskretioneret");
    const mapHtml = await page("/kort?kort=voksenhandicapomraadet&aar=2024");
    expect(mapHtml).toMatch(/Læsø: [^"]*Modtagere i 2023K4 \(Danmarks Statistik, HAND07\): § 95: diskretioneret/);
    // The agenda item: the year's own children 0–17 on the child map, and the suppressed recipients as such.
    const report = await page("/kommuner/0825/dagsordenpunkt?aar=2024&format=md");
    expect(report).toContain("Modtagere i 2023K4 (Danmarks Statistik, HAND07): § 95: diskretioneret, § 96: diskretioneret, § 97: 3");
    expect(report).toContain(`pr. ${new Intl.NumberFormat("da-DK").format(bandPopulation("0825", 0, 17))} børn 0–17 år den 1. januar 2024`);
  });

  it("HAND06 (per 1.000 inhabitants) stands beside HAND07 with one decimal, on profile, table and API", async () => {
    const lines = ["OMRÅDE;YDELSESTYPE;TID;INDHOLD", "Herning;Ledsageordning (§ 97 i lov om social service);2023K4;1,5", "Herning;Borgerstyret personlig assistance (§ 96 i lov om social service);2023K4;..", "Læsø;Ledsageordning (§ 97 i lov om social service);2023K4;2,3"];
    const outcome = await importStatbankFile(t.db, { path: writeCsv(folder, "HAND06.csv", lines), source: null, extractedOn: null, importedAt: new Date("2025-02-12T08:00:00Z"), dryRun: false });
    expect(outcome.analysis.errorCount).toBe(0);
    const herning = (await app.inject({ method: "GET", url: "/api/v1/municipalities/0657?year=2024" })).json() as MunicipalityProfileResponse;
    // One entry per table: HAND07's counts, then HAND06's rates.
    const rates = herning.recipients.filter((r) => r.map === "voksenhandicapomraadet").flatMap((r) => r.lines).filter((l) => l.table === "HAND06");
    expect(rates.map((l) => [l.labelDa, l.unit, l.status, l.count])).toEqual([
      ["§ 96", "per-1000", "suppressed", null],
      ["§ 97", "per-1000", "value", 1.5],
    ]);
    expect(await page("/kommuner/0657?aar=2024")).toContain("Modtagere pr. 1.000 indbyggere i 2023K4 (Danmarks Statistik, HAND06): § 96: diskretioneret, § 97: 1,5 (hver ydelse for sig; en borger kan modtage flere)");
    const csv = await page("/kort/tabel.csv?kort=voksenhandicapomraadet&aar=2024");
    const header = csv.split("\r\n")[0]!.split(";");
    const at = header.indexOf("Modtagere pr. 1.000 indbyggere § 97 (HAND06, 2023K4)");
    expect(at).toBeGreaterThan(0);
    expect(csv.split("\r\n").find((l) => l.startsWith("Læsø;"))!.split(";")[at]).toBe("2,3");
  });

  it("removing the FOLK1A import falls back to the labelled rounded figures", async () => {
    expect(await removeContextVersion(t.db, folkVersion)).toBe(true);
    const p = await profile();
    expect(perCapita(p, "boernehandicapomraadet", 2024).municipality).toMatchObject({ basis: "rounded", band: "total", population: 90_000 });
    expect(await page("/kort?kort=boernehandicapomraadet&aar=2024&maal=sager-pr-10000")).toContain("(afrundet, 2024)");
  });
});

/** Cells whose decided cases are proportional to each municipality's population (the national 2024 rates spread by size). */
function proportionalCells(year: number): ComplaintCell[] {
  const total = MUNICIPALITIES.reduce((sum, m) => sum + bandPopulation(m.code, 0, 125), 0);
  return (Object.keys(SUBJECTS_2024) as (keyof typeof SUBJECTS_2024)[]).flatMap((part) => {
    const [d, c, r] = NATIONAL_2024[part];
    return MUNICIPALITIES.map((m) => {
      const decided = Math.max(1, Math.round((d * bandPopulation(m.code, 0, 125)) / total));
      const changed = Math.round((decided * c) / d);
      const remitted = Math.min(decided - changed, Math.round((decided * r) / d));
      return { municipalityCode: m.code, subject: SUBJECTS_2024[part], law: "Serviceloven", year, counts: { upheld: decided - changed - remitted, changed, remitted, rejected: 0 } };
    });
  });
}

describe("the plausibility check after a population import", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase("pglite");
    await storeCells(t.db, proportionalCells(2024));
  });
  afterAll(() => t?.drop());

  it("warns about København when its population is a hundred times too large, and about nobody with the right file", async () => {
    const folder = dir();
    const run = (name: string, lines: string[], dryRun = false) =>
      importStatbankFile(t.db, { path: writeCsv(folder, name, lines), source: null, extractedOn: null, importedAt: new Date("2025-02-12T08:00:00Z"), dryRun });
    const dry = await run("FOLK1A-fejl.csv", folk1aLines(["2024K1"], "Code", { scaleOf: (c) => (c === "0101" ? 100 : 1) }), true);
    expect([dry.stored, dry.plausibility]).toEqual([null, []]);
    const wrong = await run("FOLK1A-fejl.csv", folk1aLines(["2024K1"], "Code", { scaleOf: (c) => (c === "0101" ? 100 : 1) }));
    expect(wrong.plausibility.map((p) => [p.map, p.result.flags.map((f) => `${f.code} ${f.direction}`)])).toEqual([
      ["socialomraadet", ["0101 low"]],
      ["boernehandicapomraadet", ["0101 low"]],
      ["voksenhandicapomraadet", ["0101 low"]],
    ]);
    await removeContextVersion(t.db, wrong.stored!.contextVersionId);
    const right = await run("FOLK1A.csv", folk1aLines(["2024K1"], "Code"));
    expect(right.plausibility.flatMap((p) => p.result.flags)).toEqual([]);
    expect(right.plausibility).toHaveLength(3);
  });
});
