import { describe, expect, it } from "vitest";
import { councilMinutesHtml, councilMinutesText } from "../../../test/minutes/minutes-documents.js";
import { extractMinutes } from "./extract-minutes.js";
import { htmlToText } from "./html-to-text.js";

/** Layouts other than the seeds' (test/minutes/minutes-documents.ts): several bodies' decisions under one item. */
describe("extractMinutes on other layouts", () => {
  for (const [layout, text] of [
    ["text, decision on the heading line", (o: Parameters<typeof councilMinutesText>[0]) => councilMinutesText(o)],
    ["HTML", (o: Parameters<typeof councilMinutesHtml>[0]) => htmlToText(councilMinutesHtml(o))],
  ] as const) {
    it(`${layout}: three dated decisions, the council sends the case back, so it is not finished`, () => {
      const doc = extractMinutes(text({ councilOutcome: "sends-back", fillerItems: 2 }));
      expect(doc.body?.value).toBe("Byrådet");
      expect(doc.bodyKind).toBe("byraad");
      expect(doc.meetingDate?.value).toBe("2025-10-07");
      expect(doc.municipality?.value).toBe("0657");
      expect(doc.items).toHaveLength(1);
      const item = doc.items[0]!;
      expect(item.itemNumber?.value).toBe("3");
      expect(item.title.value).toBe("Årlig behandling af omgørelsesprocenter i klagesager");
      expect(item.dataYear?.value).toBe(2024);
      expect(item.decisions.map((d) => [d.body, d.bodyKind, d.date, d.outcome])).toEqual([
        ["Social- og Sundhedsudvalget", "fagudvalg", "2025-09-10", "treated"],
        ["Økonomiudvalget", "oekonomiudvalg", "2025-09-30", "treated"],
        ["Byrådet", "byraad", "2025-10-07", "sent-back"],
      ]);
      expect(item.decisions[2]!.textDa).toMatch(/^Sagen tilbagesendes til fagudvalgene/);
      expect(item.councilTreatment).toBe("sent-back");
      // The recommendation says no plan, but the council did not follow it: nothing is decided.
      expect(item.actionPlan.stance).toBe("ikke-besluttet");
      expect(item.recommendations.map((r) => r.value)).toEqual(["at danmarkskortet for 2024 tages til efterretning", "at der ikke udarbejdes en handleplan for 2024"]);
      expect(item.figures.map((f) => [f.map, f.decided?.value, f.reversedPercent?.value.tenths, f.from])).toEqual([
        ["socialomraadet", 77, 442, "table"],
        ["boernehandicapomraadet", 27, 407, "text"],
      ]);
    });

    it(`${layout}: the council approves the recommendation, so the stance is the recommendation's nej`, () => {
      const doc = extractMinutes(text({ councilOutcome: "approves" }));
      const item = doc.items[0]!;
      expect(item.councilTreatment).toBe("finished");
      expect(item.actionPlan.stance).toBe("nej");
      if (item.actionPlan.stance === "ikke-naevnt") throw new Error("unreachable");
      expect(item.actionPlan.evidence.text).toBe("at der ikke udarbejdes en handleplan for 2024");
    });
  }

  it("an item found by its content when the title does not say Danmarkskort", () => {
    const text = [
      "Referat Økonomiudvalget d. 30-09-2025",
      "",
      "Punkt 4: Orientering om klagesager på det sociale område",
      "",
      "Sagsfremstilling",
      "",
      "Danmarkskortet for 2024 viser, at omgørelsesprocenten for Ballerup Kommune er 37 %. Omgørelsesprocenten på landsplan er 44,9 %.",
      "",
      "Beslutning",
      "",
      "Taget til efterretning.",
    ].join("\n");
    const item = extractMinutes(text).items[0]!;
    expect(item.matchedBy).toBe("content");
    expect(item.decisions[0]).toMatchObject({ body: "Økonomiudvalget", bodyKind: "oekonomiudvalg", date: "2025-09-30" });
    expect(item.actionPlan).toEqual({ stance: "ikke-naevnt" });
    expect(item.figures).toEqual([expect.objectContaining({ map: "socialomraadet", decided: null })]);
  });

  it("a document without agenda items gives no item", () => {
    expect(extractMinutes("Dette er ikke et referat.\n").items).toEqual([]);
  });
});
