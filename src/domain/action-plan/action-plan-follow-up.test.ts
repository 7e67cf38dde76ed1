import { describe, expect, it } from "vitest";
import { cellsOfRows, expectedCounts, FOCUS_LABELS, handleplanRows, LABELS, PLAN_CODE, seedPlan } from "../../../test/action-plans/handleplan-seed-data.js";
import { indexCellTotals } from "../cell-totals.js";
import { decidedOf, reversedOf } from "../outcome.js";
import { computeActionPlanFollowUp, followUpYears } from "./action-plan-follow-up.js";
import type { FocusAreaYear } from "./action-plan-follow-up.js";

const YEARS = [2019, 2020, 2021];
const rows = handleplanRows(YEARS);
const totals = indexCellTotals(cellsOfRows(rows));

function countsOf(y: FocusAreaYear) {
  if (y.municipality.kind !== "estimate") throw new Error(`expected an estimate, got ${y.municipality.kind}`);
  return { decided: y.municipality.decided, reversed: y.municipality.reversed, rate: y.municipality.reversalRate };
}

describe("action plan follow-up, computed from the data (issue 13, item 3)", () => {
  const followUp = computeActionPlanFollowUp(seedPlan(), PLAN_CODE, { totals });

  it("gives the seed's combined figures per year: 5 cases (80 %), 4 (50 %), 4 (75 %)", () => {
    expect(followUp.years).toEqual(YEARS);
    const combined = followUp.combined!.years.map(countsOf);
    expect(combined).toEqual([
      { decided: 5, reversed: 4, rate: 0.8 },
      { decided: 4, reversed: 2, rate: 0.5 },
      { decided: 4, reversed: 3, rate: 0.75 },
    ]);
  });

  it("gives each focus area's counts, changed and remitted included, as the rows have them, with the national level as the sum of the 98", () => {
    const byGroup = Object.fromEntries(followUp.areas.map((a) => [a.focusArea!.kind === "group" ? a.focusArea!.groupId : a.key, a]));
    for (const [groupId, labels] of Object.entries(FOCUS_LABELS)) {
      const area = byGroup[groupId]!;
      expect(area.years.map((y) => y.year)).toEqual(YEARS);
      for (const y of area.years) {
        const own = expectedCounts(rows, y.year, labels, PLAN_CODE);
        const national = expectedCounts(rows, y.year, labels, null);
        expect(y.municipality).toMatchObject({ kind: "estimate", decided: decidedOf(own), reversed: reversedOf(own), counts: own });
        expect(y.national).toMatchObject({ kind: "estimate", decided: decidedOf(national), reversed: reversedOf(national) });
        expect(y.funnel.kind).toBe("assessed");
        expect(y.role).toBe(y.year <= 2021 ? "basis" : "follow-up");
      }
    }
    // Renamed label (2020) and the botilbud label moving from § 108 to § 107 are followed by paragraph.
    expect(countsOf(byGroup["sel-95"]!.years[1]!)).toEqual({ decided: 2, reversed: 1, rate: 0.5 });
    expect(byGroup["sel-95"]!.years[1]!.matchedSubjects.map((s) => s.subject)).toEqual([LABELS.cashRenamed]);
    expect(byGroup["sel-107-108"]!.years[1]!.matchedSubjects.map((s) => s.subject)).toEqual([LABELS.housing107]);
  });

  it("keeps out § 97, § 110 and a § 95 of a law outside the maps", () => {
    const all = followUp.areas.flatMap((a) => a.years.flatMap((y) => y.matchedSubjects.map((s) => s.subject)));
    expect(all).not.toContain(LABELS.escort);
    expect(all).not.toContain(LABELS.shelter);
    expect(all).not.toContain("Kontanthjælp § 95");
  });

  it("judges in plain Danish with the number of cases, never as an error rate", () => {
    const y2019 = followUp.combined!.years[0]!;
    expect(y2019.judgementDa).toContain("5 realitetsbehandlede sager i 2019, heraf 4 omgjort: omgørelsesprocent 80,0 pct.");
    expect(y2019.judgementDa).toContain("Én sag flytter procenten 20,0 procentpoint.");
    expect(y2019.judgementDa).toContain("landsplan");
    for (const a of [...followUp.areas, followUp.combined!]) {
      for (const y of a.years) expect(y.judgementDa.toLowerCase()).not.toMatch(/fejl/);
    }
    // With one case nothing can be told apart from the national level: the verdict rule says so.
    const bpa2020 = followUp.areas.find((a) => a.key === "group:sel-96")!.years[1]!;
    expect(countsOf(bpa2020).decided).toBe(1);
    expect(bpa2020.funnel).toMatchObject({ kind: "assessed", verdict: "too-few-cases" });
    expect(bpa2020.judgementDa).toContain("kan ikke vurderes – for få sager");
    expect(followUp.combined!.years[1]!.change).toMatchObject({ kind: "change", previousYear: 2019, verdict: "no-clear-change" });
  });

  it("extends itself when next year's data arrive: 2022 becomes a follow-up year", () => {
    const withNext = indexCellTotals(cellsOfRows(handleplanRows([...YEARS, 2022])));
    const next = computeActionPlanFollowUp(seedPlan(), PLAN_CODE, { totals: withNext });
    expect(next.years).toEqual([2019, 2020, 2021, 2022]);
    const y2022 = next.combined!.years[3]!;
    expect(y2022.role).toBe("follow-up");
    expect(countsOf(y2022)).toEqual({ decided: 3, reversed: 0, rate: 0 });
  });

  it("shows a year without data as no data, never as 0, and carries a newer extraction's figure beside the shown one", () => {
    const plan = seedPlan({ dataYears: [2021, 2022] });
    expect(followUpYears(plan, totals)).toEqual([2019, 2020, 2021, 2022]);
    const f = computeActionPlanFollowUp(plan, PLAN_CODE, { totals, revisedTotals: indexCellTotals(cellsOfRows(handleplanRows([2021], { revised: true }))) });
    expect(f.combined!.years[3]!.municipality).toEqual({ kind: "no-data", reason: { code: "year-not-loaded", year: 2022 } });
    expect(f.combined!.years[3]!.judgementDa).toBe("Ingen tal for 2022: Der er ikke indlæst data for 2022.");
    const y2021 = f.combined!.years[2]!;
    expect(countsOf(y2021)).toEqual({ decided: 4, reversed: 3, rate: 0.75 });
    expect(y2021.revision).toMatchObject({ kind: "revised", estimate: { kind: "estimate", decided: 4, reversed: 4 } });
    expect(f.combined!.years[1]!.revision).toEqual({ kind: "unrevised" });
  });

  it("follows a children's group from serviceloven to barnets lov in 2024", () => {
    const cells = cellsOfRows([
      { place: "Herning", law: "Serviceloven", subject: "Merudgiftydelse §41 + tilbagebetaling", period: "2023", counts: { upheld: 3, changed: 1, remitted: 1, rejected: 0 } },
      { place: "Herning", law: "Barnets lov", subject: "Børn - merudgifter - § 86", period: "2024", counts: { upheld: 2, changed: 0, remitted: 2, rejected: 0 } },
      // Still decided under the old section after 2024: stays in the group, as it stays in the map.
      { place: "Herning", law: "Serviceloven", subject: "Merudgiftydelse §41 + tilbagebetaling", period: "2024", counts: { upheld: 1, changed: 0, remitted: 0, rejected: 0 } },
      // Barnets lov § 41 is another provision, and barnets lov has no map before 2024.
      { place: "Herning", law: "Barnets lov", subject: "Børn - § 41", period: "2024", counts: { upheld: 5, changed: 5, remitted: 0, rejected: 0 } },
    ]);
    const f = computeActionPlanFollowUp(seedPlan({ dataYears: [2023], followUpFrom: 2023, focusAreas: [{ kind: "group", groupId: "child-extra-costs" }] }), PLAN_CODE, { totals: indexCellTotals(cells) });
    expect(f.combined).toBeNull();
    expect(f.areas[0]!.years.map(countsOf)).toEqual([
      { decided: 5, reversed: 2, rate: 0.4 },
      { decided: 5, reversed: 2, rate: 0.4 },
    ]);
  });

  it("matches a subject chosen from the data by its paragraphs, and one without paragraphs by its label", () => {
    const bySubject = computeActionPlanFollowUp(seedPlan({ focusAreas: [{ kind: "subject", subject: LABELS.cash, law: "Serviceloven" }] }), PLAN_CODE, { totals });
    expect(bySubject.areas[0]!.years.map((y) => countsOf(y).decided)).toEqual([2, 2, 1]);
    const cells = cellsOfRows([{ place: "Herning", law: "Serviceloven", subject: "Voksne - særlige sager", period: "2021", counts: { upheld: 1, changed: 1, remitted: 0, rejected: 0 } }]);
    const byLabel = computeActionPlanFollowUp(seedPlan({ followUpFrom: 2021, focusAreas: [{ kind: "subject", subject: "voksne - SÆRLIGE sager ", law: "Serviceloven" }] }), PLAN_CODE, { totals: indexCellTotals(cells) });
    expect(countsOf(byLabel.areas[0]!.years[0]!)).toEqual({ decided: 2, reversed: 1, rate: 0.5 });
  });

  it("takes a whole map as a focus area with the map's own figures", () => {
    const f = computeActionPlanFollowUp(seedPlan({ focusAreas: [{ kind: "map", map: "voksenhandicapomraadet", area: "total" }] }), PLAN_CODE, { totals });
    for (const y of f.areas[0]!.years) {
      const mapCounts = totals.counts(y.year, "voksenhandicapomraadet", "total", PLAN_CODE)!;
      expect(countsOf(y).decided).toBe(decidedOf(mapCounts));
    }
  });
});
