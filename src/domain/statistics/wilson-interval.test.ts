import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Z_998 } from "./normal-quantile.js";
import { wilsonInterval } from "./wilson-interval.js";

describe("wilsonInterval against independently computed reference values", () => {
  // Newcombe RG (1998), "Two-sided confidence intervals for the single proportion: comparison of seven
  // methods", Statistics in Medicine 17:857–872, Table I, method 3 (score interval without continuity
  // correction), given there to 4 decimals. Cross-checked by hand with
  //   centre = (p + z²/2n) / (1 + z²/n),  half = z/(1 + z²/n) · sqrt(p(1-p)/n + z²/4n²),  z = 1.959964:
  // e.g. 81/263: p = 0.307985, centre = 0.310749, half = 0.055461 → 0.2553–0.3662
  // (checked with python3's math module).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])("%i/%i → %f–%f (Newcombe 1998, Table I)", (x, n, low, high) => {
    const [l, h] = wilsonInterval(x, n);
    expect(l).toBeCloseTo(low, 4);
    expect(h).toBeCloseTo(high, 4);
  });

  it("gives Herning's 34 of 77 (2024) the interval 33,6–55,3 %", () => {
    // By the formula above (python3): p = 0.441558, centre = 0.444335, half = 0.108282 → 0.336053–0.552618.
    const [l, h] = wilsonInterval(34, 77);
    expect(l).toBeCloseTo(0.336053, 5);
    expect(h).toBeCloseTo(0.552618, 5);
  });

  it("is exact at the edges: 0 of n starts at 0 and n of n ends at 1", () => {
    expect(wilsonInterval(0, 10)[0]).toBe(0);
    expect(wilsonInterval(10, 10)[1]).toBe(1);
    // Symmetry: x of n mirrors n−x of n.
    const [l, h] = wilsonInterval(3, 10);
    const [ml, mh] = wilsonInterval(7, 10);
    expect(l).toBeCloseTo(1 - mh, 12);
    expect(h).toBeCloseTo(1 - ml, 12);
  });

  it("widens with the 99,8 % quantile used by the funnel plot", () => {
    const [l95, h95] = wilsonInterval(34, 77);
    const [l998, h998] = wilsonInterval(34, 77, Z_998);
    expect(l998).toBeLessThan(l95);
    expect(h998).toBeGreaterThan(h95);
  });

  it.each([
    [1, 0],
    [-1, 10],
    [11, 10],
    [1.5, 10],
    [1, 10.5],
  ])("refuses %d of %d", (x, n) => {
    expect(() => wilsonInterval(x, n)).toThrow(RangeError);
  });
});

describe("wilsonInterval properties", () => {
  const trial = fc.integer({ min: 1, max: 5000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));

  it("contains the observed rate and lies within [0, 1]", () => {
    fc.assert(
      fc.property(trial, ([x, n]) => {
        const [low, high] = wilsonInterval(x, n);
        const p = x / n;
        return 0 <= low && low <= p && p <= high && high <= 1;
      }),
    );
  });

  it("narrows as n grows at a fixed rate", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 2, max: 50 }), (x, extra, k) => {
        const n = x + extra;
        const [l1, h1] = wilsonInterval(x, n);
        const [l2, h2] = wilsonInterval(x * k, n * k);
        return h2 - l2 < h1 - l1;
      }),
    );
  });
});
