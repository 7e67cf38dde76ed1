import { describe, expect, it } from "vitest";
import { councilDeadline, isRuleInForce, LEGAL_RULES, publicationDeadline, publicationYearOf, rulesForTreatment, type LegalRule } from "./legal-rules.js";
import { parseIsoDate } from "./iso-date.js";

const ids = (rules: readonly LegalRule[]) => rules.map((r) => r.id).sort();

describe("rulesForTreatment: the rules binding the council's treatment of a data year's map (domain.md §1)", () => {
  it.each([
    // 2021 map: published June 2022, treated by 31 Dec 2022, after § 79 b stk. 2-3 took effect on 1 July 2022.
    [2021, ["action-plan-decision", "council-treatment", "publication-deadline"]],
    [2022, ["action-plan-decision", "council-treatment", "publication-deadline"]],
    [2023, ["action-plan-decision", "council-treatment", "publication-deadline"]],
    // 2024 map: treated in 2025, when the plan decision was repealed (Herning's 2025 minutes: "Bestemmelsen er ophævet").
    [2024, ["council-treatment", "publication-deadline"]],
  ])("data year %i → %j", (year, expected) => {
    expect(ids(rulesForTreatment(year))).toEqual(expected);
  });

  it("has no plan decision before the 2022 amendment", () => {
    expect(ids(rulesForTreatment(2020))).toEqual(["council-treatment", "publication-deadline"]);
  });

  it("reads the rules from the table it is given, so a corrected date is data, not code", () => {
    const extended = LEGAL_RULES.map((r) => (r.id === "action-plan-decision" ? { ...r, validTo: parseIsoDate("2025-12-31") } : r));
    expect(ids(rulesForTreatment(2024, extended))).toContain("action-plan-decision");
  });
});

describe("deadlines", () => {
  it("publishes the map for data year Y before 1 July Y+1 (§ 84 a) and treats it by 31 December Y+1 (§ 79 b stk. 1)", () => {
    expect(publicationYearOf(2024)).toBe(2025);
    expect(publicationDeadline(2024)).toBe("2025-07-01");
    expect(councilDeadline(2024)).toBe("2025-12-31");
    expect(councilDeadline(2021)).toBe("2022-12-31");
  });
});

describe("isRuleInForce", () => {
  const plan = LEGAL_RULES.find((r) => r.id === "action-plan-decision")!;

  it("includes both ends of the validity period", () => {
    expect(isRuleInForce(plan, "2022-06-30")).toBe(false);
    expect(isRuleInForce(plan, "2022-07-01")).toBe(true);
    expect(isRuleInForce(plan, "2024-12-31")).toBe(true);
    expect(isRuleInForce(plan, "2025-01-01")).toBe(false);
  });

  it("treats an open end as still in force", () => {
    const treatment = LEGAL_RULES.find((r) => r.id === "council-treatment")!;
    expect(isRuleInForce(treatment, "2099-01-01")).toBe(true);
  });

  it("cites a provision and a source for every rule", () => {
    for (const rule of LEGAL_RULES) {
      expect(rule.provision).toMatch(/retssikkerhedslovens § /);
      expect(rule.source).toMatch(/^https:\/\//);
      expect(rule.validFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});
