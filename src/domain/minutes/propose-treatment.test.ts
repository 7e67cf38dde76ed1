import { describe, expect, it } from "vitest";
import { bodyIdFromName, type BodyKind, type CouncilBodyEntry } from "../council-bodies.js";
import { markSpans, matchBody } from "./propose-treatment.js";

const body = (nameDa: string, kind: BodyKind): CouncilBodyEntry => ({ id: bodyIdFromName(nameDa), nameDa, kind });

const HERNING: CouncilBodyEntry[] = [
  body("Børne- og Familieudvalget", "committee"),
  body("Social- og Sundhedsudvalget", "committee"),
  body("Byrådet", "council"),
];

describe("matchBody", () => {
  it("takes Byråd for Byrådet by name, and the only council of the list by kind", () => {
    expect(matchBody("Byråd", "byraad", HERNING)).toEqual({ bodyId: "byraadet", match: "name" });
    expect(matchBody("Kommunalbestyrelsen", "byraad", HERNING)).toEqual({ bodyId: "byraadet", match: "kind" });
    expect(matchBody("Teknik- og Miljøudvalget", "fagudvalg", HERNING)).toEqual({ bodyId: null, match: "none" });
  });
});

describe("markSpans", () => {
  it("cuts the stretch into plain and marked text, merging overlaps into one mark with both labels", () => {
    const text = "Punkt 42: Danmarkskortet 2024. Beslutning: taget til efterretning.";
    const segments = markSpans(text, 0, text.length, [
      { start: 10, end: 24, labelDa: "titel" },
      { start: 25, end: 29, labelDa: "dataår" },
      { start: 20, end: 29, labelDa: "overlap" },
    ]);
    expect(segments.map((s) => s.text).join("")).toBe(text);
    expect(segments.filter((s) => s.labelDa).map((s) => [s.text, s.labelDa])).toEqual([["Danmarkskortet 2024", "titel, overlap, dataår"]]);
  });

});
