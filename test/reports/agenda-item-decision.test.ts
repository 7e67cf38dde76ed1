import { describe, expect, it } from "vitest";
import { indexCellTotals } from "../../src/domain/cell-totals.js";
import type { ComplaintCell } from "../../src/domain/complaint-cell.js";
import { buildAgendaItemFor } from "../../src/reports/agenda-item-files.js";
import type { AgendaItemModel } from "../../src/reports/agenda-item-model.js";
import { parseReportChoices, ReportChoiceError } from "../../src/reports/parse-report-choices.js";
import type { ReportTable } from "../../src/reports/report-document.js";
import { renderAgendaItemMarkdown } from "../../src/reports/render-agenda-item-markdown.js";
import { generateReferenceCells, generateReferenceProvenance } from "./support/reference-cells.js";
import { asMunicipalityCode } from "../../src/domain/municipality.js";

/**
 * Issue 16: the decision item (Allerød 2025 as the issue describes it): Tema, Kompetence, Sagsbeskrivelse,
 * Administrationens forslag, Økonomi og finansiering, Dialog/høring, a dated decision per body and Bilag; a
 * comparison group of four named municipalities over four years; every complaint case, also outside the maps.
 */
const ALLEROED = asMunicipalityCode("0201");

/** Cases outside every map, as the talportal has them: employment law and a tvangsanbringelse. */
function outsideCells(): ComplaintCell[] {
  return [
    { municipalityCode: ALLEROED, subject: "Sygedagpenge - ophør", law: "Lov om sygedagpenge", year: 2024, counts: { upheld: 9, changed: 1, remitted: 2, rejected: 1 } },
    { municipalityCode: ALLEROED, subject: "Kontanthjælp - sanktion", law: "Lov om aktiv socialpolitik", year: 2024, counts: { upheld: 4, changed: 0, remitted: 1, rejected: 0 } },
    { municipalityCode: ALLEROED, subject: "Børn - anbringelse uden samtykke § 76", law: "Barnets lov", year: 2024, counts: { upheld: 2, changed: 0, remitted: 0, rejected: 0 } },
  ];
}

const cells = [...generateReferenceCells(), ...outsideCells()];
const totals = indexCellTotals(cells);
const choices = parseReportChoices({
  template: "beslutning",
  compare: "Hillerød,Hørsholm,Furesø,Rudersdal",
  years: "4",
  actionPlan: "ingen-handleplan",
  route: "Socialudvalget 2025-09-30: Anbefalet; Handicaprådet 2025-09-25 (høring); Kommunalbestyrelsen 2025-10-28",
  caseworkers: "Mette Hansen, Ole Sørensen",
});

function decisionItem(): AgendaItemModel {
  return buildAgendaItemFor(totals, generateReferenceProvenance(), ALLEROED, 2024, {
    ...choices,
    yearCells: cells.filter((c) => c.municipalityCode === ALLEROED && c.year === 2024),
  }).model;
}

const tablesOf = (m: AgendaItemModel) => m.sections.flatMap((s) => s.blocks).filter((b): b is ReportTable => b.kind === "table");

describe("the decision item (beslutning)", () => {
  const model = decisionItem();
  const text = renderAgendaItemMarkdown(model).replace(/\\/g, "");

  it("has the headings of a decision item, with the all-cases section as bilag", () => {
    expect(model.sections.map((s) => s.heading)).toEqual([
      "Tema",
      "Kompetence",
      "Sagsbeskrivelse",
      "Administrationens forslag",
      "Økonomi og finansiering",
      "Dialog/høring",
      "Beslutning",
      "Bilag",
      "Bilag 1: Alle klagesager",
    ]);
  });

  it("compares with the four chosen municipalities by year, with rate and number of cases", () => {
    const table = tablesOf(model).find((t) => /de valgte kommuner/.test(t.caption))!;
    expect(table.caption).toBe("Omgørelsesprocent på socialområdet i Allerød Kommune og de valgte kommuner 2021–2024");
    expect(table.flatHeader).toEqual(["Kommune", "2021", "2022", "2023", "2024"]);
    expect(table.rows.map((r) => r.cells[0])).toEqual(["Allerød Kommune", "Hillerød Kommune", "Hørsholm Kommune", "Furesø Kommune", "Rudersdal Kommune", "Landsplan"]);
    for (const row of table.rows) for (const cell of row.cells.slice(1)) expect(cell).toMatch(/^\d+,\d \([\d.]+\)$/);
    // The national row is the sum over the 98 municipalities, as on the maps: 2024 is the published 44,9 of 6.905.
    expect(table.rows.at(-1)!.cells[4]).toBe("44,9 (6.905)");
  });

  it("lists every case of the year, on the maps and outside them", () => {
    const all = tablesOf(model).find((t) => /Alle klagesager/.test(t.caption))!;
    const names = all.rows.map((r) => r.cells[0]);
    expect(names).toContain("Uden for danmarkskortene");
    expect(names).toContain("Sygedagpenge - ophør");
    expect(names).toContain("Børn - anbringelse uden samtykke § 76");
    const sygedagpenge = all.rows.find((r) => r.cells[0] === "Sygedagpenge - ophør")!;
    expect(sygedagpenge.cells).toEqual(["Sygedagpenge - ophør", "uden for kortene", "12", "3", "25,0", "1"]);
    const total = all.rows.at(-1)!;
    const onMaps = all.rows.find((r) => r.cells[0] === "På danmarkskortene")!;
    const outside = all.rows.find((r) => r.cells[0] === "Uden for danmarkskortene")!;
    expect(outside.cells[2]).toBe("19");
    expect(Number(total.cells[2])).toBe(Number(onMaps.cells[2]) + 19);
  });

  it("groups all cases by the municipality's own areas when it keeps a subject → area table", () => {
    const m = buildAgendaItemFor(totals, generateReferenceProvenance(), ALLEROED, 2024, {
      ...choices,
      yearCells: cells.filter((c) => c.municipalityCode === ALLEROED && c.year === 2024),
      subjectAreas: new Map([
        ["Sygedagpenge - ophør", "Jobcenter"],
        ["Kontanthjælp - sanktion", "Jobcenter"],
      ]),
    }).model;
    const all = tablesOf(m).find((t) => /Alle klagesager/.test(t.caption))!;
    const groups = all.rows.filter((r) => r.emphasis).map((r) => r.cells[0]);
    expect(groups).toEqual(["Jobcenter", "Ikke placeret i kommunens områdetabel", "I alt"]);
  });

  it("words the proposal with the municipality's action-plan stance and dates each body's decision", () => {
    expect(text).toContain("Administrationen foreslår,");
    expect(text).toContain("at danmarkskortet for 2024 ikke giver anledning til, at der udarbejdes en handleplan");
    expect(text).toContain("Socialudvalget den 30. september 2025: Anbefalet");
    expect(text).toContain("Kommunalbestyrelsen den 28. oktober 2025: [Beslutning indsættes efter mødet]");
    const hearing = model.sections.find((s) => s.heading === "Dialog/høring")!;
    expect(JSON.stringify(hearing)).toContain("Handicaprådet den 25. september 2025");
    expect(model.headerLines).toContain("Øvrige sagsbehandlere: Ole Sørensen");
  });

  it("refuses unknown choices in Danish", () => {
    expect(() => parseReportChoices({ compare: "Hillerød,Atlantis" })).toThrow(ReportChoiceError);
    expect(() => parseReportChoices({ compare: "Hillerød,Atlantis" })).toThrow(/Ukendt kommune "Atlantis"/);
    expect(() => parseReportChoices({ template: "memo" })).toThrow(/Ukendt skabelon "memo"/);
    expect(() => parseReportChoices({ sections: "udvikling,diagrammer" })).toThrow(/Ukendt afsnit "diagrammer"/);
    expect(() => parseReportChoices({ actionPlan: "måske" })).toThrow(/Ukendt handleplansstillingtagen/);
  });
});
