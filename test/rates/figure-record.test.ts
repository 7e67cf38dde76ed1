import { describe, expect, it } from "vitest";
import { toFigureRecords } from "../../src/domain/figure-record.js";
import { buildMapFigures } from "../../src/domain/map-figures.js";
import { HERNING, published2024Cells } from "./published-2024-cells.js";

describe("toFigureRecords (the CLI json / API row contract)", () => {
  const figures = buildMapFigures(published2024Cells(), { map: "socialomraadet", year: 2024, area: "total" });
  const records = toFigureRecords(figures);

  it("puts the national row first, then the 98", () => {
    expect(records).toHaveLength(99);
    expect(records[0]).toMatchObject({ municipalityCode: null, municipalityName: "Hele landet", kind: "estimate", decided: 6905, reversed: 3102 });
    expect(records[0]).not.toHaveProperty("funnel");
  });

  it("has the contract's fields on a municipality row, rates as unrounded fractions", () => {
    const h = records.find((r) => r.municipalityCode === HERNING)!;
    expect(h).toMatchObject({
      map: "socialomraadet",
      year: 2024,
      area: "total",
      municipalityName: "Herning",
      kind: "estimate",
      decided: 77,
      upheld: 43,
      changed: 4,
      remitted: 30,
      rejected: 8,
      reversed: 34,
      reversalRate: 34 / 77,
      changedRate: 4 / 77,
      remittedRate: 30 / 77,
      funnel: "within",
    });
    expect(h).toHaveProperty("ci95");
  });

  it("leaves the rate fields out of a no-cases row", () => {
    const cells = published2024Cells().map((c) => (c.municipalityCode === "0101" ? { ...c, counts: { upheld: 0, changed: 0, remitted: 0, rejected: 1 } } : c));
    const kbh = toFigureRecords(buildMapFigures(cells, { map: "socialomraadet", year: 2024, area: "total" }))[1]!;
    expect(kbh).toMatchObject({ municipalityCode: "0101", kind: "no-cases", decided: 0, rejected: 4, funnel: null, rank: null });
    expect(kbh).not.toHaveProperty("reversalRate");
    expect(kbh).not.toHaveProperty("ci95");
  });
});
