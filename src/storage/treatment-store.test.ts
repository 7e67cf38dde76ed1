import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../../test/support/test-databases.js";
import { insertAttachment, insertMeeting, listMeetings, loadAttachmentContent, loadOrder, saveOrder } from "./treatment-store.js";
import { asMunicipalityCode } from "../domain/municipality.js";
import { parseIsoDate } from "../domain/iso-date.js";

const meeting = {
  body: { id: "byraadet", nameDa: "Byrådet", kind: "council" as const },
  date: parseIsoDate("2025-01-01"),
  agendaItemNumber: "7",
  agendaItemTitle: "Danmarkskortet 2024",
  role: "decision" as const,
  state: "held" as const,
  outcome: "concluded" as const,
  decisionText: null,
  minutesUrl: null,
};

describe.each(DATABASE_KINDS)("the treatment store on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(() => t?.drop());
  beforeEach(async () => {
    await t.db.query("DELETE FROM treatment_meeting");
    await t.db.query("DELETE FROM ankestyrelsen_order");
  });

  it("returns dates as written, whatever the time zone (a 1 January meeting stays on 1 January)", async () => {
    await insertMeeting(t.db, "0657", 2024, meeting, "2025-01-02T00:00:00.000Z");
    expect((await listMeetings(t.db, "0657", 2024))[0]).toMatchObject({ date: "2025-01-01", body: { nameDa: "Byrådet" } });
    await saveOrder(t.db, { municipalityCode: asMunicipalityCode("0657"), dataYear: 2023, orderedOn: parseIsoDate("2025-01-01"), deadline: parseIsoDate("2025-12-31"), note: null, recordedAt: "2025-01-02T00:00:00.000Z" });
    expect(await loadOrder(t.db, "0657", 2023)).toMatchObject({ orderedOn: "2025-01-01", deadline: "2025-12-31" });
  });

  it("keeps an attachment's bytes exactly, and its table refuses a size that does not match", async () => {
    const m = await insertMeeting(t.db, "0657", 2024, meeting, "2025-01-02T00:00:00.000Z");
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff, 0x80]);
    const a = await insertAttachment(t.db, { meetingId: m.id, fileName: "a.pdf", mediaType: "application/pdf", sha256: "0".repeat(64), content: bytes, isPublic: false, uploadedAt: "2025-01-02T00:00:00.000Z" });
    expect([...(await loadAttachmentContent(t.db, a.id))!]).toEqual([...bytes]);
    await expect(
      t.db.query("INSERT INTO treatment_attachment (meeting_id, file_name, media_type, size_bytes, sha256, content, is_public, uploaded_at) VALUES ($1::uuid, 'b.pdf', 'application/pdf', 99, $2, $3, true, now())", [m.id, "0".repeat(64), bytes]),
    ).rejects.toThrow();
    expect(await loadAttachmentContent(t.db, "not-a-uuid")).toBeNull();
  });

  it("holds the domain's rules for writers that bypass the store", async () => {
    const insert = (state: string, outcome: string | null, url: string | null = null) =>
      t.db.query(
        "INSERT INTO treatment_meeting (municipality_code, data_year, body_id, body_name, body_kind, meeting_date, agenda_item_title, role, state, outcome, minutes_url, created_at, updated_at) VALUES ('0657', 2024, 'byraadet', 'Byrådet', 'council', '2025-09-24', 'x', 'decision', $1, $2, $3, now(), now())",
        [state, outcome, url],
      );
    await expect(insert("planned", "concluded")).rejects.toThrow();
    await expect(insert("held", null)).rejects.toThrow();
    await expect(insert("held", "concluded", "javascript:alert(1)")).rejects.toThrow();
    await expect(t.db.query("INSERT INTO treatment_plan_decision VALUES ('0657', 2023, 'yes', '2024-10-01', now())")).rejects.toThrow();
    await expect(t.db.query("INSERT INTO ankestyrelsen_order VALUES ('0657', 2023, '2025-02-01', '2025-01-01', NULL, now())")).rejects.toThrow();
    expect(await listMeetings(t.db, "0657", null)).toEqual([]);
  });
});
