import { findControlCharacter } from "../text/control-characters.js";
import { cprIssuesInRecord } from "../cpr-cells.js";
import { isZip, readFileHead, sha256OfFile } from "../file-bytes.js";
import { fileSystemMessageDa } from "../file-system-message.js";
import { IssueCollector, type ImportIssue, type IssueCode } from "../import-issue.js";
import { openTextTable } from "../read-text-records.js";
import { readXlsxRows, XLSX_FORMULA_MESSAGE_DA, XlsxSheetError } from "../xlsx/read-xlsx-rows.js";
import { readZipDirectory, ZipDirectoryError } from "../xlsx/zip-directory.js";
import {
  duplicateKey,
  KNOWLEDGE_FIELD_NAMES_DA,
  KNOWLEDGE_OUTCOME_NAMES_DA,
  NEW_DECISION_NAMES_DA,
  validateKnowledgeEntry,
  type KnowledgeEntryInput,
  type KnowledgeField,
} from "../../domain/knowledge/knowledge-entry.js";
import { matchReason, type ReasonDefinition } from "../../domain/knowledge/reason-taxonomy.js";
import { foldHeading, recognisedField, SHEET_FIELD_NAMES_DA, type SheetField } from "./knowledge-headings.js";
import { parseNewDecision, parseOutcome, parseSheetDate, parseStatus, splitLinks, splitList } from "./knowledge-cells.js";

/**
 * Reads a municipality's own register of Ankestyrelsen decisions (XLSX or CSV, issue 14) into knowledge
 * entries, without storing anything. The layout is the municipality's: the heading row is found among the
 * first rows (title rows above it, merged or not, are skipped), Danish headings are recognised by
 * themselves (knowledge-headings.ts), and a heading that is not is mapped by the caller (remembered per
 * municipality, or given in a mapping file) or refused with its column. Every cell of every row, title
 * rows included, passes the CPR guard. Every problem names file, row/line and column, in Danish.
 *
 * Not handled yet: several sheets (the first is read, or `sheet`), one decision spread over several rows,
 * and a reason column per reason with a cross in it.
 */
export type KnowledgeSheetColumn = { readonly column: number; readonly heading: string; readonly field: SheetField; readonly how: "recognised" | "mapped" };

export type KnowledgeSheetRow = { readonly line: number; readonly entry: KnowledgeEntryInput };

export type KnowledgeSheetAnalysis = {
  readonly fileName: string;
  readonly format: "xlsx" | "csv";
  readonly sha256: string;
  readonly sheet: string | null;
  /** The row/line of the heading, or null when none was found. */
  readonly headerLine: number | null;
  readonly columns: readonly KnowledgeSheetColumn[];
  /** Headings no rule and no mapping knows (each also an error), folded as a mapping names them. */
  readonly unknownHeadings: readonly string[];
  readonly rows: readonly KnowledgeSheetRow[];
  /** Departments the file uses that the municipality's (empty) list does not have yet. */
  readonly newDepartments: readonly string[];
  readonly issues: readonly ImportIssue[];
  readonly errors: number;
  readonly warnings: number;
};

export type KnowledgeSheetOptions = {
  readonly path: string;
  readonly fileName: string;
  readonly sheet?: string;
  /** Folded heading → field: the municipality's remembered mappings and those given for this import. */
  readonly mappings: ReadonlyMap<string, SheetField>;
  readonly reasons: readonly ReasonDefinition[];
  readonly departments: readonly string[];
  readonly today: string;
};

/** A knowledge bank holds hundreds of decisions a year; a file far beyond that is not a register. */
export const MAX_SHEET_ROWS = 20_000;
const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;
/** The heading is looked for among this many rows from the top (title, subtitle, blank rows). */
const HEADER_SEARCH_ROWS = 15;
/** Fields a column may hold more than once: the values are joined. */
const REPEATABLE: ReadonlySet<SheetField> = new Set(["reasonCodes", "links", "ignore"]);

/** "C" for the third column, "AA" for the 27th: what Excel shows above the column. */
export function columnLetter(column: number): string {
  let n = column;
  let out = "";
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** "ark.xlsx, række 7, kolonne E (Resumé): …" for XLSX (rows and letters as Excel shows them), "linje 7, kolonne 5" for CSV. */
export function formatKnowledgeIssue(issue: ImportIssue, format: "xlsx" | "csv"): string {
  const where = [issue.file];
  if (issue.line !== null) where.push(format === "xlsx" ? `række ${issue.line}` : `linje ${issue.line}`);
  if (issue.column !== null) where.push(`kolonne ${format === "xlsx" ? columnLetter(issue.column) : issue.column}${issue.columnName ? ` (${issue.columnName})` : ""}`);
  return `${issue.severity === "error" ? "Fejl" : "Advarsel"}: ${where.join(", ")}: ${issue.messageDa}`;
}

type RawRow = { readonly line: number; readonly fields: readonly string[] };

export async function analyseKnowledgeSheet(options: KnowledgeSheetOptions): Promise<KnowledgeSheetAnalysis> {
  const file = options.fileName;
  const issues = new IssueCollector();
  const add = (code: IssueCode, messageDa: string, line: number | null = null, column: number | null = null, columnName?: string) =>
    issues.add({ severity: "error", code, messageDa, file, line, column, ...(columnName ? { columnName } : {}) });
  let format: "xlsx" | "csv" = "csv";
  let sha256 = "";
  let sheet: string | null = null;
  const raw: RawRow[] = [];
  const result = (partial: Partial<KnowledgeSheetAnalysis> = {}): KnowledgeSheetAnalysis => ({
    fileName: file,
    format,
    sha256,
    sheet,
    headerLine: null,
    columns: [],
    unknownHeadings: [],
    rows: [],
    newDepartments: [],
    ...partial,
    issues: issues.list(),
    errors: issues.errors,
    warnings: issues.warnings,
  });

  const keepRow = (line: number, fields: readonly string[], control: ReturnType<typeof findControlCharacter>): void => {
    if (fields.every((f) => f.trim() === "")) return;
    if (raw.length >= MAX_SHEET_ROWS) {
      if (raw.length === MAX_SHEET_ROWS) add("limit-exceeded", `Filen har mere end ${MAX_SHEET_ROWS.toLocaleString("da-DK")} rækker; en vidensbank indlæses i mindre dele (fx ét år ad gangen).`, line);
      raw.push({ line, fields: [] });
      return;
    }
    if (control) {
      add("control-character", `Cellen indeholder et styretegn (U+${control.codePoint.toString(16).toUpperCase().padStart(4, "0")}) ved tegn ${control.offset + 1}; fjern det og gem filen igen.`, line, control.field + 1);
      raw.push({ line, fields: fields.map(() => "") });
      return;
    }
    raw.push({ line, fields });
  };

  try {
    if (isZip(await readFileHead(options.path, 4))) {
      format = "xlsx";
      sha256 = await sha256OfFile(options.path);
      try {
        const directory = await readZipDirectory(options.path);
        if (directory.unpackedBytes > MAX_UNPACKED_BYTES) {
          add("limit-exceeded", "Regnearket fylder over 200 MB udpakket; det er ikke en vidensbank. Gem arket som CSV, eller del det op.");
          return result();
        }
        for await (const item of readXlsxRows(options.path, options.sheet)) {
          if (item.kind === "sheet") {
            sheet = item.name;
            continue;
          }
          if (item.row.formulaWithoutValue !== null) add("xlsx-formula", XLSX_FORMULA_MESSAGE_DA, item.row.rowNumber, item.row.formulaWithoutValue + 1);
          keepRow(item.row.rowNumber, item.row.fields, findControlCharacter(item.row.fields));
        }
      } catch (error) {
        if (error instanceof XlsxSheetError || error instanceof ZipDirectoryError) add("unknown-layout", `Filen kan ikke læses som et Excel-regneark: ${error.message}`);
        else add("unknown-layout", "Filen kan ikke læses som et Excel-regneark: den er beskadiget eller ikke et regneark (XLSX). Gem den igen fra Excel eller som CSV.");
        return result();
      }
    } else {
      const table = await openTextTable(options.path);
      for await (const batch of table.records) {
        for (const record of batch) {
          if (record.tooLong !== null) {
            add("field-too-long", `Linjen er på ${record.tooLong.toLocaleString("da-DK")} tegn; det er ikke en række i et regneark.`, record.line);
            continue;
          }
          if (record.strayQuote) add("stray-quote", "Et citationstegn i linjen lukkes ikke; ret det i filen, og prøv igen.", record.line);
          keepRow(record.line, record.fields, record.control);
        }
      }
      sha256 = table.sha256();
    }
  } catch (error) {
    add("unreadable-file", fileSystemMessageDa(error, options.path));
    return result();
  }
  if (raw.length === 0) {
    add("empty-file", "Filen er tom: den har ingen rækker med indhold.");
    return result();
  }

  // The CPR guard reads every cell of every row, title rows included, before any other message can quote
  // one; a row with a number is refused whole. The row names are known once the heading is found.
  const guard = (from: number, to: number, names: readonly string[] | null) => {
    for (let i = from; i < to; i++) {
      const row = raw[i]!;
      const cpr = cprIssuesInRecord(file, row.line, row.fields, names);
      if (cpr.length === 0) continue;
      for (const issue of cpr) issues.add(issue);
      raw[i] = { line: row.line, fields: row.fields.map(() => "") };
    }
  };

  const fieldOf = (heading: string): { field: SheetField; how: "recognised" | "mapped" } | undefined => {
    const mapped = options.mappings.get(foldHeading(heading));
    if (mapped) return { field: mapped, how: "mapped" };
    const known = recognisedField(heading);
    return known ? { field: known, how: "recognised" } : undefined;
  };
  // The heading: the first row near the top where at least two cells are headings we know, one of them the date or the subject.
  const headerIndex = raw.slice(0, HEADER_SEARCH_ROWS).findIndex((row) => {
    const fields = row.fields.map((f) => fieldOf(f)?.field).filter((f) => f !== undefined && f !== "ignore");
    return fields.length >= 2 && (fields.includes("decisionDate") || fields.includes("subject"));
  });
  guard(0, headerIndex < 0 ? Math.min(raw.length, HEADER_SEARCH_ROWS) : headerIndex + 1, null);
  if (headerIndex >= 0 && raw[headerIndex]!.fields.every((f) => f === "")) return result();
  if (headerIndex < 0) {
    add("unknown-layout", `Finder ingen overskriftsrække i de første ${HEADER_SEARCH_ROWS} rækker: der skal være en række med fx "Afgørelsesdato", "Sagsemne" og "Udfald". Genkendte overskrifter er fx ${["dato", "sagsnr.", "afdeling", "lov", "sagsemne", "paragraf", "udfald", "årsag", "læring", "ny afgørelse"].map((h) => `"${h}"`).join(", ")}.`);
    return result();
  }
  const header = raw[headerIndex]!;
  guard(headerIndex + 1, raw.length, header.fields.map((h) => h.trim()));
  const columns: KnowledgeSheetColumn[] = [];
  const unknownHeadings: string[] = [];
  const seen = new Map<SheetField, number>();
  header.fields.forEach((heading, i) => {
    if (heading.trim() === "") return;
    const found = fieldOf(heading);
    if (!found) {
      unknownHeadings.push(heading.trim());
      add("unknown-column", `Overskriften "${heading.trim().slice(0, 80)}" genkendes ikke. Sig én gang, hvilket felt kolonnen er (på siden eller i en kortlægningsfil med linjen "${heading.trim().slice(0, 80)} = Læring", eller "= Ignorer"), så huskes det for kommunen.`, header.line, i + 1, heading.trim());
      return;
    }
    const earlier = seen.get(found.field);
    if (earlier !== undefined && !REPEATABLE.has(found.field)) {
      add("unknown-column", `Kolonnen er også "${SHEET_FIELD_NAMES_DA[found.field]}", ligesom kolonne ${format === "xlsx" ? columnLetter(earlier) : earlier}; kun én kolonne kan være det felt.`, header.line, i + 1, heading.trim());
      return;
    }
    seen.set(found.field, i + 1);
    columns.push({ column: i + 1, heading: heading.trim(), field: found.field, how: found.how });
  });
  if (!seen.has("decisionDate")) add("unknown-layout", `Filen har ingen kolonne med Ankestyrelsens afgørelsesdato (fx "Dato" eller "Afgørelsesdato").`, header.line);
  if (!seen.has("subject") && !seen.has("provision")) add("unknown-layout", `Filen har ingen kolonne med sagsemnet eller paragraffen (fx "Sagsemne" eller "Paragraf").`, header.line);
  if (!seen.has("outcome")) add("unknown-layout", `Filen har ingen kolonne med udfaldet (fx "Udfald": ændret, ophævet, hjemvist, delvist omgjort, stadfæstet).`, header.line);
  if (issues.errors > 0 && (unknownHeadings.length > 0 || !seen.has("decisionDate") || !seen.has("outcome"))) {
    return result({ headerLine: header.line, columns, unknownHeadings });
  }

  const rows: KnowledgeSheetRow[] = [];
  const firstLineOf = new Map<string, number>();
  const newDepartments: string[] = [];
  const columnOf = (field: KnowledgeField): KnowledgeSheetColumn | undefined => columns.find((c) => c.field === field);
  for (const row of raw.slice(headerIndex + 1)) {
    if (row.fields.every((f) => f.trim() === "")) continue;
    const cells = (field: KnowledgeField) => columns.filter((c) => c.field === field).map((c) => (row.fields[c.column - 1] ?? "").trim());
    const cell = (field: KnowledgeField) => cells(field)[0] ?? "";
    let rowOk = true;
    const bad = (field: KnowledgeField, messageDa: string) => {
      rowOk = false;
      const c = columnOf(field);
      add("invalid-count", messageDa, row.line, c?.column ?? null, c?.heading);
    };
    const decisionDate = parseSheetDate(cell("decisionDate"));
    if (cell("decisionDate") === "") bad("decisionDate", "Afgørelsesdatoen mangler.");
    else if (!decisionDate) bad("decisionDate", `"${cell("decisionDate").slice(0, 40)}" er ikke en dato. Skriv fx 14-03-2024 eller 2024-03-14, eller brug Excels datoformat.`);
    let dataYear = decisionDate ? Number(decisionDate.slice(0, 4)) : 0;
    if (cell("dataYear") !== "") {
      if (/^\d{4}$/.test(cell("dataYear"))) dataYear = Number(cell("dataYear"));
      else bad("dataYear", `"${cell("dataYear").slice(0, 40)}" er ikke et årstal.`);
    }
    const outcome = parseOutcome(cell("outcome"));
    if (!outcome) bad("outcome", cell("outcome") === "" ? "Udfaldet mangler." : `Ukendt udfald "${cell("outcome").slice(0, 40)}". Brug ${Object.values(KNOWLEDGE_OUTCOME_NAMES_DA).map((n) => n.toLowerCase()).join(", ")}.`);
    let law = cell("law");
    let provision = cell("provision");
    // "SEL § 41" in the law column: the law before the paragraph sign, the provision from it.
    if (provision === "" && law.includes("§")) {
      provision = law.slice(law.indexOf("§")).trim();
      law = law.slice(0, law.indexOf("§")).trim();
    }
    const subject = cell("subject") !== "" ? cell("subject") : provision;
    const reasonCodes: string[] = [];
    for (const text of cells("reasonCodes").flatMap(splitList)) {
      const reason = matchReason(text, options.reasons);
      if (reason) {
        if (!reasonCodes.includes(reason.code)) reasonCodes.push(reason.code);
      } else bad("reasonCodes", `Ukendt årsag "${text.slice(0, 60)}". Årsagerne er: ${options.reasons.map((r) => r.labelDa).join(", ")}.`);
    }
    const newResultText = cell("newDecisionResult");
    const newResult = newResultText === "" ? undefined : parseNewDecision(newResultText);
    if (newResultText !== "" && !newResult) bad("newDecisionResult", `Ukendt resultat af den nye afgørelse "${newResultText.slice(0, 40)}". Brug ${Object.values(NEW_DECISION_NAMES_DA).map((n) => n.toLowerCase()).join(", ")}.`);
    const newDateText = cell("newDecisionDate");
    const newDate = newDateText === "" ? null : (parseSheetDate(newDateText) ?? null);
    if (newDateText !== "" && newDate === null) bad("newDecisionDate", `"${newDateText.slice(0, 40)}" er ikke en dato.`);
    const statusText = cell("status");
    const status = statusText === "" ? "approved" : parseStatus(statusText);
    if (!status) bad("status", `Ukendt status "${statusText.slice(0, 40)}". Brug kladde eller godkendt.`);
    if (!rowOk || !decisionDate || !outcome || !status) continue;
    const entry: KnowledgeEntryInput = {
      decisionDate,
      dataYear,
      outcome,
      law,
      subject,
      provision: cell("subject") !== "" ? provision : "",
      department: cell("department"),
      reasonCodes,
      summary: cell("summary"),
      learningPoint: cell("learningPoint"),
      links: cells("links").flatMap(splitLinks),
      caseReference: cell("caseReference"),
      newDecision: newResult ? { result: newResult, date: newDate } : null,
      status,
    };
    const problems = validateKnowledgeEntry(entry, { reasons: options.reasons, departments: options.departments, today: options.today });
    for (const p of problems) bad(p.field === "newDecisionDate" && !columnOf("newDecisionDate") ? "newDecisionResult" : p.field, p.messageDa);
    if (problems.length > 0) continue;
    const key = duplicateKey(entry);
    const first = firstLineOf.get(key);
    if (first !== undefined) {
      add("duplicate-row", `Samme afgørelse som ${format === "xlsx" ? "række" : "linje"} ${first} (samme dato, sagsemne og ${entry.caseReference === "" ? "resumé" : "sagsreference"}).`, row.line);
      continue;
    }
    firstLineOf.set(key, row.line);
    if (options.departments.length === 0 && entry.department !== "" && !newDepartments.includes(entry.department)) newDepartments.push(entry.department);
    rows.push({ line: row.line, entry });
  }
  if (rows.length === 0 && issues.errors === 0) add("empty-file", "Filen har en overskriftsrække, men ingen afgørelser under den.", header.line);
  return result({ headerLine: header.line, columns, unknownHeadings, rows, newDepartments });
}

/** The Danish field names, for a page or a help text that lists what a heading can be mapped to. */
export const MAPPABLE_FIELDS_DA: readonly string[] = Object.values(SHEET_FIELD_NAMES_DA);
export { KNOWLEDGE_FIELD_NAMES_DA };
