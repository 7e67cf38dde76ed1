import type { TableModel } from "../../viz/figure-table.js";

/**
 * The table as an XLSX workbook: numbers as numbers (so Excel can sort and sum them), missing values as
 * their Danish text, and the source line under the table.
 */
export async function renderTableXlsx(model: TableModel): Promise<Buffer> {
  // Loaded on first download rather than at server start: exceljs is large and rarely needed.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Tal");
  sheet.addRow([model.captionDa]).font = { bold: true };
  sheet.addRow(model.columns.map((c) => c.labelDa)).font = { bold: true };
  for (const row of model.rows) sheet.addRow(row.cells.map((c) => (typeof c.value === "number" ? c.value : c.text)));
  if (model.sourceLineDa) {
    sheet.addRow([]);
    sheet.addRow([model.sourceLineDa]);
  }
  sheet.columns.forEach((column, i) => (column.width = i === 0 ? 22 : 16));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
