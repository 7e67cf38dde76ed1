import { describe, expect, it } from "vitest";
import { cellsOfRows, handleplanRows, PLAN_CODE, seedPlan } from "../../test/action-plans/handleplan-seed-data.js";
import { computeActionPlanFollowUp } from "../domain/action-plan/action-plan-follow-up.js";
import { indexCellTotals } from "../domain/cell-totals.js";
import { buildActionPlanChartModel, renderActionPlanChartSvg } from "./action-plan-chart.js";

describe("the action plan's chart", () => {
  const followUp = computeActionPlanFollowUp(seedPlan(), PLAN_CODE, { totals: indexCellTotals(cellsOfRows(handleplanRows([2019, 2020, 2021]))) });
  const model = buildActionPlanChartModel({ municipalityNameDa: "Herning", planTitleDa: "Handleplan 2021", followUp, sourceLineDa: "Kilde: Ankestyrelsen" });

  it("has one panel per focus area, all together first, stacked without overlap inside the drawing", () => {
    expect(model.panels.map((p) => p.key)).toEqual(["combined", "group:sel-107-108", "group:sel-96", "group:sel-95"]);
    for (let i = 1; i < model.panels.length; i++) expect(model.panels[i]!.y).toBeGreaterThanOrEqual(model.panels[i - 1]!.y + model.panels[i - 1]!.chart.height);
    const last = model.panels.at(-1)!;
    expect(model.height).toBeGreaterThan(last.y + last.chart.height);
    expect(model.descriptionDa).toContain("Fokusområderne samlet: 2019 4 af 5 sager omgjort, 2020 2 af 4 sager omgjort, 2021 3 af 4 sager omgjort");
  });

  it("draws each panel with unique ids", () => {
    const svg = renderActionPlanChartSvg(model);
    const ids = [...svg.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(2 + 2 * model.panels.length);
    expect(svg).toContain("Omgørelsesprocent over tid: Herning, Voksne – kontante tilskud § 95");
    expect(svg.toLowerCase()).not.toContain("fejl");
  });
});
