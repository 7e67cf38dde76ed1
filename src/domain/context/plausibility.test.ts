import { describe, expect, it } from "vitest";
import { MUNICIPALITIES } from "../municipality.js";
import { checkPlausibility } from "./plausibility.js";

describe("checkPlausibility: median ± k·MAD on the log scale", () => {
  const typical = MUNICIPALITIES.map((m, i) => ({ code: m.code, value: 8 + (i % 9) * 0.5 }));

  it("flags the data error of issue 18 (København 0,5 and Læsø 233 among values 8–12) and nothing else", () => {
    const values = typical.map((v) => (v.code === "0101" ? { ...v, value: 0.5 } : v.code === "0825" ? { ...v, value: 233 } : v));
    const result = checkPlausibility(values)!;
    expect(result.flags.map((f) => [f.code, f.direction])).toEqual([["0101", "low"], ["0825", "high"]]);
    expect(result.low).toBeLessThan(8);
    expect(result.high).toBeGreaterThan(12);
    expect(result.median).toBeCloseTo(10, 0);
  });

  it("flags nothing in ordinary spread, and gives no range for fewer than five values", () => {
    expect(checkPlausibility(typical)!.flags).toEqual([]);
    expect(checkPlausibility(typical.slice(0, 4))).toBeNull();
  });

  it("is robust: one wild value does not widen the range so that a second one hides", () => {
    const two = typical.map((v) => (v.code === "0101" ? { ...v, value: 10_000 } : v.code === "0147" ? { ...v, value: 60 } : v));
    expect(checkPlausibility(two)!.flags.map((f) => f.code)).toEqual(["0101", "0147"]);
  });
});
