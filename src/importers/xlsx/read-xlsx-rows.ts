import type ExcelJS from "exceljs";

export type XlsxRow = { readonly rowNumber: number; readonly fields: string[] };

export class XlsxSheetError extends Error {}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("result" in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  if ("text" in value) return String(value.text);
  if ("error" in value) return String(value.error);
  return "";
}

/**
 * Reads one worksheet (the first, or the one named by `--sheet`) as rows of text, keeping Excel's row
 * numbers so issues point at the row a person sees. The talportal's XLSX files are small (one year of
 * one selection); a million-row table should come as CSV, which is streamed.
 */
export async function readXlsxRows(path: string, sheetName: string | undefined): Promise<{ sheet: string; rows: XlsxRow[] }> {
  // Loaded only for XLSX files: the server imports the importer (demo data on first start) and never
  // needs exceljs there.
  const { default: ExcelJSModule } = await import("exceljs");
  const workbook = new ExcelJSModule.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = sheetName === undefined ? workbook.worksheets[0] : workbook.getWorksheet(sheetName);
  if (!sheet) {
    const names = workbook.worksheets.map((w) => `"${w.name}"`).join(", ");
    throw new XlsxSheetError(sheetName === undefined ? "Regnearket har ingen ark." : `Arket "${sheetName}" findes ikke. Arkene hedder: ${names}.`);
  }
  const rows: XlsxRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const fields: string[] = [];
    // row.values is 1-based with a hole at index 0.
    const values = row.values as ExcelJS.CellValue[];
    for (let i = 1; i < values.length; i++) fields.push(cellText(values[i] ?? null).trim());
    rows.push({ rowNumber, fields });
  });
  return { sheet: sheet.name, rows };
}

/**
 * The talportal's XLSX has two header rows: a group row above the column names (e.g. the measures'
 * heading over the measure columns). Candidates, in order: row 1, row 2, and both merged per column
 * (the lower row's name where it has one). The caller keeps the first a layout recognises.
 */
export function headerCandidates(rows: readonly XlsxRow[]): { header: string[]; dataFrom: number }[] {
  const [first, second] = rows;
  const out: { header: string[]; dataFrom: number }[] = [];
  if (first) out.push({ header: first.fields, dataFrom: 1 });
  if (first && second) {
    out.push({ header: second.fields, dataFrom: 2 });
    const width = Math.max(first.fields.length, second.fields.length);
    const merged = Array.from({ length: width }, (_, i) => (second.fields[i] ?? "") || (first.fields[i] ?? ""));
    out.push({ header: merged, dataFrom: 2 });
  }
  return out;
}
