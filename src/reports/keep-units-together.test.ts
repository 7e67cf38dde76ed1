import { describe, expect, it } from "vitest";
import { keepUnitsTogether } from "./keep-units-together.js";

describe("keepUnitsTogether", () => {
  it("binds a figure to its unit with a non-breaking space", () => {
    expect(keepUnitsTogether("44,9 pct. og 95 %-usikkerhedsinterval, +4,2 procentpoint")).toBe("44,9\u00a0pct. og 95\u00a0%-usikkerhedsinterval, +4,2\u00a0procentpoint");
  });

  it("keeps a paragraph sign with its number", () => {
    expect(keepUnitsTogether("servicelovens §§ 83 og 86, barnets lov § 90")).toBe("servicelovens §§\u00a083 og 86, barnets lov §\u00a090");
  });

  it("leaves other spaces alone", () => {
    expect(keepUnitsTogether("Herning Kommune 2024 i alt 77")).toBe("Herning Kommune 2024 i alt 77");
  });
});
