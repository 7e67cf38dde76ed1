import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../../../test/support/test-databases.js";
import type { Role } from "../../domain/access-policy.js";
import { listAuditEvents } from "../../storage/audit-trail.js";
import { loadFollowUp } from "../../storage/compliance-follow-ups.js";
import type { Caller } from "../caller.js";
import { memorySecurityLog } from "../security-log.js";
import { addMeeting } from "../treatment/save-meeting.js";
import type { TreatmentDeps } from "../treatment/treatment-access.js";
import { buildComplianceTable, renderComplianceCsv } from "./compliance-table.js";
import { filterComplianceLines, loadComplianceLineForFollowUp, loadComplianceOverview, loadPublicComplianceOverview } from "./load-compliance-overview.js";
import { clearFollowUp, setFollowUp } from "./save-follow-up.js";
import { asMunicipalityCode } from "../../domain/municipality.js";

const user = (role: Role, n: number): Caller => ({ actor: { kind: "user", userId: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`, email: `${role.kind}${n}@example.test`, role }, channel: "web" });
const tilsyn = user({ kind: "tilsyn" }, 1);
const admin = user({ kind: "admin" }, 2);
const herningEditor = user({ kind: "redaktoer", municipalityCode: asMunicipalityCode("0657") }, 3);
const NOTE = "Byrådet sendte sagen tilbage; rykket pr. telefon.";

describe.each(DATABASE_KINDS)("Ankestyrelsen's follow-up on %s", (kind) => {
  let t: TestDatabase;
  let deps: TreatmentDeps;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    deps = { db: t.db, now: () => new Date("2025-10-15T10:00:00.000Z"), securityLog: memorySecurityLog() };
    const saved = await addMeeting(deps, herningEditor, {
      municipalityCode: "0657",
      dataYear: 2024,
      bodyId: "byraadet",
      date: "2025-09-24",
      agendaItemNumber: null,
      agendaItemTitle: "Danmarkskortet 2024",
      role: "decision",
      state: "held",
      outcome: "concluded",
      decisionText: null,
      minutesUrl: null,
    });
    expect(saved).toMatchObject({ kind: "saved" });
  });
  afterAll(() => t?.drop());

  it("is written by tilsyn only, with the before and after in the audit trail", async () => {
    for (const caller of [admin, herningEditor]) expect(await setFollowUp(deps, caller, { municipalityCode: "0151", dataYear: 2024, category: "asked-for-stance", note: null })).toMatchObject({ kind: "refused", status: 403 });
    expect(await setFollowUp(deps, { actor: { kind: "public" }, channel: "web" }, { municipalityCode: "0151", dataYear: 2024, category: "none", note: null })).toMatchObject({ kind: "refused", status: 401 });
    expect(await loadFollowUp(t.db, "0151", 2024)).toBeNull();

    expect(await setFollowUp(deps, tilsyn, { municipalityCode: "0151", dataYear: 2024, category: "asked-for-stance", note: NOTE })).toMatchObject({ kind: "saved", followUp: { category: "asked-for-stance", note: NOTE, updatedBy: "tilsyn1@example.test" } });
    expect(await setFollowUp(deps, tilsyn, { municipalityCode: "151", dataYear: 2024, category: "reminded-of-deadline", note: "" })).toMatchObject({ kind: "saved", followUp: { municipalityCode: "0151", note: null } });
    const events = (await listAuditEvents(t.db, { municipalityCode: "0151" })).filter((e) => e.action.startsWith("compliance."));
    expect(events.map((e) => [e.action, e.before, e.after])).toEqual(
      expect.arrayContaining([
        ["compliance.follow-up", null, { category: "asked-for-stance", note: NOTE }],
        ["compliance.follow-up", { category: "asked-for-stance", note: NOTE }, { category: "reminded-of-deadline", note: null }],
      ]),
    );
  });

  it("refuses an unknown category, an unknown municipality and a CPR number in the note, storing nothing", async () => {
    expect(await setFollowUp(deps, tilsyn, { municipalityCode: "0657", dataYear: 2024, category: "bøde", note: null })).toMatchObject({ status: 400, field: "Opfølgning" });
    expect(await setFollowUp(deps, tilsyn, { municipalityCode: "9999", dataYear: 2024, category: "none", note: null })).toMatchObject({ status: 404 });
    expect(await setFollowUp(deps, tilsyn, { municipalityCode: "0657", dataYear: 2024, category: "none", note: "Borger 010190-1234 ringede." })).toMatchObject({ status: 400, messageDa: expect.stringContaining("CPR-nummer") });
    expect(await loadFollowUp(t.db, "0657", 2024)).toBeNull();
  });

  it("shows the note to tilsyn and admin, never in the public version, whose table has no note column", async () => {
    expect(await setFollowUp(deps, tilsyn, { municipalityCode: "0657", dataYear: 2024, category: "none", note: "=HYPERLINK(\"http://x\")" })).toMatchObject({ kind: "saved" });
    const privateView = await loadComplianceOverview(deps, admin, 2024);
    if (privateView.kind !== "overview") throw new Error(privateView.messageDa);
    const herning = privateView.overview.rows.find((r) => r.municipalityCode === "0657")!;
    expect(herning).toMatchObject({ statusKey: "treated", region: "Region Midtjylland", followUp: { category: "none", note: "=HYPERLINK(\"http://x\")" } });
    const csv = renderComplianceCsv(buildComplianceTable(privateView.overview));
    expect(csv).toContain("Note (intern)");
    // The note reaches the CSV as text, not as a formula (OWASP CSV injection).
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);

    const publicView = await loadPublicComplianceOverview(deps, 2024);
    if (publicView.kind !== "overview") throw new Error(publicView.messageDa);
    expect(publicView.overview.withNotes).toBe(false);
    expect(publicView.overview.rows.every((r) => r.followUp === null || r.followUp.note === null)).toBe(true);
    expect(publicView.overview.rows.find((r) => r.municipalityCode === "0151")!.followUp).toMatchObject({ category: "reminded-of-deadline", note: null });
    const publicCsv = renderComplianceCsv(buildComplianceTable(publicView.overview));
    expect(publicCsv).not.toContain("HYPERLINK");
    expect(publicCsv).not.toContain("Note");
    expect(publicCsv.split("\r\n").filter((l) => l !== "")).toHaveLength(99);
    expect(publicView.overview.statusCounts).toMatchObject({ treated: 1, "not-registered": 97 });
  });

  it("filters by follow-up and status, and the line for the follow-up page is tilsyn's only", async () => {
    const o = await loadComplianceOverview(deps, tilsyn, 2024);
    if (o.kind !== "overview") throw new Error(o.messageDa);
    expect(filterComplianceLines(o.overview.rows, { status: null, region: null, followUp: "reminded-of-deadline" }).map((r) => r.municipalityCode)).toEqual(["0151"]);
    expect(filterComplianceLines(o.overview.rows, { status: "treated", region: "Region Midtjylland", followUp: null }).map((r) => r.municipalityCode)).toEqual(["0657"]);
    expect(filterComplianceLines(o.overview.rows, { status: null, region: null, followUp: "unset" })).toHaveLength(96);
    expect(await loadComplianceLineForFollowUp(deps, tilsyn, "0657", 2024)).toMatchObject({ kind: "line", line: { followUp: { note: "=HYPERLINK(\"http://x\")" } } });
    expect(await loadComplianceLineForFollowUp(deps, admin, "0657", 2024)).toMatchObject({ kind: "refused", status: 403 });
  });

  it("clears a follow-up back to 'ikke vurderet', tilsyn only", async () => {
    expect(await clearFollowUp(deps, admin, { municipalityCode: "0151", dataYear: 2024 })).toMatchObject({ status: 403 });
    expect(await clearFollowUp(deps, tilsyn, { municipalityCode: "0151", dataYear: 2024 })).toEqual({ kind: "deleted", deleted: true });
    expect(await clearFollowUp(deps, tilsyn, { municipalityCode: "0151", dataYear: 2024 })).toEqual({ kind: "deleted", deleted: false });
    expect(await loadFollowUp(t.db, "0151", 2024)).toBeNull();
    const events = await listAuditEvents(t.db, { municipalityCode: "0151" });
    expect(events.some((e) => e.action === "compliance.follow-up-clear" && e.after === null)).toBe(true);
  });
});
