import { describeActorDa } from "../../domain/access-policy.js";
import { FOLLOW_UP_FIELDS_DA, validateFollowUp, type ComplianceFollowUp } from "../../domain/compliance-follow-up.js";
import { deleteFollowUp, loadFollowUp, saveFollowUp } from "../../storage/compliance-follow-ups.js";
import { recordAuditEvent } from "../audit/record-audit-event.js";
import type { Caller } from "../caller.js";
import { refuse, type Refusal } from "../use-case-result.js";
import { cprRefusalOf, dataYearRefusal, isRefusal, municipalityOr404, permitOrRefuse, type TreatmentDeps } from "../treatment/treatment-access.js";

export type FollowUpInput = { readonly municipalityCode: string; readonly dataYear: number; readonly category: string; readonly note: string | null };

function audited(f: ComplianceFollowUp | null) {
  return f === null ? null : { category: f.category, note: f.note };
}

/**
 * Ankestyrelsen's follow-up category and note for one council and year (issue 15, item 4). Only `tilsyn`
 * writes it: the same permission as Ankestyrelsen's order (`treatment.order`), since both are
 * Ankestyrelsen's own acts. The note is free text, so it passes the CPR guard; the write and the audit
 * event share one transaction.
 */
export async function setFollowUp(deps: TreatmentDeps, caller: Caller, input: FollowUpInput): Promise<{ kind: "saved"; followUp: ComplianceFollowUp } | Refusal> {
  const municipality = municipalityOr404(input.municipalityCode);
  if (isRefusal(municipality)) return municipality;
  const denied = permitOrRefuse(deps, caller, { action: "treatment.order", municipalityCode: municipality.code });
  if (denied) return denied;
  const now = deps.now();
  const badYear = dataYearRefusal(input.dataYear, now);
  if (badYear) return badYear;
  const valid = validateFollowUp(input);
  if (!valid.ok) return refuse(400, valid.problem.messageDa, { field: valid.problem.field });
  const cpr = cprRefusalOf(deps, caller, [[FOLLOW_UP_FIELDS_DA.note, valid.note]]);
  if (cpr) return cpr;
  const updatedBy = caller.actor.kind === "user" ? caller.actor.email : describeActorDa(caller.actor);
  const followUp: ComplianceFollowUp = { municipalityCode: municipality.code, dataYear: input.dataYear, category: valid.category, note: valid.note, updatedAt: now.toISOString(), updatedBy };
  return deps.db.transaction(async (tx) => {
    const before = await loadFollowUp(tx, municipality.code, input.dataYear);
    await saveFollowUp(tx, followUp);
    await recordAuditEvent(tx, caller, now, { action: "compliance.follow-up", municipalityCode: municipality.code, subject: `Ankestyrelsens opfølgning ${municipality.code}/${input.dataYear}`, before: audited(before), after: audited(followUp) });
    return { kind: "saved" as const, followUp };
  });
}

/** Takes the follow-up back to "ikke vurderet". */
export async function clearFollowUp(deps: TreatmentDeps, caller: Caller, input: { readonly municipalityCode: string; readonly dataYear: number }): Promise<{ kind: "deleted"; deleted: boolean } | Refusal> {
  const municipality = municipalityOr404(input.municipalityCode);
  if (isRefusal(municipality)) return municipality;
  const denied = permitOrRefuse(deps, caller, { action: "treatment.order", municipalityCode: municipality.code });
  if (denied) return denied;
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const before = await loadFollowUp(tx, municipality.code, input.dataYear);
    if (!before) return { kind: "deleted" as const, deleted: false };
    await deleteFollowUp(tx, municipality.code, input.dataYear);
    await recordAuditEvent(tx, caller, now, { action: "compliance.follow-up-clear", municipalityCode: municipality.code, subject: `Ankestyrelsens opfølgning ${municipality.code}/${input.dataYear}`, before: audited(before), after: null });
    return { kind: "deleted" as const, deleted: true };
  });
}
