import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { binomialCdf } from "./binomial-distribution.js";
import { assessFunnel, canBeFlagged, computeFunnelLimits } from "./funnel-limits.js";
import { binomialNullModel, nullCdf, overdispersedNullModel } from "./funnel-null-model.js";

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

describe("computeFunnelLimits (Spiegelhalter 2005, exact tails with interpolation)", () => {
  // Reference values computed independently with scipy.stats.binom in python3 (SciPy 1.17): the tail
  // S(k) = binom.sf(k - 1, n, p0) (and F(k) = binom.cdf) drawn as straight lines between whole counts, and the
  // point where it crosses 0,1 % / 2,5 %, divided by n. Lower limits equal the paper's formula; upper limits
  // lie exactly 1/n above the paper's cdf interpolation, so that they agree with the tail test.
  it.each([
    [77, 0.449, 0.2702864203, 0.3316628022, 0.5675103092, 0.6320008039],
    [400, 0.3, 0.2294513491, 0.2542956091, 0.3466587904, 0.3734304412],
    [5, 0.449, -0.1960620336, -0.1015508411, 0.9879410069, 1.189040309],
    [20, 0.05, -0.04986052451, -0.04651311273, 0.192364765, 0.2850598787],
  ])("n = %i around %f", (n, p0, l998, l95, u95, u998) => {
    const limits = computeFunnelLimits(p0, n);
    expect(limits.lower998).toBeCloseTo(l998, 8);
    expect(limits.lower95).toBeCloseTo(l95, 8);
    expect(limits.upper95).toBeCloseTo(u95, 8);
    expect(limits.upper998).toBeCloseTo(u998, 8);
  });

  it("gives København's 19 of 30 at the 2024 national rate an upper 95 % limit above 19/30, so it is drawn inside and called inside", () => {
    const p0 = 3102 / 6905;
    const limits = computeFunnelLimits(p0, 30);
    expect(limits.upper95).toBeCloseTo(0.6468529266, 8);
    expect(19 / 30).toBeLessThan(limits.upper95);
    expect(assessFunnel(19, 30, p0).verdict).toBe("within");
    expect(assessFunnel(20, 30, p0).verdict).toBe("above95");
    expect(20 / 30).toBeGreaterThanOrEqual(limits.upper95);
  });

  it("refuses n = 0: a municipality without cases has no place in the funnel", () => {
    expect(() => computeFunnelLimits(0.4, 0)).toThrow(RangeError);
  });

  it("orders the limits", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 600 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, p0) => {
        const l = computeFunnelLimits(p0, n);
        expect(l.lower998).toBeLessThanOrEqual(l.lower95);
        expect(l.lower95).toBeLessThanOrEqual(l.upper95);
        expect(l.upper95).toBeLessThanOrEqual(l.upper998);
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

describe("one rule: the verdict is exactly where the point lies against the limits drawn", () => {
  const models = (p0: number, tau2: number) => [binomialNullModel(p0), overdispersedNullModel(p0, tau2)];
  it("for every count at every n, binomial and beta-binomial", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.double({ min: 0.02, max: 0.98, noNaN: true }), fc.double({ min: 0.0001, max: 0.05, noNaN: true }), (n, p0, tau2) => {
        // Mismatches are gathered and compared with none once per run: one `expect` per count and verdict
        // would be some 90.000 calls, most of this file's time, for the same check.
        const mismatches: string[] = [];
        for (const model of models(p0, tau2)) {
          const l = computeFunnelLimits(model, n);
          for (let r = 0; r <= n; r++) {
            const { verdict } = assessFunnel(r, n, model);
            const y = r / n;
            const at = `${model.kind} r=${r} n=${n} → ${verdict}`;
            if (verdict === "too-few-cases") {
              if (!(l.lower95 < 0 && l.upper95 > 1)) mismatches.push(`${at}, but the limits ${l.lower95}–${l.upper95} lie inside 0–1`);
              continue;
            }
            const rules: [string, boolean, boolean][] = [
              ["above99.8", verdict === "above99.8", y >= l.upper998],
              ["above95", verdict === "above95", y >= l.upper95 && y < l.upper998],
              ["below99.8", verdict === "below99.8", y <= l.lower998],
              ["below95", verdict === "below95", y <= l.lower95 && y > l.lower998],
              ["within", verdict === "within", y > l.lower95 && y < l.upper95],
            ];
            for (const [name, said, byLimits] of rules) if (said !== byLimits) mismatches.push(`${at}: ${name} by the limits is ${byLimits}`);
          }
        }
        expect(mismatches).toEqual([]);
      }),
      { numRuns: 60 },
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

  it("calls a municipality 'too few cases' exactly where no outcome at its n could be flagged", () => {
    // At 44,9 %: P(R = n) = 0,449^n ≤ 2,5 % first at n = 5; P(R = 0) = 0,551^n first at n = 7.
    for (let n = 1; n <= 4; n++) {
      for (let r = 0; r <= n; r++) expect(assessFunnel(r, n, 0.449).verdict).toBe("too-few-cases");
      expect(canBeFlagged(0.449, n)).toBe(false);
    }
    expect(canBeFlagged(0.449, 5)).toBe(true);
    expect(assessFunnel(5, 5, 0.449).verdict).toBe("above95");
    expect(assessFunnel(0, 5, 0.449).verdict).toBe("within");
  });

  it("never flags a single case, whatever its outcome", () => {
    expect(assessFunnel(1, 1, 0.45).verdict).toBe("too-few-cases");
    expect(assessFunnel(0, 1, 0.45).verdict).toBe("too-few-cases");
    expect(computeFunnelLimits(0.45, 1).upper95).toBeGreaterThan(1);
  });

  it("gives each municipality its exact chance of a flag, at most the nominal level", () => {
    for (const [n, p0] of [[7, 0.45], [30, 0.2], [150, 0.45], [3, 0.45]] as const) {
      const cdf = binomialCdf(n, p0);
      let flagged95 = 0;
      let flagged998 = 0;
      for (let r = 0; r <= n; r++) {
        const v = assessFunnel(r, n, p0).verdict;
        const mass = cdf[r]! - (r === 0 ? 0 : cdf[r - 1]!);
        if (v !== "within" && v !== "too-few-cases") flagged95 += mass;
        if (v === "above99.8" || v === "below99.8") flagged998 += mass;
      }
      const { chanceOutside } = assessFunnel(0, n, p0);
      expect(chanceOutside.p95).toBeCloseTo(flagged95, 12);
      expect(chanceOutside.p998).toBeCloseTo(flagged998, 12);
      expect(flagged95).toBeLessThanOrEqual(0.05 + 1e-12);
    }
  });
});

describe("the beta-binomial null model (over-dispersion)", () => {
  const p0 = 0.449;
  const tau2 = 0.002;
  it("has scipy.stats.betabinom's distribution and limits", () => {
    // python3: v = 4·p0·(1 − p0)·τ², a + b = p0(1 − p0)/v − 1 → a = 55,676, b = 68,324; betabinom(n, a, b).
    const model = overdispersedNullModel(p0, tau2);
    expect(nullCdf(model, 77)[25]).toBeCloseTo(0.0492154164876, 10);
    expect(nullCdf(model, 400)[133]).toBeCloseTo(0.0106884359379, 10);
    const l = computeFunnelLimits(model, 77);
    expect(l.lower998).toBeCloseTo(0.2278795415, 8);
    expect(l.lower95).toBeCloseTo(0.3030258876, 8);
    expect(l.upper95).toBeCloseTo(0.5972857831, 8);
    expect(l.upper998).toBeCloseTo(0.6781621858, 8);
  });

  it("is the binomial at τ² = 0 and wider than it for τ² > 0", () => {
    expect(overdispersedNullModel(p0, 0)).toEqual(binomialNullModel(p0));
    for (const n of [10, 77, 400, 2000]) {
      const wide = computeFunnelLimits(overdispersedNullModel(p0, tau2), n);
      const narrow = computeFunnelLimits(p0, n);
      expect(wide.upper95).toBeGreaterThan(narrow.upper95);
      expect(wide.lower95).toBeLessThan(narrow.lower95);
    }
  });
});
