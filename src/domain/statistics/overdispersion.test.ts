import { describe, expect, it } from "vitest";
import { chiSquareSurvival, logGamma } from "./chi-square.js";
import { estimateOverdispersion } from "./overdispersion.js";

describe("chiSquareSurvival", () => {
  // Reference: scipy.stats.chi2.sf (SciPy 1.17), computed independently of this code.
  it.each([
    [130.3, 97, 0.013613346132091319],
    [97, 97, 0.4809029893713609],
    [3.84, 1, 0.05004352124870519],
    [0.5, 3, 0.9188914116546758],
    [0.001, 2, 0.9995001249791693],
  ])("P(χ² ≥ %f | df = %i) = %f (scipy)", (x, df, expected) => {
    expect(chiSquareSurvival(x, df)).toBeCloseTo(expected, 12);
  });

  it("is accurate far in the tail, relatively", () => {
    expect(chiSquareSurvival(250, 97) / 1.855996964556145e-15).toBeCloseTo(1, 9);
  });

  it("has ln Γ at known points", () => {
    expect(logGamma(1)).toBeCloseTo(0, 13);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 13);
    expect(logGamma(49)).toBeCloseTo(140.67392364823425, 9); // ln(48!), python3 math.lgamma(49)
  });
});

describe("estimateOverdispersion (Spiegelhalter 2005, section 5)", () => {
  it("matches a hand computation in python3 (numpy percentiles, scipy chi2.sf)", () => {
    // z = (asin √(r/n) − asin √p0)·2√n; winsorised at numpy.quantile(z, 0,1 / 0,9); φ = mean(z²);
    // p = chi2.sf(I·φ, I − 1); τ² = (I·φ − (I − 1)) / (Σw − Σw²/Σw), w = 4n.
    const units = [[5, 10], [2, 10], [9, 12], [1, 15], [30, 50], [12, 40], [20, 30], [3, 25], [40, 60], [15, 45], [7, 7], [0, 6]].map(([reversed, decided]) => ({ reversed: reversed!, decided: decided! }));
    const od = estimateOverdispersion(units, 144 / 310)!;
    expect(od.phi).toBeCloseTo(7.109206880039122, 12);
    expect(od.pValue).toBeCloseTo(1.374778908834302e-13, 20);
    expect(od.tau2).toBeCloseTo(0.06840066509616113, 12);
    expect(od).toMatchObject({ adjusted: true, units: 12, method: "spiegelhalter-2005-arcsine-winsorised-10pct" });
  });

  it("finds no over-dispersion where every municipality has the national rate, and leaves the limits alone", () => {
    const units = Array.from({ length: 98 }, (_, i) => ({ reversed: 9 * (1 + (i % 4)), decided: 20 * (1 + (i % 4)) }));
    const od = estimateOverdispersion(units, 0.45)!;
    expect(od.phi).toBeCloseTo(0, 12);
    expect(od).toMatchObject({ adjusted: false, tau2: null });
    expect(od.pValue).toBeCloseTo(1, 12);
  });

  it("leaves out municipalities without cases and needs three with cases", () => {
    expect(estimateOverdispersion([{ reversed: 1, decided: 2 }, { reversed: 0, decided: 0 }, { reversed: 3, decided: 4 }], 0.5)).toBeNull();
    expect(estimateOverdispersion([{ reversed: 1, decided: 2 }, { reversed: 0, decided: 0 }, { reversed: 3, decided: 4 }, { reversed: 1, decided: 5 }], 0.5)!.units).toBe(3);
  });
});
