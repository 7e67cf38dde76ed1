import { buildCouncilTreatment, formatDanishDate } from "../../domain/council-treatment.js";
import { isIsoDate } from "../../domain/iso-date.js";
import { ACTION_PLAN_DECISIONS, copenhagenDate, MAX_NOTE_LENGTH, textProblem, TREATMENT_FIELDS_DA, type ActionPlanDecision, type AnkestyrelsenOrder, type TreatmentPlanDecision } from "../../domain/treatment-record.js";
import type { Queryable } from "../../storage/database.js";
import { deleteOrder, deletePlanDecision, loadOrder, loadPlanDecision, saveOrder, savePlanDecision } from "../../storage/treatment-store.js";
import { recordAuditEvent } from "../audit/record-audit-event.js";
import type { Caller } from "../caller.js";
import { refuse, type Refusal } from "../use-case-result.js";
import { loadEffectiveLegalRules } from "./load-treatment.js";
import { cprRefusalOf, dataYearRefusal, isRefusal, municipalityOr404, permitOrRefuse, type TreatmentDeps } from "./treatment-access.js";

/**
 * § 79 b stk. 2–3 apply to a year only while the dated rule is in force at that year's deadline; outside
 * it, recording a plan decision or an order would claim a duty the law did not impose. The refusal names
 * the rule's period and source, so a person who disagrees knows what an administrator would change.
 */
async function ruleRefusal(db: Queryable, dataYear: number): Promise<Refusal | null> {
  const rules = await loadEffectiveLegalRules(db);
  if (buildCouncilTreatment(dataYear, rules).actionPlanDecisionRequired) return null;
  const rule = rules.find((r) => r.id === "action-plan-decision")!;
  const period = `gælder fra ${formatDanishDate(rule.validFrom)}${rule.validTo ? ` til ${formatDanishDate(rule.validTo)}` : ""}`;
  return refuse(409, `${rule.provision} gælder ikke for behandlingen af kortet for ${dataYear} (reglen ${period}; kilde: ${rule.source}). En administrator kan rette reglens datoer, hvis en kilde siger noget andet.`);
}

export type PlanDecisionInput = { readonly municipalityCode: string; readonly dataYear: number; readonly decision: string; readonly ankestyrelsenNotifiedOn: string | null };

function auditedDecision(d: TreatmentPlanDecision | null) {
  return d === null ? null : { decision: d.decision, ankestyrelsenNotifiedOn: d.ankestyrelsenNotifiedOn };
}

/**
 * Everything about a plan decision but who may save it: the year, the decision, the date Ankestyrelsen was
 * told, and whether § 79 b stk. 2 applies to the year at all.
 */
export async function validatePlanDecisionInput(deps: TreatmentDeps, input: PlanDecisionInput): Promise<TreatmentPlanDecision | Refusal> {
  const municipality = municipalityOr404(input.municipalityCode);
  if (isRefusal(municipality)) return municipality;
  const now = deps.now();
  const badYear = dataYearRefusal(input.dataYear, now);
  if (badYear) return badYear;
  const F = TREATMENT_FIELDS_DA;
  if (!(ACTION_PLAN_DECISIONS as readonly string[]).includes(input.decision)) return refuse(400, `Ukendt beslutning "${input.decision.slice(0, 40)}"; brug ja (yes), nej (no) eller ikke relevant (not-relevant).`, { field: F.decision });
  const decision = input.decision as ActionPlanDecision;
  const notified = input.ankestyrelsenNotifiedOn === null || input.ankestyrelsenNotifiedOn === "" ? null : input.ankestyrelsenNotifiedOn;
  if (notified !== null) {
    if (decision !== "no") return refuse(400, "Ankestyrelsen skal kun underrettes, når kommunalbestyrelsen har besluttet ikke at lave en handleplan (nej).", { field: F.notifiedOn });
    if (!isIsoDate(notified)) return refuse(400, `${F.notifiedOn} skal være en dato som 2025-10-01.`, { field: F.notifiedOn });
    if (notified > copenhagenDate(now)) return refuse(400, `${F.notifiedOn} kan ikke ligge efter i dag.`, { field: F.notifiedOn });
  }
  const notApplicable = await ruleRefusal(deps.db, input.dataYear);
  if (notApplicable) return notApplicable;
  return { municipalityCode: municipality.code, dataYear: input.dataYear, decision, ankestyrelsenNotifiedOn: notified, updatedAt: now.toISOString() };
}

/** Saves a checked plan decision with its audit event, inside the caller's transaction. */
export async function writePlanDecision(tx: Queryable, caller: Caller, now: Date, saved: TreatmentPlanDecision, extra: Record<string, unknown> = {}): Promise<void> {
  const before = await loadPlanDecision(tx, saved.municipalityCode, saved.dataYear);
  await savePlanDecision(tx, saved);
  const after = auditedDecision(saved);
  await recordAuditEvent(tx, caller, now, { action: "treatment.plan-decision", municipalityCode: saved.municipalityCode, subject: `handleplansbeslutning ${saved.municipalityCode}/${saved.dataYear}`, before: auditedDecision(before), after: after && { ...after, ...extra } });
}

/** The council's decision on an action plan (ja/nej/ikke relevant) and, for a "nej", when Ankestyrelsen was told. */
export async function setPlanDecision(deps: TreatmentDeps, caller: Caller, input: PlanDecisionInput): Promise<{ kind: "saved"; decision: TreatmentPlanDecision } | Refusal> {
  const municipality = municipalityOr404(input.municipalityCode);
  if (isRefusal(municipality)) return municipality;
  const denied = permitOrRefuse(deps, caller, { action: "treatment.write", municipalityCode: municipality.code });
  if (denied) return denied;
  const saved = await validatePlanDecisionInput(deps, input);
  if (isRefusal(saved)) return saved;
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    await writePlanDecision(tx, caller, now, saved);
    return { kind: "saved" as const, decision: saved };
  });
}

export async function clearPlanDecision(deps: TreatmentDeps, caller: Caller, input: { municipalityCode: string; dataYear: number }): Promise<{ kind: "deleted"; deleted: boolean } | Refusal> {
  const municipality = municipalityOr404(input.municipalityCode);
  if (isRefusal(municipality)) return municipality;
  const denied = permitOrRefuse(deps, caller, { action: "treatment.write", municipalityCode: municipality.code });
  if (denied) return denied;
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const before = await loadPlanDecision(tx, municipality.code, input.dataYear);
    if (!before) return { kind: "deleted" as const, deleted: false };
    await deletePlanDecision(tx, municipality.code, input.dataYear);
    await recordAuditEvent(tx, caller, now, { action: "treatment.plan-decision-clear", municipalityCode: municipality.code, subject: `handleplansbeslutning ${municipality.code}/${input.dataYear}`, before: auditedDecision(before), after: null });
    return { kind: "deleted" as const, deleted: true };
  });
}

export type OrderInput = { readonly municipalityCode: string; readonly dataYear: number; readonly orderedOn: string; readonly deadline: string; readonly note: string | null };

function auditedOrder(o: AnkestyrelsenOrder | null) {
  return o === null ? null : { orderedOn: o.orderedOn, deadline: o.deadline, note: o.note };
}

/** Ankestyrelsen's order to make an action plan by a deadline (§ 79 b stk. 3): recorded by tilsyn only. */
export async function recordOrder(deps: TreatmentDeps, caller: Caller, input: OrderInput): Promise<{ kind: "saved"; order: AnkestyrelsenOrder } | Refusal> {
  const municipality = municipalityOr404(input.municipalityCode);
  if (isRefusal(municipality)) return municipality;
  const denied = permitOrRefuse(deps, caller, { action: "treatment.order", municipalityCode: municipality.code });
  if (denied) return denied;
  const now = deps.now();
  const badYear = dataYearRefusal(input.dataYear, now);
  if (badYear) return badYear;
  const F = TREATMENT_FIELDS_DA;
  if (!isIsoDate(input.orderedOn)) return refuse(400, `${F.orderedOn} skal være en dato som 2026-02-15.`, { field: F.orderedOn });
  if (input.orderedOn > copenhagenDate(now)) return refuse(400, `${F.orderedOn} kan ikke ligge efter i dag.`, { field: F.orderedOn });
  if (!isIsoDate(input.deadline)) return refuse(400, `${F.deadline} skal være en dato som 2026-06-30.`, { field: F.deadline });
  if (input.deadline < input.orderedOn) return refuse(400, `${F.deadline} (${input.deadline}) ligger før påbuddet (${input.orderedOn}).`, { field: F.deadline });
  const note = input.note === null || input.note.trim() === "" ? null : input.note.trim();
  if (note !== null) {
    const problem = textProblem(F.note, note, MAX_NOTE_LENGTH);
    if (problem) return refuse(400, problem.messageDa, { field: problem.field });
  }
  const cpr = cprRefusalOf(deps, caller, [[F.note, note]]);
  if (cpr) return cpr;
  const notApplicable = await ruleRefusal(deps.db, input.dataYear);
  if (notApplicable) return notApplicable;
  const order: AnkestyrelsenOrder = { municipalityCode: municipality.code, dataYear: input.dataYear, orderedOn: input.orderedOn, deadline: input.deadline, note, recordedAt: now.toISOString() };
  return deps.db.transaction(async (tx) => {
    const before = await loadOrder(tx, municipality.code, input.dataYear);
    await saveOrder(tx, order);
    await recordAuditEvent(tx, caller, now, { action: "treatment.order-record", municipalityCode: municipality.code, subject: `påbud om handleplan ${municipality.code}/${input.dataYear}`, before: auditedOrder(before), after: auditedOrder(order) });
    return { kind: "saved" as const, order };
  });
}

export async function withdrawOrder(deps: TreatmentDeps, caller: Caller, input: { municipalityCode: string; dataYear: number }): Promise<{ kind: "deleted"; deleted: boolean } | Refusal> {
  const municipality = municipalityOr404(input.municipalityCode);
  if (isRefusal(municipality)) return municipality;
  const denied = permitOrRefuse(deps, caller, { action: "treatment.order", municipalityCode: municipality.code });
  if (denied) return denied;
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const before = await loadOrder(tx, municipality.code, input.dataYear);
    if (!before) return { kind: "deleted" as const, deleted: false };
    await deleteOrder(tx, municipality.code, input.dataYear);
    await recordAuditEvent(tx, caller, now, { action: "treatment.order-delete", municipalityCode: municipality.code, subject: `påbud om handleplan ${municipality.code}/${input.dataYear}`, before: auditedOrder(before), after: null });
    return { kind: "deleted" as const, deleted: true };
  });
}
