import { duplicateKey } from "../../domain/knowledge/knowledge-entry.js";
import { analyseKnowledgeSheet, type KnowledgeSheetAnalysis } from "../../importers/knowledge-sheet/analyse-knowledge-sheet.js";
import type { SheetField } from "../../importers/knowledge-sheet/knowledge-headings.js";
import type { ImportIssue } from "../../importers/import-issue.js";
import { insertKnowledgeEntry, listKnowledgeEntries, loadDepartments, loadHeadingMappings, loadReasonTaxonomy, saveDepartments, saveHeadingMappings } from "../../storage/knowledge-entries.js";
import { recordAuditEvent } from "../audit/record-audit-event.js";
import type { Caller } from "../caller.js";
import type { Refusal } from "../use-case-result.js";
import { authorizeKnowledge, todayOf, type KnowledgeDeps } from "./save-knowledge-entry.js";

export type KnowledgeImportInput = {
  readonly municipalityCode: string;
  readonly path: string;
  /** The name the person knows the file by (an upload's own name), used in every message. */
  readonly fileName: string;
  readonly sheet?: string;
  /** Headings mapped for this import (from the page or a mapping file); remembered when the import is stored. */
  readonly mappings?: ReadonlyMap<string, SheetField>;
  readonly dryRun: boolean;
};

export type KnowledgeImportResult = {
  readonly kind: "imported" | "checked" | "rejected";
  readonly municipalityCode: string;
  readonly analysis: KnowledgeSheetAnalysis;
  /** The issues of the file and those found against the stored bank (duplicates), errors first. */
  readonly issues: readonly ImportIssue[];
  readonly errors: number;
  /** The ids of the stored entries (imported only). */
  readonly createdIds: readonly number[];
};

/**
 * Imports a municipality's own register of decisions into its knowledge bank, all or nothing: the file is
 * read and checked whole (CPR guard on every cell, every field validated, duplicates within the file and
 * against the stored entries), and only a file without errors is stored, in one transaction with its
 * audit event, the headings it had mapped and, for a municipality without a department list yet, the
 * departments the file names. `dryRun` checks without storing.
 */
export async function importKnowledgeSheet(deps: KnowledgeDeps, caller: Caller, input: KnowledgeImportInput): Promise<KnowledgeImportResult | Refusal> {
  const auth = authorizeKnowledge(deps, caller, "knowledge.write", input.municipalityCode);
  if (auth.kind === "refused") return auth;
  const code = auth.municipality.code;
  const now = deps.now();
  const [reasons, departments, remembered, stored] = await Promise.all([loadReasonTaxonomy(deps.db), loadDepartments(deps.db, code), loadHeadingMappings(deps.db, code), listKnowledgeEntries(deps.db, code)]);
  const mappings = new Map<string, SheetField>([...(remembered as Map<string, SheetField>), ...(input.mappings ?? [])]);
  const analysis = await analyseKnowledgeSheet({ path: input.path, fileName: input.fileName, ...(input.sheet ? { sheet: input.sheet } : {}), mappings, reasons, departments, today: todayOf(now) });
  const storedByKey = new Map(stored.map((e) => [duplicateKey(e), e.id]));
  const duplicates = analysis.rows
    .filter((r) => storedByKey.has(duplicateKey(r.entry)))
    .map((r): ImportIssue => ({
      severity: "error",
      code: "duplicate-row",
      messageDa: `Afgørelsen findes allerede i vidensbanken (nr. ${storedByKey.get(duplicateKey(r.entry))}: samme dato, sagsemne og ${r.entry.caseReference === "" ? "resumé" : "sagsreference"}).`,
      file: input.fileName,
      line: r.line,
      column: null,
    }));
  const issues = [...analysis.issues.filter((i) => i.severity === "error"), ...duplicates, ...analysis.issues.filter((i) => i.severity !== "error")];
  const errors = analysis.errors + duplicates.length;
  const base = { municipalityCode: code, analysis, issues, errors };
  if (errors > 0) return { kind: "rejected", ...base, createdIds: [] };
  if (input.dryRun) return { kind: "checked", ...base, createdIds: [] };
  return deps.db.transaction(async (tx) => {
    const at = now.toISOString();
    const createdIds: number[] = [];
    for (const row of analysis.rows) createdIds.push((await insertKnowledgeEntry(tx, code, row.entry, at)).id);
    if (input.mappings && input.mappings.size > 0) await saveHeadingMappings(tx, code, input.mappings);
    if (analysis.newDepartments.length > 0) await saveDepartments(tx, code, analysis.newDepartments);
    await recordAuditEvent(tx, caller, now, {
      action: "knowledge.import",
      municipalityCode: code,
      subject: `vidensbank ${code}: ${input.fileName}`,
      before: null,
      after: { file: input.fileName, sha256: analysis.sha256, entries: createdIds, departments: analysis.newDepartments },
    });
    return { kind: "imported" as const, ...base, createdIds };
  });
}
