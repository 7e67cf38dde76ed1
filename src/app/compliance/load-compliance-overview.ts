import { buildComplianceRow, type ComplianceRow } from "../../domain/compliance-status.js";
import { MUNICIPALITIES } from "../../domain/municipality.js";
import type { Caller } from "../caller.js";
import type { Refusal } from "../use-case-result.js";
import { loadTreatmentRecord } from "../treatment/load-treatment.js";
import { dataYearRefusal, permitOrRefuse, type TreatmentDeps } from "../treatment/treatment-access.js";

/**
 * All 98 municipalities' treatment of one year's map, for Ankestyrelsen's review (issue 15, item 4; tilsyn
 * and admin, `compliance.read`). Each line is read through the treatment record's own use case, so the
 * overview says exactly what each municipality's record page says; a municipality without a record reads
 * "ikke registreret". Only confirmed records count: nothing the minutes reader found is stored unconfirmed.
 */
export type ComplianceOverview = {
  readonly dataYear: number;
  readonly rows: readonly ComplianceRow[];
  readonly counts: { readonly treated: number; readonly treatedLate: number; readonly pending: number; readonly overdue: number; readonly sentBack: number; readonly notRegistered: number };
};

export async function loadComplianceOverview(deps: TreatmentDeps, caller: Caller, dataYear: number): Promise<{ kind: "overview"; overview: ComplianceOverview } | Refusal> {
  const refused = permitOrRefuse(deps, caller, { action: "compliance.read" });
  if (refused) return refused;
  const badYear = dataYearRefusal(dataYear, deps.now());
  if (badYear) return badYear;
  const rows: ComplianceRow[] = [];
  for (const m of MUNICIPALITIES) {
    const result = await loadTreatmentRecord(deps, caller, m.code, dataYear);
    if (result.kind === "refused") return result;
    const r = result.record;
    rows.push(buildComplianceRow({ municipalityCode: m.code, municipalityName: m.name, meetings: r.meetings, planDecision: r.planDecision, order: r.order, status: r.status, actionPlan: r.actionPlan }));
  }
  const counts = {
    treated: rows.filter((r) => r.state.kind === "treated" && r.state.beforeDeadline).length,
    treatedLate: rows.filter((r) => r.state.kind === "treated" && !r.state.beforeDeadline).length,
    pending: rows.filter((r) => r.state.kind === "pending").length,
    overdue: rows.filter((r) => r.state.kind === "overdue").length,
    sentBack: rows.filter((r) => (r.state.kind === "pending" || r.state.kind === "overdue") && r.state.sentBack).length,
    notRegistered: rows.filter((r) => r.state.kind === "not-registered").length,
  };
  return { kind: "overview", overview: { dataYear, rows, counts } };
}
