import { describe, expect, it } from "vitest";
import { DEFAULT_MAP_RULES } from "../map-rules.js";
import { isIsoDate } from "../iso-date.js";
import { classifyEntry, duplicateKey, findCprInEntry } from "./knowledge-entry.js";
import { DEFAULT_REASONS, matchReason, reasonValidFor } from "./reason-taxonomy.js";

describe("knowledge entry", () => {
  it("classifies an entry to the maps by the statistics' dated rules, the provision read with the subject", () => {
    expect(classifyEntry({ law: "Serviceloven", subject: "Merudgiftydelse §41 + tilbagebetaling", provision: "", dataYear: 2024 }, DEFAULT_MAP_RULES)).toMatchObject({ kind: "classified", maps: ["socialomraadet", "boernehandicapomraadet"], area: "children" });
    expect(classifyEntry({ law: "Serviceloven", subject: "Borgerstyret personlig assistance", provision: "§ 96", dataYear: 2024 }, DEFAULT_MAP_RULES)).toMatchObject({ kind: "classified", maps: ["socialomraadet", "voksenhandicapomraadet"] });
    // Barnets lov counts from data year 2024 only.
    expect(classifyEntry({ law: "Barnets lov", subject: "Merudgifter", provision: "§ 86", dataYear: 2023 }, DEFAULT_MAP_RULES)).toMatchObject({ kind: "unclassified" });
    expect(classifyEntry({ law: "Barnets lov", subject: "Merudgifter", provision: "§ 86", dataYear: 2024 }, DEFAULT_MAP_RULES)).toMatchObject({ kind: "classified", maps: ["socialomraadet", "boernehandicapomraadet"] });
    expect(classifyEntry({ law: "Lov om aktiv socialpolitik", subject: "Hjælp i særlige tilfælde", provision: "§ 81", dataYear: 2024 }, DEFAULT_MAP_RULES)).toMatchObject({ kind: "outside-maps" });
  });

  it("finds a CPR number in any free-text field and says which, never the number", () => {
    const base = { decisionDate: "2024-01-02", dataYear: 2024, outcome: "changed", law: "Serviceloven", subject: "x", provision: "", department: "", reasonCodes: [], summary: "", learningPoint: "", links: [], caseReference: "", newDecision: null, status: "draft" } as const;
    expect(findCprInEntry(base)).toBeNull();
    expect(findCprInEntry({ ...base, department: "Team 010203-4567" })).toMatchObject({ fieldDa: "Afdeling", finding: { column: 6 } });
    expect(findCprInEntry({ ...base, caseReference: "27.69.52-I02-1-25" })).toBeNull();
  });

  it("reads dates strictly and keys duplicates by date, subject and case (or summary)", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("14-03-2024")).toBe(false);
    expect(duplicateKey({ decisionDate: "2024-03-14", subject: " Merudgift ", caseReference: "A-1", summary: "x" })).toBe(duplicateKey({ decisionDate: "2024-03-14", subject: "merudgift", caseReference: "a-1 ", summary: "y" }));
    expect(duplicateKey({ decisionDate: "2024-03-14", subject: "s", caseReference: "", summary: "x" })).not.toBe(duplicateKey({ decisionDate: "2024-03-14", subject: "s", caseReference: "", summary: "y" }));
  });
});

describe("reason taxonomy", () => {
  it("has the eight defects of the handicapsagsbarometer, each with a definition and a source", () => {
    for (const code of ["sagsoplysning", "begrundelse", "hjemmelsmangel", "vurdering", "partshoering", "helhedsvurdering", "klagevejledning", "sagsbehandlingsfrist"]) {
      const r = DEFAULT_REASONS.find((x) => x.code === code);
      expect(r?.definitionDa.length).toBeGreaterThan(40);
      expect(r?.source).toMatch(/handicapsagsbarometer/);
    }
    expect(new Set(DEFAULT_REASONS.map((r) => r.code)).size).toBe(DEFAULT_REASONS.length);
  });

  it("matches the words municipalities write, folded, and nothing else", () => {
    expect(matchReason("Oplysningsgrundlag", DEFAULT_REASONS)?.code).toBe("sagsoplysning");
    expect(matchReason("  BEGRUNDELSESMANGEL ", DEFAULT_REASONS)?.code).toBe("begrundelse");
    expect(matchReason("Partshøring", DEFAULT_REASONS)?.code).toBe("partshoering");
    expect(matchReason("forkert vurdering", DEFAULT_REASONS)?.code).toBe("vurdering");
    expect(matchReason("nye lægelige oplysninger", DEFAULT_REASONS)?.code).toBe("nye-oplysninger");
    expect(matchReason("vejret", DEFAULT_REASONS)).toBeUndefined();
    expect(matchReason("", DEFAULT_REASONS)).toBeUndefined();
  });

  it("is dated: a reason retired after 2023 is not valid for 2024", () => {
    const r = { ...DEFAULT_REASONS[0]!, validTo: 2023 };
    expect(reasonValidFor(r, 2023)).toBe(true);
    expect(reasonValidFor(r, 2024)).toBe(false);
    expect(reasonValidFor(r, 2015)).toBe(false);
  });
});
