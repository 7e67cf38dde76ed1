import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cprIssuesInRecord, hasSixDigitRun } from "./cpr-cells.js";

describe("cprIssuesInRecord", () => {
  it("property: the six-digit pre-filter agrees with /\\d{6}/ on any text of digits and other characters", () => {
    const text = fc.array(fc.constantFrom("0", "1", "9", "5", "a", " ", "-", "§", "."), { maxLength: 40 }).map((a) => a.join(""));
    fc.assert(
      fc.property(text, (s) => {
        expect(hasSixDigitRun(s)).toBe(/\d{6}/.test(s));
      }),
      { numRuns: 5000 },
    );
  });

  it("names every cell with a CPR number by its column, and nothing for a clean record", () => {
    const issues = cprIssuesInRecord("f.csv", 7, ["Herning", "Sag 0101901234", "x", "010190-1234 og mere"], ["Kommune", "Sagsemne", "a", "b"]);
    expect(issues.map((i) => [i.line, i.column, i.columnName])).toEqual([
      [7, 2, "Sagsemne"],
      [7, 4, "b"],
    ]);
    expect(cprIssuesInRecord("f.csv", 7, ["Herning", "Merudgiftydelse §41 + tilbagebetaling", "4. kvartal 2019", "27"], null)).toEqual([]);
  });
});
