import { describe, expect, it } from "vitest";
import { formField } from "./form-field.js";

describe("formField", () => {
  it("reads a posted field as the text it was typed, markup and all", () => {
    expect(formField({ kommentar: "<b>Ærø</b> & co" }, "kommentar")).toBe("<b>Ærø</b> & co");
  });

  it("takes the first of a repeated name, and gives '' for a missing field or no body", () => {
    expect(formField({ aar: ["2024", "2023"] }, "aar")).toBe("2024");
    expect(formField({ aar: "2024" }, "status")).toBe("");
    expect(formField({ aar: [3] }, "aar")).toBe("");
    expect(formField(undefined, "aar")).toBe("");
    expect(formField(null, "aar")).toBe("");
  });
});
