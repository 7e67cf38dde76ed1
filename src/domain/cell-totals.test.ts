import { describe, expect, it } from "vitest";
import { counts, herning2024Cells, makeCell } from "../../test/foundation/complaint-cell-generators.js";
import { indexCellTotals } from "./cell-totals.js";
import { formatPercent } from "./format-danish-number.js";
import { decidedOf, reversedOf, type OutcomeCounts } from "./outcome.js";
import { asMunicipalityCode } from "./municipality.js";

function figures(c: OutcomeCounts | undefined) {
  if (!c) throw new Error("no counts");
  const decided = decidedOf(c);
  return [decided, reversedOf(c), c.changed, c.remitted, formatPercent(reversedOf(c) / decided)];
}

describe("indexCellTotals reproduces Herning's published 2024 figures (domain.md §7)", () => {
  const totals = indexCellTotals(herning2024Cells());

  it("social area, total: 77 decided, 34 reversed (44,2), 4 changed, 30 remitted", () => {
    expect(figures(totals.counts(2024, "socialomraadet", "total", asMunicipalityCode("0657")))).toEqual([77, 34, 4, 30, "44,2"]);
  });

  it("social area, children 49/22/3/19 and adults 28/12/1/11", () => {
    expect(figures(totals.counts(2024, "socialomraadet", "children", asMunicipalityCode("0657"))).slice(0, 4)).toEqual([49, 22, 3, 19]);
    expect(figures(totals.counts(2024, "socialomraadet", "adults", asMunicipalityCode("0657"))).slice(0, 4)).toEqual([28, 12, 1, 11]);
  });

  it("counts only the disability labels on the disability maps", () => {
    const child = totals.counts(2024, "boernehandicapomraadet", "total", asMunicipalityCode("0657"))!;
    const adult = totals.counts(2024, "voksenhandicapomraadet", "total", asMunicipalityCode("0657"))!;
    // Two of the three child labels (§§ 32… and § 41) and both adult labels (§ 96, § 100) are disability provisions.
    expect(decidedOf(child)).toBeLessThan(49);
    expect(decidedOf(child)).toBeGreaterThan(0);
    expect(decidedOf(adult)).toBe(28);
  });
});

describe("indexCellTotals", () => {
  it("keeps the national row (municipalityCode null) apart from the municipalities and sums per code", () => {
    const totals = indexCellTotals([
      makeCell({ municipalityCode: asMunicipalityCode("0657"), counts: counts(1, 1, 1, 1) }),
      makeCell({ municipalityCode: asMunicipalityCode("0657"), subject: "Voksne - ledsageordning - § 97", counts: counts(2, 0, 0, 1) }),
      makeCell({ municipalityCode: asMunicipalityCode("0101"), counts: counts(5, 0, 0) }),
      makeCell({ municipalityCode: null, counts: counts(100, 10, 10) }),
    ]);
    expect(totals.counts(2024, "socialomraadet", "total", asMunicipalityCode("0657"))).toEqual(counts(3, 1, 1, 2));
    expect(totals.counts(2024, "socialomraadet", "total", asMunicipalityCode("0101"))).toEqual(counts(5, 0, 0));
    expect(totals.counts(2024, "socialomraadet", "total", null)).toEqual(counts(100, 10, 10));
    expect(totals.hasPublishedNational(2024, "socialomraadet")).toBe(true);
  });

  it("skips other years, other laws and unclassified labels, and has no entry for a municipality without cells", () => {
    const totals = indexCellTotals([
      makeCell({ year: 2023 }),
      makeCell({ law: "Lov om aktiv socialpolitik", subject: "Kontanthjælp § 11" }),
      makeCell({ law: "" }),
    ]);
    expect(totals.counts(2024, "socialomraadet", "total", asMunicipalityCode("0657"))).toBeUndefined();
    expect(totals.counts(2023, "socialomraadet", "total", asMunicipalityCode("0657"))).toBeDefined();
    expect(totals.counts(2023, "socialomraadet", "total", asMunicipalityCode("0101"))).toBeUndefined();
  });
});
