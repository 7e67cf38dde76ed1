import { authorize } from "../../domain/access-policy.js";
import { checkFreeTextForCpr } from "../../domain/cpr-number.js";
import type { ReasonDefinition } from "../../domain/knowledge/reason-taxonomy.js";
import { loadDepartments, loadKnowledgeSetting, loadReasonTaxonomy, saveDepartments, saveKnowledgeSetting, saveReasonDefinition, type KnowledgeSetting } from "../../storage/knowledge-entries.js";
import { recordAuditEvent } from "../audit/record-audit-event.js";
import type { Caller } from "../caller.js";
import { refuseCpr } from "../cpr-guard.js";
import { refuse, type Refusal } from "../use-case-result.js";
import { authorizeKnowledge, type KnowledgeDeps } from "./save-knowledge-entry.js";

const DEPARTMENT_FIELD_DA = "Afdeling";

/**
 * Replaces the municipality's list of departments/areas (Allerød's "Børneområdet, Ældre- og Sundhed, …"),
 * which entries choose from. Part of the municipality's own lists, so the same permission as its bodies.
 */
export async function saveDepartmentList(deps: KnowledgeDeps, caller: Caller, municipalityCode: string, names: readonly string[]): Promise<{ kind: "saved"; departments: string[] } | Refusal> {
  const auth = authorizeKnowledge(deps, caller, "municipality.settings.write", municipalityCode);
  if (auth.kind === "refused") return auth;
  const cleaned = [...new Set(names.map((n) => n.trim()).filter((n) => n !== ""))];
  for (const name of cleaned) {
    const cpr = checkFreeTextForCpr(DEPARTMENT_FIELD_DA, name);
    if (cpr) return refuseCpr(deps, caller, cpr);
    if (name.length > 200) return refuse(400, `Afdelingens navn er på ${name.length} tegn; højst 200 er tilladt.`, { field: DEPARTMENT_FIELD_DA });
  }
  const code = auth.municipality.code;
  return deps.db.transaction(async (tx) => {
    const before = await loadDepartments(tx, code);
    await saveDepartments(tx, code, cleaned);
    await recordAuditEvent(tx, caller, deps.now(), { action: "knowledge.departments", municipalityCode: code, subject: `afdelinger ${code}`, before: { departments: before }, after: { departments: cleaned } });
    return { kind: "saved" as const, departments: cleaned };
  });
}

/**
 * Adds or changes a reason of the national taxonomy. The taxonomy is shared by every municipality, so
 * whoever edits the dated legal rules edits it (admin and the operator), and each change is audited.
 */
export async function saveReason(deps: KnowledgeDeps, caller: Caller, reason: ReasonDefinition): Promise<{ kind: "saved" } | Refusal> {
  const decision = authorize(caller.actor, { action: "legal-rules.edit" });
  if (!decision.allowed) return refuse(decision.status, decision.reasonDa);
  if (!/^[a-z0-9-]+$/.test(reason.code)) return refuse(400, `Årsagens kode skal være små bogstaver, tal og bindestreger, ikke "${reason.code.slice(0, 40)}".`);
  if (reason.labelDa.trim() === "" || reason.definitionDa.trim() === "" || reason.source.trim() === "") return refuse(400, "En årsag skal have navn, definition og kilde.");
  if (reason.validTo !== null && reason.validTo < reason.validFrom) return refuse(400, `Årsagen kan ikke gælde til ${reason.validTo}, før den gælder fra ${reason.validFrom}.`);
  for (const [field, text] of [["Navn", reason.labelDa], ["Definition", reason.definitionDa], ["Kilde", reason.source]] as const) {
    const cpr = checkFreeTextForCpr(field, text);
    if (cpr) return refuseCpr(deps, caller, cpr);
  }
  return deps.db.transaction(async (tx) => {
    const before = (await loadReasonTaxonomy(tx)).find((r) => r.code === reason.code) ?? null;
    await saveReasonDefinition(tx, reason);
    await recordAuditEvent(tx, caller, deps.now(), { action: "knowledge.reason", municipalityCode: null, subject: `årsag ${reason.code}`, before, after: reason });
    return { kind: "saved" as const };
  });
}

/** Whether the municipality publishes its anonymised aggregate, and its retention period in years. */
export async function saveKnowledgeSettings(deps: KnowledgeDeps, caller: Caller, municipalityCode: string, setting: KnowledgeSetting): Promise<{ kind: "saved"; setting: KnowledgeSetting } | Refusal> {
  const auth = authorizeKnowledge(deps, caller, "knowledge.write", municipalityCode);
  if (auth.kind === "refused") return auth;
  if (!Number.isInteger(setting.retentionYears) || setting.retentionYears < 1 || setting.retentionYears > 50) return refuse(400, `Opbevaringstiden skal være et helt antal år mellem 1 og 50, ikke "${setting.retentionYears}".`);
  const code = auth.municipality.code;
  return deps.db.transaction(async (tx) => {
    const before = await loadKnowledgeSetting(tx, code);
    await saveKnowledgeSetting(tx, code, setting);
    await recordAuditEvent(tx, caller, deps.now(), { action: "knowledge.settings", municipalityCode: code, subject: `vidensbank-indstillinger ${code}`, before, after: setting });
    return { kind: "saved" as const, setting };
  });
}
