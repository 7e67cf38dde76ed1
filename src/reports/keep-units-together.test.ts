import { describe, expect, it } from "vitest";
import { keepUnitsTogether } from "./keep-units-together.js";

describe("keepUnitsTogether", () => {
  it("binds a figure to its unit with a non-breaking space", () => {
    expect(keepUnitsTogether("44,9 pct. og 95 %-usikkerhedsinterval, +4,2 procentpoint")).toBe("44,9\u00a0pct. og 95\u00a0%-usikkerhedsinterval, +4,2\u00a0procentpoint");
  });

  it("leaves other spaces alone", () => {
    expect(keepUnitsTogether("Herning Kommune 2024 i alt 77")).toBe("Herning Kommune 2024 i alt 77");
  });
});
