import { describe, expect, it } from "vitest";
import { toReasonRecord, withReasonRecords } from "./missing-reason-record.js";
import type { RateEstimate } from "./rate-estimate.js";
import type { YearChange } from "./year-change.js";

describe("toReasonRecord", () => {
  it("gives the sentence under its old name and the code beside it", () => {
    expect(toReasonRecord({ code: "municipality-absent", year: 2024 })).toEqual({ reasonDa: "Kommunen er ikke med i de indlæste tal for 2024", reasonCode: "municipality-absent" });
  });
});

describe("withReasonRecords: a domain value as the API sends it", () => {
  const noData: RateEstimate = { kind: "no-data", reason: { code: "year-not-loaded", year: 2022 } };
  const notComparable: YearChange = { kind: "not-comparable", previousYear: 2022, reason: { code: "year-without-data", year: 2022 } };

  it("replaces each missing value's reason at any depth, in the reason's place, and leaves everything else as it was", () => {
    const value = { year: 2023, rows: [{ estimate: noData, change: notComparable, ci95: [0.1, 0.2] as const }], funnel: { kind: "not-assessed" as const, reason: { code: "no-decided-cases" as const } } };
    const out = withReasonRecords(value);
    expect(out).toEqual({
      year: 2023,
      rows: [
        {
          estimate: { kind: "no-data", reasonDa: "Der er ikke indlæst data for 2022", reasonCode: "year-not-loaded" },
          change: { kind: "not-comparable", previousYear: 2022, reasonDa: "Der er ingen data for 2022", reasonCode: "year-without-data" },
          ci95: [0.1, 0.2],
        },
      ],
      funnel: { kind: "not-assessed", reasonDa: "Ingen realitetsbehandlede sager", reasonCode: "no-decided-cases" },
    });
    expect(Object.keys(out.rows[0]!.change)).toEqual(["kind", "previousYear", "reasonDa", "reasonCode"]);
    expect(value.rows[0]!.estimate).toBe(noData);
  });

  it("leaves an object named reason alone unless its owner is a missing value", () => {
    const other = { kind: "refused", reason: { code: "x" } };
    expect(withReasonRecords(other)).toEqual(other);
  });
});
