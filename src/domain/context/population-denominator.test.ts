import { describe, expect, it } from "vitest";
import { MUNICIPALITIES } from "../municipality.js";
import { POPULATION_BY_CODE } from "../registry/population-data.js";
import type { ContextFigure, ContextProvenance } from "./context-figure.js";
import { EMPTY_CONTEXT_INDEX, indexContextFigures } from "./context-index.js";
import { perTenThousand, populationBandFor, ROUNDED_DENOMINATOR, selectPopulationDenominator } from "./population-denominator.js";

const provenance = (id: number, importedAt: string): ContextProvenance => ({ contextVersionId: id, table: "FOLK1A", fileName: `f${id}.csv`, sha256: "x", extractedOn: "2025-02-01", importedAt, periodFrom: "2024K1", periodTo: "2024K1" });
const children = (value: (code: string) => number): ContextFigure[] =>
  MUNICIPALITIES.map((m) => ({ municipalityCode: m.code, measure: { kind: "population", band: "0-17" }, period: { year: 2024, quarter: 1 }, value: { kind: "value", value: value(m.code) } }));

describe("population denominators", () => {
  it("use the map's own band: children 0–17, adults 18–64, the general map's areas 0–17 / 18+ / all", () => {
    expect(populationBandFor("boernehandicapomraadet", "total")).toBe("0-17");
    expect(populationBandFor("voksenhandicapomraadet", "total")).toBe("18-64");
    expect(["total", "children", "adults"].map((a) => populationBandFor("socialomraadet", a as "total"))).toEqual(["total", "0-17", "18+"]);
  });

  it("fall back to the labelled rounded 2024 figures (all ages) when the year's FOLK1A is not imported", () => {
    const d = selectPopulationDenominator(EMPTY_CONTEXT_INDEX, "boernehandicapomraadet", "total", 2024);
    expect(d).toBe(ROUNDED_DENOMINATOR);
    expect(d.sourceDa).toContain("(afrundet, 2024)");
    expect(d.populationOf("0657")).toEqual({ kind: "value", value: POPULATION_BY_CODE["0657"] });
  });

  it("use 1 January of the data year (K1), the newer import where two overlap, and the sum of the 98 nationally", () => {
    const index = indexContextFigures([
      { provenance: provenance(1, "2025-01-01T00:00:00Z"), figures: children(() => 1000) },
      { provenance: provenance(2, "2025-03-01T00:00:00Z"), figures: children((c) => (c === "0657" ? 19_000 : 2000)) },
    ]);
    const d = selectPopulationDenominator(index, "boernehandicapomraadet", "total", 2024);
    expect(d.basis).toMatchObject({ kind: "imported", period: "2024K1", provenance: { contextVersionId: 2 } });
    expect(d.labelDa).toBe("børn 0–17 år");
    expect(d.sourceDa).toBe("Folketal: Danmarks Statistik, FOLK1A, 2024K1 (folketal 1. januar 2024, børn 0–17 år), udtrukket 2025-02-01");
    expect(d.populationOf("0657")).toEqual({ kind: "value", value: 19_000 });
    expect(d.populationOf(null)).toEqual({ kind: "value", value: 19_000 + 97 * 2000 });
    expect(selectPopulationDenominator(index, "boernehandicapomraadet", "total", 2023)).toBe(ROUNDED_DENOMINATOR);
  });

  it("keep a suppressed population suppressed in the per-10.000 figure", () => {
    expect(perTenThousand(27, { kind: "value", value: 19_000 })).toEqual({ kind: "value", value: (27 / 19_000) * 10_000, cases: 27, population: 19_000 });
    expect(perTenThousand(27, { kind: "suppressed" })).toEqual({ kind: "suppressed" });
    expect(perTenThousand(27, { kind: "no-data" })).toEqual({ kind: "no-data" });
  });
});
