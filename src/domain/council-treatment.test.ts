import { describe, expect, it } from "vitest";
import { buildCouncilTreatment, formatDanishDate } from "./council-treatment.js";
import { LEGAL_RULES } from "./legal-rules.js";

describe("buildCouncilTreatment", () => {
  it("gives the 2024 map its publication date, the deadline 31 December 2025 and no action-plan decision", () => {
    const t = buildCouncilTreatment(2024);
    expect(t.publicationYear).toBe(2025);
    expect(t.publishedDa).toBe("10. juni 2025");
    expect(t.deadline).toBe("2025-12-31");
    expect(t.deadlineDa).toBe("31. december 2025");
    expect(t.actionPlanDecisionRequired).toBe(false);
    expect(t.actionPlanRuleExpired).toBe(true);
    expect(t.rulesInForce.map((r) => r.id)).toEqual(["publication-deadline", "council-treatment"]);
  });

  it("requires the action-plan decision while § 79 b stk. 2–3 is in force (the 2022 and 2023 maps)", () => {
    expect(buildCouncilTreatment(2022).actionPlanDecisionRequired).toBe(true);
    expect(buildCouncilTreatment(2023).actionPlanDecisionRequired).toBe(true);
    expect(buildCouncilTreatment(2020).actionPlanDecisionRequired).toBe(false);
    expect(buildCouncilTreatment(2020).actionPlanRuleExpired).toBe(false);
  });

  it("follows an edited rule table rather than a constant", () => {
    const extended = LEGAL_RULES.map((r) => (r.id === "action-plan-decision" ? { ...r, validTo: null } : r));
    expect(buildCouncilTreatment(2024, extended).actionPlanDecisionRequired).toBe(true);
  });

  it("says 'inden 1. juli' when the publication date is not known", () => {
    expect(buildCouncilTreatment(2019).publishedDa).toBe("inden 1. juli 2020");
  });

  it("lists the usual bodies in meeting order, with the council deciding", () => {
    const ids = buildCouncilTreatment(2024).bodies.map((b) => b.id);
    expect(ids).toEqual(["udvalg", "handicapraad", "oekonomiudvalg", "byraad"]);
    expect(buildCouncilTreatment(2024).bodies.find((b) => b.id === "byraad")?.role).toBe("beslutning");
  });
});

describe("formatDanishDate", () => {
  it("writes the day without a leading zero and the month in Danish", () => {
    expect(formatDanishDate("2025-06-10")).toBe("10. juni 2025");
    expect(formatDanishDate("2025-01-01")).toBe("1. januar 2025");
  });
  it("rejects a malformed date", () => {
    expect(() => formatDanishDate("2025-13-01")).toThrow(RangeError);
  });
});
