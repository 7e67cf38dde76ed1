import { describe, expect, it } from "vitest";
import { computeRateEstimate } from "../rate-estimate.js";
import { checkMinutesFigure } from "./check-minutes-figure.js";
import type { MinutesFigure } from "./minutes-item.js";

const span = { start: 0, end: 1, line: 1, text: "x" };
const figure = (decided: number | null, tenths: number | null, decimals: 0 | 1 = 1): MinutesFigure => ({
  map: "socialomraadet",
  decided: decided === null ? null : { value: decided, span },
  reversedPercent: tenths === null ? null : { value: { tenths, decimals }, span },
  from: "table",
});
// Herning 2024, socialområdet: 77 decided, 4 changed, 30 remitted (domain.md §7).
const herning = computeRateEstimate({ upheld: 43, changed: 4, remitted: 30, rejected: 2 });

describe("checkMinutesFigure", () => {
  it("77 / 44,2 matches Herning's 2024 figures", () => {
    const check = checkMinutesFigure(figure(77, 442), herning, 2024);
    expect(check).toMatchObject({ kind: "checked", matches: true, decidedMatches: true, percentMatches: true, datasetDecided: 77, datasetReversedTenths: 442 });
    expect(check.textDa).toBe("Socialområdet generelt: Dokumentet siger 77 sager, 44,2 %, datasættet 77 sager, 44,2 %.");
  });

  it("a whole percentage is compared at its own precision: 44 % matches 44,2 %, 45 % does not", () => {
    expect(checkMinutesFigure(figure(null, 440, 0), herning, 2024)).toMatchObject({ matches: true, decidedMatches: null });
    const off = checkMinutesFigure(figure(null, 450, 0), herning, 2024);
    expect(off).toMatchObject({ matches: false, percentMatches: false });
    expect(off.textDa).toBe("Socialområdet generelt: Dokumentet siger 45 %, datasættet 44,2 % – stemmer ikke.");
  });

  it("a decided count that differs does not match", () => {
    expect(checkMinutesFigure(figure(78, 442), herning, 2024)).toMatchObject({ matches: false, decidedMatches: false, percentMatches: true });
  });

  it("no data for the year is not checked, and says why", () => {
    const check = checkMinutesFigure(figure(77, 442), { kind: "no-data", reason: { code: "year-not-loaded", year: 2024 } }, 2024);
    expect(check).toMatchObject({ kind: "not-checked", reasonDa: "Der er ikke indlæst data for 2024" });
    expect(check.textDa).toContain("datasættet har ingen tal for 2024 (Der er ikke indlæst data for 2024).");
  });
});
