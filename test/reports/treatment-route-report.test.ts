import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OPERATOR } from "../../src/app/caller.js";
import { memorySecurityLog } from "../../src/app/security-log.js";
import { addMeeting, type SaveMeetingInput } from "../../src/app/treatment/save-meeting.js";
import { buildApp } from "../../src/server/app.js";
import type { Database } from "../../src/storage/database.js";
import { openReferenceDatabase } from "./support/reference-database.js";

/**
 * Issue 16, point 3: the agenda item takes its body and route from the municipality's treatment record
 * of the year's map where one exists – the meetings in date order, held ones with their decision – and
 * what the jurist types still wins; with no record it is as before.
 */
const TITLE = "Danmarkskortet - omgørelsesprocent i Ankestyrelsen 2024";
const base = { municipalityCode: "0657", dataYear: 2024, agendaItemNumber: null, agendaItemTitle: TITLE, outcome: null, minutesUrl: null } as const;

/** Herning's 2024 treatment as on 1 September 2025 (seeds/herning-handicapraad-referat-2025-08-28.txt, punkt 42); the Byråd still ahead. */
const MEETINGS: readonly SaveMeetingInput[] = [
  { ...base, bodyId: "byraadet", date: "2025-09-24", role: "decision", state: "planned", decisionText: null },
  { ...base, bodyId: "handicapraadet", date: "2025-08-28", role: "consultation", state: "held", decisionText: "Orienteringen er taget til efterretning." },
  { ...base, bodyId: "social-og-sundhedsudvalget", date: "2025-08-20", role: "recommendation", state: "held", decisionText: "Udvalget har drøftet sagen og taget orienteringen til efterretning." },
];

describe("the agenda item's route from the treatment record", () => {
  let db: Database;
  let app: FastifyInstance;
  const item = async (query: string, code = "0657") => {
    const res = await app.inject({ url: `/api/v1/municipalities/${code}/agenda-item?year=2024&format=md&${query}` });
    expect(res.statusCode, res.body).toBe(200);
    // Markdown escapes the placeholder's brackets; the tests read the text.
    return res.body.replace(/\\([[\]])/g, "$1");
  };

  beforeAll(async () => {
    process.env.DANMARKSKORT_BOUNDARIES = "none";
    db = await openReferenceDatabase();
    const deps = { db, now: () => new Date("2025-09-01T10:00:00Z"), securityLog: memorySecurityLog() };
    for (const m of MEETINGS) {
      const saved = await addMeeting(deps, OPERATOR, m);
      if (saved.kind !== "saved") throw new Error(saved.messageDa);
    }
    app = await buildApp({ db, storageDescription: "test" });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it("writes Herning's item for the Byråd with a dated decision line per deciding body and the høring in Handicaprådet", async () => {
    const md = await item("template=beslutning");
    expect(md).toContain("Dagsordenpunkt til Byrådet");
    const decision = md.slice(md.indexOf("## Beslutning"), md.indexOf("## Bilag"));
    expect(decision).toContain("Social- og Sundhedsudvalget den 20. august 2025: Udvalget har drøftet sagen og taget orienteringen til efterretning.");
    expect(decision).toContain("Byrådet den 24. september 2025: [Beslutning indsættes efter mødet]");
    expect(decision.indexOf("Social- og Sundhedsudvalget")).toBeLessThan(decision.indexOf("Byrådet den 24. september 2025"));
    expect(decision).not.toContain("Handicaprådet den");
    expect(md).toContain("Handicaprådet den 28. august 2025: Orienteringen er taget til efterretning.");
    expect(md).not.toContain("Sagen sendes ikke i høring.");
  });

  it("keeps what the jurist typed: a typed route and body win over the record", async () => {
    const md = await item(`template=beslutning&body=udvalg&route=${encodeURIComponent("Socialudvalget 2025-09-30")}`);
    expect(md).toContain("Dagsordenpunkt til fagudvalget");
    expect(md).toContain("Socialudvalget den 30. september 2025: [Beslutning indsættes efter mødet]");
    expect(md).not.toContain("Social- og Sundhedsudvalget den 20. august 2025");
  });

  it("is as before for a municipality without a record", async () => {
    const md = await item("template=beslutning", "0661");
    expect(md).toContain("Dagsordenpunkt til Byrådet");
    expect(md).toContain("Sagen sendes ikke i høring.");
  });
});
