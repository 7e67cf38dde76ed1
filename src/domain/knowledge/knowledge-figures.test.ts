import { describe, expect, it } from "vitest";
import { completenessTextDa, computeNewDecisions, computeRepeatCitizens } from "./knowledge-figures.js";
import type { KnowledgeEntry } from "./knowledge-entry.js";
import { aggregateCellText, buildPublicAggregate, suppress } from "./public-aggregate.js";
import { DEFAULT_REASONS } from "./reason-taxonomy.js";
import { asMunicipalityCode } from "../municipality.js";

function entry(id: number, overrides: Partial<KnowledgeEntry>): KnowledgeEntry {
  return {
    id,
    municipalityCode: asMunicipalityCode("0201"),
    decisionDate: "2025-03-01",
    dataYear: 2025,
    outcome: "remitted",
    law: "Serviceloven",
    subject: "Voksne - botilbud - § 108",
    provision: "",
    department: "",
    reasonCodes: ["sagsoplysning"],
    summary: "tekst",
    learningPoint: "",
    links: [],
    caseReference: `R-${id}`,
    newDecision: null,
    status: "approved",
    createdAt: "2025-04-01T00:00:00.000Z",
    updatedAt: "2025-04-01T00:00:00.000Z",
    ...overrides,
  };
}

describe("knowledge figures", () => {
  it("says how much of the statistics' reversed cases are registered, per map, and when it cannot", () => {
    expect(completenessTextDa("socialomraadet", 2024, 29, { kind: "figure", reversed: 34 })).toBe("registreret 29 af de 34 omgjorte sager på socialområdet i 2024");
    expect(completenessTextDa("voksenhandicapomraadet", 2024, 2, { kind: "figure", reversed: 1 })).toMatch(/flere end statistikken/);
    expect(completenessTextDa("boernehandicapomraadet", 2023, 0, { kind: "no-statistics" })).toBe("registreret 0 omgjorte sager på børnehandicapområdet i 2023; statistikken har ingen tal at sammenligne med");
  });

  it("counts citizens by the internal reference as Allerød does (16 cases over 3 citizens), never naming one", () => {
    const entries = Array.from({ length: 16 }, (_, i) => entry(i, { caseReference: `borger-${i % 3}` }));
    const r = computeRepeatCitizens(entries);
    expect(r).toMatchObject({ entriesWithReference: 16, citizens: 3, citizensWithSeveral: 3 });
    expect(r.textDa).toBe("16 afgørelser med intern sagsreference fordelt på 3 borgere; 3 borgere har mere end én afgørelse (16 afgørelser).");
    expect(r.textDa).not.toContain("borger-");
  });

  it("counts the new decisions after remittal: Fredericia's 'medhold i alle 6 sager, efter genbehandling'", () => {
    const entries = Array.from({ length: 6 }, (_, i) => entry(i, { newDecision: { result: "granted", date: "2025-06-01" } }));
    expect(computeNewDecisions(entries)).toMatchObject({ remitted: 6, decided: 6, changedResult: 6, notRegistered: 0 });
    expect(computeNewDecisions([entry(1, { outcome: "changed" })]).textDa).toBe("Ingen hjemviste afgørelser i vidensbanken.");
  });
});

describe("public aggregate", () => {
  it("suppresses every cell under 3, counts only approved entries of the year, and holds no text", () => {
    expect([0, 1, 2, 3].map((n) => aggregateCellText(suppress(n)))).toEqual(["<3", "<3", "<3", "3"]);
    const entries = [
      ...Array.from({ length: 3 }, (_, i) => entry(i, { reasonCodes: ["begrundelse"] })),
      entry(10, { reasonCodes: ["partshoering"], subject: "Voksne - ledsageordning - § 97" }),
      entry(11, { status: "draft", reasonCodes: ["partshoering"] }),
      entry(12, { dataYear: 2024, reasonCodes: ["partshoering"] }),
    ];
    const a = buildPublicAggregate({ municipalityCode: asMunicipalityCode("0201"), year: 2025, entries, reasons: DEFAULT_REASONS });
    expect(a.total).toEqual({ kind: "count", count: 4 });
    expect(a.byReason.map((r) => [r.labelDa, aggregateCellText(r.cell)])).toEqual([["Begrundelse", "3"], ["Partshøring", "<3"]]);
    expect(a.bySubject.map((r) => [r.labelDa, aggregateCellText(r.cell)])).toEqual([["Voksne - botilbud - § 108", "3"], ["Voksne - ledsageordning - § 97", "<3"]]);
    expect(JSON.stringify(a)).not.toContain("tekst");
  });
});
