import { describe, expect, it } from "vitest";
import { formatDateDa, formatDateTimeDa } from "./format-danish-date.js";

describe("Danish dates", () => {
  it("gives the date and time in Danish time, summer and winter", () => {
    expect(formatDateDa("2025-06-10T22:30:00.000Z")).toBe("11. juni 2025");
    expect(formatDateTimeDa("2025-06-20T08:05:00.000Z")).toBe("20. juni 2025 kl. 10.05");
    expect(formatDateTimeDa("2025-12-31T23:00:00.000Z")).toBe("1. januar 2026 kl. 00.00");
  });
});
