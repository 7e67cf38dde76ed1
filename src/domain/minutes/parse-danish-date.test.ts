import { describe, expect, it } from "vitest";
import { findDanishDates, parseDanishDate } from "./parse-danish-date.js";

describe("parseDanishDate", () => {
  it.each([
    ["Torsdag d. 28. august 2025 kl. 16:00", "2025-08-28"],
    ["REFERAT Handicaprådet d. 28-08-2025", "2025-08-28"],
    ["Beslutning Byråd den 07-10-2025", "2025-10-07"],
    ["Socialudvalget 30.9.2025", "2025-09-30"],
    ["2025-09-30", "2025-09-30"],
    ["den 3. dec. 2025", "2025-12-03"],
  ])("%s → %s", (text, iso) => {
    expect(parseDanishDate(text)).toBe(iso);
  });

  it("a date that does not exist is none", () => {
    expect(parseDanishDate("den 31-02-2025")).toBeNull();
    expect(parseDanishDate("den 30. februar 2025")).toBeNull();
  });

  it("finds every date with its place", () => {
    const text = "behandlet i Børne- og Familieudvalget den 13. august 2025 og i Social- og Sundhedsudvalget den 20. august 2025.";
    expect(findDanishDates(text).map((d) => [d.iso, text.slice(d.index, d.index + d.length)])).toEqual([
      ["2025-08-13", "13. august 2025"],
      ["2025-08-20", "20. august 2025"],
    ]);
  });
});
