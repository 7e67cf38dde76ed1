import type { KnowledgeEntry } from "../../domain/knowledge/knowledge-entry.js";
import { listKnowledgeEntries, listKnowledgeEntriesDecidedBefore, loadDepartments, loadHeadingMappings, loadKnowledgeSetting, loadReasonTaxonomy, type KnowledgeSetting } from "../../storage/knowledge-entries.js";
import { listAuditEvents } from "../../storage/audit-trail.js";
import { recordAuditEvent } from "../audit/record-audit-event.js";
import type { Caller } from "../caller.js";
import type { Refusal } from "../use-case-result.js";
import { authorizeKnowledge, deleteKnowledgeEntriesAudited, todayOf, type KnowledgeDeps } from "./save-knowledge-entry.js";

/** The day before which an entry's decision is older than the retention period: today minus the years. */
export function retentionCutoff(today: string, years: number): string {
  const [y, m, d] = today.split("-").map(Number) as [number, number, number];
  // 29 February minus a non-leap number of years becomes 28 February, not 1 March.
  const date = new Date(Date.UTC(y - years, m - 1, Math.min(d, m === 2 && (y - years) % 4 !== 0 ? 28 : d)));
  return date.toISOString().slice(0, 10);
}

export type RetentionListing = { readonly kind: "retention"; readonly setting: KnowledgeSetting; readonly cutoff: string; readonly entries: readonly KnowledgeEntry[] };

/**
 * The entries whose Ankestyrelsen decision is older than the municipality's retention period (default 5
 * years, issue 14 point 5): listed for deletion, not deleted by themselves, so the municipality decides.
 */
export async function listEntriesForDeletion(deps: KnowledgeDeps, caller: Caller, municipalityCode: string): Promise<RetentionListing | Refusal> {
  const auth = authorizeKnowledge(deps, caller, "knowledge.read", municipalityCode);
  if (auth.kind === "refused") return auth;
  const setting = await loadKnowledgeSetting(deps.db, auth.municipality.code);
  const cutoff = retentionCutoff(todayOf(deps.now()), setting.retentionYears);
  return { kind: "retention", setting, cutoff, entries: await listKnowledgeEntriesDecidedBefore(deps.db, auth.municipality.code, cutoff) };
}

/** Deletes every entry past the retention period, each deletion in the audit trail (without the entry's text). */
export async function deleteEntriesPastRetention(deps: KnowledgeDeps, caller: Caller, municipalityCode: string): Promise<{ kind: "deleted"; ids: number[]; cutoff: string } | Refusal> {
  const listing = await listEntriesForDeletion(deps, caller, municipalityCode);
  if (listing.kind === "refused") return listing;
  const deleted = await deleteKnowledgeEntriesAudited(deps, caller, municipalityCode, listing.entries.map((e) => e.id), "knowledge.retention-delete");
  return deleted.kind === "refused" ? deleted : { ...deleted, cutoff: listing.cutoff };
}

/**
 * Everything the product holds in a municipality's knowledge bank, for its data-protection officer: the
 * entries with every field, the department list, the remembered headings, the settings, the reason
 * taxonomy in force and the audit trail of the bank. The export itself is recorded in the audit trail.
 */
export async function exportForDataProtectionOfficer(deps: KnowledgeDeps, caller: Caller, municipalityCode: string): Promise<{ kind: "export"; document: Record<string, unknown> } | Refusal> {
  const auth = authorizeKnowledge(deps, caller, "knowledge.read", municipalityCode);
  if (auth.kind === "refused") return auth;
  const code = auth.municipality.code;
  const now = deps.now();
  const [entries, departments, headings, setting, reasons, trail] = await Promise.all([
    listKnowledgeEntries(deps.db, code),
    loadDepartments(deps.db, code),
    loadHeadingMappings(deps.db, code),
    loadKnowledgeSetting(deps.db, code),
    loadReasonTaxonomy(deps.db),
    listAuditEvents(deps.db, { municipalityCode: code }),
  ]);
  const document = {
    description: `Alt, hvad danmarkskort opbevarer i vidensbanken for ${auth.municipality.name} Kommune (${code}), udtrukket ${now.toISOString()}.`,
    storedFieldsDa: "Pr. afgørelse: afgørelsesdato, dataår, udfald, lov, sagsemne, paragraf, afdeling, årsager, resumé, læring, links, intern sagsreference, ny afgørelse og dens dato, status, oprettet og ændret. Ingen CPR-numre: de afvises ved hver indtastning og indlæsning.",
    retention: { years: setting.retentionYears, cutoff: retentionCutoff(todayOf(now), setting.retentionYears) },
    publishAggregate: setting.publishAggregate,
    entries,
    departments,
    headingMappings: Object.fromEntries(headings),
    reasons,
    auditTrail: trail.filter((e) => e.action.startsWith("knowledge.")),
  };
  await deps.db.transaction((tx) => recordAuditEvent(tx, caller, now, { action: "knowledge.dpo-export", municipalityCode: code, subject: `vidensbank ${code}`, before: null, after: { entries: entries.length } }));
  return { kind: "export", document };
}
