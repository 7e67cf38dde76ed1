import { describe, expect, it } from "vitest";
import { complianceStatusKey, FOLLOW_UP_CATEGORIES, FOLLOW_UP_CATEGORY_NAMES_DA, matchesComplianceFilter, MAX_FOLLOW_UP_NOTE_LENGTH, NO_COMPLIANCE_FILTER, validateFollowUp, type ComplianceFilter } from "./compliance-follow-up.js";
import type { ComplianceState } from "./compliance-status.js";

describe("Ankestyrelsen's follow-up categories", () => {
  it("are the four Ankestyrelsen reported for the 2022 map, in Danish", () => {
    expect(FOLLOW_UP_CATEGORIES.map((c) => FOLLOW_UP_CATEGORY_NAMES_DA[c])).toEqual(["ingen opfølgning", "bedt om stillingtagen", "pålagt handleplan", "påmindet om frist"]);
  });

  it("accepts a known category with a trimmed note, and an empty note as none", () => {
    expect(validateFollowUp({ category: "ordered-plan", note: "  Frist 30. juni.  " })).toEqual({ ok: true, category: "ordered-plan", note: "Frist 30. juni." });
    expect(validateFollowUp({ category: "none", note: "   " })).toEqual({ ok: true, category: "none", note: null });
  });

  it("refuses an unknown category, naming the four, and a note that is too long or holds a control character", () => {
    const unknown = validateFollowUp({ category: "bøde", note: null });
    expect(unknown).toMatchObject({ ok: false, problem: { field: "Opfølgning" } });
    if (!unknown.ok) expect(unknown.problem.messageDa).toContain("påmindet om frist (reminded-of-deadline)");
    expect(validateFollowUp({ category: "none", note: "x".repeat(MAX_FOLLOW_UP_NOTE_LENGTH + 1) })).toMatchObject({ ok: false, problem: { field: "Note" } });
    expect(validateFollowUp({ category: "none", note: "a\u0000b" })).toMatchObject({ ok: false, problem: { field: "Note" } });
  });
});

describe("one status per municipality", () => {
  const cases: [ComplianceState, string][] = [
    [{ kind: "not-registered" }, "not-registered"],
    [{ kind: "treated", date: "2025-09-24", beforeDeadline: true }, "treated"],
    [{ kind: "treated", date: "2026-01-14", beforeDeadline: false }, "treated-late"],
    [{ kind: "pending", sentBack: false }, "pending"],
    [{ kind: "pending", sentBack: true }, "sent-back"],
    [{ kind: "overdue", sentBack: true }, "overdue"],
    [{ kind: "overdue", sentBack: false }, "overdue"],
  ];
  it.each(cases)("%j is %s", (state, key) => expect(complianceStatusKey(state)).toBe(key));
});

describe("the overview's filters", () => {
  const rows = [
    { code: "0657", state: { kind: "treated", date: "2025-09-24", beforeDeadline: true }, region: "Region Midtjylland", followUp: { category: "none" } },
    { code: "0151", state: { kind: "pending", sentBack: true }, region: "Region Hovedstaden", followUp: { category: "asked-for-stance" } },
    { code: "0101", state: { kind: "not-registered" }, region: "Region Hovedstaden", followUp: null },
  ] as const;
  const kept = (filter: Partial<ComplianceFilter>) => rows.filter((r) => matchesComplianceFilter(r, { ...NO_COMPLIANCE_FILTER, ...filter })).map((r) => r.code);

  it("keep everything without a filter, and combine status, region and follow-up", () => {
    expect(kept({})).toEqual(["0657", "0151", "0101"]);
    expect(kept({ status: "sent-back" })).toEqual(["0151"]);
    expect(kept({ region: "Region Hovedstaden" })).toEqual(["0151", "0101"]);
    expect(kept({ region: "Region Hovedstaden", status: "not-registered" })).toEqual(["0101"]);
    expect(kept({ followUp: "none" })).toEqual(["0657"]);
    expect(kept({ followUp: "unset" })).toEqual(["0101"]);
    expect(kept({ followUp: "ordered-plan" })).toEqual([]);
  });
});
