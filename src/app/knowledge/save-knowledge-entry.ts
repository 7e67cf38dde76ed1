import { authorize, type Permission } from "../../domain/access-policy.js";
import { findMunicipalityByCode, type Municipality } from "../../domain/municipality.js";
import {
  validateKnowledgeEntry,
  type EntryProblem,
  type KnowledgeEntry,
  type KnowledgeEntryInput,
} from "../../domain/knowledge/knowledge-entry.js";
import type { ReasonDefinition } from "../../domain/knowledge/reason-taxonomy.js";
import type { Queryable } from "../../storage/database.js";
import {
  deleteKnowledgeEntries,
  insertKnowledgeEntry,
  listKnowledgeEntries,
  loadDepartments,
  loadKnowledgeEntry,
  loadReasonTaxonomy,
  updateKnowledgeEntry,
} from "../../storage/knowledge-entries.js";
import type { AccountDeps } from "../accounts/account-deps.js";
import { recordAuditEvent } from "../audit/record-audit-event.js";
import type { Caller } from "../caller.js";
import { refuseCpr } from "../cpr-guard.js";
import { refuse, type Refusal } from "../use-case-result.js";

export type KnowledgeDeps = Pick<AccountDeps, "db" | "now" | "securityLog">;

/**
 * What the audit trail keeps of an entry: what it is about, never what it says. The trail is append-only
 * and outlives the entry (retention deletes entries, not the trail), and the admin reads it, who may not
 * read the knowledge bank; so summary, learning point, links and case reference stay out of it.
 */
export function auditedEntry(e: KnowledgeEntry | null): Record<string, unknown> | null {
  if (e === null) return null;
  return { id: e.id, decisionDate: e.decisionDate, dataYear: e.dataYear, outcome: e.outcome, subject: e.subject, reasonCodes: e.reasonCodes, newDecision: e.newDecision?.result ?? null, status: e.status };
}

/** Authorizes the caller for the municipality; logs a denial (who, what, never which entry). */
export function authorizeKnowledge(deps: Pick<KnowledgeDeps, "securityLog">, caller: Caller, action: "knowledge.read" | "knowledge.write" | "municipality.settings.write", municipalityCode: string): { kind: "ok"; municipality: Municipality } | Refusal {
  const municipality = findMunicipalityByCode(municipalityCode);
  if (!municipality) return refuse(404, `Ukendt kommune "${municipalityCode.slice(0, 20)}".`);
  const permission: Permission = { action, municipalityCode: municipality.code };
  const decision = authorize(caller.actor, permission);
  if (!decision.allowed) {
    deps.securityLog.record({ event: "access-denied", action, municipalityCode: municipality.code, actor: caller.actor.kind === "user" ? caller.actor.userId : caller.actor.kind, channel: caller.channel });
    return refuse(decision.status, decision.reasonDa);
  }
  return { kind: "ok", municipality };
}

export type EntryContextData = { readonly reasons: ReasonDefinition[]; readonly departments: string[] };

export async function loadEntryContext(db: Queryable, municipalityCode: string): Promise<EntryContextData> {
  const [reasons, departments] = await Promise.all([loadReasonTaxonomy(db), loadDepartments(db, municipalityCode)]);
  return { reasons, departments };
}

export function todayOf(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** A refusal carrying every field problem, the first as the message (forms show each by its field). */
export type EntryRefusal = Refusal & { readonly problems?: readonly EntryProblem[] };

/**
 * Creates an entry (no `id`) or replaces one of the municipality's entries. Only the municipality's editors
 * (and the operator) write; a CPR number in any free-text field is refused before anything is stored and
 * logged without the number; the write and its audit event share one transaction.
 */
export async function saveKnowledgeEntry(
  deps: KnowledgeDeps,
  caller: Caller,
  input: { readonly municipalityCode: string; readonly id?: number; readonly entry: KnowledgeEntryInput },
): Promise<{ kind: "saved"; entry: KnowledgeEntry; before: KnowledgeEntry | null } | EntryRefusal> {
  const auth = authorizeKnowledge(deps, caller, "knowledge.write", input.municipalityCode);
  if (auth.kind === "refused") return auth;
  const code = auth.municipality.code;
  const now = deps.now();
  const context = await loadEntryContext(deps.db, code);
  const problems = validateKnowledgeEntry(input.entry, { ...context, today: todayOf(now) });
  const cpr = problems.find((p) => p.cpr)?.cpr;
  if (cpr) return refuseCpr(deps, caller, cpr);
  if (problems.length > 0) {
    const first = problems[0]!;
    return { ...refuse(400, first.messageDa, { field: first.field }), problems };
  }
  return deps.db.transaction(async (tx) => {
    const before = input.id === undefined ? null : await loadKnowledgeEntry(tx, code, input.id);
    if (input.id !== undefined && before === null) return refuse(404, `${auth.municipality.name} Kommunes vidensbank har ingen afgørelse nr. ${input.id}.`);
    const at = now.toISOString();
    const entry = input.id === undefined ? await insertKnowledgeEntry(tx, code, input.entry, at) : (await updateKnowledgeEntry(tx, code, input.id, input.entry, at))!;
    await recordAuditEvent(tx, caller, now, {
      action: before === null ? "knowledge.create" : "knowledge.update",
      municipalityCode: code,
      subject: `vidensbank ${code}/${entry.id}`,
      before: auditedEntry(before),
      after: auditedEntry(entry),
    });
    return { kind: "saved" as const, entry, before };
  });
}

/** Deletes entries of the municipality, each with its (content-free) before-image in the audit trail. */
export async function deleteKnowledgeEntriesAudited(deps: KnowledgeDeps, caller: Caller, municipalityCode: string, ids: readonly number[], action: "knowledge.delete" | "knowledge.retention-delete" = "knowledge.delete"): Promise<{ kind: "deleted"; ids: number[] } | Refusal> {
  const auth = authorizeKnowledge(deps, caller, "knowledge.write", municipalityCode);
  if (auth.kind === "refused") return auth;
  const code = auth.municipality.code;
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const befores = (await Promise.all(ids.map((id) => loadKnowledgeEntry(tx, code, id)))).filter((e): e is KnowledgeEntry => e !== null);
    const deleted = await deleteKnowledgeEntries(tx, code, befores.map((e) => e.id));
    for (const before of befores) {
      await recordAuditEvent(tx, caller, now, { action, municipalityCode: code, subject: `vidensbank ${code}/${before.id}`, before: auditedEntry(before), after: null });
    }
    return { kind: "deleted" as const, ids: deleted };
  });
}

/** The municipality's entries for those who may read them: its own users and tilsyn, never the admin. */
export async function listKnowledgeEntriesFor(deps: Pick<KnowledgeDeps, "db" | "securityLog">, caller: Caller, municipalityCode: string, query: { readonly dataYear?: number } = {}): Promise<{ kind: "entries"; entries: KnowledgeEntry[]; mayWrite: boolean; context: EntryContextData } | Refusal> {
  const auth = authorizeKnowledge(deps, caller, "knowledge.read", municipalityCode);
  if (auth.kind === "refused") return auth;
  const code = auth.municipality.code;
  const [entries, context] = await Promise.all([listKnowledgeEntries(deps.db, code, query), loadEntryContext(deps.db, code)]);
  return { kind: "entries", entries, context, mayWrite: authorize(caller.actor, { action: "knowledge.write", municipalityCode: code }).allowed };
}

export async function loadKnowledgeEntryFor(deps: Pick<KnowledgeDeps, "db" | "securityLog">, caller: Caller, municipalityCode: string, id: number): Promise<{ kind: "entry"; entry: KnowledgeEntry } | Refusal> {
  const auth = authorizeKnowledge(deps, caller, "knowledge.read", municipalityCode);
  if (auth.kind === "refused") return auth;
  const entry = await loadKnowledgeEntry(deps.db, auth.municipality.code, id);
  return entry ? { kind: "entry", entry } : refuse(404, `${auth.municipality.name} Kommunes vidensbank har ingen afgørelse nr. ${id}.`);
}
