import { csvCell } from "../../domain/csv-cell.js";
import { KNOWLEDGE_FIELD_NAMES_DA, KNOWLEDGE_OUTCOME_NAMES_DA, KNOWLEDGE_STATUS_NAMES_DA, NEW_DECISION_NAMES_DA, type KnowledgeEntry } from "../../domain/knowledge/knowledge-entry.js";
import type { ReasonDefinition } from "../../domain/knowledge/reason-taxonomy.js";
import { EXPORT_ONLY_HEADINGS_DA } from "./knowledge-headings.js";

/**
 * The knowledge bank as a spreadsheet, in the layout the importer reads back (its headings are the Danish
 * field names), plus the entry's number, the maps it counts on, and when it was created and changed.
 * Dates stay dates in XLSX; CSV is `;`-separated UTF-8 with a byte order mark (Excel's Danish default),
 * each cell neutralised against formula injection.
 */
export type KnowledgeSheetEntry = KnowledgeEntry & { readonly mapsDa: string };

const HEADINGS: readonly string[] = [
  EXPORT_ONLY_HEADINGS_DA[0],
  KNOWLEDGE_FIELD_NAMES_DA.decisionDate,
  KNOWLEDGE_FIELD_NAMES_DA.dataYear,
  KNOWLEDGE_FIELD_NAMES_DA.outcome,
  KNOWLEDGE_FIELD_NAMES_DA.law,
  KNOWLEDGE_FIELD_NAMES_DA.subject,
  KNOWLEDGE_FIELD_NAMES_DA.provision,
  EXPORT_ONLY_HEADINGS_DA[1],
  KNOWLEDGE_FIELD_NAMES_DA.department,
  KNOWLEDGE_FIELD_NAMES_DA.reasonCodes,
  KNOWLEDGE_FIELD_NAMES_DA.summary,
  KNOWLEDGE_FIELD_NAMES_DA.learningPoint,
  KNOWLEDGE_FIELD_NAMES_DA.links,
  KNOWLEDGE_FIELD_NAMES_DA.caseReference,
  KNOWLEDGE_FIELD_NAMES_DA.newDecisionResult,
  KNOWLEDGE_FIELD_NAMES_DA.newDecisionDate,
  KNOWLEDGE_FIELD_NAMES_DA.status,
  EXPORT_ONLY_HEADINGS_DA[2],
  EXPORT_ONLY_HEADINGS_DA[3],
];

type Cell = string | number | Date;

function utcDate(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}

function rowOf(e: KnowledgeSheetEntry, reasons: readonly ReasonDefinition[]): Cell[] {
  return [
    e.id,
    utcDate(e.decisionDate),
    e.dataYear,
    KNOWLEDGE_OUTCOME_NAMES_DA[e.outcome],
    e.law,
    e.subject,
    e.provision,
    e.mapsDa,
    e.department,
    // "; " between reasons: a label never holds a semicolon, so the list reads back.
    e.reasonCodes.map((c) => reasons.find((r) => r.code === c)?.labelDa ?? c).join("; "),
    e.summary,
    e.learningPoint,
    e.links.join(" "),
    e.caseReference,
    e.newDecision ? NEW_DECISION_NAMES_DA[e.newDecision.result] : "",
    e.newDecision?.date ? utcDate(e.newDecision.date) : "",
    KNOWLEDGE_STATUS_NAMES_DA[e.status],
    e.createdAt.slice(0, 10),
    e.updatedAt.slice(0, 10),
  ];
}

export async function renderKnowledgeXlsx(entries: readonly KnowledgeSheetEntry[], reasons: readonly ReasonDefinition[], titleDa: string): Promise<Buffer> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Vidensbank");
  sheet.addRow([titleDa]).font = { bold: true };
  sheet.addRow([...HEADINGS]).font = { bold: true };
  for (const e of entries) {
    const row = sheet.addRow(rowOf(e, reasons));
    row.eachCell((c) => {
      if (c.value instanceof Date) c.numFmt = "dd-mm-yyyy";
    });
  }
  sheet.columns.forEach((column, i) => (column.width = i === 10 || i === 11 ? 50 : 16));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function cellText(c: Cell): string {
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  return String(c);
}

export function renderKnowledgeCsv(entries: readonly KnowledgeSheetEntry[], reasons: readonly ReasonDefinition[]): string {
  const lines = [HEADINGS, ...entries.map((e) => rowOf(e, reasons).map(cellText))].map((cells) => cells.map((c) => csvCell(c, ";")).join(";"));
  return `\ufeff${lines.join("\r\n")}\r\n`;
}
