import { Document, Packer, Paragraph } from "docx";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { tinyPdf } from "../../../test/support/tiny-pdf.js";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../../../test/support/test-databases.js";
import type { Role } from "../../domain/access-policy.js";
import { listAuditEvents } from "../../storage/audit-trail.js";
import type { Caller } from "../caller.js";
import { memorySecurityLog } from "../security-log.js";
import { addAttachment, openAttachment, removeAttachment, setAttachmentVisibility } from "./attachments.js";
import { editLegalRule, listBodies, listLegalRules, resetLegalRule, saveBodies } from "./bodies-and-rules.js";
import { loadTreatmentHistory, loadTreatmentRecord } from "./load-treatment.js";
import { clearPlanDecision, recordOrder, setPlanDecision, withdrawOrder } from "./plan-decision.js";
import { addMeeting, deleteMeeting, editMeeting, type SaveMeetingInput } from "./save-meeting.js";
import type { TreatmentDeps } from "./treatment-access.js";
import { asMunicipalityCode } from "../../domain/municipality.js";

let n = 0;
function user(role: Role, channel: Caller["channel"] = "web"): Caller {
  n += 1;
  return { actor: { kind: "user", userId: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`, email: `${role.kind}${n}@example.test`, role }, channel };
}

const herningEditor = user({ kind: "redaktoer", municipalityCode: asMunicipalityCode("0657") });
const herningReader = user({ kind: "laeser", municipalityCode: asMunicipalityCode("0657") });
const copenhagenReader = user({ kind: "laeser", municipalityCode: asMunicipalityCode("0101") });
const copenhagenEditor = user({ kind: "redaktoer", municipalityCode: asMunicipalityCode("0101") });
const tilsyn = user({ kind: "tilsyn" });
const admin = user({ kind: "admin" });
const anonymous: Caller = { actor: { kind: "public" }, channel: "web" };

const TITLE = "Danmarkskortet - omgørelsesprocent i Ankestyrelsen 2024";
const base = { municipalityCode: "0657", dataYear: 2024, agendaItemNumber: null, agendaItemTitle: TITLE, state: "held", outcome: null, minutesUrl: null } as const;

/** The four meetings of Herning's 2024 treatment (seeds/herning-handicapraad-referat-2025-08-28.txt, punkt 42). */
const HERNING_2024: readonly SaveMeetingInput[] = [
  { ...base, bodyId: "boerne-og-familieudvalget", date: "2025-08-13", role: "recommendation", decisionText: "Udvalget har drøftet sagen og taget orienteringen til efterretning." },
  { ...base, bodyId: "social-og-sundhedsudvalget", date: "2025-08-20", role: "recommendation", decisionText: "Udvalget har drøftet sagen og taget orienteringen til efterretning." },
  { ...base, bodyId: "handicapraadet", date: "2025-08-28", agendaItemNumber: "42", role: "consultation", decisionText: "Orienteringen er taget til efterretning.\nHandicaprådet ønsker at emnet er et opmærksomhedspunkt for nyt Handicapråd." },
  // The seed does not give the Byråd's date; 24 September 2025 is the example sentence.
  { ...base, bodyId: "byraadet", date: "2025-09-24", role: "decision", decisionText: "Danmarkskortet over omgørelsesprocenter 2024 taget til efterretning." },
];

describe.each(DATABASE_KINDS)("the treatment record's use cases on %s", (kind) => {
  let t: TestDatabase;
  let clock: number;
  let log: ReturnType<typeof memorySecurityLog>;
  let deps: TreatmentDeps;
  let firstEventId: number;
  const trail = async () => (await listAuditEvents(t.db, {})).filter((e) => e.id >= firstEventId).sort((a, b) => a.id - b.id);

  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(() => t?.drop());
  beforeEach(async () => {
    for (const table of ["treatment_meeting", "treatment_plan_decision", "ankestyrelsen_order", "legal_rule_edit", "municipality_body"]) await t.db.query(`DELETE FROM ${table}`);
    clock = Date.parse("2025-10-01T10:00:00.000Z");
    log = memorySecurityLog();
    deps = { db: t.db, now: () => new Date(clock), securityLog: log };
    const { rows } = await t.db.query<{ next: number }>("SELECT coalesce(max(id), 0) + 1 AS next FROM audit_event");
    firstEventId = Number(rows[0]!.next);
  });

  it("builds Herning's 2024 treatment as in the seed, and the record says the Byråd treated the map", async () => {
    const before = await loadTreatmentRecord(deps, anonymous, "0657", 2024);
    expect(before.kind === "record" && before.record.status.sentenceDa).toBe("Byrådets behandling mangler – fristen er 31. december 2025, om 91 dage.");
    for (const m of [...HERNING_2024].reverse()) expect(await addMeeting(deps, herningEditor, m)).toMatchObject({ kind: "saved" });
    const r = await loadTreatmentRecord(deps, anonymous, "0657", 2024);
    if (r.kind !== "record") throw new Error(r.messageDa);
    expect(r.record.meetings.map((m) => [m.body.nameDa, m.date, m.role])).toEqual([
      ["Børne- og Familieudvalget", "2025-08-13", "recommendation"],
      ["Social- og Sundhedsudvalget", "2025-08-20", "recommendation"],
      ["Handicaprådet", "2025-08-28", "consultation"],
      ["Byrådet", "2025-09-24", "decision"],
    ]);
    expect(r.record.meetings[2]).toMatchObject({ agendaItemNumber: "42", outcome: "concluded", decisionText: expect.stringContaining("opmærksomhedspunkt") });
    expect(r.record.status.sentenceDa).toBe("Byrådet behandlede kortet den 24. september 2025.");
    expect(r.record.actionPlan.kind).toBe("not-applicable");
    expect(r.record.may).toEqual({ write: false, order: false, confirmMinutes: false, readInternal: false, editBodies: false });
    const events = await trail();
    expect(events.map((e) => [e.action, e.municipalityCode, e.actorLabel])).toEqual(HERNING_2024.map(() => ["treatment.meeting-add", "0657", (herningEditor.actor as { email: string }).email]));
    expect(events[0]!.after).toMatchObject({ body: "Byrådet", date: "2025-09-24", role: "decision" });
  });

  it("lets only Herning's editors write Herning's record, and refuses a CPR number anywhere before storing", async () => {
    for (const caller of [copenhagenEditor, herningReader, tilsyn, admin]) expect(await addMeeting(deps, caller, HERNING_2024[0]!)).toMatchObject({ kind: "refused", status: 403 });
    expect(await addMeeting(deps, anonymous, HERNING_2024[0]!)).toMatchObject({ status: 401 });
    expect(log.events.filter((e) => e.event === "access-denied")).toHaveLength(5);
    const cpr = await addMeeting(deps, herningEditor, { ...HERNING_2024[0]!, decisionText: "Borger 010190-1234 klagede." });
    expect(cpr).toMatchObject({ status: 400, field: "Beslutning", messageDa: expect.stringContaining("CPR-nummer") });
    expect(JSON.stringify(log.events)).not.toContain("010190");
    expect(await addMeeting(deps, herningEditor, { ...HERNING_2024[0]!, agendaItemTitle: "Sag 0101901234" })).toMatchObject({ status: 400, field: "Punktets titel" });
    expect(await addMeeting(deps, herningEditor, { ...HERNING_2024[0]!, bodyId: "byraad" })).toMatchObject({ status: 400, field: "Organ", messageDa: expect.stringContaining("Byrådet (byraadet)") });
    expect(await addMeeting(deps, herningEditor, { ...HERNING_2024[0]!, dataYear: 2026 })).toMatchObject({ status: 400, field: "Dataår" });
    expect((await t.db.query("SELECT 1 FROM treatment_meeting")).rows).toEqual([]);
    expect(await trail()).toEqual([]);
  });

  it("edits and deletes a meeting of its own municipality and year only, each audited with before and after", async () => {
    const added = await addMeeting(deps, herningEditor, { ...HERNING_2024[3]!, state: "planned", decisionText: null });
    if (added.kind !== "saved") throw new Error(added.messageDa);
    expect((await loadTreatmentRecord(deps, anonymous, "0657", 2024)).kind === "record" && (await loadTreatmentRecord(deps, anonymous, "0657", 2024) as { record: { status: { kind: string } } }).record.status.kind).toBe("pending");
    const sentBack = await editMeeting(deps, herningEditor, added.meeting.id, { ...HERNING_2024[3]!, outcome: "sent-back" });
    expect(sentBack).toMatchObject({ kind: "saved", meeting: { state: "held", outcome: "sent-back" } });
    const r = await loadTreatmentRecord(deps, anonymous, "0657", 2024);
    expect(r.kind === "record" && r.record.status.kind).toBe("pending");
    expect(await editMeeting(deps, herningEditor, added.meeting.id, { ...HERNING_2024[3]!, dataYear: 2023, date: "2024-09-24" })).toMatchObject({ status: 404 });
    expect(await editMeeting(deps, copenhagenEditor, added.meeting.id, { ...HERNING_2024[3]!, municipalityCode: "0101" })).toMatchObject({ status: 400 });
    expect(await deleteMeeting(deps, copenhagenEditor, { municipalityCode: "0657", dataYear: 2024, id: added.meeting.id })).toMatchObject({ status: 403 });
    expect(await deleteMeeting(deps, herningEditor, { municipalityCode: "0657", dataYear: 2024, id: added.meeting.id })).toEqual({ kind: "deleted" });
    expect(await deleteMeeting(deps, herningEditor, { municipalityCode: "0657", dataYear: 2024, id: added.meeting.id })).toMatchObject({ status: 404 });
    const events = await trail();
    expect(events.map((e) => e.action)).toEqual(["treatment.meeting-add", "treatment.meeting-edit", "treatment.meeting-delete"]);
    expect(events[1]).toMatchObject({ before: { state: "planned", outcome: null }, after: { state: "held", outcome: "sent-back" } });
    expect(events[2]).toMatchObject({ before: { body: "Byrådet" }, after: null });
  });

  it("stores attachments in the database and keeps a non-public one from København's reader and the public", async () => {
    const m = await addMeeting(deps, herningEditor, HERNING_2024[2]!);
    if (m.kind !== "saved") throw new Error(m.messageDa);
    const pdf = tinyPdf("Handicaprådet punkt 42");
    const html = new TextEncoder().encode("<!doctype html><html><body><p>Intern kladde til indstilling</p></body></html>");
    const ref = { municipalityCode: "0657", dataYear: 2024, meetingId: m.meeting.id };
    const pub = await addAttachment(deps, herningEditor, { ...ref, fileName: "referat-2025-08-28.pdf", content: pdf, isPublic: true });
    const internal = await addAttachment(deps, herningEditor, { ...ref, fileName: "kladde.html", content: html, isPublic: false });
    if (pub.kind !== "saved" || internal.kind !== "saved") throw new Error("not saved");
    expect(internal.attachment).toMatchObject({ mediaType: "text/html", sizeBytes: html.length, isPublic: false });
    expect(await addAttachment(deps, copenhagenEditor, { ...ref, fileName: "x.pdf", content: pdf, isPublic: true })).toMatchObject({ status: 403 });
    expect(await addAttachment(deps, herningEditor, { ...ref, fileName: "x.html", content: new TextEncoder().encode("<html>CPR 010190-1234</html>"), isPublic: false })).toMatchObject({ status: 400, field: "Fil" });
    expect(await addAttachment(deps, herningEditor, { ...ref, fileName: "x.exe", content: new Uint8Array([0x4d, 0x5a, 0, 0]), isPublic: true })).toMatchObject({ status: 400, field: "Fil" });
    // A PDF's text layer and a DOCX's text are searched too, though their bodies are compressed.
    const pdfCpr = await addAttachment(deps, herningEditor, { ...ref, fileName: "referat.pdf", content: tinyPdf("Referat\nKlage fra borger 010190-1234"), isPublic: false });
    expect(pdfCpr).toMatchObject({ status: 400, field: "Fil" });
    expect(pdfCpr.kind === "refused" && pdfCpr.messageDa).toMatch(/CPR-nummer \(linje 2, tegn \d+\)/);
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph("Indstilling"), new Paragraph("Borgerens CPR 0101901234 fremgår af sagen")] }] }));
    expect(await addAttachment(deps, herningEditor, { ...ref, fileName: "indstilling.docx", content: docx, isPublic: false })).toMatchObject({ status: 400, field: "Fil" });
    // A PDF pdftotext cannot open is refused in Danish, not stored unsearched.
    const broken = await addAttachment(deps, herningEditor, { ...ref, fileName: "beskadiget.pdf", content: new TextEncoder().encode("%PDF-1.4\nikke en rigtig pdf\n"), isPublic: false });
    expect(broken.kind === "refused" && broken.messageDa).toContain("kan ikke læses som PDF");

    const opened = await openAttachment(deps, herningReader, internal.attachment.id);
    expect(opened.kind === "file" && opened.content.equals(Buffer.from(html))).toBe(true);
    expect(await openAttachment(deps, copenhagenReader, internal.attachment.id)).toMatchObject({ kind: "refused", status: 404 });
    expect(await openAttachment(deps, anonymous, internal.attachment.id)).toMatchObject({ status: 404 });
    const publicFile = await openAttachment(deps, copenhagenReader, pub.attachment.id);
    expect(publicFile.kind === "file" && publicFile.content.equals(Buffer.from(pdf))).toBe(true);
    for (const [caller, visible] of [[copenhagenReader, 1], [anonymous, 1], [herningReader, 2], [tilsyn, 2]] as const) {
      const r = await loadTreatmentRecord(deps, caller, "0657", 2024);
      expect(r.kind === "record" && r.record.meetings[0]!.attachments.length).toBe(visible);
    }

    expect(await setAttachmentVisibility(deps, herningEditor, { municipalityCode: "0657", dataYear: 2024, attachmentId: internal.attachment.id, isPublic: true })).toMatchObject({ attachment: { isPublic: true } });
    expect((await openAttachment(deps, copenhagenReader, internal.attachment.id)).kind).toBe("file");
    expect(await removeAttachment(deps, herningEditor, { municipalityCode: "0101", dataYear: 2024, attachmentId: pub.attachment.id })).toMatchObject({ status: 403 });
    expect(await removeAttachment(deps, herningEditor, { municipalityCode: "0657", dataYear: 2024, attachmentId: pub.attachment.id })).toEqual({ kind: "deleted" });
    expect((await trail()).map((e) => e.action)).toEqual(["treatment.meeting-add", "treatment.attachment-add", "treatment.attachment-add", "treatment.attachment-visibility", "treatment.attachment-delete"]);
    // Deleting the meeting takes its attachments with it.
    await deleteMeeting(deps, herningEditor, { municipalityCode: "0657", dataYear: 2024, id: m.meeting.id });
    expect((await t.db.query("SELECT 1 FROM treatment_attachment")).rows).toEqual([]);
  });

  it("records the action-plan decision and Ankestyrelsen's order only where § 79 b stk. 2–3 apply, and follows an admin's edit of the rule", async () => {
    expect(await setPlanDecision(deps, herningEditor, { municipalityCode: "0657", dataYear: 2024, decision: "no", ankestyrelsenNotifiedOn: null })).toMatchObject({ status: 409, messageDa: expect.stringContaining("gælder ikke for behandlingen af kortet for 2024") });
    const no = await setPlanDecision(deps, herningEditor, { municipalityCode: "0657", dataYear: 2023, decision: "no", ankestyrelsenNotifiedOn: "2024-10-02" });
    expect(no).toMatchObject({ kind: "saved", decision: { decision: "no", ankestyrelsenNotifiedOn: "2024-10-02" } });
    expect(await setPlanDecision(deps, herningEditor, { municipalityCode: "0657", dataYear: 2023, decision: "yes", ankestyrelsenNotifiedOn: "2024-10-02" })).toMatchObject({ status: 400 });
    expect(await setPlanDecision(deps, herningEditor, { municipalityCode: "0657", dataYear: 2023, decision: "maybe", ankestyrelsenNotifiedOn: null })).toMatchObject({ status: 400 });
    expect(await setPlanDecision(deps, tilsyn, { municipalityCode: "0657", dataYear: 2023, decision: "yes", ankestyrelsenNotifiedOn: null })).toMatchObject({ status: 403 });

    const order = { municipalityCode: "0657", dataYear: 2023, orderedOn: "2025-02-10", deadline: "2025-06-30", note: "Påbud efter gennemgang af referatet." };
    expect(await recordOrder(deps, herningEditor, order)).toMatchObject({ status: 403 });
    expect(await recordOrder(deps, tilsyn, { ...order, note: "Borger 010190-1234" })).toMatchObject({ status: 400, field: "Note" });
    expect(await recordOrder(deps, tilsyn, { ...order, deadline: "2025-01-01" })).toMatchObject({ status: 400, field: "Frist" });
    expect(await recordOrder(deps, tilsyn, order)).toMatchObject({ kind: "saved", order: { deadline: "2025-06-30" } });
    const r2023 = await loadTreatmentRecord(deps, anonymous, "0657", 2023);
    if (r2023.kind !== "record") throw new Error(r2023.messageDa);
    expect(r2023.record.actionPlan.sentenceDa).toBe("Byrådet besluttede, at der ikke er behov for en handleplan.");
    expect(r2023.record.actionPlan.kind === "decided" && r2023.record.actionPlan.notesDa).toEqual([
      "Ankestyrelsen blev underrettet den 2. oktober 2024.",
      "Ankestyrelsen påbød den 10. februar 2025 kommunen at udarbejde en handleplan (§ 79 b, stk. 3); fristen er 30. juni 2025, overskredet for 93 dage siden.",
    ]);

    // Allerød's 2025 minutes still ask for a plan decision: an admin extends the rule, with a source.
    const edit = { validFrom: "2022-07-01", validTo: "2025-12-31", summaryDa: "Kommunalbestyrelsen tager stilling til behovet for en handleplan.", source: "Allerød Kommune, dagsorden 2025 (ifølge issue 13)" };
    expect(await editLegalRule(deps, herningEditor, "action-plan-decision", edit)).toMatchObject({ status: 403 });
    expect(await editLegalRule(deps, admin, "action-plan-decision", { ...edit, source: "" })).toMatchObject({ status: 400, field: "Kilde" });
    expect(await editLegalRule(deps, admin, "no-such-rule", edit)).toMatchObject({ status: 404 });
    expect(await editLegalRule(deps, admin, "action-plan-decision", edit)).toMatchObject({ kind: "saved", rule: { validTo: "2025-12-31", origin: { kind: "edited" } } });
    expect((await listLegalRules(deps)).find((r) => r.id === "action-plan-decision")).toMatchObject({ source: edit.source });
    expect(await setPlanDecision(deps, herningEditor, { municipalityCode: "0657", dataYear: 2024, decision: "not-relevant", ankestyrelsenNotifiedOn: null })).toMatchObject({ kind: "saved" });
    expect(await resetLegalRule(deps, admin, "action-plan-decision")).toMatchObject({ rule: { validTo: "2024-12-31", origin: { kind: "default" } } });

    expect(await withdrawOrder(deps, tilsyn, { municipalityCode: "0657", dataYear: 2023 })).toEqual({ kind: "deleted", deleted: true });
    expect(await clearPlanDecision(deps, herningEditor, { municipalityCode: "0657", dataYear: 2023 })).toEqual({ kind: "deleted", deleted: true });
    expect((await trail()).map((e) => e.action)).toEqual([
      "treatment.plan-decision",
      "treatment.order-record",
      "legal.rule-edit",
      "treatment.plan-decision",
      "legal.rule-reset",
      "treatment.order-delete",
      "treatment.plan-decision-clear",
    ]);
  });

  it("keeps the municipality's list of bodies, editable by its editors, and meetings keep the name they were saved with", async () => {
    expect(await listBodies(deps, "0657")).toMatchObject({ isDefault: true });
    await addMeeting(deps, herningEditor, HERNING_2024[3]!);
    const list = [
      { nameDa: "Børne- og Familieudvalget", kind: "committee" },
      { nameDa: "Social- og Sundhedsudvalget", kind: "committee" },
      { nameDa: "Byrådet i Herning", kind: "council" },
      { nameDa: "Handicaprådet", kind: "disability-council" },
    ];
    expect(await saveBodies(deps, copenhagenEditor, "0657", list)).toMatchObject({ status: 403 });
    expect(await saveBodies(deps, herningEditor, "0657", list.slice(0, 2))).toMatchObject({ status: 400 });
    expect(await saveBodies(deps, herningEditor, "0657", list)).toMatchObject({ kind: "saved" });
    expect(await listBodies(deps, "0657")).toMatchObject({ isDefault: false, bodies: [{ id: "boerne-og-familieudvalget" }, { id: "social-og-sundhedsudvalget" }, { id: "byraadet-i-herning" }, { id: "handicapraadet" }] });
    const r = await loadTreatmentRecord(deps, anonymous, "0657", 2024);
    expect(r.kind === "record" && r.record.meetings[0]!.body.nameDa).toBe("Byrådet");
    expect(r.kind === "record" && r.record.councilNameDa).toBe("Byrådet i Herning");
    expect((await trail()).map((e) => e.action)).toEqual(["treatment.meeting-add", "municipality.bodies-save"]);
  });

  it("gives the history of every year recorded", async () => {
    await addMeeting(deps, herningEditor, HERNING_2024[3]!);
    await addMeeting(deps, herningEditor, { ...HERNING_2024[3]!, dataYear: 2023, date: "2024-09-25" });
    const h = await loadTreatmentHistory(deps, anonymous, "0657");
    expect(h.kind === "history" && h.records.map((r) => [r.dataYear, r.status.kind])).toEqual([
      [2024, "treated"],
      [2023, "treated"],
    ]);
  });
});
