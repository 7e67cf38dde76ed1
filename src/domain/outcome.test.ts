import { describe, expect, it } from "vitest";
import { addCounts, decidedOf, OUTCOME_NAMES_DA, OUTCOMES, reversedOf, ZERO_COUNTS } from "./outcome.js";

const counts = (upheld: number, changed: number, remitted: number, rejected: number) => ({ upheld, changed, remitted, rejected });

describe("outcome arithmetic (domain.md §2)", () => {
  it("decided = upheld + changed + remitted; rejected cases were never examined and are not in it", () => {
    expect(decidedOf(counts(43, 4, 30, 9))).toBe(77);
    expect(decidedOf(counts(0, 0, 0, 12))).toBe(0);
  });

  it("reversed = changed + remitted", () => {
    expect(reversedOf(counts(43, 4, 30, 9))).toBe(34);
    // Ankestyrelsen's worked example: 19 remitted + 5 changed.
    expect(reversedOf(counts(105, 5, 19, 0))).toBe(24);
  });

  it("adds counts outcome by outcome, with ZERO_COUNTS as identity", () => {
    expect(addCounts(counts(1, 2, 3, 4), counts(10, 20, 30, 40))).toEqual(counts(11, 22, 33, 44));
    expect(addCounts(ZERO_COUNTS, counts(1, 2, 3, 4))).toEqual(counts(1, 2, 3, 4));
  });

  it("names every outcome in Danish", () => {
    expect(OUTCOMES.map((o) => OUTCOME_NAMES_DA[o])).toEqual(["Stadfæstelse", "Ændring/ophævelse", "Hjemvisning", "Afvisning/henvisning"]);
  });
});
