import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_MAX_COUNT, parseCount, parsePercent } from "./parse-count.js";

describe("parseCount", () => {
  it("reads plain digits, Danish thousands dots and surrounding spaces", () => {
    expect(parseCount("0")).toEqual({ kind: "count", value: 0 });
    expect(parseCount("77")).toEqual({ kind: "count", value: 77 });
    expect(parseCount("6.905")).toEqual({ kind: "count", value: 6905 });
    expect(parseCount("1.000.000")).toEqual({ kind: "count", value: 1_000_000 });
    expect(parseCount(" 42 ")).toEqual({ kind: "count", value: 42 });
    // Above the plausible bound only when the caller raises it; exact all the same.
    expect(parseCount("1.234.567", 2_000_000)).toEqual({ kind: "count", value: 1234567 });
    expect(parseCount("12345678901", Number.MAX_SAFE_INTEGER)).toEqual({ kind: "count", value: 12345678901 });
  });

  it("refuses a count above the plausible bound instead of wrapping it (DEFAULT_MAX_COUNT)", () => {
    for (const raw of ["1000001", "1.000.001", "2147483648", "99999999999999999999"]) {
      const parsed = parseCount(raw);
      expect(parsed.kind).toBe("invalid");
      expect(parsed.kind === "invalid" && parsed.reasonDa).toContain("større end grænsen på 1.000.000 sager i én celle");
    }
  });

  it("refuses what is not a case count, saying why in Danish", () => {
    expect(parseCount("")).toEqual({ kind: "invalid", reasonDa: "Antallet mangler (tomt felt)" });
    expect(parseCount("  ")).toEqual({ kind: "invalid", reasonDa: "Antallet mangler (tomt felt)" });
    expect(parseCount("-3")).toEqual({ kind: "invalid", reasonDa: 'Antallet er negativt: "-3"' });
    expect(parseCount("12,5")).toEqual({ kind: "invalid", reasonDa: 'Antallet er ikke et helt tal: "12,5"' });
    // A dot before fewer than three digits is a decimal point, not a thousands dot.
    expect(parseCount("12.5")).toEqual({ kind: "invalid", reasonDa: 'Antallet er ikke et helt tal: "12.5"' });
    expect(parseCount("1.23.456")).toMatchObject({ kind: "invalid" });
    expect(parseCount("ca. 40")).toEqual({ kind: "invalid", reasonDa: 'Antallet er ikke et tal: "ca. 40"' });
  });

  it("gives back every integer from 0 to the bound, written plain or with thousands dots (property)", () => {
    const danish = new Intl.NumberFormat("da-DK", { useGrouping: true });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: DEFAULT_MAX_COUNT }), (n) => {
        expect(parseCount(String(n))).toEqual({ kind: "count", value: n });
        expect(parseCount(danish.format(n))).toEqual({ kind: "count", value: n });
      }),
    );
  });
});

describe("parsePercent", () => {
  it("reads the published percentage with a comma or a dot and an optional %, and empty as no value", () => {
    expect(parsePercent("44,2")).toBe(44.2);
    expect(parsePercent("44.2")).toBe(44.2);
    expect(parsePercent("44,2 %")).toBe(44.2);
    expect(parsePercent("100")).toBe(100);
    for (const empty of ["", " ", "-", "NA", "na"]) expect(parsePercent(empty)).toBeNull();
    expect(parsePercent("fire")).toBeNaN();
    expect(parsePercent("44,2,1")).toBeNaN();
  });
});
