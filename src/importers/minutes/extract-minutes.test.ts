import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { MinutesDocument, TextSpan } from "../../domain/minutes/minutes-item.js";
import { extractMinutes } from "./extract-minutes.js";
import { asMunicipalityCode } from "../../domain/municipality.js";

/** The seeds: real minutes from two agenda systems (../shared/seeds, next to the project). */
const SEEDS = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..", "shared", "seeds");
const seed = (name: string) => readFileSync(join(SEEDS, name), "utf8");

/** Every span must be exactly the text it claims, at its offsets and line. */
function expectSpanTrue(doc: MinutesDocument, span: TextSpan): void {
  expect(doc.text.slice(span.start, span.end)).toBe(span.text);
  expect(doc.text.slice(0, span.start).split("\n").length).toBe(span.line);
}

function allSpans(doc: MinutesDocument): TextSpan[] {
  const spans: TextSpan[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") {
      const o = v as Record<string, unknown>;
      if (typeof o.start === "number" && typeof o.end === "number" && typeof o.text === "string" && typeof o.line === "number") spans.push(o as unknown as TextSpan);
      else for (const [k, x] of Object.entries(o)) if (k !== "text") walk(x);
    }
  };
  walk({ ...doc, text: undefined });
  return spans;
}

describe("extractMinutes on the seeds", () => {
  it("Herning Handicapråd 2025-08-28: Punkt 42, data year 2024, the decision, the committees before it, the repealed plan rule, the figures", () => {
    const doc = extractMinutes(seed("herning-handicapraad-referat-2025-08-28.txt"));
    expect(doc.kind).toBe("referat");
    expect(doc.municipality?.value).toBe("0657");
    expect(doc.body?.value).toBe("Handicaprådet");
    expect(doc.bodyKind).toBe("handicapraad");
    expect(doc.meetingDate?.value).toBe("2025-08-28");
    expect(doc.items).toHaveLength(1);
    const item = doc.items[0]!;
    expect(item.itemNumber?.value).toBe("42");
    expect(item.title.value).toBe("Danmarkskortet - omgørelsesprocent i Ankestyrelsen 2024");
    expect(item.dataYear).toMatchObject({ value: 2024, basis: "stated" });
    expect(item.recommendations.map((r) => r.value)).toEqual([
      "at danmarkskortet over omgørelsesprocenter 2024 drøftes",
      "at danmarkskortet over omgørelsesprocenter 2024 tages til efterretning.",
    ]);

    const own = item.decisions.find((d) => d.source === "beslutning")!;
    expect(own).toMatchObject({ body: "Handicaprådet", bodyKind: "handicapraad", date: "2025-08-28", outcome: "treated" });
    expect(own.textDa).toMatch(/^Orienteringen er taget til efterretning\./);
    const earlier = item.decisions.filter((d) => d.source === "sagsfremstilling").map((d) => [d.body, d.bodyKind, d.date]);
    expect(earlier).toEqual([
      ["Børne- og Familieudvalget", "fagudvalg", "2025-08-13"],
      ["Social- og Sundhedsudvalget", "fagudvalg", "2025-08-20"],
    ]);
    expect(item.decisions.map((d) => d.date)).toEqual(["2025-08-13", "2025-08-20", "2025-08-28"]);
    // Only committees and the Handicapråd: the council has not treated it in this document.
    expect(item.councilTreatment).toBe("not-in-council");

    expect(item.actionPlan.stance).toBe("ikke-besluttet");
    if (item.actionPlan.stance === "ikke-naevnt") throw new Error("unreachable");
    expect(item.actionPlan.ruleRepealedNoted).toBe(true);
    expect(item.actionPlan.evidence.text).toContain("Bestemmelsen er ophævet");
    expect(item.actionPlan.evidence.text).toContain("handlingsplan");

    const figures = item.figures.map((f) => [f.map, f.decided?.value, f.reversedPercent?.value.tenths, f.from]);
    expect(figures).toEqual([
      ["socialomraadet", 77, 442, "table"],
      ["boernehandicapomraadet", 27, 407, "table"],
      ["voksenhandicapomraadet", 5, 200, "table"],
    ]);
    expect(item.figures[0]!.decided!.span.text).toBe("77");
    expect(doc.text.split("\n")[item.figures[0]!.decided!.span.line - 1]).toMatch(/^Herning Kommune, i alt\t77\t44,2/);
    for (const span of allSpans(doc)) expectSpanTrue(doc, span);
  });

  it("Ballerup Socialudvalg 2025-09-30: Punkt 7, data year 2024, the two recommendation points and the stance nej", () => {
    const doc = extractMinutes(seed("ballerup-socialudvalg-referat-2025-09-30.txt"));
    expect(doc.municipality?.value).toBe("0151");
    expect(doc.body?.value).toBe("Socialudvalget");
    expect(doc.bodyKind).toBe("fagudvalg");
    expect(doc.meetingDate?.value).toBe("2025-09-30");
    expect(doc.items).toHaveLength(1);
    const item = doc.items[0]!;
    expect(item.itemNumber?.value).toBe("7");
    expect(item.title.value).toBe("Danmarkskortet over omgjorte sager på Serviceloven og Barnets lov 2024");
    // "opgørelserne baserer sig på tal fra 2024" states it; the title agrees.
    expect(item.dataYear).toMatchObject({ value: 2024, basis: "stated" });
    expect(item.recommendations.map((r) => r.value)).toEqual([
      "Danmarkskort over omgørelsesprocenter i klagesager fra Ankestyrelsen 2024 tages til efterretning.",
      "Det besluttes, at Danmarkskortet for 2024 ikke giver anledning til, at Kommunalbestyrelsen iværksætter handleplan.",
    ]);
    // "Tidligere behandling: Kommunalbestyrelsen den 30. september 2024" is last year's map, not this one's.
    expect(item.decisions).toHaveLength(1);
    expect(item.decisions[0]).toMatchObject({ body: "Socialudvalget", bodyKind: "fagudvalg", date: "2025-09-30", source: "beslutning", outcome: "treated" });
    expect(item.decisions[0]!.textDa).toContain("Indstillingens punkt 1: Taget til efterretning.");
    expect(item.actionPlan.stance).toBe("nej");
    if (item.actionPlan.stance === "ikke-naevnt") throw new Error("unreachable");
    expect(item.actionPlan.evidence.text).toBe("Socialudvalget indstiller, at der ikke skal iværksættes en handleplan.");
    expect(item.figures.map((f) => [f.map, f.decided?.value ?? null, f.reversedPercent?.value ?? null])).toEqual([
      ["socialomraadet", null, { tenths: 370, decimals: 0 }],
      ["voksenhandicapomraadet", 3, { tenths: 330, decimals: 0 }],
    ]);
    for (const span of allSpans(doc)) expectSpanTrue(doc, span);
  });

  it("Herning Handicapråd agenda 2026-06-04 has no Danmarkskort item", () => {
    const doc = extractMinutes(seed("herning-handicapraad-dagsorden-2026-06-04.txt"));
    expect(doc.kind).toBe("dagsorden");
    expect(doc.meetingDate?.value).toBe("2026-06-04");
    expect(doc.items).toEqual([]);
  });

  it("a municipality given by the reader wins over the text", () => {
    const doc = extractMinutes(seed("herning-handicapraad-referat-2025-08-28.txt"), { municipalityCode: asMunicipalityCode("0661") });
    expect(doc.municipality).toEqual({ value: "0661", basis: "given" });
  });
});
