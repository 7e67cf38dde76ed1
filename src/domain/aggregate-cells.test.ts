import { describe, expect, it } from "vitest";
import { counts, herning2024Cells, makeCell } from "../../test/foundation/complaint-cell-generators.js";
import { aggregateCounts, cellBelongsTo, createSubjectClassifier } from "./aggregate-cells.js";
import { classifySubject } from "./classify-subject.js";
import { formatPercent } from "./format-danish-number.js";
import { DEFAULT_MAP_RULES } from "./map-rules.js";
import { decidedOf, reversedOf, type OutcomeCounts } from "./outcome.js";

const classify = createSubjectClassifier(DEFAULT_MAP_RULES);

function figures(c: OutcomeCounts | undefined) {
  if (!c) throw new Error("no counts");
  const decided = decidedOf(c);
  return [decided, reversedOf(c), c.changed, c.remitted, formatPercent(reversedOf(c) / decided)];
}

describe("aggregateCounts reproduces Herning's published 2024 figures (domain.md §7)", () => {
  const cells = herning2024Cells();

  it("social area, total: 77 decided, 34 reversed (44,2), 4 changed, 30 remitted", () => {
    const sums = aggregateCounts(cells, { map: "socialomraadet", year: 2024, area: "total" }, classify);
    expect(figures(sums.get("0657"))).toEqual([77, 34, 4, 30, "44,2"]);
  });

  it("social area, children 49/22/3/19 and adults 28/12/1/11", () => {
    const children = aggregateCounts(cells, { map: "socialomraadet", year: 2024, area: "children" }, classify);
    const adults = aggregateCounts(cells, { map: "socialomraadet", year: 2024, area: "adults" }, classify);
    expect(figures(children.get("0657")).slice(0, 4)).toEqual([49, 22, 3, 19]);
    expect(figures(adults.get("0657")).slice(0, 4)).toEqual([28, 12, 1, 11]);
  });

  it("counts only the disability labels on the disability maps", () => {
    const child = aggregateCounts(cells, { map: "boernehandicapomraadet", year: 2024, area: "total" }, classify).get("0657")!;
    const adult = aggregateCounts(cells, { map: "voksenhandicapomraadet", year: 2024, area: "total" }, classify).get("0657")!;
    // Two of the three child labels (§§ 32… and § 41) and both adult labels (§ 96, § 100) are disability provisions.
    expect(decidedOf(child)).toBeLessThan(49);
    expect(decidedOf(child)).toBeGreaterThan(0);
    expect(decidedOf(adult)).toBe(28);
  });
});

describe("aggregateCounts", () => {
  it("keeps the national row (municipalityCode null) apart from the municipalities and sums per code", () => {
    const cells = [
      makeCell({ municipalityCode: "0657", counts: counts(1, 1, 1, 1) }),
      makeCell({ municipalityCode: "0657", subject: "Voksne - ledsageordning - § 97", counts: counts(2, 0, 0, 1) }),
      makeCell({ municipalityCode: "0101", counts: counts(5, 0, 0) }),
      makeCell({ municipalityCode: null, counts: counts(100, 10, 10) }),
    ];
    const sums = aggregateCounts(cells, { map: "socialomraadet", year: 2024, area: "total" }, classify);
    expect(sums.get("0657")).toEqual(counts(3, 1, 1, 2));
    expect(sums.get("0101")).toEqual(counts(5, 0, 0));
    expect(sums.get(null)).toEqual(counts(100, 10, 10));
  });

  it("skips other years, other laws and unclassified labels, and returns no entry for a municipality without cells", () => {
    const cells = [
      makeCell({ year: 2023 }),
      makeCell({ law: "Lov om aktiv socialpolitik", subject: "Kontanthjælp § 11" }),
      makeCell({ law: "" }),
    ];
    expect(aggregateCounts(cells, { map: "socialomraadet", year: 2024, area: "total" }, classify).size).toBe(0);
  });
});

describe("createSubjectClassifier and cellBelongsTo", () => {
  it("gives the same answer as classifySubject, including for the same label in another year", () => {
    const label = { subject: "Voksne - borgerstyret personlig assistance - § 96", law: "Serviceloven" };
    for (const year of [2016, 2017, 2016]) {
      expect(classify({ ...label, year })).toEqual(classifySubject({ ...label, year }, DEFAULT_MAP_RULES));
    }
  });

  it("takes every area for 'total' and only the matching area otherwise", () => {
    const adults = classify({ subject: "Voksne - ledsageordning - § 97", law: "Serviceloven", year: 2024 });
    expect(cellBelongsTo(adults, "socialomraadet", "total")).toBe(true);
    expect(cellBelongsTo(adults, "socialomraadet", "adults")).toBe(true);
    expect(cellBelongsTo(adults, "socialomraadet", "children")).toBe(false);
    expect(cellBelongsTo(adults, "boernehandicapomraadet", "total")).toBe(false);
    const unknownArea = classify({ subject: "Generelle bestemmelser § 11", law: "Serviceloven", year: 2024 });
    expect(cellBelongsTo(unknownArea, "socialomraadet", "total")).toBe(true);
    expect(cellBelongsTo(unknownArea, "socialomraadet", "children")).toBe(false);
  });
});
