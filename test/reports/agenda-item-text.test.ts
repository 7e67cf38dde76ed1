import { describe, expect, it } from "vitest";
import { indexCellTotals } from "../../src/domain/cell-totals.js";
import { buildAgendaItemFor, type AgendaItemOptions } from "../../src/reports/agenda-item-files.js";
import type { AgendaItemModel } from "../../src/reports/agenda-item-model.js";
import type { ReportTable } from "../../src/reports/report-document.js";
import { renderAgendaItemMarkdown } from "../../src/reports/render-agenda-item-markdown.js";
import { generateReferenceCells, generateReferenceProvenance, HERNING } from "./support/reference-cells.js";
import { asMunicipalityCode } from "../../src/domain/municipality.js";

const totals = indexCellTotals(generateReferenceCells());

/** Every optional section in the main text, so the sentences of each can be checked (the default item is short_item). */
function item(year = 2024, options: AgendaItemOptions = {}, code = HERNING, isDemo = false): AgendaItemModel {
  return buildAgendaItemFor(totals, generateReferenceProvenance(isDemo), code, year, { sections: "alle", ...options }).model;
}

function shortItem(year = 2024, options: AgendaItemOptions = {}): AgendaItemModel {
  return buildAgendaItemFor(totals, generateReferenceProvenance(), HERNING, year, options).model;
}

function allText(model: AgendaItemModel): string {
  return renderAgendaItemMarkdown(model).replace(/\\/g, "");
}

function tables(model: AgendaItemModel): ReportTable[] {
  return model.sections.flatMap((s) => s.blocks).filter((b): b is ReportTable => b.kind === "table");
}

function rowOf(model: AgendaItemModel, label: string, caption: RegExp): readonly string[] {
  const table = tables(model).find((t) => caption.test(t.caption));
  const row = table?.rows.find((r) => r.cells[0] === label);
  if (!row) throw new Error(`Ingen række "${label}" i tabel ${caption}`);
  return row.cells.slice(1);
}

describe("agenda item text", () => {
  it("says when the pooled neighbour figure mixes dataset versions, naming each year's version", () => {
    const single = allText(item());
    expect(single).toContain("Samlet for 2022–2024 omgjorde Ankestyrelsen");
    expect(single).not.toContain("forskellige datasætversioner");
    const provenance = generateReferenceProvenance();
    provenance.set(2024, { ...provenance.get(2024)!, datasetVersionId: 9, fileName: "ankestatistik-2024-revideret.csv" });
    const mixed = allText(buildAgendaItemFor(totals, provenance, HERNING, 2024, { sections: "alle" }).model);
    expect(mixed).toContain("De samlede tal bygger på forskellige datasætversioner: 2022 fra version 7, 2023 fra version 7 og 2024 fra version 9.");
  });

  it("prints Tabel 1–3 exactly as the published 2024 tables (domain.md §7)", () => {
    const m = item();
    expect(rowOf(m, "Landsplan, i alt", /på socialområdet/)).toEqual(["6.905", "44,9", "3.102", "7,1", "491", "37,8", "2.611"]);
    expect(rowOf(m, "Herning Kommune, i alt", /på socialområdet/)).toEqual(["77", "44,2", "34", "5,2", "4", "39,0", "30"]);
    expect(rowOf(m, "Herning Kommune, børneområdet", /på socialområdet/)).toEqual(["49", "44,9", "22", "6,1", "3", "38,8", "19"]);
    expect(rowOf(m, "Herning Kommune, voksenområdet", /på socialområdet/)).toEqual(["28", "42,9", "12", "3,6", "1", "39,3", "11"]);
    expect(rowOf(m, "Landsplan, børneområdet", /på socialområdet/)).toEqual(["3.619", "44,2", "1.600", "9,4", "341", "34,8", "1.259"]);
    expect(rowOf(m, "Landsplan, voksenområdet", /på socialområdet/)).toEqual(["3.286", "45,7", "1.502", "4,6", "150", "41,1", "1.352"]);
    expect(rowOf(m, "Landsplan, i alt", /børnehandicap/)).toEqual(["1.881", "48,9", "919", "7,6", "143", "41,3", "776"]);
    expect(rowOf(m, "Herning Kommune, i alt", /børnehandicap/)).toEqual(["27", "40,7", "11", "3,7", "1", "37,0", "10"]);
    expect(rowOf(m, "Landsplan, i alt", /voksenhandicap/)).toEqual(["532", "40,4", "215", "4,5", "24", "35,9", "191"]);
    expect(rowOf(m, "Herning Kommune, i alt", /voksenhandicap/)).toEqual(["5", "20,0", "1", "20,0", "1", "0,0", "0"]);
    expect(tables(m).map((t) => t.label)).toEqual(["Tabel 1", "Tabel 2", "Tabel 3", "Tabel 4", "Tabel 5", "Tabel 6"]);
  });

  it("says plainly that Herning's 5 adult cases give a very uncertain rate, with its interval", () => {
    const text = allText(item());
    expect(text).toContain("Omgørelsesprocenten bygger på kun 5 afgørelser og er derfor meget usikker");
    expect(text).toContain("(95 %-usikkerhedsinterval: 3,6–62,4 pct.)");
    // The default item says it in one sentence, beside the verdict.
    expect(allText(shortItem())).toContain("Med kun 5 afgørelser er procenten usikker, og forskellen til landsplan er ikke større, end tilfældigheder kan forklare");
    expect(text).toContain("én omgjort afgørelse mere eller færre blandt de samme 5 flytter den med 20,0 procentpoint");
  });

  it("never calls the reversal rate an error rate, for any body or year", () => {
    for (const body of ["byraad", "udvalg", "handicapraad"] as const) {
      for (const year of [2022, 2023, 2024]) expect(allText(item(year, { body })).toLowerCase()).not.toMatch(/fejl ?procent|fejlrate/);
    }
  });

  it("states the title, the publication and the council deadline for the data year", () => {
    const m = item();
    expect(m.title).toBe("Danmarkskortet – omgørelsesprocenter i Ankestyrelsen 2024");
    const text = allText(m);
    expect(text).toContain("Danmarkskortet for 2024 blev offentliggjort den 10. juni 2025");
    expect(text).toContain("senest den 31. december 2025");
  });

  it("leaves the action-plan decision out where § 79 b stk. 2–3 no longer applies (2024) and includes it where it does (2023)", () => {
    const m2024 = item(2024);
    const rec2024 = m2024.sections.find((s) => s.heading === "Indstilling")!.blocks;
    expect(JSON.stringify(rec2024)).not.toContain("handleplan");
    expect(allText(m2024)).toContain("gælder ikke for behandlingen af danmarkskortet for 2024");
    const rec2023 = item(2023).sections.find((s) => s.heading === "Indstilling")!.blocks;
    expect(JSON.stringify(rec2023)).toContain("retssikkerhedslovens § 79 b, stk. 2");
    expect(JSON.stringify(rec2023)).toContain("at Ankestyrelsen underrettes");
  });

  it("words the recommendation for the body it goes to (seeds: Herning, Ballerup)", () => {
    const lead = (body: AgendaItemOptions["body"]) => {
      const block = item(2024, { body }).sections.find((s) => s.heading === "Indstilling")!.blocks[0]!;
      return block.kind === "recommendation" ? block : undefined;
    };
    expect(lead("handicapraad")?.lead).toBe("Formanden for Handicaprådet indstiller,");
    expect(lead("handicapraad")?.items).toContain("at danmarkskortet over omgørelsesprocenter 2024 drøftes");
    expect(lead("byraad")?.items).toContain("at danmarkskortet over omgørelsesprocenter 2024 tages til efterretning");
    expect(lead("udvalg")?.items).toContain("at udvalget anbefaler Byrådet, at danmarkskortet over omgørelsesprocenter 2024 tages til efterretning");
  });

  it("uses placeholders for journal number and caseworker unless given", () => {
    expect(item().caseNumber).toEqual({ text: "[Journalnummer indsættes]", isPlaceholder: true });
    const m = item(2024, { caseNumber: "27.69.52-I02-1-25", caseworker: "Jane Sønderkov" });
    expect(m.caseNumber).toEqual({ text: "27.69.52-I02-1-25", isPlaceholder: false });
    expect(m.caseworker.text).toBe("Jane Sønderkov");
  });

  it("marks demo data on the title and in the footer, and prints the source line from the provenance", () => {
    const demo = item(2024, {}, HERNING, true);
    expect(demo.demoNotice).toBe("Demodata – ikke Ankestyrelsens tal");
    expect(demo.footer).toContain("Demodata – ikke Ankestyrelsens tal");
    expect(item().demoNotice).toBeNull();
    expect(item().footer).not.toContain("Demodata");
    expect(item().sourceLines).toEqual([
      "Kilde: Ankestyrelsens ankestatistik, datasættet ankestatistik-2021-2024.csv (version 7, dataår 2021–2024, udtrukket 2. juni 2025, indlæst 3. juni 2025, Ankestyrelsens talportal).",
    ]);
  });

  it("says so in words when a municipality had no decided case on a map, and prints no percentage", () => {
    const cells = generateReferenceCells().filter((c) => !(c.municipalityCode === "0661" && c.subject.includes("§ 95")));
    const m = buildAgendaItemFor(indexCellTotals(cells), generateReferenceProvenance(), asMunicipalityCode("0661"), 2024).model;
    const text = allText(m);
    expect(text).toContain("Ankestyrelsen traf i 2024 ingen realitetsbehandlede afgørelser i klagesager fra Holstebro Kommune på de nævnte bestemmelser på voksenhandicapområdet");
    expect(rowOf(m, "Holstebro Kommune, i alt", /voksenhandicap/)).toEqual(["0", "–", "0", "–", "0", "–", "0"]);
  });

  it("says once, plainly, when a map had no decided case in either year", () => {
    const cells = generateReferenceCells().filter((c) => !(c.municipalityCode === "0661" && c.subject.includes("§ 95") && c.year >= 2023));
    const text = allText(buildAgendaItemFor(indexCellTotals(cells), generateReferenceProvenance(), asMunicipalityCode("0661"), 2024).model);
    expect(text).toContain("Heller ikke i 2023 var der realitetsbehandlede afgørelser fra kommunen på området.");
    expect(text).not.toContain("kan ikke sammenlignes statistisk med landsplan");
    expect(text).not.toMatch(/For 2023 er der ingen realitetsbehandlede sager/);
  });

  it("writes about a single decided case in the singular, never '1 af afgørelserne'", () => {
    const cells = generateReferenceCells().map((c) =>
      c.municipalityCode === "0661" && c.subject.includes("§ 95") && c.year === 2024 ? { ...c, counts: { upheld: 0, changed: 0, remitted: 1, rejected: 0 } } : c,
    );
    const text = allText(buildAgendaItemFor(indexCellTotals(cells), generateReferenceProvenance(), asMunicipalityCode("0661"), 2024).model);
    expect(text).toContain(
      "I 2024 traf Ankestyrelsen 1 afgørelse i klagesager fra Holstebro Kommune på de nævnte bestemmelser på voksenhandicapområdet, og den blev omgjort.",
    );
    expect(text).not.toContain("1 af afgørelserne");
  });

  it("compares an island without neighbours with the country, and draws no neighbour map for it", () => {
    const m = item(2024, {}, asMunicipalityCode("0825"));
    const text = allText(m);
    expect(text).toContain("Læsø Kommune har ingen landgrænse til andre kommuner, så der er ingen nabokommuner at sammenligne med.");
    expect(tables(m).map((t) => t.caption)).toContain("Omgørelsesprocent på socialområdet i Læsø Kommune og på landsplan 2021–2024");
    const figures = m.sections.flatMap((s) => s.blocks).filter((b) => b.kind === "figure");
    expect(figures.map((f) => (f.kind === "figure" ? [f.label, f.figureId] : []))).toEqual([["Figur 1", "trend-chart"]]);
    expect(text).not.toContain("nabokommuner, som indgår i sammenligningen");
  });

  it("says the change from last year is within chance when Newcombe's interval covers zero", () => {
    const text = allText(item());
    expect(text).toMatch(/Omgørelsesprocenten er faldet med 35,6 procentpoint fra 2023 til 2024\. En ændring af denne størrelse opstår ofte ved tilfældighed alene/);
  });

  it("refers to no figure when images are left out", () => {
    const m = item(2024, { includeFigures: false });
    expect(JSON.stringify(m)).not.toContain("Figur 1");
    expect(JSON.stringify(item())).toContain("Figur 1");
  });

  it("names the file in Danish, ASCII only, keyed by year and code", () => {
    expect(item().fileBaseName).toBe("dagsordenpunkt-danmarkskort-2024-0657-herning");
    expect(item(2024, {}, asMunicipalityCode("0101")).fileBaseName).toBe("dagsordenpunkt-danmarkskort-2024-0101-koebenhavn");
    expect(item(2024, {}, asMunicipalityCode("0101")).municipality).toBe("Københavns Kommune");
  });
});
