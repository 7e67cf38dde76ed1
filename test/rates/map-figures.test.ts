import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { indexCellTotals } from "../../src/domain/cell-totals.js";
import type { ComplaintCell } from "../../src/domain/complaint-cell.js";
import { formatInteger, formatPercent } from "../../src/domain/format-danish-number.js";
import { buildMapFigures, type MunicipalityFigureRow } from "../../src/domain/map-figures.js";
import { asMunicipalityCode, MUNICIPALITIES } from "../../src/domain/municipality.js";
import { addCounts, ZERO_COUNTS } from "../../src/domain/outcome.js";
import type { RateEstimate } from "../../src/domain/rate-estimate.js";
import { missingReasonDa } from "../../src/domain/missing-reason-da.js";
import { HERNING, published2024Cells, SUBJECTS_2024 } from "./published-2024-cells.js";

function estimateOf(e: RateEstimate) {
  if (e.kind !== "estimate") throw new Error(`forventede et estimat, fik ${e.kind}`);
  return e;
}

function herning(rows: readonly MunicipalityFigureRow[]): MunicipalityFigureRow {
  return rows.find((r) => r.municipalityCode === HERNING)!;
}

/** The published table look: "n (pct)" per measure, Danish format. */
function publishedLook(e: RateEstimate): string[] {
  const x = estimateOf(e);
  return [formatInteger(x.decided), `${x.reversed} (${formatPercent(x.reversalRate)})`, `${x.counts.changed} (${formatPercent(x.changedRate)})`, `${x.counts.remitted} (${formatPercent(x.remittedRate)})`];
}

describe("buildMapFigures reproduces the published 2024 tables (domain.md §7)", () => {
  const cells = published2024Cells();

  it("social area, whole country and Herning", () => {
    const f = buildMapFigures(cells, { map: "socialomraadet", year: 2024, area: "total" });
    expect(publishedLook(f.national.estimate)).toEqual(["6.905", "3102 (44,9)", "491 (7,1)", "2611 (37,8)"]);
    expect(publishedLook(herning(f.municipalities).estimate)).toEqual(["77", "34 (44,2)", "4 (5,2)", "30 (39,0)"]);
  });

  it("social area split into children and adults for Herning (Tabel 1)", () => {
    const children = buildMapFigures(cells, { map: "socialomraadet", year: 2024, area: "children" });
    const adults = buildMapFigures(cells, { map: "socialomraadet", year: 2024, area: "adults" });
    const c = estimateOf(herning(children.municipalities).estimate);
    const a = estimateOf(herning(adults.municipalities).estimate);
    expect([c.decided, c.reversed, c.counts.changed, c.counts.remitted]).toEqual([49, 22, 3, 19]);
    expect([a.decided, a.reversed, a.counts.changed, a.counts.remitted]).toEqual([28, 12, 1, 11]);
  });

  it("child disability map: country 1.881/919 and Herning 27/11 → 40,7", () => {
    const f = buildMapFigures(cells, { map: "boernehandicapomraadet", year: 2024, area: "total" });
    expect(publishedLook(f.national.estimate)).toEqual(["1.881", "919 (48,9)", "143 (7,6)", "776 (41,3)"]);
    expect(publishedLook(herning(f.municipalities).estimate)).toEqual(["27", "11 (40,7)", "1 (3,7)", "10 (37,0)"]);
  });

  it("adult disability map: country 532/215 and Herning 5/1 → 20,0", () => {
    const f = buildMapFigures(cells, { map: "voksenhandicapomraadet", year: 2024, area: "total" });
    expect(publishedLook(f.national.estimate)).toEqual(["532", "215 (40,4)", "24 (4,5)", "191 (35,9)"]);
    expect(publishedLook(herning(f.municipalities).estimate)).toEqual(["5", "1 (20,0)", "1 (20,0)", "0 (0,0)"]);
  });

  it("always has 98 municipality rows in code order, each with a funnel verdict and a rank", () => {
    const f = buildMapFigures(cells, { map: "socialomraadet", year: 2024, area: "total" });
    expect(f.municipalities.map((m) => m.municipalityCode)).toEqual(MUNICIPALITIES.map((m) => m.code));
    expect(f.municipalities.every((m) => m.funnel.kind === "assessed" && m.rank !== null)).toBe(true);
    expect(f.areaCoverage).toEqual({ kind: "complete" });
  });
});

describe("buildMapFigures: missing values are values with a reason", () => {
  it("gives every row no-data, with the reason, for a year without any data", () => {
    const f = buildMapFigures(published2024Cells(), { map: "socialomraadet", year: 2023, area: "total" });
    expect(f.national.estimate).toEqual({ kind: "no-data", reason: { code: "year-not-loaded", year: 2023 } });
    expect(f.national.estimate.kind === "no-data" && missingReasonDa(f.national.estimate.reason)).toBe("Der er ikke indlæst data for 2023");
    expect(f.municipalities.every((m) => m.estimate.kind === "no-data" && m.rank === null && m.funnel.kind === "not-assessed")).toBe(true);
  });

  it("says the adult disability map did not exist for 2016", () => {
    const cells = published2024Cells().map((c) => ({ ...c, year: 2016 }));
    const f = buildMapFigures(cells, { map: "voksenhandicapomraadet", year: 2016, area: "total" });
    expect(f.national.estimate).toEqual({ kind: "no-data", reason: { code: "map-not-yet-published", map: "voksenhandicapomraadet", firstYear: 2017 } });
    expect(f.national.estimate.kind === "no-data" && missingReasonDa(f.national.estimate.reason)).toContain("2017");
  });

  it("gives no-cases to a municipality without decided cases in a year with data, and does not rank it", () => {
    const cells = published2024Cells().filter((c) => c.municipalityCode !== "0101" || c.subject !== SUBJECTS_2024.adultDisability);
    cells.push({ municipalityCode: asMunicipalityCode("0101"), subject: SUBJECTS_2024.adultDisability, law: "Serviceloven", year: 2024, counts: { upheld: 0, changed: 0, remitted: 0, rejected: 3 } });
    const f = buildMapFigures(cells, { map: "voksenhandicapomraadet", year: 2024, area: "total" });
    const kbh = f.municipalities.find((m) => m.municipalityCode === "0101")!;
    expect(kbh.estimate).toMatchObject({ kind: "no-cases", decided: 0, counts: { rejected: 3 } });
    expect(kbh.rank).toBeNull();
    expect(kbh.funnel.kind).toBe("not-assessed");
    // Every municipality has under 10 cases on this map, so none is ranked (MIN_CASES_FOR_RANK).
    expect(f.municipalities.every((m) => m.rank === null)).toBe(true);
  });

  it("reads a municipality missing from the year's data as no-data, never as 0 cases (issue 19)", () => {
    const f = buildMapFigures(published2024Cells().filter((c) => c.municipalityCode !== "0101"), { map: "socialomraadet", year: 2024, area: "total" });
    const absent = f.municipalities[0]!.estimate;
    expect(absent).toEqual({ kind: "no-data", reason: { code: "municipality-absent", year: 2024 } });
    expect(absent.kind === "no-data" && missingReasonDa(absent.reason)).toBe("Kommunen er ikke med i de indlæste tal for 2024");
    expect(f.municipalities[0]!.rank).toBeNull();
  });

  it("keeps no-cases for a municipality that is in the year's data but has no case on this map", () => {
    const others = published2024Cells().filter((c) => c.municipalityCode !== "0101");
    const outsideMaps: ComplaintCell = { municipalityCode: asMunicipalityCode("0101"), subject: "Kontanthjælp § 11", law: "Lov om aktiv socialpolitik", year: 2024, counts: { upheld: 3, changed: 0, remitted: 0, rejected: 0 } };
    const f = buildMapFigures([...others, outsideMaps], { map: "socialomraadet", year: 2024, area: "total" });
    expect(f.municipalities[0]!.estimate.kind).toBe("no-cases");
  });

  it("does not count rejected cases in decided, nor cells outside the maps or of other years", () => {
    const noise: ComplaintCell[] = [
      { municipalityCode: HERNING, subject: "Kontanthjælp § 11", law: "Lov om aktiv socialpolitik", year: 2024, counts: { upheld: 40, changed: 5, remitted: 5, rejected: 0 } },
      { municipalityCode: HERNING, subject: SUBJECTS_2024.otherAdults, law: "Serviceloven", year: 2025, counts: { upheld: 9, changed: 9, remitted: 9, rejected: 0 } },
    ];
    const f = buildMapFigures([...published2024Cells(), ...noise], { map: "socialomraadet", year: 2024, area: "total" });
    const h = estimateOf(herning(f.municipalities).estimate);
    expect(h.decided).toBe(77);
    expect(h.counts.rejected).toBe(8);
  });
});

describe("buildMapFigures: the national row as published", () => {
  it("is not-published when the file has no national row", () => {
    expect(buildMapFigures(published2024Cells(), { map: "socialomraadet", year: 2024, area: "total" }).national.publishedNational).toEqual({ kind: "not-published" });
  });

  it("matches when Ankestyrelsen's national row equals the sum of the 98", () => {
    const f = buildMapFigures(published2024Cells({ publishedNational: true }), { map: "socialomraadet", year: 2024, area: "total" });
    expect(f.national.publishedNational.kind).toBe("match");
    // The national row as published is not added to the sum.
    expect(estimateOf(f.national.estimate).decided).toBe(6905);
  });

  it("reports a mismatch with the outcomes that differ", () => {
    const f = buildMapFigures(published2024Cells({ publishedNational: true, nationalOffset: 1 }), { map: "boernehandicapomraadet", year: 2024, area: "total" });
    expect(f.national.publishedNational).toMatchObject({
      kind: "mismatch",
      differences: [{ outcome: "remitted", sumOf98: 776, published: 777 }],
    });
  });
});

describe("buildMapFigures: areas", () => {
  it("reports decided cases whose subject has no known children/adults area", () => {
    const unknownArea: ComplaintCell = { municipalityCode: HERNING, subject: "Diverse sager", law: "Serviceloven", year: 2024, counts: { upheld: 2, changed: 1, remitted: 1, rejected: 0 } };
    const f = buildMapFigures([...published2024Cells(), unknownArea], { map: "socialomraadet", year: 2024, area: "total" });
    expect(f.areaCoverage).toEqual({ kind: "incomplete", decidedWithoutArea: 4, reversedWithoutArea: 2 });
    expect(estimateOf(herning(f.municipalities).estimate).decided).toBe(81);
  });

  it("refuses an area the map is not split into", () => {
    expect(() => buildMapFigures([], { map: "boernehandicapomraadet", year: 2024, area: "children" })).toThrow(/ikke opdelt/);
  });

  const subjectWithKnownArea = fc.constantFrom(...Object.values(SUBJECTS_2024));
  const cellArb = fc.record({
    municipalityCode: fc.constantFrom(...MUNICIPALITIES.slice(0, 6).map((m) => m.code)),
    subject: subjectWithKnownArea,
    law: fc.constant("Serviceloven"),
    year: fc.constant(2024),
    counts: fc.record({ upheld: fc.nat(30), changed: fc.nat(30), remitted: fc.nat(30), rejected: fc.nat(5) }),
  });

  it("children + adults equal the total when every subject has a known area (property)", () => {
    fc.assert(
      fc.property(fc.array(cellArb, { minLength: 1, maxLength: 40 }), (cells) => {
        const totals = indexCellTotals(cells);
        const [t, c, a] = (["total", "children", "adults"] as const).map((area) => buildMapFigures(totals, { map: "socialomraadet", year: 2024, area }));
        t!.municipalities.forEach((row, i) => {
          const sum = [c!.municipalities[i]!, a!.municipalities[i]!]
            .map((r) => (r.estimate.kind === "no-data" ? ZERO_COUNTS : r.estimate.counts))
            .reduce(addCounts, ZERO_COUNTS);
          expect(row.estimate.kind === "no-data" ? ZERO_COUNTS : row.estimate.counts).toEqual(sum);
        });
        expect(t!.areaCoverage.kind).toBe("complete");
      }),
    );
  });

  it("national = sum of the 98, and every interval contains its rate (property)", () => {
    fc.assert(
      fc.property(fc.array(cellArb, { minLength: 1, maxLength: 40 }), (cells) => {
        const f = buildMapFigures(cells, { map: "socialomraadet", year: 2024, area: "total" });
        const sum = f.municipalities.map((m) => (m.estimate.kind === "no-data" ? ZERO_COUNTS : m.estimate.counts)).reduce(addCounts, ZERO_COUNTS);
        expect(f.national.estimate.kind === "no-data" ? null : f.national.estimate.counts).toEqual(sum);
        for (const row of [f.national, ...f.municipalities]) {
          if (row.estimate.kind !== "estimate") continue;
          expect(row.estimate.ci95[0]).toBeLessThanOrEqual(row.estimate.reversalRate);
          expect(row.estimate.ci95[1]).toBeGreaterThanOrEqual(row.estimate.reversalRate);
        }
      }),
    );
  });
});
