import { describe, expect, it } from "vitest";
import { csvCell, neutraliseCsvFormula } from "./csv-cell.js";

describe("CSV cells are neutralised by OWASP's CSV-injection rule", () => {
  it("prefixes every cell a spreadsheet would run as a formula", () => {
    for (const attack of ['=HYPERLINK("http://x","klik")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]) {
      expect(neutraliseCsvFormula(attack)).toBe(`'${attack}`);
    }
    expect(csvCell('=HYPERLINK("http://x")', ";")).toBe(`"'=HYPERLINK(""http://x"")"`);
  });

  it("leaves plain text and plain numbers, also negative ones, as they are", () => {
    for (const plain of ["Herning", "44,2", "-2", "-1.234,5", "+3", "-0.5", "Voksne - merudgifter - § 100", ""]) expect(neutraliseCsvFormula(plain)).toBe(plain);
    expect(csvCell("a;b", ";")).toBe('"a;b"');
    expect(csvCell("a;b", ",")).toBe("a;b");
  });
});
