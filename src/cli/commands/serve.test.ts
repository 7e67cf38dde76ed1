import { describe, expect, it } from "vitest";
import { UserError } from "../user-error.js";
import { parseLogLevel } from "./serve.js";

describe("serve's settings from the environment", () => {
  it("reads DANMARKSKORT_LOG_LEVEL: info when unset, any of pino's levels, and a Danish refusal for anything else", () => {
    expect(parseLogLevel(undefined)).toBe("info");
    expect(parseLogLevel("")).toBe("info");
    for (const level of ["fatal", "error", "warn", "info", "debug", "trace", "silent"]) expect(parseLogLevel(level)).toBe(level);
    expect(() => parseLogLevel("INFO")).toThrow(UserError);
    expect(() => parseLogLevel("snakkesalig")).toThrow('DANMARKSKORT_LOG_LEVEL skal være en af fatal, error, warn, info, debug, trace, silent, ikke "snakkesalig".');
  });
});
