import { complianceStatusKey, COMPLIANCE_STATUS_KEYS, matchesComplianceFilter, type ComplianceFilter, type ComplianceFollowUp, type ComplianceStatusKey } from "../../domain/compliance-follow-up.js";
import { buildComplianceRow, type ComplianceRow } from "../../domain/compliance-status.js";
import { MUNICIPALITIES, type Municipality } from "../../domain/municipality.js";
import { listFollowUps, loadFollowUp } from "../../storage/compliance-follow-ups.js";
import { PUBLIC_WEB, type Caller } from "../caller.js";
import type { Refusal } from "../use-case-result.js";
import { loadTreatmentRecord } from "../treatment/load-treatment.js";
import { dataYearRefusal, isRefusal, municipalityOr404, permitOrRefuse, type TreatmentDeps } from "../treatment/treatment-access.js";

/** A line of the overview: the record's row, the region (for the filter) and Ankestyrelsen's follow-up. */
export type ComplianceLine = ComplianceRow & {
  readonly region: string;
  readonly statusKey: ComplianceStatusKey;
  /** null: not assessed yet ("ikke vurderet"). In the public version the note is always null. */
  readonly followUp: ComplianceFollowUp | null;
};

/**
 * All 98 municipalities' treatment of one year's map, for Ankestyrelsen's review (issue 15, item 4; tilsyn
 * and admin, `compliance.read`). Each line is read through the treatment record's own use case, so the
 * overview says exactly what each municipality's record page says; a municipality without a record reads
 * "ikke registreret". Only confirmed records count: nothing the minutes reader found is stored unconfirmed.
 */
export type ComplianceOverview = {
  readonly dataYear: number;
  /** The caller sees Ankestyrelsen's notes (tilsyn, admin); false in the public version. */
  readonly withNotes: boolean;
  readonly rows: readonly ComplianceLine[];
  readonly counts: { readonly treated: number; readonly treatedLate: number; readonly pending: number; readonly overdue: number; readonly sentBack: number; readonly notRegistered: number };
  /** Municipalities per exclusive status (the map's colours and the filter). */
  readonly statusCounts: Readonly<Record<ComplianceStatusKey, number>>;
};

async function lineOf(deps: TreatmentDeps, caller: Caller, m: Municipality, dataYear: number, followUp: ComplianceFollowUp | null, withNotes: boolean): Promise<{ kind: "line"; line: ComplianceLine } | Refusal> {
  const result = await loadTreatmentRecord(deps, caller, m.code, dataYear);
  if (result.kind === "refused") return result;
  const r = result.record;
  const row = buildComplianceRow({ municipalityCode: m.code, municipalityName: m.name, meetings: r.meetings, planDecision: r.planDecision, order: r.order, status: r.status, actionPlan: r.actionPlan });
  return { kind: "line", line: { ...row, region: m.region, statusKey: complianceStatusKey(row.state), followUp: followUp && !withNotes ? { ...followUp, note: null } : followUp } };
}

async function buildOverview(deps: TreatmentDeps, caller: Caller, dataYear: number, withNotes: boolean): Promise<{ kind: "overview"; overview: ComplianceOverview } | Refusal> {
  const followUps = await listFollowUps(deps.db, dataYear);
  const rows: ComplianceLine[] = [];
  for (const m of MUNICIPALITIES) {
    const line = await lineOf(deps, caller, m, dataYear, followUps.get(m.code) ?? null, withNotes);
    if (line.kind === "refused") return line;
    rows.push(line.line);
  }
  const counts = {
    treated: rows.filter((r) => r.state.kind === "treated" && r.state.beforeDeadline).length,
    treatedLate: rows.filter((r) => r.state.kind === "treated" && !r.state.beforeDeadline).length,
    pending: rows.filter((r) => r.state.kind === "pending").length,
    overdue: rows.filter((r) => r.state.kind === "overdue").length,
    sentBack: rows.filter((r) => (r.state.kind === "pending" || r.state.kind === "overdue") && r.state.sentBack).length,
    notRegistered: rows.filter((r) => r.state.kind === "not-registered").length,
  };
  const statusCounts = Object.fromEntries(COMPLIANCE_STATUS_KEYS.map((k) => [k, rows.filter((r) => r.statusKey === k).length])) as Record<ComplianceStatusKey, number>;
  return { kind: "overview", overview: { dataYear, withNotes, rows, counts, statusCounts } };
}

export async function loadComplianceOverview(deps: TreatmentDeps, caller: Caller, dataYear: number): Promise<{ kind: "overview"; overview: ComplianceOverview } | Refusal> {
  const refused = permitOrRefuse(deps, caller, { action: "compliance.read" });
  if (refused) return refused;
  const badYear = dataYearRefusal(dataYear, deps.now());
  if (badYear) return badYear;
  return buildOverview(deps, caller, dataYear, true);
}

/**
 * The public version: the same lines, read as the public reads each record (the council's meetings are
 * public business; non-public attachments are left out), with every note removed.
 */
export async function loadPublicComplianceOverview(deps: TreatmentDeps, dataYear: number): Promise<{ kind: "overview"; overview: ComplianceOverview } | Refusal> {
  const badYear = dataYearRefusal(dataYear, deps.now());
  if (badYear) return badYear;
  return buildOverview(deps, PUBLIC_WEB, dataYear, false);
}

/** The lines a filter keeps, in the overview's order (municipality code). */
export function filterComplianceLines(rows: readonly ComplianceLine[], filter: ComplianceFilter): ComplianceLine[] {
  return rows.filter((r) => matchesComplianceFilter(r, filter));
}

/** One council's line with its note, for the page where tilsyn registers the follow-up (`treatment.order`). */
export async function loadComplianceLineForFollowUp(deps: TreatmentDeps, caller: Caller, code: string, dataYear: number): Promise<{ kind: "line"; line: ComplianceLine } | Refusal> {
  const municipality = municipalityOr404(code);
  if (isRefusal(municipality)) return municipality;
  const refused = permitOrRefuse(deps, caller, { action: "treatment.order", municipalityCode: municipality.code });
  if (refused) return refused;
  const badYear = dataYearRefusal(dataYear, deps.now());
  if (badYear) return badYear;
  return lineOf(deps, caller, municipality, dataYear, await loadFollowUp(deps.db, municipality.code, dataYear), true);
}
