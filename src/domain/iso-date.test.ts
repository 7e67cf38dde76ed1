import { describe, expect, it } from "vitest";
import { isIsoDate, parseIsoDate } from "./iso-date.js";

describe("IsoDate", () => {
  it("is a day the calendar has, written YYYY-MM-DD", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("2025-13-01")).toBe(false);
    expect(isIsoDate("2025-1-01")).toBe(false);
    expect(isIsoDate("01-10-2025")).toBe(false);
    expect(isIsoDate("2025-10-01T00:00:00Z")).toBe(false);
  });

  it("parses a stored date, keeps null as null and refuses anything else by name", () => {
    expect(parseIsoDate("2025-12-31")).toBe("2025-12-31");
    expect(parseIsoDate(null)).toBeNull();
    expect(() => parseIsoDate("31.12.2025")).toThrow(/Ugyldig dato.*"31\.12\.2025"/);
  });
});
