import { describe, expect, it } from "vitest";
import type { MeetingBody, TreatmentMeeting } from "../domain/treatment-record.js";
import { chooseRoute, routeFromTreatment } from "./treatment-route.js";
import { asMunicipalityCode } from "../domain/municipality.js";
import { parseIsoDate } from "../domain/iso-date.js";

const BODIES: Readonly<Record<string, MeetingBody>> = {
  bfu: { id: "boerne-og-familieudvalget", nameDa: "Børne- og Familieudvalget", kind: "committee" },
  ssu: { id: "social-og-sundhedsudvalget", nameDa: "Social- og Sundhedsudvalget", kind: "committee" },
  hr: { id: "handicapraadet", nameDa: "Handicaprådet", kind: "disability-council" },
  br: { id: "byraadet", nameDa: "Byrådet", kind: "council" },
  aeld: { id: "aeldreraadet", nameDa: "Ældrerådet", kind: "senior-council" },
};

/** A meeting of Herning's 2024 treatment (seeds/herning-handicapraad-referat-2025-08-28.txt, punkt 42). */
function meeting(body: keyof typeof BODIES, date: string, overrides: Partial<TreatmentMeeting> = {}): TreatmentMeeting {
  return {
    id: `${body}-${date}`,
    municipalityCode: asMunicipalityCode("0657"),
    dataYear: 2024,
    body: BODIES[body]!,
    date: parseIsoDate(date),
    agendaItemNumber: null,
    agendaItemTitle: "Danmarkskortet 2024",
    role: "recommendation",
    state: "held",
    outcome: "concluded",
    decisionText: null,
    minutesUrl: null,
    attachments: [],
    updatedAt: "2025-08-01T00:00:00.000Z",
    ...overrides,
  };
}

describe("routeFromTreatment", () => {
  it("is null without meetings, so the typed route (or none) applies", () => {
    expect(routeFromTreatment([])).toBeNull();
  });

  it("orders the meetings by date, keeps held decisions, marks the høring, and writes for the next planned body", () => {
    const result = routeFromTreatment([
      meeting("br", "2025-09-24", { role: "decision", state: "planned", outcome: null, decisionText: null }),
      meeting("hr", "2025-08-28", { role: "consultation", decisionText: "Orienteringen er taget til efterretning." }),
      meeting("bfu", "2025-08-13", { decisionText: "  Udvalget har taget orienteringen til efterretning. " }),
      meeting("ssu", "2025-08-20", { decisionText: null }),
    ]);
    expect(result).toEqual({
      route: [
        { body: "Børne- og Familieudvalget", date: "2025-08-13", decision: "Udvalget har taget orienteringen til efterretning." },
        { body: "Social- og Sundhedsudvalget", date: "2025-08-20" },
        { body: "Handicaprådet", date: "2025-08-28", decision: "Orienteringen er taget til efterretning.", hearing: true },
        { body: "Byrådet", date: "2025-09-24" },
      ],
      body: "byraad",
      competence: "Byrådet",
    });
  });

  it("never prints a decision text for a meeting that has not been held", () => {
    const result = routeFromTreatment([meeting("ssu", "2025-10-01", { state: "planned", outcome: null, decisionText: "Forventet: tages til efterretning" })]);
    expect(result?.route).toEqual([{ body: "Social- og Sundhedsudvalget", date: "2025-10-01" }]);
    expect(result?.body).toBe("udvalg");
  });

  it("writes for the last body when every meeting is held, and names no body for a council without an item of its own", () => {
    expect(routeFromTreatment([meeting("bfu", "2025-08-13"), meeting("hr", "2025-08-28", { role: "consultation" })])).toMatchObject({ body: "handicapraad", competence: null });
    expect(routeFromTreatment([meeting("aeld", "2025-08-28", { role: "consultation", state: "planned", outcome: null })])).toMatchObject({ body: null });
  });
});

describe("chooseRoute", () => {
  const recorded = routeFromTreatment([meeting("hr", "2025-08-28", { role: "consultation", state: "planned", outcome: null }), meeting("br", "2025-09-24", { role: "decision", state: "planned", outcome: null })]);

  it("takes the treatment record's route, body and competence when nothing is typed", () => {
    expect(chooseRoute({}, recorded)).toEqual({ route: recorded!.route, body: "handicapraad", competence: "Byrådet" });
  });

  it("lets what the jurist typed win, field by field", () => {
    const typedRoute = [{ body: "Socialudvalget", date: "2025-09-30" }];
    expect(chooseRoute({ route: typedRoute, body: "udvalg" }, recorded)).toEqual({ route: typedRoute, body: "udvalg", competence: "Byrådet" });
    expect(chooseRoute({ competence: "Økonomiudvalget" }, recorded)).toMatchObject({ competence: "Økonomiudvalget" });
  });

  it("falls back to the item for the Byråd without a route when there is no record", () => {
    expect(chooseRoute({}, null)).toEqual({ body: "byraad" });
  });
});
