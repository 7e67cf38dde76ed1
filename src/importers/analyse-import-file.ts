import { stat } from "node:fs/promises";
import { basename } from "node:path";
import type { ComplaintCell } from "../domain/complaint-cell.js";
import { sha256OfFile, isZip, readFileHead } from "./file-bytes.js";
import { cprIssuesInRecord } from "./cpr-cells.js";
import type { ImportContext } from "./import-context.js";
import { IssueCollector, type ImportIssue } from "./import-issue.js";
import { formatInteger } from "../domain/format-danish-number.js";
import { coverageWarnings } from "./coverage-warnings.js";
import { DEFAULT_IMPORT_LIMITS, IMPORT_LIMIT_VARIABLES, type ImportLimits } from "./import-limits.js";
import { quoteForMessage } from "./quote-for-message.js";
import { fileSystemMessageDa } from "./file-system-message.js";
import { controlCharacterMessageDa, findControlCharacter, type ControlCharacterHit } from "./text/control-characters.js";
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
import { headerCandidates, readXlsxRows, XLSX_FORMULA_MESSAGE_DA, XlsxSheetError, type XlsxRow } from "./xlsx/read-xlsx-rows.js";
import { readZipDirectory, ZipDirectoryError } from "./xlsx/zip-directory.js";

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
  /** The bounds the import keeps to (import-limits.ts); defaults to DEFAULT_IMPORT_LIMITS. */
  readonly limits?: ImportLimits;
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
  // The header is quoted in part only: a file without line breaks would otherwise be echoed whole.
  return `Ukendt filformat. Overskriften er ${quoteForMessage(header.join(";"), 200)}. Kendte formater og deres nødvendige kolonner: ${expected}.`;
}

/** What is wrong with the path itself, in Danish; null when it is a readable file. */
async function unreadablePathMessage(path: string, what: string): Promise<string | null> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return `${what} ${quoteForMessage(path)} er en mappe, ikke en fil. Angiv selve filen.`;
    if (!info.isFile()) return `${what} ${quoteForMessage(path)} er ikke en almindelig fil.`;
    return null;
  } catch (error) {
    return fileSystemMessageDa(error, path, what);
  }
}

function isFileSystemError(error: unknown): boolean {
  return typeof (error as { code?: unknown } | null)?.code === "string" && typeof (error as { syscall?: unknown }).syscall === "string";
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
  const limits = options.limits ?? DEFAULT_IMPORT_LIMITS;
  const fileIssue = (code: ImportIssue["code"], messageDa: string, line: number | null = null) =>
    issues.add({ severity: "error", code, messageDa, file: fileName, line, column: null });

  let lawBySubject: Map<string, string> | undefined;
  if (options.subjectsPath !== undefined) {
    const lookup = await readSubjectLookup(options.subjectsPath, basename(options.subjectsPath), limits);
    lookup.issues.forEach((i) => issues.add(i));
    lawBySubject = lookup.lawBySubject;
  }
  const summer = new ObservationSummer(fileName, limits);
  const ctx: ImportContext = { file: fileName, issues, resolvePlace: createPlaceResolver(), lawBySubject, emit: (o) => summer.add(o), latestYear: options.latestYear, limits };

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
    if (summed && issues.errors === 0) coverageWarnings(fileName, summed.cells).forEach((i) => issues.add(i));
    return {
      ...result,
      cells: summed?.cells ?? [],
      incompleteYears: summed?.incompleteYears ?? [],
      issues: issues.list(),
      errorCount: issues.errors,
      warningCount: issues.warnings,
    };
  };

  const unreadable = await unreadablePathMessage(options.path, "Filen");
  if (unreadable !== null) {
    fileIssue("unreadable-file", unreadable);
    return finish();
  }
  if ((await stat(options.path)).size === 0) {
    fileIssue("empty-file", "Filen er tom.");
    result.sha256 = await sha256OfFile(options.path);
    return finish();
  }

  let mapper: LayoutMapper | undefined;
  let columnNames: readonly string[] | null = null;
  /** The CPR guard (issue 12): a record holding one is reported and never mapped, so no message quotes it. */
  const refusesCpr = (line: number, fields: readonly string[]): boolean => {
    const found = cprIssuesInRecord(fileName, line, fields, columnNames);
    found.forEach((i) => issues.add(i));
    return found.length > 0;
  };
  /**
   * The text checks every record gets, header included: no control character, no field or line over the
   * limit. A refused record is reported once, with its line and column, and never mapped.
   */
  const refusesText = (line: number, fields: readonly string[], control: ControlCharacterHit | null, tooLong: number | null): boolean => {
    if (tooLong !== null) {
      issues.add({ severity: "error", code: "field-too-long", file: fileName, line, column: null,
        messageDa: `Linjen har ${formatInteger(tooLong)} tegn; grænsen er ${formatInteger(limits.maxLineChars)} (kan ændres med ${IMPORT_LIMIT_VARIABLES.maxLineChars}). Den er ikke læst; filen er formentlig beskadiget eller har forkerte linjeskift.` });
      return true;
    }
    // UTF-8 read as latin1 holds C1 characters ("Ø" becomes "Ã" + U+0098): the mojibake message says more.
    if (control !== null && !(control.codePoint >= 0x80 && control.codePoint <= 0x9f && looksLikeMojibake(fields[control.field]!))) {
      issues.add({ severity: "error", code: "control-character", file: fileName, line, column: control.field + 1, ...(columnNames?.[control.field] ? { columnName: columnNames[control.field]!.trim() } : {}), messageDa: controlCharacterMessageDa(control) });
      return true;
    }
    for (let i = 0; i < fields.length; i++) {
      if (fields[i]!.length <= limits.maxFieldChars) continue;
      issues.add({ severity: "error", code: "field-too-long", file: fileName, line, column: i + 1, ...(columnNames?.[i] ? { columnName: columnNames[i]!.trim() } : {}),
        messageDa: `Feltet har ${formatInteger(fields[i]!.length)} tegn; grænsen er ${formatInteger(limits.maxFieldChars)} (kan ændres med ${IMPORT_LIMIT_VARIABLES.maxFieldChars}). Begyndelsen: ${quoteForMessage(fields[i]!, 60)}.` });
      return true;
    }
    return false;
  };
  const handleHeader = (header: readonly string[], line: number): boolean => {
    if (refusesCpr(line, header)) return false;
    columnNames = header;
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
    // The zip directory first: its declared unpacked size decides whether the workbook is opened at all.
    let directory;
    try {
      directory = await readZipDirectory(options.path);
    } catch (error) {
      fileIssue("unknown-layout", `Filen kan ikke læses som et Excel-regneark: ${error instanceof ZipDirectoryError ? error.message : "den er ikke en gyldig zip-fil."}`);
      return finish();
    }
    if (directory.unpackedBytes > limits.maxXlsxUnpackedBytes) {
      fileIssue("limit-exceeded", `Regnearket fylder ${Number.isFinite(directory.unpackedBytes) ? `${formatInteger(Math.ceil(directory.unpackedBytes / 1048576))} MB` : "mere end 4 GB"} udpakket; grænsen er ${formatInteger(Math.floor(limits.maxXlsxUnpackedBytes / 1048576))} MB (kan ændres med ${IMPORT_LIMIT_VARIABLES.maxXlsxUnpackedBytes}). Gem arket som CSV; CSV læses uden grænse for filens størrelse.`);
      return finish();
    }
    // Header candidates come from the first two rows; the rest is mapped as it streams.
    const firstRows: XlsxRow[] = [];
    let width = 0;
    let headerDone = false;
    const mapRow = (row: XlsxRow) => {
      // Excel drops trailing empty cells; pad so a short row is not mistaken for a broken one.
      const fields = row.fields.length < width ? [...row.fields, ...Array<string>(width - row.fields.length).fill("")] : row.fields;
      if (fields.every((f) => f === "")) return;
      result.dataRowCount++;
      if (refusesText(row.rowNumber, fields, findControlCharacter(fields), null)) return;
      if (row.formulaWithoutValue !== null) {
        issues.add({ severity: "error", code: "xlsx-formula", file: fileName, line: row.rowNumber, column: row.formulaWithoutValue + 1, messageDa: XLSX_FORMULA_MESSAGE_DA });
        return;
      }
      if (refusesCpr(row.rowNumber, fields)) return;
      mapper!.mapRecord({ line: row.rowNumber, fields, maybeTruncated: false, unterminatedQuote: false });
    };
    /** Decides the header from the rows read so far; false when the file is refused there. */
    const decideHeader = (): boolean => {
      headerDone = true;
      const header = headerCandidates(firstRows).find((c) => detectLayout(c.header));
      const headerRow = header ? firstRows[header.dataFrom - 1]! : firstRows[0]!;
      if (refusesText(headerRow.rowNumber, headerRow.fields, findControlCharacter(headerRow.fields), null)) return false;
      if (!header) {
        handleHeader(headerRow.fields, headerRow.rowNumber);
        return false;
      }
      if (!handleHeader(header.header, headerRow.rowNumber)) return false;
      width = header.header.length;
      firstRows.slice(header.dataFrom).forEach(mapRow);
      return true;
    };
    try {
      for await (const item of readXlsxRows(options.path, options.sheet)) {
        if (item.kind === "sheet") {
          result.sheet = item.name;
          continue;
        }
        if (headerDone) mapRow(item.row);
        else {
          firstRows.push(item.row);
          if (firstRows.length === 2 && !decideHeader()) return finish();
        }
      }
    } catch (error) {
      if (error instanceof XlsxSheetError) fileIssue("unknown-layout", error.message);
      else fileIssue("unknown-layout", "Filen kan ikke læses som et Excel-regneark: den er beskadiget eller ikke et regneark (XLSX). Gem den igen fra Excel eller som CSV.");
      return finish();
    }
    if (firstRows.length === 0) {
      fileIssue("empty-file", "Regnearket er tomt.");
      return finish();
    }
    if (!headerDone && !decideHeader()) return finish();
  } else {
    const table = await openTextTable(options.path, { maxLineChars: limits.maxLineChars });
    result.encoding = table.encoding;
    let headerSeen = false;
    let exhausted = false;
    try {
      records: for await (const batch of table.records) for (const record of batch) {
        if (!headerSeen) {
          if (record.tooLong === null && record.fields.every((f) => f.trim() === "")) continue;
          headerSeen = true;
          result.separator = record.separator;
          if (refusesText(record.line, record.fields, record.control, record.tooLong)) break records;
          if (!handleHeader(record.fields, record.line)) break records;
          continue;
        }
        if (record.tooLong === null && record.fields.every((f) => f.trim() === "")) continue;
        result.dataRowCount++;
        if (refusesText(record.line, record.fields, record.control, record.tooLong)) continue;
        // A delimited record is a table record as it is (no copy per row).
        const tableRecord: TableRecord = record;
        if (refusesCpr(record.line, record.fields)) continue;
        mapper!.mapRecord(tableRecord);
      }
      exhausted = mapper !== undefined || !headerSeen;
    } catch (error) {
      if (isFileSystemError(error)) {
        fileIssue("unreadable-file", fileSystemMessageDa(error, options.path));
        return finish();
      }
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
