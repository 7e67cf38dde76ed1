import type { Readable } from "node:stream";
import type ExcelJS from "exceljs";

export type XlsxRow = {
  readonly rowNumber: number;
  readonly fields: string[];
  /** The first cell (0-based) holding a formula without a cached value, or null. */
  readonly formulaWithoutValue: number | null;
};

export class XlsxSheetError extends Error {}

export const XLSX_FORMULA_MESSAGE_DA =
  "Cellen har en formel uden gemt resultat, så tallet kan ikke læses uden Excel. Åbn filen i Excel eller LibreOffice, gem den igen (så gemmes resultaterne), eller gem arket som CSV.";

const NO_VALUE = Symbol("formula without value");

function cellText(value: ExcelJS.CellValue): string | typeof NO_VALUE {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  // A formula's value is its cached result; without one, "" would read as an empty cell (issue 19).
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: unknown }).result;
    return result === undefined || result === null ? NO_VALUE : cellText(result as ExcelJS.CellValue);
  }
  if ("result" in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  if ("text" in value) return String(value.text);
  if ("error" in value) return String(value.error);
  return "";
}

function rowOf(row: ExcelJS.Row): XlsxRow {
  const fields: string[] = [];
  let formulaWithoutValue: number | null = null;
  // row.values is 1-based with a hole at index 0.
  const values = row.values as ExcelJS.CellValue[];
  for (let i = 1; i < values.length; i++) {
    const text = cellText(values[i] ?? null);
    if (text === NO_VALUE) {
      formulaWithoutValue ??= i - 1;
      fields.push("");
    } else fields.push(text.trim());
  }
  return { rowNumber: row.number, fields, formulaWithoutValue };
}

/** The internals of exceljs 4.4's WorkbookReader that `openByDirectory` drives (lib/stream/xlsx/workbook-reader.js). */
type WorkbookReaderParts = {
  workbookRels?: { Id: string; Target: string }[];
  model?: { sheets?: { id: number; name: string; rId: string }[] };
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<{ eventType: string; value: unknown }>;
};

type OpenSheet = { readonly name: string; readonly rows: AsyncIterable<ExcelJS.Row> };

/**
 * Opens the workbook through the zip's central directory and yields its sheets in the workbook's own
 * order (the tabs a person sees), each read lazily row by row. exceljs' own streaming pass reads the zip
 * entry by entry and now and then loses the last entry (xl/workbook.xml, which exceljs writes last), so
 * a sound file failed as "beskadiget" at random (exceljs issue 3064): the parts a sheet needs (relations,
 * workbook, shared strings) are read here first, by name.
 */
async function* openByDirectory(path: string): AsyncGenerator<OpenSheet> {
  const [{ default: ExcelJSModule }, unzipper] = await Promise.all([import("exceljs"), import("unzipper")]);
  const directory = await unzipper.Open.file(path);
  const part = (name: string) => directory.files.find((f) => f.type === "File" && f.path === name);
  const reader = new ExcelJSModule.stream.xlsx.WorkbookReader(path, { worksheets: "emit", sharedStrings: "cache", hyperlinks: "ignore", styles: "ignore", entries: "ignore" }) as unknown as WorkbookReaderParts;
  const rels = part("xl/_rels/workbook.xml.rels");
  const workbook = part("xl/workbook.xml");
  if (!rels || !workbook) throw new XlsxSheetError("Regnearket mangler sin indholdsfortegnelse (xl/workbook.xml); det er ikke et helt XLSX-regneark.");
  await reader._parseRels(rels.stream());
  await reader._parseWorkbook(workbook.stream());
  const strings = part("xl/sharedStrings.xml");
  if (strings) for await (const event of reader._parseSharedStrings(strings.stream())) void event;
  for (const sheet of reader.model?.sheets ?? []) {
    const target = reader.workbookRels?.find((r) => r.Id === sheet.rId)?.Target.replace(/^\/?(xl\/)?/, "");
    const match = target?.match(/^worksheets\/sheet(\d+)\.xml$/);
    const file = target ? part(`xl/${target}`) : undefined;
    if (!match || !file) continue;
    const events = [...reader._parseWorksheet(file.stream(), match[1]!)];
    const worksheet = events.find((e) => e.eventType === "worksheet")?.value as (AsyncIterable<ExcelJS.Row> & { name: string }) | undefined;
    if (worksheet) yield { name: sheet.name, rows: worksheet };
  }
}

/**
 * Streams one worksheet (the first, or the one named by `--sheet`) as rows of text, keeping Excel's row
 * numbers so issues point at the row a person sees. The sheet is inflated and parsed a row at a time, so
 * memory is bounded by the shared strings, not by the rows (issue 19: loading a 200.000-row workbook whole
 * passed 8 GB). Rows without any value are skipped, as Excel shows them. Yields the sheet's name first,
 * then its rows.
 */
export async function* readXlsxRows(path: string, sheetName: string | undefined): AsyncGenerator<{ kind: "sheet"; name: string } | { kind: "row"; row: XlsxRow }> {
  const names: string[] = [];
  for await (const sheet of openByDirectory(path)) {
    names.push(sheet.name);
    if (sheetName !== undefined && sheet.name !== sheetName) continue;
    yield { kind: "sheet", name: sheet.name };
    for await (const row of sheet.rows) {
      if (!row.hasValues) continue;
      yield { kind: "row", row: rowOf(row) };
    }
    return;
  }
  throw new XlsxSheetError(sheetName === undefined ? "Regnearket har ingen ark." : `Arket "${sheetName}" findes ikke. Arkene hedder: ${names.map((n) => `"${n}"`).join(", ")}.`);
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
