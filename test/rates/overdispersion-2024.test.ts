import { describe, expect, it } from "vitest";
import { describeChanceFlagsDa, describeOverdispersionDa } from "../../src/domain/funnel-summary-text.js";
import { buildMapFigures } from "../../src/domain/map-figures.js";
import { overdispersed2024Cells } from "./overdispersed-2024-cells.js";
import { published2024Cells } from "./published-2024-cells.js";

/** Issue 10, item 2: over-dispersion per map, area and year, and the widened limits it leads to. */
describe("over-dispersion on 2024-like data", () => {
  it("is found on the social map with real between-municipality variation, and the widened limits flag fewer municipalities", () => {
    const f = buildMapFigures(overdispersed2024Cells(), { map: "socialomraadet", year: 2024, area: "total" });
    const s = f.funnelSummary;
    // Independently recomputed with numpy/scipy (numpy.quantile, scipy.stats.chi2.sf): φ = 1,5474, p = 0,000327, τ² = 0,00203.
    expect(s.overdispersion!.phi).toBeCloseTo(1.5474438658715284, 10);
    expect(s.overdispersion!.pValue).toBeCloseTo(0.00032708433294501287, 12);
    expect(s.overdispersion!.tau2).toBeCloseTo(0.0020324774604778746, 12);
    expect(s.overdispersion!.adjusted).toBe(true);
    expect(s.model!.kind).toBe("beta-binomial");
    expect(s.outsideUnadjusted).toEqual({ p95: 11, p998: 1 });
    expect(s.outside).toEqual({ p95: 5, p998: 0 });
    expect(s.outside.p95).toBeLessThan(s.outsideUnadjusted!.p95);
    expect(describeOverdispersionDa(s)).toBe(
      "Kommunernes omgørelsesprocenter spreder sig mere, end de ville, hvis alle kommuner havde samme underliggende procent (φ = 1,55, p = under 0,001); " +
        "tragtplottets grænser er derfor udvidet med den ekstra variation mellem kommunerne (Spiegelhalter 2005), så kun en kommune, der afviger mere end den, markeres.",
    );
    expect(describeChanceFlagsDa(s)).toBe(
      "Selv hvis alle kommuner reelt lå på landsplan, ville man ved tilfældighed alene forvente ca. 3,6 kommuner uden for 95 %-grænserne og ca. 0,1 uden for 99,8 %-grænserne. " +
        "Her ligger 5 uden for 95 %-grænserne, heraf ingen uden for 99,8 %-grænserne.",
    );
  });

  it("is absent where the published figures are spread evenly, so the limits stay binomial", () => {
    const f = buildMapFigures(published2024Cells(), { map: "socialomraadet", year: 2024, area: "total" });
    expect(f.funnelSummary.overdispersion).toMatchObject({ adjusted: false, tau2: null });
    expect(f.funnelSummary.model!.kind).toBe("binomial");
    expect(f.funnelSummary.outsideUnadjusted).toBeNull();
    // Σ over the 98 of each one's exact chance of a flag at its n (scipy: 3,703 and 0,139).
    expect(f.funnelSummary.expectedOutside.p95).toBeCloseTo(3.703, 3);
    expect(f.funnelSummary.expectedOutside.p998).toBeCloseTo(0.1391, 4);
  });
});
