import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { counts, makeCell } from "../../../test/foundation/complaint-cell-generators.js";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../../../test/support/test-databases.js";
import type { Role } from "../../domain/access-policy.js";
import { listAuditEvents } from "../../storage/audit-trail.js";
import { saveDatasetVersion } from "../../storage/complaint-store.js";
import { saveDepartments } from "../../storage/knowledge-entries.js";
import type { Caller } from "../caller.js";
import { memorySecurityLog } from "../security-log.js";
import { loadSubjectAreaLookup, loadSubjectAreaTable, saveSubjectAreaTable, type SubjectAreaDeps } from "./subject-area-table.js";
import { asMunicipalityCode } from "../../domain/municipality.js";

let n = 0;
function user(role: Role): Caller {
  n += 1;
  return { actor: { kind: "user", userId: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`, email: `${role.kind}${n}@example.test`, role }, channel: "web" };
}
const herningEditor = user({ kind: "redaktoer", municipalityCode: asMunicipalityCode("0657") });
const herningReader = user({ kind: "laeser", municipalityCode: asMunicipalityCode("0657") });
const copenhagenEditor = user({ kind: "redaktoer", municipalityCode: asMunicipalityCode("0101") });
const admin = user({ kind: "admin" });
const anonymous: Caller = { actor: { kind: "public" }, channel: "web" };

const SOCIAL = "Merudgiftydelse §41 + tilbagebetaling";
const JOB = "Sygedagpenge";

describe.each(DATABASE_KINDS)("the subject → area table's use cases on %s", (kind) => {
  let t: TestDatabase;
  let deps: SubjectAreaDeps;
  let log: ReturnType<typeof memorySecurityLog>;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    // Two years of Herning's cells, one subject on the maps and one outside them (employment law).
    await t.db.transaction((tx) =>
      saveDatasetVersion(
        tx,
        { fileName: "ankestatistik.csv", sha256: "a".repeat(64), layout: "talportal-csv", source: "test", extractedOn: "2025-06-01", importedAt: "2025-06-02T10:00:00.000Z", isDemo: false },
        [makeCell({ year: 2023, counts: counts(5, 1, 1) }), makeCell({ year: 2024 }), makeCell({ year: 2024, subject: JOB, law: "Lov om sygedagpenge", counts: counts(2, 0, 1) }), makeCell({ municipalityCode: asMunicipalityCode("0101"), subject: "Kun København" })],
      ),
    );
  });
  afterAll(() => t?.drop());
  beforeEach(async () => {
    await t.db.query("DELETE FROM municipality_subject_area");
    await t.db.query("DELETE FROM knowledge_department");
    log = memorySecurityLog();
    deps = { db: t.db, now: () => new Date("2025-08-01T10:00:00.000Z"), securityLog: log };
  });

  it("lists the subjects the municipality has cases under in the loaded years, and nobody else's", async () => {
    const view = await loadSubjectAreaTable(deps, anonymous, "0657");
    if (view.kind !== "subject-areas") throw new Error(view.messageDa);
    expect(view.subjects.map((s) => [s.subject, s.years, s.decided])).toEqual([
      [JOB, [2024], 3],
      [SOCIAL, [2024, 2023], 13],
    ]);
    expect(view).toMatchObject({ rows: [], mayWrite: false });
    expect((await loadSubjectAreaTable(deps, herningEditor, "0657")) as { mayWrite: boolean }).toMatchObject({ mayWrite: true });
  });

  it("lets Herning's editor save the table, audited with before and after, and the report reads it", async () => {
    expect(await loadSubjectAreaLookup(t.db, "0657")).toBeNull();
    const saved = await saveSubjectAreaTable(deps, herningEditor, "0657", [
      { subject: SOCIAL, area: "Børne- og familieområdet" },
      { subject: JOB, area: "Jobcenter" },
    ]);
    expect(saved.kind).toBe("saved");
    expect([...(await loadSubjectAreaLookup(t.db, "0657"))!]).toEqual([
      [SOCIAL, "Børne- og familieområdet"],
      [JOB, "Jobcenter"],
    ]);
    await saveSubjectAreaTable(deps, herningEditor, "0657", [{ subject: JOB, area: "Beskæftigelse" }]);
    const events = (await listAuditEvents(t.db, {})).filter((e) => e.action === "municipality.subject-areas-save");
    const last = events.sort((a, b) => b.id - a.id)[0]!;
    expect(last).toMatchObject({ municipalityCode: "0657", subject: "områdetabel 0657", before: { areas: [{ subject: SOCIAL, area: "Børne- og familieområdet" }, { subject: JOB, area: "Jobcenter" }] }, after: { areas: [{ subject: JOB, area: "Beskæftigelse" }] } });
  });

  it("refuses everyone but the municipality's own editors, and logs the refusal", async () => {
    const rows = [{ subject: JOB, area: "Jobcenter" }];
    expect(await saveSubjectAreaTable(deps, anonymous, "0657", rows)).toMatchObject({ kind: "refused", status: 401 });
    for (const who of [herningReader, copenhagenEditor, admin]) expect(await saveSubjectAreaTable(deps, who, "0657", rows)).toMatchObject({ kind: "refused", status: 403 });
    expect(await loadSubjectAreaLookup(t.db, "0657")).toBeNull();
    expect(log.events.filter((e) => e.event === "access-denied")).toHaveLength(4);
  });

  it("refuses an area off the municipality's department list, and a CPR number, storing nothing", async () => {
    await saveDepartments(t.db, "0657", ["Børneområdet", "Jobcenter"]);
    const off = await saveSubjectAreaTable(deps, herningEditor, "0657", [{ subject: JOB, area: "Jobcentret" }]);
    expect(off).toMatchObject({ kind: "refused", status: 400, field: "Område", messageDa: expect.stringContaining("Vælg et af: Børneområdet, Jobcenter.") });
    const cpr = await saveSubjectAreaTable(deps, herningEditor, "0657", [{ subject: JOB, area: "Jobcenter 010190-1234" }]);
    expect(cpr).toMatchObject({ kind: "refused", status: 400 });
    expect(await loadSubjectAreaLookup(t.db, "0657")).toBeNull();
    expect(await saveSubjectAreaTable(deps, herningEditor, "0999", [])).toMatchObject({ kind: "refused", status: 404 });
  });
});
