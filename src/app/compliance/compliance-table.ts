import { COMPLIANCE_STATUS_NAMES_DA, FOLLOW_UP_CATEGORY_NAMES_DA, NO_FOLLOW_UP_DA } from "../../domain/compliance-follow-up.js";
import { csvCell } from "../../domain/csv-cell.js";
import { councilDeadline } from "../../domain/legal-rules.js";
import type { ComplianceLine, ComplianceOverview } from "./load-compliance-overview.js";

/**
 * The compliance overview as one table (issue 15, item 4: CSV/XLSX export): one row per municipality, in
 * code order, with Danish columns and every code as a Danish word. The note column exists only in the
 * version for tilsyn and admin; the public table has no such column at all, so nothing can leak through it.
 */
export type ComplianceTable = { readonly titleDa: string; readonly columns: readonly string[]; readonly rows: readonly (readonly string[])[] };

/** "ja"/"nej" for a treated council; empty where there is no treatment to measure against the deadline. */
function beforeDeadlineDa(r: ComplianceLine): string {
  return r.state.kind === "treated" ? (r.state.beforeDeadline ? "ja" : "nej") : "";
}

/** Finished, sent back, or not (yet) finished: what § 79 b stk. 1 turns on. */
export function finishedDa(r: ComplianceLine): string {
  switch (r.state.kind) {
    case "treated":
      return "afsluttet";
    case "pending":
    case "overdue":
      return r.state.sentBack ? "sendt tilbage" : "ikke afsluttet";
    case "not-registered":
      return "ikke registreret";
  }
}

export function buildComplianceTable(overview: ComplianceOverview, rows: readonly ComplianceLine[] = overview.rows): ComplianceTable {
  const withNotes = overview.withNotes;
  const columns = [
    "Kommunekode",
    "Kommune",
    "Region",
    "Status",
    "Byrådets behandling",
    "Inden fristen",
    "Afsluttet",
    "Organer, der behandlede sagen",
    "Handleplan (§ 79 b, stk. 2–3)",
    "Påbud, frist",
    "Ankestyrelsens opfølgning",
    ...(withNotes ? ["Note (intern)"] : []),
    "Detaljer",
  ];
  const body = rows.map((r) => [
    r.municipalityCode,
    r.municipalityName,
    r.region,
    COMPLIANCE_STATUS_NAMES_DA[r.statusKey],
    r.state.kind === "treated" ? r.state.date : "",
    beforeDeadlineDa(r),
    finishedDa(r),
    r.bodiesDa.join(", "),
    r.actionPlanDa ?? "",
    r.orderDeadline ?? "",
    r.followUp ? FOLLOW_UP_CATEGORY_NAMES_DA[r.followUp.category] : NO_FOLLOW_UP_DA,
    ...(withNotes ? [r.followUp?.note ?? ""] : []),
    r.detailDa ?? "",
  ]);
  const titleDa = `Kommunernes behandling af danmarkskortet for ${overview.dataYear} (frist ${councilDeadline(overview.dataYear)}): ${rows.length} af 98 kommuner`;
  return { titleDa, columns, rows: body };
}

/** CSV the way Danish spreadsheets open it: `;`, UTF-8 with BOM, every cell neutralised against formulas. */
export function renderComplianceCsv(table: ComplianceTable): string {
  const line = (cells: readonly string[]) => cells.map((c) => csvCell(c, ";")).join(";");
  return `\ufeff${[line(table.columns), ...table.rows.map(line)].join("\r\n")}\r\n`;
}

/**
 * XLSX with the title in the first row. ExcelJS stores every string as a string cell, never a formula, so
 * a text beginning with "=" stays text (the test reads the cell back).
 */
export async function renderComplianceXlsx(table: ComplianceTable): Promise<Buffer> {
  // Loaded on first download rather than at server start: exceljs is large and rarely needed.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Behandling");
  sheet.addRow([table.titleDa]).font = { bold: true };
  sheet.addRow([...table.columns]).font = { bold: true };
  for (const row of table.rows) sheet.addRow([...row]);
  sheet.columns.forEach((column, i) => (column.width = i === 0 ? 12 : i === 1 ? 20 : 24));
  sheet.views = [{ state: "frozen", ySplit: 2, xSplit: 2 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
