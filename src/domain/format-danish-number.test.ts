import { describe, expect, it } from "vitest";
import { formatInteger, formatPercent, formatPercentWithUnit } from "./format-danish-number.js";

describe("formatPercent: one decimal with a decimal comma, as the published tables (domain.md §2)", () => {
  it.each([
    [34 / 77, "44,2"], // Herning 2024, reversed
    [4 / 77, "5,2"], // changed
    [30 / 77, "39,0"], // remitted: the trailing zero stays
    [3102 / 6905, "44,9"], // whole country 2024
    [491 / 6905, "7,1"],
    [2611 / 6905, "37,8"],
    [0, "0,0"],
    [1, "100,0"],
  ])("%d → %s", (fraction, text) => {
    expect(formatPercent(fraction)).toBe(text);
  });

  it("rounds half away from zero on the decimal value, not on the binary float", () => {
    // 0.3025 is stored as 0.30249999…; the ministry's tables show 30,3.
    expect(formatPercent(0.3025)).toBe("30,3");
    expect(formatPercent(0.0005)).toBe("0,1");
    expect(formatPercent(0.0004)).toBe("0,0");
  });

  it("adds the unit as 'pct.'", () => {
    expect(formatPercentWithUnit(3102 / 6905)).toBe("44,9 pct.");
  });
});

describe("formatInteger: thousands dot", () => {
  it.each([
    [6905, "6.905"],
    [1881, "1.881"],
    [532, "532"],
    [0, "0"],
    [1_234_567, "1.234.567"],
  ])("%d → %s", (n, text) => {
    expect(formatInteger(n)).toBe(text);
  });
});
