import type { TableModel } from "../../viz/figure-table.js";

/**
 * The table as an XLSX workbook: numbers as numbers (so Excel can sort and sum them) with the page's
 * decimals as their number format, missing values as their Danish text, and the source line under the table.
 */
export async function renderTableXlsx(model: TableModel): Promise<Buffer> {
  // Loaded on first download rather than at server start: exceljs is large and rarely needed.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Tal");
  sheet.addRow([model.captionDa]).font = { bold: true };
  sheet.addRow(model.columns.map((c) => c.labelDa)).font = { bold: true };
  for (const row of model.rows) {
    const added = sheet.addRow(row.cells.map((c) => (typeof c.value === "number" ? c.value : c.text)));
    // The page's decimals as a number format, so 39,0 shows as 39,0 and not 39 (Excel shows the decimal comma by locale).
    model.columns.forEach((column, i) => {
      if (column.decimals !== undefined && typeof row.cells[i]?.value === "number") added.getCell(i + 1).numFmt = column.decimals === 1 ? "0.0" : "#,##0";
    });
  }
  if (model.sourceLineDa) {
    sheet.addRow([]);
    sheet.addRow([model.sourceLineDa]);
  }
  sheet.columns.forEach((column, i) => (column.width = i === 0 ? 22 : 16));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
