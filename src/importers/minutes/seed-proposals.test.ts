import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { bodyIdFromName, type BodyKind, type CouncilBodyEntry } from "../../domain/council-bodies.js";
import { extractMinutes } from "./extract-minutes.js";
import { itemSpans, markSpans, proposeMeetings, proposePlanDecision } from "../../domain/minutes/propose-treatment.js";
import { parseIsoDate } from "../../domain/iso-date.js";

/** The seeds read by the real extraction, then turned into the proposals a person confirms (issue 15 item 3). */
const SEEDS = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..", "shared", "seeds");
const seed = (name: string) => readFileSync(join(SEEDS, name), "utf8");
const body = (nameDa: string, kind: BodyKind): CouncilBodyEntry => ({ id: bodyIdFromName(nameDa), nameDa, kind });

/** Herning's list as its editors keep it (two fagudvalg, so a committee is matched by name only). */
const HERNING: CouncilBodyEntry[] = [
  body("Børne- og Familieudvalget", "committee"),
  body("Social- og Sundhedsudvalget", "committee"),
  body("Økonomiudvalget", "finance-committee"),
  body("Byrådet", "council"),
  body("Handicaprådet", "disability-council"),
];

describe("proposeMeetings", () => {
  const doc = extractMinutes(seed("herning-handicapraad-referat-2025-08-28.txt"));
  const item = doc.items[0]!;

  it("proposes the Handicapråd meeting and the two committee meetings before it, bodies matched by name, in date order", () => {
    const proposals = proposeMeetings(doc, item, HERNING, [], "https://herning.dk/referat");
    expect(proposals.map((p) => [p.bodyId, p.bodyMatch, p.date, p.role, p.outcome, p.selected])).toEqual([
      ["boerne-og-familieudvalget", "name", "2025-08-13", "recommendation", "concluded", true],
      ["social-og-sundhedsudvalget", "name", "2025-08-20", "recommendation", "concluded", true],
      ["handicapraadet", "name", "2025-08-28", "consultation", "concluded", true],
    ]);
    // Only the meeting the minutes are from carries their item number and address.
    const own = proposals[2]!;
    expect(own).toMatchObject({ agendaItemNumber: "42", minutesUrl: "https://herning.dk/referat", agendaItemTitle: "Danmarkskortet - omgørelsesprocent i Ankestyrelsen 2024" });
    expect(own.decisionText).toMatch(/^Orienteringen er taget til efterretning/);
    expect(proposals[0]).toMatchObject({ agendaItemNumber: "", minutesUrl: "" });
  });

  it("leaves a meeting already in the record unticked", () => {
    const proposals = proposeMeetings(doc, item, HERNING, [{ body: HERNING[0]!, date: parseIsoDate("2025-08-13") }], "");
    expect(proposals[0]).toMatchObject({ alreadyRecorded: true, selected: false });
    expect(proposals[1]).toMatchObject({ alreadyRecorded: false, selected: true });
  });

  it("with the generic list, a fagudvalg has no match and must be chosen; Handicaprådet is matched", () => {
    const generic = [body("Økonomiudvalget", "finance-committee"), body("Kommunalbestyrelsen", "council"), body("Handicaprådet", "disability-council")];
    const proposals = proposeMeetings(doc, item, generic, [], "");
    expect(proposals.map((p) => [p.documentBodyDa, p.bodyId, p.bodyMatch, p.selected])).toEqual([
      ["Børne- og Familieudvalget", null, "none", false],
      ["Social- og Sundhedsudvalget", null, "none", false],
      ["Handicaprådet", "handicapraadet", "name", true],
    ]);
  });
});

describe("proposePlanDecision", () => {
  it("Ballerup's 'nej' is a proposed no; Herning's repealed rule proposes nothing", () => {
    const ballerup = extractMinutes(seed("ballerup-socialudvalg-referat-2025-09-30.txt")).items[0]!;
    expect(proposePlanDecision(ballerup)).toMatchObject({ decision: "no" });
    const herning = extractMinutes(seed("herning-handicapraad-referat-2025-08-28.txt")).items[0]!;
    expect(proposePlanDecision(herning)).toBeNull();
  });
});

describe("itemSpans", () => {
  it("every span of a real item lies inside the stretch itemSpans gives, and marks the text the reader found", () => {
    const doc = extractMinutes(seed("ballerup-socialudvalg-referat-2025-09-30.txt"));
    const { spans, from, to } = itemSpans(doc.items[0]!);
    expect(spans.length).toBeGreaterThan(4);
    const segments = markSpans(doc.text, from, to, spans);
    expect(segments.map((s) => s.text).join("")).toBe(doc.text.slice(from, to));
    expect(segments.some((s) => s.labelDa?.includes("indstilling"))).toBe(true);
  });
});
