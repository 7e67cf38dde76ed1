import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { newcombeDifferenceInterval } from "./newcombe-difference.js";

describe("newcombeDifferenceInterval (Newcombe 1998, method 10)", () => {
  // Newcombe RG (1998), "Interval estimation for the difference between independent proportions:
  // comparison of eleven methods", Statistics in Medicine 17:873–890, Table II, method 10, 4 decimals.
  it.each([
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
    [5, 56, 0, 29, -0.0381, 0.1926],
    [0, 10, 0, 20, -0.1611, 0.2775],
    [0, 10, 0, 10, -0.2775, 0.2775],
    [10, 10, 0, 20, 0.6791, 1],
    [10, 10, 0, 10, 0.6075, 1],
  ])("%i/%i − %i/%i → %f to %f", (x1, n1, x2, n2, low, high) => {
    const [l, h] = newcombeDifferenceInterval(x1, n1, x2, n2);
    expect(l).toBeCloseTo(low, 4);
    expect(h).toBeCloseTo(high, 4);
  });

  it("contains the observed difference and stays within [−1, 1]", () => {
    const pair = fc.integer({ min: 1, max: 300 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));
    fc.assert(
      fc.property(pair, pair, ([x1, n1], [x2, n2]) => {
        const [l, h] = newcombeDifferenceInterval(x1, n1, x2, n2);
        const d = x1 / n1 - x2 / n2;
        expect(l).toBeLessThanOrEqual(d + 1e-12);
        expect(h).toBeGreaterThanOrEqual(d - 1e-12);
        expect(l).toBeGreaterThanOrEqual(-1);
        expect(h).toBeLessThanOrEqual(1);
      }),
    );
  });
});
