import { describe, expect, it } from "vitest";
import { indexCellTotals } from "../../src/domain/cell-totals.js";
import { buildAgendaItemFor } from "../../src/reports/agenda-item-files.js";
import type { AgendaItemModel } from "../../src/reports/agenda-item-model.js";
import type { ReportTable } from "../../src/reports/report-document.js";
import { renderAgendaItemMarkdown } from "../../src/reports/render-agenda-item-markdown.js";
import { generateReferenceCells, generateReferenceProvenance, HERNING } from "./support/reference-cells.js";

/**
 * Issue 16, points 1, 5 and 7: the default item has the seed's length and anatomy (Herning Handicaprådet
 * 28.8.2025: 1.167 words; Resume, Sagsfremstilling with the definitions, Tabel 1–3, last year and the national
 * trend, Indstilling, Beslutning), both paragraph lists for the 2024 child map, and no statistics jargon.
 */
const textOf = (m: AgendaItemModel) => renderAgendaItemMarkdown(m).replace(/\\/g, "");
const wordsOf = (text: string) => text.replace(/[|#*_>-]+/g, " ").split(/\s+/).filter((w) => w !== "").length;
const tablesOf = (m: AgendaItemModel) => m.sections.flatMap((s) => s.blocks).filter((b): b is ReportTable => b.kind === "table");

describe("the default agenda item (orientering)", () => {
  const years = [2023, 2024];
  const totals = indexCellTotals(generateReferenceCells(years));
  const model = buildAgendaItemFor(totals, generateReferenceProvenance(false, years), HERNING, 2024).model;
  const text = textOf(model);

  it("has the seed's anatomy and at most 1.600 words", () => {
    expect(model.sections.map((s) => s.heading)).toEqual(["Resume", "Sagsfremstilling", "Indstilling", "Beslutning", "Bilag"]);
    expect(wordsOf(text)).toBeLessThanOrEqual(1600);
    expect(wordsOf(text)).toBeGreaterThan(700);
  });

  it("has exactly Tabel 1–3, the published 2024 tables", () => {
    expect(tablesOf(model).map((t) => `${t.label}: ${t.caption}`)).toEqual([
      "Tabel 1: Omgørelsesprocenter på socialområdet på landsplan og i Herning Kommune 2024",
      "Tabel 2: Omgørelsesprocenter på børnehandicapområdet på landsplan og i Herning Kommune 2024",
      "Tabel 3: Omgørelsesprocenter på voksenhandicapområdet på landsplan og i Herning Kommune 2024",
    ]);
    expect(tablesOf(model)[0]!.rows[1]!.cells).toEqual(["Herning Kommune, i alt", "77", "44,2", "34", "5,2", "4", "39,0", "30"]);
  });

  it("gives last year's rates and the national trend, one sentence each (seed: 38,6 % in 2023; child map 17 of 33)", () => {
    expect(text).toContain("På landsplan var omgørelsesprocenten på socialområdet generelt 44,9 pct. i 2024. I 2023 var den 38,6 pct.");
    expect(text).toContain("I 2023 var kommunens omgørelsesprocent 38,9 pct. – 35 af 90 afgørelser.");
    expect(text).toContain("Omgørelsesprocenten er steget fra 2023 til 2024 både i Herning Kommune og på landsplan, og udviklingen følger dermed tendensen på landsplan.");
    expect(text).toContain("I 2023 var kommunens omgørelsesprocent 51,5 pct. – 17 af 33 afgørelser.");
  });

  it("lists both the serviceloven and the barnets lov provisions of the 2024 child map", () => {
    const child = text.slice(text.indexOf("### Børnehandicapområdet"), text.indexOf("### Voksenhandicapområdet"));
    expect(child).toContain("Serviceloven:");
    expect(child).toContain("Merudgiftsydelse, servicelovens § 41");
    expect(child).toContain("Barnets lov:");
    expect(child).toContain("Merudgifter, barnets lov § 86");
    // 2023: serviceloven only.
    const text2023 = textOf(buildAgendaItemFor(totals, generateReferenceProvenance(false, years), HERNING, 2023).model);
    expect(text2023).not.toContain("barnets lov §");
  });

  it("says the verdict with its interval in one plain sentence per map, without method names", () => {
    expect(text.match(/95 %-usikkerhedsinterval/g)).toHaveLength(3);
    expect(text).toContain("Forskellen til landsplan er ikke større, end tilfældigheder kan forklare: procenten ligger inden for 95 %-grænserne omkring landsplan (95 %-usikkerhedsinterval 33,6–55,3 pct.).");
    expect(text).not.toMatch(/Spiegelhalter|Newcombe|Wilson|kontrolgrænse|tragtplot/i);
  });

  it("links to the ministry's page for each map", () => {
    for (const map of ["socialomraadet", "boernehandicapomraadet", "voksenhandicapomraadet"]) {
      expect(text).toContain(`https://www.sm.dk/danmarkskort/2025/jun/omgoerelsesprocenter-paa-${map}-i-2024`);
    }
  });

  it("with one loaded year says so once and has no filler", () => {
    const one = textOf(buildAgendaItemFor(indexCellTotals(generateReferenceCells([2024])), generateReferenceProvenance(false, [2024]), HERNING, 2024).model);
    expect(one.split("tal for tidligere år er ikke indlæst").length - 1).toBe(1);
    expect(one).not.toMatch(/ingen data|2023/i);
  });

  it("puts an optional section in a bilag when the user chooses, numbered after Tabel 1–3", () => {
    const m = buildAgendaItemFor(totals, generateReferenceProvenance(false, years), HERNING, 2024, { sections: { udvikling: "bilag" } }).model;
    expect(m.sections.map((s) => s.heading)).toEqual(["Resume", "Sagsfremstilling", "Indstilling", "Beslutning", "Bilag", "Bilag 1: Udviklingen fra året før"]);
    expect(tablesOf(m).map((t) => t.label)).toEqual(["Tabel 1", "Tabel 2", "Tabel 3", "Tabel 4"]);
    expect(JSON.stringify(m.sections[4])).toContain("Bilag 1: Udviklingen fra året før");
  });

  it("names several caseworkers as the seed does", () => {
    const m = buildAgendaItemFor(totals, generateReferenceProvenance(false, years), HERNING, 2024, { caseworkers: ["Jane Sønderkov", "Jonas Røge", "Grethe Wilmoes"] }).model;
    expect(m.headerLines).toEqual(["Journalnummer: [Journalnummer indsættes]", "Sagsbehandler: Jane Sønderkov", "Øvrige sagsbehandlere: Jonas Røge, Grethe Wilmoes"]);
  });
});
