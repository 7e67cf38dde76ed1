import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { binomialCdf } from "./binomial-distribution.js";
import { assessFunnel, computeFunnelLimits } from "./funnel-limits.js";

describe("binomialCdf", () => {
  // Reference: scipy.stats.binom.cdf (SciPy 1.17), computed independently of this code.
  it.each([
    [77, 0.449, 34, 0.4948976378],
    [77, 0.449, 20, 0.0004836416623],
    [20, 0.3, 0, 0.000797922663],
  ])("Bin(%i, %f): P(R ≤ %i) = %f (scipy)", (n, p, k, expected) => {
    expect(binomialCdf(n, p)[k]).toBeCloseTo(expected, 9);
  });

  it("ends at 1 and never decreases, also for n in the thousands", () => {
    const cdf = binomialCdf(6905, 0.449);
    expect(cdf[6905]).toBeCloseTo(1, 12);
    for (let k = 1; k < cdf.length; k++) expect(cdf[k]!).toBeGreaterThanOrEqual(cdf[k - 1]!);
  });

  it("puts all mass on 0 when p = 0 and on n when p = 1", () => {
    expect([...binomialCdf(3, 0)]).toEqual([1, 1, 1, 1]);
    expect([...binomialCdf(3, 1)]).toEqual([0, 0, 0, 1]);
  });
});

describe("computeFunnelLimits (Spiegelhalter 2005, exact binomial with interpolation)", () => {
  // Reference values: Spiegelhalter's formula evaluated with scipy.stats.binom in python3:
  //   r = smallest r with binom.cdf(r, n, p0) >= q; a = (cdf(r) - q) / (cdf(r) - cdf(r - 1)); limit = (r - a) / n
  it.each([
    [77, 0.449, 0.2702864203, 0.3316628022, 0.5545232962, 0.6190137909],
    [400, 0.3, 0.2294513491, 0.2542956091, 0.3441587904, 0.3709304412],
    [5, 0.449, 0, 0, 0.7879410069, 0.9890403095],
    [20, 0.05, 0, 0, 0.142364765, 0.2350598787],
  ])("n = %i around %f", (n, p0, l998, l95, u95, u998) => {
    const limits = computeFunnelLimits(p0, n);
    expect(limits.lower998).toBeCloseTo(l998, 8);
    expect(limits.lower95).toBeCloseTo(l95, 8);
    expect(limits.upper95).toBeCloseTo(u95, 8);
    expect(limits.upper998).toBeCloseTo(u998, 8);
  });

  it("refuses n = 0: a municipality without cases has no place in the funnel", () => {
    expect(() => computeFunnelLimits(0.4, 0)).toThrow(RangeError);
  });

  it("orders the limits and keeps them in [0, 1]", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 600 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, p0) => {
        const l = computeFunnelLimits(p0, n);
        expect(0).toBeLessThanOrEqual(l.lower998);
        expect(l.lower998).toBeLessThanOrEqual(l.lower95);
        expect(l.lower95).toBeLessThanOrEqual(l.upper95);
        expect(l.upper95).toBeLessThanOrEqual(l.upper998);
        expect(l.upper998).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("widens as n shrinks (the funnel)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 2, max: 10 }), fc.double({ min: 0.05, max: 0.95, noNaN: true }), (n, factor, p0) => {
        const small = computeFunnelLimits(p0, n);
        const large = computeFunnelLimits(p0, n * factor);
        // A small tolerance: the binomial's discreteness lets interpolated limits wiggle by well under one case.
        const slack = 1 / (n * factor);
        expect(small.upper998 - small.lower998).toBeGreaterThanOrEqual(large.upper998 - large.lower998 - slack);
        expect(small.upper95 - small.lower95).toBeGreaterThanOrEqual(large.upper95 - large.lower95 - slack);
      }),
    );
  });
});

describe("assessFunnel", () => {
  it.each([
    // (reversed, decided, national rate) → verdict; tails from scipy.stats.binom (sf(r-1), cdf(r)).
    [34, 77, 0.449, "within"], // P(R ≥ 34) = 0.596
    [50, 77, 0.449, "above99.8"], // P(R ≥ 50) = 0.000315
    [20, 77, 0.449, "below99.8"], // P(R ≤ 20) = 0.000484
    [0, 20, 0.3, "below99.8"], // P(R = 0) = 0.000798
    [60, 100, 0.449, "above95"], // P(R ≥ 60) = 0.00171
  ] as const)("%i of %i against %f → %s", (r, n, p0, verdict) => {
    expect(assessFunnel(r, n, p0).verdict).toBe(verdict);
  });

  it("reports the exact tail probabilities", () => {
    const a = assessFunnel(50, 77, 0.449);
    expect(a.upperTail).toBeCloseTo(0.0003152110818, 10);
    expect(a.lowerTail).toBeCloseTo(0.99986898, 7);
  });

  it("never flags a single case, whatever its outcome", () => {
    // 1 of 1 lies beyond the interpolated 95 % curve (0,944 at p0 = 0,45), but P(R ≥ 1) = 0,45.
    expect(computeFunnelLimits(0.45, 1).upper95).toBeCloseTo(0.9444444444, 8);
    expect(assessFunnel(1, 1, 0.45).verdict).toBe("within");
    expect(assessFunnel(0, 1, 0.45).verdict).toBe("within");
  });

  it("flags a rate as extreme at most as often as the nominal level when every municipality has the national rate", () => {
    // Exact check, no simulation: sum the binomial mass of the counts flagged above95 or beyond.
    for (const [n, p0] of [[7, 0.45], [30, 0.2], [150, 0.45]] as const) {
      const cdf = binomialCdf(n, p0);
      let flaggedAbove = 0;
      for (let r = 0; r <= n; r++) {
        const v = assessFunnel(r, n, p0).verdict;
        if (v === "above95" || v === "above99.8") flaggedAbove += cdf[r]! - (r === 0 ? 0 : cdf[r - 1]!);
      }
      expect(flaggedAbove).toBeLessThanOrEqual(0.025 + 1e-12);
    }
  });
});
