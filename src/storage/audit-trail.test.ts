import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../../test/support/test-databases.js";
import { appendAuditEvent, listAuditEvents, type AuditEventInput } from "./audit-trail.js";

const event = (over: Partial<AuditEventInput>): AuditEventInput => ({
  at: "2025-06-20T08:00:00.000Z",
  actorUserId: null,
  actorLabel: "redaktor@herning.dk",
  actorRole: "redaktoer",
  actorMunicipalityCode: "0657",
  channel: "web",
  action: "comment.save",
  municipalityCode: "0657",
  subject: "kommentar 0657/2024",
  before: null,
  after: { text: "Ny tekst.", status: "draft" },
  ...over,
});

describe.each(DATABASE_KINDS)("audit trail on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(() => t?.drop());

  it("keeps who, role, when, what, before and after, newest first, filterable by municipality and user", async () => {
    await appendAuditEvent(t.db, event({}));
    await appendAuditEvent(t.db, event({ at: "2025-06-20T09:00:00.000Z", before: { text: "Ny tekst.", status: "draft" }, after: { text: "Ny tekst.", status: "published" } }));
    await appendAuditEvent(t.db, event({ at: "2025-06-20T10:00:00.000Z", actorLabel: "admin@example.dk", actorRole: "admin", actorMunicipalityCode: null, action: "user.create", municipalityCode: "0101", subject: "bruger x@kk.dk", after: { email: "x@kk.dk" } }));
    await appendAuditEvent(t.db, event({ at: "2025-06-20T11:00:00.000Z", actorLabel: "operatør (kommandolinjen)", actorRole: "operator", actorMunicipalityCode: null, channel: "cli", municipalityCode: "0101", subject: "kommentar 0101/2024" }));

    const all = await listAuditEvents(t.db);
    expect(all.map((e) => e.at)).toEqual(["2025-06-20T11:00:00.000Z", "2025-06-20T10:00:00.000Z", "2025-06-20T09:00:00.000Z", "2025-06-20T08:00:00.000Z"]);
    expect(all[2]).toMatchObject({ actorLabel: "redaktor@herning.dk", actorRole: "redaktoer", channel: "web", before: { text: "Ny tekst.", status: "draft" }, after: { text: "Ny tekst.", status: "published" } });
    expect(all[3]!.before).toBeNull();
    expect((await listAuditEvents(t.db, { municipalityCode: "0657" })).map((e) => e.action)).toEqual(["comment.save", "comment.save"]);
    expect((await listAuditEvents(t.db, { actorLabel: "ADMIN@example.dk" })).map((e) => e.subject)).toEqual(["bruger x@kk.dk"]);
    expect(await listAuditEvents(t.db, { municipalityCode: "0101", actorLabel: "redaktor@herning.dk" })).toEqual([]);
    expect(await listAuditEvents(t.db, { limit: 1 })).toHaveLength(1);
  });

  it("is append-only: UPDATE, DELETE and TRUNCATE are refused by the database", async () => {
    await appendAuditEvent(t.db, event({ subject: "urørlig" }));
    const before = (await listAuditEvents(t.db)).length;
    await expect(t.db.query("UPDATE audit_event SET subject = 'ændret'")).rejects.toThrow(/kun udvides/);
    await expect(t.db.query("DELETE FROM audit_event")).rejects.toThrow(/kun udvides/);
    await expect(t.db.query("TRUNCATE audit_event")).rejects.toThrow(/kun udvides/);
    const after = await listAuditEvents(t.db);
    expect(after).toHaveLength(before);
    expect(after.some((e) => e.subject === "ændret")).toBe(false);
  });
});
