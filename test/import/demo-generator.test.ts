import { describe, expect, it } from "vitest";
import iconv from "iconv-lite";
import { DEFAULT_MAP_RULES } from "../../src/domain/map-rules.js";
import { decidedOf, addCounts, ZERO_COUNTS } from "../../src/domain/outcome.js";
import { asMunicipalityCode, MUNICIPALITIES } from "../../src/domain/municipality.js";
import { POPULATION_BY_CODE } from "../../src/domain/registry/population-data.js";
import { indexCellTotals } from "../../src/domain/cell-totals.js";
import { analyseImportFile } from "../../src/importers/analyse-import-file.js";
import { DEFAULT_DEMO_SEED, generateDemoTalportalCsv } from "../../src/importers/demo/generate-demo-talportal-csv.js";
import { allocateExactly, createSeededRandom } from "../../src/importers/demo/seeded-random.js";
import { summariseClassification } from "../../src/importers/summarise-classification.js";
import { fixtureDir, writeFixture } from "./import-fixtures.js";

const text = generateDemoTalportalCsv({ seed: DEFAULT_DEMO_SEED });
const analysis = await analyseImportFile({ path: writeFixture(fixtureDir(), "demo.csv", iconv.encode(text, "latin1")) });
const totals = indexCellTotals(analysis.cells, DEFAULT_MAP_RULES);

describe("demo data set", () => {
  it("is deterministic per seed and different between seeds", () => {
    expect(generateDemoTalportalCsv({ seed: DEFAULT_DEMO_SEED })).toBe(text);
    expect(generateDemoTalportalCsv({ seed: 1 })).not.toBe(text);
  });

  it("is a clean talportal CSV export (layout a) for 2016–2025 that imports without any issue", () => {
    expect(analysis).toMatchObject({ layout: "talportal-export", encoding: "latin1", errorCount: 0, warningCount: 0 });
    expect([...new Set(analysis.cells.map((c) => c.year))].sort()).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    const summary = summariseClassification(analysis.cells, DEFAULT_MAP_RULES);
    expect(summary.unclassified).toEqual([]);
    expect(summary.outsideMaps).toEqual([]);
  });

  it("has the published national 2024 totals on all three maps and both areas (domain.md §7)", () => {
    const national = (map: "socialomraadet" | "boernehandicapomraadet" | "voksenhandicapomraadet", area: "total" | "children" | "adults") => {
      const municipal = MUNICIPALITIES.reduce((s, m) => addCounts(s, totals.counts(2024, map, area, m.code) ?? ZERO_COUNTS), ZERO_COUNTS);
      // The "Hele landet" row is the exact sum of the 98.
      expect(totals.counts(2024, map, area, null)).toEqual(municipal);
      return [decidedOf(municipal), municipal.changed, municipal.remitted];
    };
    expect(national("socialomraadet", "total")).toEqual([6905, 491, 2611]);
    expect(national("socialomraadet", "children")).toEqual([3619, 341, 1259]);
    expect(national("socialomraadet", "adults")).toEqual([3286, 150, 1352]);
    expect(national("boernehandicapomraadet", "total")).toEqual([1881, 143, 776]);
    expect(national("voksenhandicapomraadet", "total")).toEqual([532, 24, 191]);
  });

  it("has Herning's published 2024 figures (domain.md §7)", () => {
    const herning = (map: "socialomraadet" | "boernehandicapomraadet" | "voksenhandicapomraadet", area: "total" | "children" | "adults") => {
      const c = totals.counts(2024, map, area, asMunicipalityCode("0657"))!;
      return [decidedOf(c), c.changed, c.remitted];
    };
    expect(herning("socialomraadet", "total")).toEqual([77, 4, 30]);
    expect(herning("socialomraadet", "children")).toEqual([49, 3, 19]);
    expect(herning("socialomraadet", "adults")).toEqual([28, 1, 11]);
    expect(herning("boernehandicapomraadet", "total")).toEqual([27, 1, 10]);
    expect(herning("voksenhandicapomraadet", "total")).toEqual([5, 1, 0]);
  });

  it("scales volumes with population: small municipalities get small numbers, large ones large", () => {
    const decidedIn = (code: string, year: number) =>
      analysis.cells.filter((c) => c.municipalityCode === code && c.year === year).reduce((s, c) => s + decidedOf(c.counts), 0);
    for (const year of [2016, 2020, 2024]) {
      expect(decidedIn("0825", year)).toBeLessThan(10); // Læsø, about 1.800 inhabitants
      expect(decidedIn("0101", year)).toBeGreaterThan(500); // København
    }
    // Across all 98, cases per inhabitant stay within a plausible band around the national ratio.
    const all = MUNICIPALITIES.map((m) => ({ pop: POPULATION_BY_CODE[m.code]!, n: decidedIn(m.code, 2024) }));
    const big = all.filter((x) => x.pop > 50_000);
    const ratio = all.reduce((s, x) => s + x.n, 0) / all.reduce((s, x) => s + x.pop, 0);
    for (const x of big) expect(x.n / x.pop / ratio).toBeGreaterThan(0.3);
    for (const x of big) expect(x.n / x.pop / ratio).toBeLessThan(3);
  });

  it("allocateExactly keeps the exact total and the proportions", () => {
    const random = createSeededRandom(3);
    const parts = allocateExactly(1000, [1, 2, 7], random);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(parts).toEqual([100, 200, 700]);
    const small = allocateExactly(1, [1, 1, 1, 1], random);
    expect(small.reduce((a, b) => a + b, 0)).toBe(1);
  });
});
