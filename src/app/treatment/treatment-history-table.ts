import { BODY_KIND_NAMES_DA } from "../../domain/council-bodies.js";
import { csvCell } from "../../domain/csv-cell.js";
import { ACTION_PLAN_DECISION_NAMES_DA, MEETING_OUTCOME_NAMES_DA, MEETING_ROLE_NAMES_DA, MEETING_STATE_NAMES_DA } from "../../domain/treatment-record.js";
import type { TreatmentRecordView } from "./load-treatment.js";

/**
 * A municipality's treatment history as one table (issue 13, point 5: CSV/XLSX export): one row per
 * meeting, newest year first, and one row for a year with a decision or an order but no meeting yet. The
 * columns are Danish and every code is a Danish word. The attachments named are those the caller may see.
 */
export type TreatmentHistoryTable = { readonly columns: readonly string[]; readonly rows: readonly (readonly string[])[] };

export const TREATMENT_HISTORY_COLUMNS = [
  "Kommunekode",
  "Kommune",
  "Dataår",
  "Frist",
  "Status",
  "Handleplan",
  "Organ",
  "Slags organ",
  "Mødedato",
  "Punkt nr.",
  "Punktets titel",
  "Rolle",
  "Mødets status",
  "Udfald",
  "Beslutning",
  "Link til referat",
  "Bilag",
] as const;

export function buildTreatmentHistoryTable(records: readonly TreatmentRecordView[]): TreatmentHistoryTable {
  const rows: string[][] = [];
  for (const r of records) {
    const plan = [r.actionPlan.sentenceDa, ...(r.actionPlan.kind === "decided" ? r.actionPlan.notesDa : [])].join(" ");
    const decision = r.planDecision ? ` (${ACTION_PLAN_DECISION_NAMES_DA[r.planDecision.decision]})` : "";
    const year = [r.municipality.code, r.municipality.name, String(r.dataYear), r.treatment.deadline, r.status.sentenceDa, `${plan}${decision}`];
    if (r.meetings.length === 0) rows.push([...year, "", "", "", "", "", "", "", "", "", "", ""]);
    for (const m of r.meetings) {
      rows.push([
        ...year,
        m.body.nameDa,
        BODY_KIND_NAMES_DA[m.body.kind],
        m.date,
        m.agendaItemNumber ?? "",
        m.agendaItemTitle,
        MEETING_ROLE_NAMES_DA[m.role],
        MEETING_STATE_NAMES_DA[m.state],
        m.outcome ? MEETING_OUTCOME_NAMES_DA[m.outcome] : "",
        m.decisionText ?? "",
        m.minutesUrl ?? "",
        m.attachments.map((a) => a.fileName).join(", "),
      ]);
    }
  }
  return { columns: TREATMENT_HISTORY_COLUMNS, rows };
}

/** The table as CSV the way Danish spreadsheets open it: `;`, UTF-8 with BOM, formulas neutralised. */
export function renderTreatmentHistoryCsv(table: TreatmentHistoryTable): string {
  const line = (cells: readonly string[]) => cells.map((c) => csvCell(c, ";")).join(";");
  return `\ufeff${[line(table.columns), ...table.rows.map(line)].join("\r\n")}\r\n`;
}

/** The treatment history as an XLSX workbook: the same table as the CSV, Danish headers, text as text. */
export async function renderTreatmentHistoryXlsx(table: TreatmentHistoryTable, titleDa: string): Promise<Buffer> {
  // Loaded on first download: exceljs is large and rarely needed (as page-table-xlsx.ts does).
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Behandling");
  sheet.addRow([titleDa]).font = { bold: true };
  sheet.addRow([...table.columns]).font = { bold: true };
  for (const row of table.rows) sheet.addRow([...row]);
  sheet.columns.forEach((column, i) => (column.width = [4, 5, 6].includes(i) ? 50 : 16));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
