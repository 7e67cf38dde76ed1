import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../../../test/support/test-databases.js";
import type { Role } from "../../domain/access-policy.js";
import type { Caller } from "../caller.js";
import { memorySecurityLog } from "../security-log.js";
import { addMeeting, type SaveMeetingInput } from "../treatment/save-meeting.js";
import type { TreatmentDeps } from "../treatment/treatment-access.js";
import { loadComplianceOverview } from "./load-compliance-overview.js";
import { asMunicipalityCode } from "../../domain/municipality.js";

const user = (role: Role, n: number): Caller => ({ actor: { kind: "user", userId: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`, email: `${role.kind}${n}@example.test`, role }, channel: "web" });
const tilsyn = user({ kind: "tilsyn" }, 1);
const admin = user({ kind: "admin" }, 2);
const herningEditor = user({ kind: "redaktoer", municipalityCode: asMunicipalityCode("0657") }, 3);
const ballerupEditor = user({ kind: "redaktoer", municipalityCode: asMunicipalityCode("0151") }, 4);

const base = { dataYear: 2024, agendaItemNumber: null, agendaItemTitle: "Danmarkskortet 2024", state: "held", minutesUrl: null } as const;
const HERNING: SaveMeetingInput[] = [
  { ...base, municipalityCode: "0657", bodyId: "handicapraadet", date: "2025-08-28", role: "consultation", outcome: null, decisionText: "Orienteringen er taget til efterretning." },
  { ...base, municipalityCode: "0657", bodyId: "byraadet", date: "2025-09-24", role: "decision", outcome: "concluded", decisionText: "Taget til efterretning." },
];
const BALLERUP: SaveMeetingInput[] = [
  { ...base, municipalityCode: "0151", bodyId: "socialudvalget", date: "2025-09-30", role: "recommendation", outcome: null, decisionText: "Taget til efterretning." },
  { ...base, municipalityCode: "0151", bodyId: "kommunalbestyrelsen", date: "2025-10-07", role: "decision", outcome: "sent-back", decisionText: "Sagen tilbagesendes til fagudvalgene." },
];

describe.each(DATABASE_KINDS)("the compliance overview on %s", (kind) => {
  let t: TestDatabase;
  let deps: TreatmentDeps;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    deps = { db: t.db, now: () => new Date("2025-10-15T10:00:00.000Z"), securityLog: memorySecurityLog() };
    for (const m of HERNING) expect(await addMeeting(deps, herningEditor, m)).toMatchObject({ kind: "saved" });
    for (const m of BALLERUP) expect(await addMeeting(deps, ballerupEditor, m)).toMatchObject({ kind: "saved" });
  });
  afterAll(() => t?.drop());

  it("lists all 98 from their records; one without a record reads 'ikke registreret', never 'ikke behandlet'", async () => {
    const result = await loadComplianceOverview(deps, tilsyn, 2024);
    if (result.kind !== "overview") throw new Error(result.messageDa);
    const rows = result.overview.rows;
    expect(rows).toHaveLength(98);
    const herning = rows.find((r) => r.municipalityCode === "0657")!;
    expect(herning.state).toEqual({ kind: "treated", date: "2025-09-24", beforeDeadline: true });
    expect(herning.stateDa).toBe("behandlet 24. september 2025");
    expect(herning.bodiesDa).toEqual(["Handicaprådet", "Byrådet"]);
    const ballerup = rows.find((r) => r.municipalityCode === "0151")!;
    expect(ballerup.state).toEqual({ kind: "pending", sentBack: true });
    expect(ballerup.stateDa).toBe("sendt tilbage – ikke afsluttet");
    expect(ballerup.detailDa).toContain("sendte sagen tilbage den 7. oktober 2025");
    const others = rows.filter((r) => r.municipalityCode !== "0657" && r.municipalityCode !== "0151");
    expect(others.every((r) => r.state.kind === "not-registered" && r.stateDa === "ikke registreret")).toBe(true);
    expect(rows.some((r) => /ikke behandlet/.test(r.stateDa) && r.state.kind === "not-registered")).toBe(false);
    expect(result.overview.counts).toEqual({ treated: 1, treatedLate: 0, pending: 1, overdue: 0, sentBack: 1, notRegistered: 96 });
    // The 2024 map's deadline is 31 December 2025, after the action-plan rule ended: it does not apply.
    expect(herning.actionPlanKind).toBe("not-applicable");
  });

  it("is for tilsyn and admin only", async () => {
    expect(await loadComplianceOverview(deps, admin, 2024)).toMatchObject({ kind: "overview" });
    expect(await loadComplianceOverview(deps, herningEditor, 2024)).toMatchObject({ kind: "refused", status: 403 });
    expect(await loadComplianceOverview(deps, { actor: { kind: "public" }, channel: "web" }, 2024)).toMatchObject({ kind: "refused", status: 401 });
  });
});
