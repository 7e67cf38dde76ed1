import { validateBodyList, type CouncilBodyEntry } from "../../domain/council-bodies.js";
import { effectiveLegalRules, isLegalRuleId, validateLegalRuleInput, type EffectiveLegalRule, type LegalRuleInput } from "../../domain/legal-rule-edits.js";
import { describeActorDa } from "../../domain/access-policy.js";
import { deleteLegalRuleEdit, listLegalRuleEdits, loadBodyList, saveBodyList, saveLegalRuleEdit } from "../../storage/treatment-store.js";
import { recordAuditEvent } from "../audit/record-audit-event.js";
import type { Caller } from "../caller.js";
import { refuse, type Refusal } from "../use-case-result.js";
import { bodyListOf } from "./load-treatment.js";
import { cprRefusalOf, isRefusal, municipalityOr404, permitOrRefuse, type TreatmentDeps } from "./treatment-access.js";

/** The municipality's list of bodies (public: the names of its committees and councils are). */
export async function listBodies(deps: Pick<TreatmentDeps, "db">, code: string): Promise<{ kind: "bodies"; bodies: readonly CouncilBodyEntry[]; isDefault: boolean } | Refusal> {
  const municipality = municipalityOr404(code);
  if (isRefusal(municipality)) return municipality;
  return { kind: "bodies", ...(await bodyListOf(deps.db, municipality.code)) };
}

/**
 * Replaces the municipality's list of bodies (permission municipality.settings.write: its editors).
 * Meetings keep the body name they were saved with, so the list can change without rewriting history.
 */
export async function saveBodies(deps: TreatmentDeps, caller: Caller, code: string, bodies: readonly { nameDa: string; kind: string }[]): Promise<{ kind: "saved"; bodies: CouncilBodyEntry[] } | Refusal> {
  const municipality = municipalityOr404(code);
  if (isRefusal(municipality)) return municipality;
  const denied = permitOrRefuse(deps, caller, { action: "municipality.settings.write", municipalityCode: municipality.code });
  if (denied) return denied;
  const cpr = cprRefusalOf(deps, caller, bodies.map((b, i) => [`Organ ${i + 1}`, b.nameDa] as const));
  if (cpr) return cpr;
  const checked = validateBodyList(bodies);
  if (!checked.ok) return refuse(400, checked.problem.messageDa, { field: checked.problem.field });
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const before = await loadBodyList(tx, municipality.code);
    await saveBodyList(tx, municipality.code, checked.bodies);
    await recordAuditEvent(tx, caller, now, {
      action: "municipality.bodies-save",
      municipalityCode: municipality.code,
      subject: `organer ${municipality.code}`,
      before: before?.map((b) => ({ name: b.nameDa, kind: b.kind })) ?? null,
      after: checked.bodies.map((b) => ({ name: b.nameDa, kind: b.kind })),
    });
    return { kind: "saved" as const, bodies: checked.bodies };
  });
}

/** The dated legal rules with their sources and origin (public: what the product applies is no secret). */
export async function listLegalRules(deps: Pick<TreatmentDeps, "db">): Promise<EffectiveLegalRule[]> {
  return effectiveLegalRules(await listLegalRuleEdits(deps.db));
}

function auditedRule(r: EffectiveLegalRule | undefined) {
  return r ? { validFrom: r.validFrom, validTo: r.validTo, summaryDa: r.summaryDa, source: r.source } : null;
}

/** An administrator changes a rule's period, wording or source (permission legal-rules.edit). */
export async function editLegalRule(deps: TreatmentDeps, caller: Caller, id: string, input: LegalRuleInput): Promise<{ kind: "saved"; rule: EffectiveLegalRule } | Refusal> {
  const denied = permitOrRefuse(deps, caller, { action: "legal-rules.edit" });
  if (denied) return denied;
  if (!isLegalRuleId(id)) return refuse(404, `Ukendt lovregel "${id.slice(0, 40)}".`);
  const cpr = cprRefusalOf(deps, caller, [
    ["Indhold", input.summaryDa],
    ["Kilde", input.source],
  ]);
  if (cpr) return cpr;
  const checked = validateLegalRuleInput(input);
  if (!checked.ok) return refuse(400, checked.problem.messageDa, { field: checked.problem.field });
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const before = effectiveLegalRules(await listLegalRuleEdits(tx)).find((r) => r.id === id);
    await saveLegalRuleEdit(tx, { id, ...checked.value, editedAt: now.toISOString(), editedBy: describeActorDa(caller.actor) });
    const after = effectiveLegalRules(await listLegalRuleEdits(tx)).find((r) => r.id === id)!;
    await recordAuditEvent(tx, caller, now, { action: "legal.rule-edit", municipalityCode: null, subject: `lovregel ${after.provision}`, before: auditedRule(before), after: auditedRule(after) });
    return { kind: "saved" as const, rule: after };
  });
}

/** Back to the product's default for the rule. */
export async function resetLegalRule(deps: TreatmentDeps, caller: Caller, id: string): Promise<{ kind: "saved"; rule: EffectiveLegalRule } | Refusal> {
  const denied = permitOrRefuse(deps, caller, { action: "legal-rules.edit" });
  if (denied) return denied;
  if (!isLegalRuleId(id)) return refuse(404, `Ukendt lovregel "${id.slice(0, 40)}".`);
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const before = effectiveLegalRules(await listLegalRuleEdits(tx)).find((r) => r.id === id);
    await deleteLegalRuleEdit(tx, id);
    const after = effectiveLegalRules(await listLegalRuleEdits(tx)).find((r) => r.id === id)!;
    await recordAuditEvent(tx, caller, now, { action: "legal.rule-reset", municipalityCode: null, subject: `lovregel ${after.provision}`, before: auditedRule(before), after: auditedRule(after) });
    return { kind: "saved" as const, rule: after };
  });
}
