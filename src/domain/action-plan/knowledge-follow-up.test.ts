import { describe, expect, it } from "vitest";
import type { KnowledgeEntry } from "../knowledge/knowledge-entry.js";
import { DEFAULT_REASONS } from "../knowledge/reason-taxonomy.js";
import { computePlanKnowledgeFollowUp } from "./knowledge-follow-up.js";
import { asMunicipalityCode } from "../municipality.js";

function entry(id: number, overrides: Partial<KnowledgeEntry>): KnowledgeEntry {
  return {
    id,
    municipalityCode: asMunicipalityCode("0201"),
    decisionDate: "2021-03-01",
    dataYear: 2021,
    outcome: "remitted",
    law: "Serviceloven",
    subject: "Voksne - borgerstyret personlig assistance - § 96",
    provision: "",
    department: "",
    reasonCodes: ["sagsoplysning"],
    summary: "tekst",
    learningPoint: "",
    links: [],
    caseReference: `R-${id}`,
    newDecision: null,
    status: "approved",
    createdAt: "2021-04-01T00:00:00.000Z",
    updatedAt: "2021-04-01T00:00:00.000Z",
    ...overrides,
  };
}

// The seed's plan (handleplan 2021): BPA § 96, kontante tilskud § 95 and botilbud §§ 107–108.
const PLAN = { focusAreas: [{ kind: "group", groupId: "sel-96" }, { kind: "group", groupId: "sel-95" }, { kind: "group", groupId: "sel-107-108" }] } as const;

const ENTRIES: KnowledgeEntry[] = [
  entry(1, { reasonCodes: ["sagsoplysning", "begrundelse"] }),
  entry(2, { reasonCodes: ["sagsoplysning"] }),
  entry(3, { reasonCodes: ["partshoering"] }),
  // The provision given beside a subject that does not name it places the entry (§ 95).
  entry(4, { subject: "Voksne - kontante tilskud", provision: "§ 95", reasonCodes: ["vurdering"] }),
  entry(5, { subject: "Voksne - længerevarende botilbud - § 108", dataYear: 2020, decisionDate: "2020-05-02" }),
  // Not counted: a draft, a year outside the follow-up, and a subject outside the focus areas.
  entry(6, { status: "draft" }),
  entry(7, { dataYear: 2018, decisionDate: "2018-02-01" }),
  entry(8, { subject: "Voksne - ledsageordning - § 97" }),
];

describe("an action plan's focus areas in the knowledge bank", () => {
  it("counts the approved entries per focus area and year, with their reasons, by the maps' classification", () => {
    const r = computePlanKnowledgeFollowUp(PLAN, { entries: ENTRIES, years: [2019, 2020, 2021], reasons: DEFAULT_REASONS, exact: true });
    expect(r.areas.map((a) => a.key)).toEqual(["group:sel-96", "group:sel-95", "group:sel-107-108"]);
    const [bpa, cash, housing] = r.areas;
    expect(bpa!.years.map((y) => [y.year, y.entries])).toEqual([
      [2019, { kind: "count", count: 0 }],
      [2020, { kind: "count", count: 0 }],
      [2021, { kind: "count", count: 3 }],
    ]);
    expect(bpa!.years[2]!.byReason.map((x) => [x.code, x.cell])).toEqual([
      ["sagsoplysning", { kind: "count", count: 2 }],
      ["begrundelse", { kind: "count", count: 1 }],
      ["partshoering", { kind: "count", count: 1 }],
    ]);
    expect(cash!.years[2]!.entries).toEqual({ kind: "count", count: 1 });
    expect(housing!.years.map((y) => y.entries)).toEqual([{ kind: "count", count: 0 }, { kind: "count", count: 1 }, { kind: "count", count: 0 }]);
  });

  it("gives those who may not read the bank only the published rule: every count under 3 as <3", () => {
    const r = computePlanKnowledgeFollowUp(PLAN, { entries: ENTRIES, years: [2021], reasons: DEFAULT_REASONS, exact: false });
    expect(r.exact).toBe(false);
    expect(r.areas[0]!.years[0]!.entries).toEqual({ kind: "count", count: 3 });
    expect(r.areas[0]!.years[0]!.byReason.map((x) => x.cell)).toEqual([{ kind: "suppressed" }, { kind: "suppressed" }, { kind: "suppressed" }]);
    expect(r.areas[1]!.years[0]!.entries).toEqual({ kind: "suppressed" });
    expect(r.areas[2]!.years[0]!.entries).toEqual({ kind: "count", count: 0 });
  });
});
