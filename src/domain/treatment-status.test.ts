import { describe, expect, it } from "vitest";
import type { BodyKind } from "./council-bodies.js";
import type { MeetingOutcome, MeetingState, TreatmentMeeting } from "./treatment-record.js";
import { buildActionPlanStatus, buildCouncilTreatmentStatus, genitiveDa } from "./treatment-status.js";
import { asMunicipalityCode } from "./municipality.js";
import { parseIsoDate } from "./iso-date.js";

/** A meeting of the 2024 map's treatment; only what the status reads is varied. */
function meeting(nameDa: string, kind: BodyKind, date: string, state: MeetingState, outcome: MeetingOutcome | null = state === "held" ? "concluded" : null): TreatmentMeeting {
  return {
    id: `${nameDa}-${date}`,
    municipalityCode: asMunicipalityCode("0657"),
    dataYear: 2024,
    body: { id: nameDa.toLowerCase(), nameDa, kind },
    date: parseIsoDate(date),
    agendaItemNumber: null,
    agendaItemTitle: "Danmarkskortet - omgørelsesprocent i Ankestyrelsen 2024",
    role: kind === "council" ? "decision" : "recommendation",
    state,
    outcome,
    decisionText: null,
    minutesUrl: null,
    attachments: [],
    updatedAt: "2025-08-01T00:00:00.000Z",
  };
}

const base = { dataYear: 2024, councilNameDa: "Byrådet" };

describe("buildCouncilTreatmentStatus", () => {
  it("says the council treated the map on the date of its concluding meeting (the issue's sentence)", () => {
    const s = buildCouncilTreatmentStatus({ ...base, today: "2025-10-01", meetings: [meeting("Handicaprådet", "disability-council", "2025-08-28", "held"), meeting("Byrådet", "council", "2025-09-24", "held")] });
    expect(s).toMatchObject({ kind: "treated", meetingDate: "2025-09-24", late: false });
    expect(s.sentenceDa).toBe("Byrådet behandlede kortet den 24. september 2025.");
  });

  it("counts down to the deadline while the council has not treated it (the issue's sentence: 29 days on 2 December)", () => {
    const s = buildCouncilTreatmentStatus({ ...base, today: "2025-12-02", meetings: [meeting("Social- og Sundhedsudvalget", "committee", "2025-08-20", "held")] });
    expect(s).toMatchObject({ kind: "pending", daysLeft: 29 });
    expect(s.sentenceDa).toBe("Byrådets behandling mangler – fristen er 31. december 2025, om 29 dage.");
    expect(buildCouncilTreatmentStatus({ ...base, today: "2025-12-30", meetings: [] }).sentenceDa).toBe("Byrådets behandling mangler – fristen er 31. december 2025, om 1 dag.");
    expect(buildCouncilTreatmentStatus({ ...base, today: "2025-12-31", meetings: [] }).sentenceDa).toBe("Byrådets behandling mangler – fristen er 31. december 2025, i dag.");
  });

  it("does not count a council that sent the case back, or postponed it, as finished", () => {
    const sentBack = buildCouncilTreatmentStatus({ ...base, today: "2025-10-01", meetings: [meeting("Byrådet", "council", "2025-09-24", "held", "sent-back"), meeting("Byrådet", "council", "2025-11-25", "planned")] });
    expect(sentBack.kind).toBe("pending");
    expect(sentBack.kind === "pending" && sentBack.notesDa).toEqual(["Byrådet sendte sagen tilbage den 24. september 2025; behandlingen er ikke afsluttet.", "Sagen er sat på Byrådets møde den 25. november 2025."]);
    expect(buildCouncilTreatmentStatus({ ...base, today: "2025-10-01", meetings: [meeting("Byrådet", "council", "2025-09-24", "held", "postponed")] }).kind).toBe("pending");
    // Sent back, then concluded at a later meeting: treated on the later date.
    const later = buildCouncilTreatmentStatus({ ...base, today: "2025-12-01", meetings: [meeting("Byrådet", "council", "2025-09-24", "held", "sent-back"), meeting("Byrådet", "council", "2025-11-25", "held")] });
    expect(later.sentenceDa).toBe("Byrådet behandlede kortet den 25. november 2025.");
  });

  it("does not let a committee's or a planned meeting stand in for the council's treatment", () => {
    const s = buildCouncilTreatmentStatus({ ...base, today: "2025-09-01", meetings: [meeting("Økonomiudvalget", "finance-committee", "2025-08-26", "held"), meeting("Byrådet", "council", "2025-09-24", "planned")] });
    expect(s.kind).toBe("pending");
    expect(s.kind === "pending" && s.notesDa).toEqual(["Sagen er sat på Byrådets møde den 24. september 2025."]);
  });

  it("says how late: after the deadline, pending becomes overdue, and a late treatment says so", () => {
    expect(buildCouncilTreatmentStatus({ ...base, councilNameDa: "Kommunalbestyrelsen", today: "2026-01-03", meetings: [] }).sentenceDa).toBe(
      "Kommunalbestyrelsens behandling mangler – fristen var 31. december 2025, for 3 dage siden.",
    );
    const late = buildCouncilTreatmentStatus({ ...base, today: "2026-02-01", meetings: [meeting("Byrådet", "council", "2026-01-28", "held")] });
    expect(late).toMatchObject({ kind: "treated", late: true });
    expect(late.sentenceDa).toBe("Byrådet behandlede kortet den 28. januar 2026 – efter fristen 31. december 2025.");
  });

  it("forms the Danish genitive", () => {
    expect(genitiveDa("Byrådet")).toBe("Byrådets");
    expect(genitiveDa("Borgerrepræsentationen")).toBe("Borgerrepræsentationens");
    expect(genitiveDa("Kommunalbestyrelsens")).toBe("Kommunalbestyrelsens'");
  });
});

describe("buildActionPlanStatus", () => {
  const plan = { dataYear: 2023, councilNameDa: "Byrådet", today: "2024-10-01", ruleApplies: true, ruleEndedOn: null, order: null };
  it("says the rule does not apply, and until when it did", () => {
    expect(buildActionPlanStatus({ ...plan, dataYear: 2024, ruleApplies: false, ruleEndedOn: "2024-12-31", decision: null }).sentenceDa).toBe(
      "Kravet om at tage stilling til en handleplan (§ 79 b, stk. 2–3) gælder ikke for kortet for 2024; det gjaldt til 31. december 2024.",
    );
  });
  it("asks for the decision where the rule applies, and reports ja, nej with the notice, and ikke relevant", () => {
    expect(buildActionPlanStatus({ ...plan, decision: null })).toMatchObject({ kind: "missing" });
    const d = { municipalityCode: asMunicipalityCode("0657"), dataYear: 2023, updatedAt: "2024-10-01T00:00:00.000Z" };
    expect(buildActionPlanStatus({ ...plan, decision: { ...d, decision: "yes", ankestyrelsenNotifiedOn: null } }).sentenceDa).toBe("Byrådet besluttede, at der skal udarbejdes en handleplan.");
    const no = buildActionPlanStatus({ ...plan, decision: { ...d, decision: "no", ankestyrelsenNotifiedOn: parseIsoDate("2024-09-30") } });
    expect(no.kind === "decided" && no.notesDa).toEqual(["Ankestyrelsen blev underrettet den 30. september 2024."]);
    const notTold = buildActionPlanStatus({ ...plan, decision: { ...d, decision: "no", ankestyrelsenNotifiedOn: null } });
    expect(notTold.kind === "decided" && notTold.notesDa[0]).toMatch(/ikke registreret, at Ankestyrelsen er underrettet/);
    expect(buildActionPlanStatus({ ...plan, decision: { ...d, decision: "not-relevant", ankestyrelsenNotifiedOn: null } }).sentenceDa).toBe("Byrådet fandt spørgsmålet om en handleplan ikke relevant.");
  });
  it("tells Ankestyrelsen's order with its deadline and the days left", () => {
    const s = buildActionPlanStatus({ ...plan, today: "2024-12-01", decision: null, order: { municipalityCode: asMunicipalityCode("0657"), dataYear: 2023, orderedOn: parseIsoDate("2024-11-15"), deadline: parseIsoDate("2025-03-01"), note: null, recordedAt: "2024-11-16T00:00:00.000Z" } });
    expect(s.sentenceDa).toContain("Ankestyrelsen påbød den 15. november 2024 kommunen at udarbejde en handleplan (§ 79 b, stk. 3); fristen er 1. marts 2025, om 90 dage.");
  });
});
