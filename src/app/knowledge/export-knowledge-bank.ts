import { classifyEntry, type KnowledgeEntry } from "../../domain/knowledge/knowledge-entry.js";
import { MAP_DEFINITIONS } from "../../domain/map-definition.js";
import { DEFAULT_MAP_RULES, type MapRuleTable } from "../../domain/map-rules.js";
import { renderKnowledgeCsv, renderKnowledgeXlsx, type KnowledgeSheetEntry } from "../../importers/knowledge-sheet/write-knowledge-sheet.js";
import { listKnowledgeEntries, loadReasonTaxonomy } from "../../storage/knowledge-entries.js";
import type { Caller } from "../caller.js";
import type { Refusal } from "../use-case-result.js";
import { authorizeKnowledge, type KnowledgeDeps } from "./save-knowledge-entry.js";

/** The maps an entry counts on, in Danish ("Socialområdet generelt, Børnehandicapområdet"), or why none. */
export function entryMapsDa(entry: Pick<KnowledgeEntry, "law" | "subject" | "provision" | "dataYear">, rules: MapRuleTable = DEFAULT_MAP_RULES): string {
  const c = classifyEntry(entry, rules);
  switch (c.kind) {
    case "classified":
      return c.maps.map((m) => MAP_DEFINITIONS[m].nameDa).join(", ");
    case "outside-maps":
      return `Intet kort (${c.reasonDa})`;
    case "unclassified":
      return `Ikke placeret på et kort (${c.reasonDa})`;
  }
}

export type KnowledgeExport = { readonly fileName: string; readonly contentType: string; readonly body: Buffer };

/** The municipality's knowledge bank (one data year, or all) as XLSX or CSV, for those who may read it. */
export async function exportKnowledgeBank(deps: Pick<KnowledgeDeps, "db" | "securityLog">, caller: Caller, input: { readonly municipalityCode: string; readonly dataYear?: number; readonly format: "xlsx" | "csv" }): Promise<KnowledgeExport | Refusal> {
  const auth = authorizeKnowledge(deps, caller, "knowledge.read", input.municipalityCode);
  if (auth.kind === "refused") return auth;
  const m = auth.municipality;
  const [entries, reasons] = await Promise.all([listKnowledgeEntries(deps.db, m.code, input.dataYear === undefined ? {} : { dataYear: input.dataYear }), loadReasonTaxonomy(deps.db)]);
  const rows: KnowledgeSheetEntry[] = entries.map((e) => ({ ...e, mapsDa: entryMapsDa(e) }));
  const stem = `vidensbank-${m.code}${input.dataYear === undefined ? "" : `-${input.dataYear}`}`;
  if (input.format === "csv") return { fileName: `${stem}.csv`, contentType: "text/csv; charset=utf-8", body: Buffer.from(renderKnowledgeCsv(rows, reasons), "utf8") };
  const title = `${m.name} Kommunes vidensbank${input.dataYear === undefined ? "" : `, ${input.dataYear}`}: ${entries.length} afgørelser`;
  return { fileName: `${stem}.xlsx`, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body: await renderKnowledgeXlsx(rows, reasons, title) };
}
