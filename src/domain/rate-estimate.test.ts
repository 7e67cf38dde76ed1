import { describe, expect, it } from "vitest";
import { formatPercent } from "./format-danish-number.js";
import { computeRateEstimate } from "./rate-estimate.js";
import { wilsonInterval } from "./statistics/wilson-interval.js";

const counts = (upheld: number, changed: number, remitted: number, rejected: number) => ({ upheld, changed, remitted, rejected });

describe("computeRateEstimate", () => {
  it("reproduces Herning 2024 on the social area: 77 decided, 34 reversed (44,2), 4 changed (5,2), 30 remitted (39,0)", () => {
    const estimate = computeRateEstimate(counts(43, 4, 30, 6));
    if (estimate.kind !== "estimate") throw new Error(`expected an estimate, got ${estimate.kind}`);
    expect(estimate.decided).toBe(77);
    expect(estimate.reversed).toBe(34);
    expect(formatPercent(estimate.reversalRate)).toBe("44,2");
    expect(formatPercent(estimate.changedRate)).toBe("5,2");
    expect(formatPercent(estimate.remittedRate)).toBe("39,0");
    expect(formatPercent(estimate.upheldRate)).toBe("55,8");
    expect(estimate.ci95).toEqual(wilsonInterval(34, 77));
  });

  it("keeps rejected cases out of the denominator (Ankestyrelsen: 5 changed + 19 remitted of 129 decided = 19 %)", () => {
    const withRejected = computeRateEstimate(counts(105, 5, 19, 50));
    if (withRejected.kind !== "estimate") throw new Error("expected an estimate");
    expect(withRejected.decided).toBe(129);
    expect(Math.round(withRejected.reversalRate * 100)).toBe(19);
    expect(withRejected).toMatchObject({ reversalRate: 24 / 129 });
  });

  it("says 'no-cases' when only rejected cases exist, instead of a 0 % or NaN rate", () => {
    expect(computeRateEstimate(counts(0, 0, 0, 3))).toEqual({ kind: "no-cases", counts: counts(0, 0, 0, 3), decided: 0, reversed: 0 });
  });

  it("gives a full-width honest interval for a single case", () => {
    const one = computeRateEstimate(counts(0, 0, 1, 0));
    if (one.kind !== "estimate") throw new Error("expected an estimate");
    expect(one.reversalRate).toBe(1);
    expect(one.ci95[1]).toBe(1);
    expect(one.ci95[0]).toBeLessThan(0.25);
  });
});
