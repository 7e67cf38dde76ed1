import { describe, expect, it } from "vitest";
import { UserError } from "../user-error.js";
import { parseLogLevel, parseMetricsToken } from "./serve.js";

describe("serve's settings from the environment", () => {
  it("reads DANMARKSKORT_LOG_LEVEL: info when unset, any of pino's levels, and a Danish refusal for anything else", () => {
    expect(parseLogLevel(undefined)).toBe("info");
    expect(parseLogLevel("")).toBe("info");
    for (const level of ["fatal", "error", "warn", "info", "debug", "trace", "silent"]) expect(parseLogLevel(level)).toBe(level);
    expect(() => parseLogLevel("INFO")).toThrow(UserError);
    expect(() => parseLogLevel("snakkesalig")).toThrow('DANMARKSKORT_LOG_LEVEL skal være en af fatal, error, warn, info, debug, trace, silent, ikke "snakkesalig".');
  });

  it("reads DANMARKSKORT_METRICS_TOKEN: none when unset, and refuses a short one or one with spaces", () => {
    expect(parseMetricsToken(undefined)).toBeUndefined();
    expect(parseMetricsToken("")).toBeUndefined();
    expect(parseMetricsToken("a".repeat(24))).toBe("a".repeat(24));
    expect(() => parseMetricsToken("hemmelig")).toThrow(/mindst 24 tegn/);
    expect(() => parseMetricsToken(`${"a".repeat(24)} b`)).toThrow(UserError);
  });
});
