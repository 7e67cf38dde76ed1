import { describe, expect, it } from "vitest";
import { indexCellTotals } from "../../src/domain/cell-totals.js";
import { buildAgendaItemFor } from "../../src/reports/agenda-item-files.js";
import type { AgendaItemModel } from "../../src/reports/agenda-item-model.js";
import type { ReportTable } from "../../src/reports/report-document.js";
import { renderAgendaItemMarkdown } from "../../src/reports/render-agenda-item-markdown.js";
import { generateReferenceCells, generateReferenceProvenance, HERNING } from "./support/reference-cells.js";

/**
 * Issue 9, point 4: a municipality with one imported year (a first real import of 2024) gets a clean item:
 * one sentence that earlier years are not loaded, no "der er ingen data for 2023" per map, no "fra 2024 til
 * 2024", no table of dashes and no trend chart of one dot.
 */
function item(years: readonly number[], focus = 2024): AgendaItemModel {
  const totals = indexCellTotals(generateReferenceCells(years));
  return buildAgendaItemFor(totals, generateReferenceProvenance(false, years), HERNING, focus, { sections: "alle" }).model;
}

const textOf = (m: AgendaItemModel) => renderAgendaItemMarkdown(m).replace(/\\/g, "");
const tablesOf = (m: AgendaItemModel) => m.sections.flatMap((s) => s.blocks).filter((b): b is ReportTable => b.kind === "table");
const figuresOf = (m: AgendaItemModel) => m.sections.flatMap((s) => s.blocks).filter((b) => b.kind === "figure");

describe("agenda item with one loaded year", () => {
  const one = item([2024]);
  const text = textOf(one);

  it("says once that earlier years are not loaded", () => {
    const sentence = "Datagrundlaget indeholder kun tal for 2024; tal for tidligere år er ikke indlæst.";
    expect(text.split(sentence).length - 1).toBe(1);
  });

  it("repeats no missing-year phrase and never spans 2024–2024", () => {
    expect(text).not.toMatch(/ingen data/i);
    expect(text).not.toContain("2023");
    expect(text).not.toMatch(/fra 2024 til 2024|2024–2024/);
    expect(text).not.toContain("kan ikke vurderes");
  });

  it("has no change table and a neighbour table with the one year only", () => {
    expect(tablesOf(one).some((t) => /2023 og 2024/.test(t.caption))).toBe(false);
    const neighbours = tablesOf(one).find((t) => /nabokommunerne/.test(t.caption))!;
    expect(neighbours.flatHeader).toEqual(["Kommune", "2024"]);
    expect(neighbours.rows.find((r) => r.emphasis)!.cells).toEqual(["Herning Kommune", "44,2 (77)"]);
  });

  it("draws the neighbour map but no one-dot trend chart", () => {
    expect(figuresOf(one).map((f) => f.kind === "figure" && f.figureId)).toEqual(["neighbour-map"]);
  });

  it("with earlier years but not the previous one, says that once and shows the trend", () => {
    const gap = item([2022, 2024]);
    const gapText = textOf(gap);
    expect(gapText.split("Tal for 2023 er ikke indlæst, så udviklingen fra 2023 til 2024 kan ikke vurderes.").length - 1).toBe(1);
    expect(gapText).not.toMatch(/ingen data for 2023/i);
    expect(figuresOf(gap).map((f) => f.kind === "figure" && f.figureId)).toEqual(["neighbour-map", "trend-chart"]);
  });

  it("with every year loaded, keeps the change table and the trend chart", () => {
    const full = item([2021, 2022, 2023, 2024]);
    expect(tablesOf(full).some((t) => /2023 og 2024/.test(t.caption))).toBe(true);
    expect(figuresOf(full)).toHaveLength(2);
    expect(textOf(full)).not.toContain("tidligere år er ikke indlæst");
  });
});
