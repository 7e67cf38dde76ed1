import { stat } from "node:fs/promises";
import { basename } from "node:path";
import type { ComplaintCell } from "../domain/complaint-cell.js";
import { sha256OfFile, isZip, readFileHead } from "./file-bytes.js";
import type { ImportContext } from "./import-context.js";
import { IssueCollector, type ImportIssue } from "./import-issue.js";
import { readSubjectLookup } from "./read-subject-lookup.js";
import { openTextTable } from "./read-text-records.js";
import { createPlaceResolver } from "./resolve-place.js";
import { STATBANK_LONG_LAYOUT } from "./statbank-long/statbank-long-layout.js";
import { ObservationSummer, type IncompleteYear } from "./sum-observations.js";
import type { LayoutId, LayoutMapper, TableLayout } from "./table-layout.js";
import type { TableRecord } from "./table-record.js";
import { TALPORTAL_EXPORT_LAYOUT } from "./talportal-export/talportal-export-layout.js";
import { TALPORTAL_TABLE_LAYOUT } from "./talportal-table/talportal-table-layout.js";
import { EncodingError, looksLikeMojibake, type TextEncoding } from "./text/decode-text-stream.js";
import { headerCandidates, readXlsxRows, XlsxSheetError } from "./xlsx/read-xlsx-rows.js";

/** Tried in this order; the first whose required columns are all in the header wins. */
export const LAYOUTS: readonly TableLayout[] = [TALPORTAL_EXPORT_LAYOUT, TALPORTAL_TABLE_LAYOUT, STATBANK_LONG_LAYOUT];

export type ImportOptions = {
  readonly path: string;
  /** The name issues and provenance use; defaults to the path's last part. */
  readonly fileName?: string;
  /** XLSX: the worksheet to read (default the first). */
  readonly sheet?: string;
  /** Layout (b): the talportal's companion subject file with Lovgivning per Sagsemne. */
  readonly subjectsPath?: string;
  readonly issueCap?: number;
  /** The last data year the file may hold, normally the year of the import; later periods are errors. */
  readonly latestYear?: number;
};

/** Everything an import learns from a file before anything is written. */
export type ImportAnalysis = {
  readonly fileName: string;
  readonly sha256: string;
  readonly format: "csv" | "xlsx";
  readonly layout: LayoutId | null;
  readonly encoding: TextEncoding | null;
  readonly separator: ";" | "," | null;
  readonly sheet: string | null;
  /** Data records read (header and blank lines not counted). */
  readonly dataRowCount: number;
  readonly cells: ComplaintCell[];
  readonly incompleteYears: IncompleteYear[];
  /** At most `issueCap` of each severity; `errorCount`/`warningCount` count all. */
  readonly issues: ImportIssue[];
  readonly errorCount: number;
  readonly warningCount: number;
};

function unknownLayoutMessage(header: readonly string[]): string {
  const expected = LAYOUTS.map((l) => `${l.nameDa}: ${l.requiredColumnsDa}`).join("; ");
  return `Ukendt filformat. Overskriften er "${header.join(";")}". Kendte formater og deres nødvendige kolonner: ${expected}.`;
}

function detectLayout(header: readonly string[]): { layout: TableLayout; create: (ctx: ImportContext) => LayoutMapper } | undefined {
  for (const layout of LAYOUTS) {
    const create = layout.detect(header);
    if (create) return { layout, create };
  }
  return undefined;
}

/**
 * Reads, maps and validates one file: raw file → records → observations (per layout) → yearly cells.
 * Pure with respect to storage: nothing is written here, so validation always finishes before a write
 * (all or nothing). CSV is streamed; memory grows with the number of yearly cells, not with rows.
 */
export async function analyseImportFile(options: ImportOptions): Promise<ImportAnalysis> {
  const fileName = options.fileName ?? basename(options.path);
  const issues = new IssueCollector(options.issueCap ?? 200);
  const fileIssue = (code: ImportIssue["code"], messageDa: string, line: number | null = null) =>
    issues.add({ severity: "error", code, messageDa, file: fileName, line, column: null });

  let lawBySubject: Map<string, string> | undefined;
  if (options.subjectsPath !== undefined) {
    const lookup = await readSubjectLookup(options.subjectsPath, basename(options.subjectsPath));
    lookup.issues.forEach((i) => issues.add(i));
    lawBySubject = lookup.lawBySubject;
  }
  const summer = new ObservationSummer(fileName);
  const ctx: ImportContext = { file: fileName, issues, resolvePlace: createPlaceResolver(), lawBySubject, emit: (o) => summer.add(o), latestYear: options.latestYear };

  const result = {
    fileName,
    sha256: "",
    format: "csv" as "csv" | "xlsx",
    layout: null as LayoutId | null,
    encoding: null as TextEncoding | null,
    separator: null as ";" | "," | null,
    sheet: null as string | null,
    dataRowCount: 0,
  };
  const finish = (summed?: ReturnType<ObservationSummer["finish"]>): ImportAnalysis => {
    summed?.issues.forEach((i) => issues.add(i));
    return {
      ...result,
      cells: summed?.cells ?? [],
      incompleteYears: summed?.incompleteYears ?? [],
      issues: issues.list(),
      errorCount: issues.errors,
      warningCount: issues.warnings,
    };
  };

  if ((await stat(options.path)).size === 0) {
    fileIssue("empty-file", "Filen er tom.");
    result.sha256 = await sha256OfFile(options.path);
    return finish();
  }

  let mapper: LayoutMapper | undefined;
  const handleHeader = (header: readonly string[], line: number): boolean => {
    const found = detectLayout(header);
    if (found) {
      result.layout = found.layout.id;
      mapper = found.create(ctx);
      return true;
    }
    const garbled = header.findIndex((h) => looksLikeMojibake(h));
    if (garbled >= 0) {
      issues.add({
        severity: "error",
        code: "mojibake",
        messageDa: `Overskriften "${header[garbled]}" ser ud som UTF-8 læst med forkert tegnsæt (fx "Ã¦" for "æ"). Gem filen igen i ét tegnsæt (UTF-8 eller latin1).`,
        file: fileName,
        line,
        column: garbled + 1,
      });
    } else fileIssue("unknown-layout", unknownLayoutMessage(header), line);
    return false;
  };

  if (isZip(await readFileHead(options.path, 4))) {
    result.format = "xlsx";
    result.sha256 = await sha256OfFile(options.path);
    let rows;
    try {
      const read = await readXlsxRows(options.path, options.sheet);
      rows = read.rows;
      result.sheet = read.sheet;
    } catch (error) {
      if (error instanceof XlsxSheetError) fileIssue("unknown-layout", error.message);
      else fileIssue("unknown-layout", `Filen kan ikke læses som et Excel-regneark (${error instanceof Error ? error.message : String(error)}).`);
      return finish();
    }
    if (rows.length === 0) {
      fileIssue("empty-file", "Regnearket er tomt.");
      return finish();
    }
    const header = headerCandidates(rows).find((c) => detectLayout(c.header));
    if (!header) {
      handleHeader(rows[0]!.fields, rows[0]!.rowNumber);
      return finish();
    }
    handleHeader(header.header, rows[header.dataFrom - 1]!.rowNumber);
    const width = header.header.length;
    for (const row of rows.slice(header.dataFrom)) {
      // Excel drops trailing empty cells; pad so a short row is not mistaken for a broken one.
      const fields = row.fields.length < width ? [...row.fields, ...Array<string>(width - row.fields.length).fill("")] : row.fields;
      if (fields.every((f) => f === "")) continue;
      result.dataRowCount++;
      mapper!.mapRecord({ line: row.rowNumber, fields, maybeTruncated: false, unterminatedQuote: false });
    }
  } else {
    const table = await openTextTable(options.path);
    result.encoding = table.encoding;
    let headerSeen = false;
    let exhausted = false;
    try {
      records: for await (const batch of table.records) for (const record of batch) {
        if (!headerSeen) {
          if (record.fields.every((f) => f.trim() === "")) continue;
          headerSeen = true;
          result.separator = record.separator;
          if (!handleHeader(record.fields, record.line)) break records;
          continue;
        }
        if (record.fields.every((f) => f.trim() === "")) continue;
        result.dataRowCount++;
        // A delimited record is a table record as it is (no copy per row).
        const tableRecord: TableRecord = record;
        mapper!.mapRecord(tableRecord);
      }
      exhausted = mapper !== undefined || !headerSeen;
    } catch (error) {
      if (!(error instanceof EncodingError)) throw error;
      fileIssue("encoding", error.message, error.line);
      // The records read before the bad byte prove nothing about the file: it is refused as a whole.
      result.sha256 = await sha256OfFile(options.path);
      return finish();
    }
    // The stream hashed every byte it read; a stop at a bad header or encoding error needs its own pass.
    result.sha256 = exhausted ? table.sha256() : await sha256OfFile(options.path);
    if (!headerSeen) {
      fileIssue("empty-file", "Filen indeholder ingen linjer med indhold.");
      return finish();
    }
  }
  if (!mapper) return finish();
  if (result.dataRowCount === 0) {
    fileIssue("empty-file", "Filen har en overskrift, men ingen datarækker.");
    return finish();
  }
  mapper.finish();
  return finish(summer.finish({ rowsRefused: issues.errors > 0 }));
}
