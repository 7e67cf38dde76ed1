import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeRateEstimate } from "../../src/domain/rate-estimate.js";
import { rankByReversalRate } from "../../src/domain/rank-municipalities.js";
import { computeYearChange } from "../../src/domain/year-change.js";
import { missingReasonDa } from "../../src/domain/missing-reason-da.js";
import { poolYears } from "../../src/domain/pooled-rate.js";
import { neighboursOf, regionMembersOf } from "../../src/domain/neighbours.js";
import { NEIGHBOURS } from "../../src/domain/registry/neighbours-data.js";
import { asMunicipalityCode, MUNICIPALITIES } from "../../src/domain/municipality.js";

const est = (reversed: number, decided: number) => computeRateEstimate({ upheld: decided - reversed, changed: 0, remitted: reversed, rejected: 0 });

describe("rankByReversalRate", () => {
  // Five real codes in ascending order, standing in for municipalities A–E.
  const [A, B, C, D, E] = [asMunicipalityCode("0101"), asMunicipalityCode("0147"), asMunicipalityCode("0151"), asMunicipalityCode("0153"), asMunicipalityCode("0155")] as const;
  it("ranks lowest rate first, with ties sharing the better place (1, 2, 2, 4)", () => {
    const ranks = rankByReversalRate(
      [
        { code: A, reversed: 1, decided: 10 },
        { code: B, reversed: 1, decided: 4 },
        { code: C, reversed: 2, decided: 8 },
        { code: D, reversed: 9, decided: 10 },
        { code: E, reversed: 0, decided: 0 },
      ],
      { minCases: 1 },
    );
    expect(ranks.get(A)).toEqual({ position: 1, of: 4, tiedWith: 1, interval95: null });
    expect(ranks.get(B)).toEqual({ position: 2, of: 4, tiedWith: 2, interval95: null });
    expect(ranks.get(C)).toEqual({ position: 2, of: 4, tiedWith: 2, interval95: null });
    expect(ranks.get(D)).toEqual({ position: 4, of: 4, tiedWith: 1, interval95: null });
    expect(ranks.has(E)).toBe(false);
  });

  it("ranks no municipality with under 10 cases (a league table of 1–2 cases says nothing)", () => {
    const ranks = rankByReversalRate([
      { code: A, reversed: 0, decided: 2 },
      { code: B, reversed: 5, decided: 10 },
      { code: C, reversed: 9, decided: 9 },
      { code: D, reversed: 30, decided: 100 },
    ]);
    expect([...ranks.keys()].sort()).toEqual([B, D]);
    expect(ranks.get(D)).toMatchObject({ position: 1, of: 2 });
  });

  it("gives each rank a seeded 95 % interval by simulation: wide for few cases, narrow for many, the same every time", () => {
    // 40 municipalities at rates spread from 20 % to 70 %: half with 12 cases, half with 1.200.
    const inputs = Array.from({ length: 40 }, (_, i) => {
      const decided = i % 2 === 0 ? 12 : 1200;
      return { code: MUNICIPALITIES[i]!.code, reversed: Math.round(decided * (0.2 + (0.5 * i) / 39)), decided };
    });
    const ranks = rankByReversalRate(inputs, { intervals: true });
    const again = rankByReversalRate(inputs, { intervals: true });
    expect([...again.values()]).toEqual([...ranks.values()]);
    for (const input of inputs) {
      const r = ranks.get(input.code)!;
      const [low, high] = r.interval95!;
      expect(low).toBeLessThanOrEqual(r.position + r.tiedWith - 1);
      expect(high).toBeGreaterThanOrEqual(r.position);
      if (input.decided === 12) expect(high - low).toBeGreaterThan(10);
      else expect(high - low).toBeLessThan(10);
    }
  });

  it("sees 1/3 and 2/6 as tied, though 1/3 and 2/6 differ as floats in other orders", () => {
    const ranks = rankByReversalRate([
      { code: A, reversed: 2, decided: 6 },
      { code: B, reversed: 1, decided: 3 },
      { code: C, reversed: 7, decided: 21 },
    ]);
    expect(new Set([...ranks.values()].map((r) => r.position))).toEqual(new Set([1]));
  });
});

describe("computeYearChange (Newcombe 1998, method 10)", () => {
  it("calls a large change on many cases an increase", () => {
    const change = computeYearChange(est(60, 100), est(30, 100), 2023);
    expect(change).toMatchObject({ kind: "change", previousYear: 2023, verdict: "increase" });
    if (change.kind === "change") expect(change.difference).toBeCloseTo(0.3, 12);
  });

  it("calls a large drop a decrease", () => {
    expect(computeYearChange(est(10, 100), est(40, 100), 2023)).toMatchObject({ verdict: "decrease" });
  });

  it("does not call small-n swings significant (1 of 2 → 3 of 3; 56 % of 9 → 20 % of 5)", () => {
    expect(computeYearChange(est(3, 3), est(1, 2), 2023)).toMatchObject({ verdict: "no-clear-change" });
    // Herning, adult disability map: 2023 5 of 9 (56 %), 2024 1 of 5 (20 %) (domain.md §5).
    expect(computeYearChange(est(1, 5), est(5, 9), 2023)).toMatchObject({ verdict: "no-clear-change" });
  });

  it("is not-comparable, with the reason, when either year lacks a rate", () => {
    const noPrevious = computeYearChange(est(1, 5), { kind: "no-data", reason: { code: "year-not-loaded", year: 2023 } }, 2023);
    expect(noPrevious).toMatchObject({ kind: "not-comparable", reason: { code: "year-without-data", year: 2023 } });
    expect(noPrevious.kind === "not-comparable" && missingReasonDa(noPrevious.reason)).toBe("Der er ingen data for 2023");
    expect(computeYearChange(est(1, 5), computeRateEstimate({ upheld: 0, changed: 0, remitted: 0, rejected: 2 }), 2023)).toMatchObject({ kind: "not-comparable" });
  });
});

describe("poolYears", () => {
  const counts = (year: number) => (year === 2022 ? ("no-data" as const) : { upheld: 3, changed: 1, remitted: year - 2020, rejected: 1 });

  it("adds the counts of the last three years and names the years missing", () => {
    const pooled = poolYears(2024, counts);
    expect(pooled).toMatchObject({ fromYear: 2022, toYear: 2024, yearsIncluded: [2023, 2024], yearsMissing: [2022] });
    expect(pooled.estimate).toMatchObject({ kind: "estimate", decided: 4 + 3 + 4 + 4, reversed: 1 + 3 + 1 + 4 });
  });

  it("is no-data when none of the years has data", () => {
    expect(poolYears(2022, () => "no-data").estimate).toMatchObject({ kind: "no-data" });
  });

  it("honours another span", () => {
    expect(poolYears(2024, counts, 5).yearsIncluded).toEqual([2020, 2021, 2023, 2024]);
  });

  it("sums the years' cases and lies between the years' rates, a weighted average of them (property)", () => {
    const yearCounts = fc.record({ upheld: fc.nat(40), changed: fc.nat(10), remitted: fc.nat(20), rejected: fc.nat(5) });
    fc.assert(
      fc.property(fc.array(fc.option(yearCounts, { nil: undefined }), { minLength: 3, maxLength: 3 }), (years) => {
        const byYear = new Map(years.map((c, i) => [2022 + i, c]));
        const pooled = poolYears(2024, (year) => byYear.get(year) ?? "no-data");
        const present = years.filter((c) => c !== undefined).map((c) => computeRateEstimate(c));
        expect(pooled.yearsIncluded.length + pooled.yearsMissing.length).toBe(3);
        // Statements, not `return expect(…)`: a property that returns a value is judged by it, and an
        // assertion's return value is not a verdict (all three years missing failed that way).
        if (present.length === 0) {
          expect(pooled.estimate.kind).toBe("no-data");
          return;
        }
        const decided = present.reduce((sum, e) => sum + (e.kind === "no-data" ? 0 : e.decided), 0);
        if (pooled.estimate.kind !== "estimate") {
          expect(decided).toBe(0);
          return;
        }
        expect(pooled.estimate.decided).toBe(decided);
        const yearly = present.flatMap((e) => (e.kind === "estimate" ? [e] : []));
        const rates = yearly.map((e) => e.reversalRate);
        expect(pooled.estimate.reversalRate).toBeGreaterThanOrEqual(Math.min(...rates) - 1e-12);
        expect(pooled.estimate.reversalRate).toBeLessThanOrEqual(Math.max(...rates) + 1e-12);
      }),
      // Always also the cases random runs hit only now and then: every year missing, and no cases at all.
      { examples: [[[undefined, undefined, undefined]], [[{ upheld: 0, changed: 0, remitted: 0, rejected: 3 }, undefined, undefined]]] },
    );
  });
});

describe("neighbours (generated from the boundaries)", () => {
  it("covers all 98 municipalities and is symmetric", () => {
    expect(Object.keys(NEIGHBOURS).sort()).toEqual(MUNICIPALITIES.map((m) => m.code).sort());
    for (const [a, list] of Object.entries(NEIGHBOURS)) for (const b of list) expect(NEIGHBOURS[b]).toContain(a);
  });

  it("knows Herning's and Frederiksberg's neighbours and leaves ferry and bridge islands alone", () => {
    expect(neighboursOf(asMunicipalityCode("0657"))).toEqual(expect.arrayContaining(["0661", "0756", "0760", "0791"]));
    expect(neighboursOf(asMunicipalityCode("0147"))).toEqual(["0101"]);
    for (const island of ["0400", "0563", "0741", "0825", "0492", "0482", "0773"]) expect(neighboursOf(asMunicipalityCode(island))).toEqual([]);
  });

  it("lists the rest of the region", () => {
    const members = regionMembersOf(asMunicipalityCode("0657"));
    expect(members).not.toContain("0657");
    expect(members).toContain("0751");
    expect(members.length).toBe(MUNICIPALITIES.filter((m) => m.region === "Region Midtjylland").length - 1);
  });
});
