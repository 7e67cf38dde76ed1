import { stat } from "node:fs/promises";
import { cprIssuesInRecord } from "./cpr-cells.js";
import { fileSystemMessageDa } from "./file-system-message.js";
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from "./import-limits.js";
import { quoteForMessage } from "./quote-for-message.js";
import { controlCharacterMessageDa } from "./text/control-characters.js";
import type { ImportIssue } from "./import-issue.js";
import { openTextTable } from "./read-text-records.js";
import { normalizeHeader } from "./table-record.js";
import { EncodingError } from "./text/decode-text-stream.js";

/**
 * Reads the talportal's subject lookup (`Sagsemne;Lovgivning;Sorteringskode`), which gives layout (b)
 * its law per subject. Problems are reported like the main file's, against this file's name.
 */
export async function readSubjectLookup(path: string, fileName: string, limits: ImportLimits = DEFAULT_IMPORT_LIMITS): Promise<{ lawBySubject: Map<string, string>; issues: ImportIssue[] }> {
  const lawBySubject = new Map<string, string>();
  const issues: ImportIssue[] = [];
  const issue = (line: number | null, messageDa: string, column: number | null = null) => issues.push({ severity: "error", code: "companion-file", messageDa, file: fileName, line, column });
  // A missing file or a directory is a sentence for the user (issue 19: it was exit 70 with a stack trace).
  try {
    const info = await stat(path);
    if (!info.isFile()) {
      issue(null, `Sagsemnefilen ${quoteForMessage(path)} er ${info.isDirectory() ? "en mappe" : "ikke en almindelig fil"}; angiv selve filen med --subjects.`);
      return { lawBySubject, issues };
    }
  } catch (error) {
    issue(null, `${fileSystemMessageDa(error, path, "Sagsemnefilen")} Angiv talportalens sagsemnefil med --subjects.`);
    return { lawBySubject, issues };
  }
  const table = await openTextTable(path, { maxLineChars: limits.maxLineChars });
  let subjectCol = -1;
  let lawCol = -1;
  try {
    for await (const batch of table.records) for (const record of batch) {
      if (record.tooLong === null && record.fields.every((f) => f.trim() === "")) continue;
      if (record.tooLong !== null) {
        issue(record.line, `Linjen har ${record.tooLong} tegn, flere end grænsen på ${limits.maxLineChars}.`);
        continue;
      }
      if (record.control !== null) {
        issue(record.line, controlCharacterMessageDa(record.control), record.control.field + 1);
        continue;
      }
      const long = record.fields.findIndex((f) => f.length > limits.maxFieldChars);
      if (long >= 0) {
        issue(record.line, `Feltet har ${record.fields[long]!.length} tegn, flere end grænsen på ${limits.maxFieldChars}.`, long + 1);
        continue;
      }
      const cpr = cprIssuesInRecord(fileName, record.line, record.fields, null);
      if (cpr.length > 0) {
        issues.push(...cpr);
        continue;
      }
      if (subjectCol < 0) {
        const names = record.fields.map(normalizeHeader);
        subjectCol = names.indexOf("sagsemne");
        lawCol = names.indexOf("lovgivning");
        if (subjectCol < 0 || lawCol < 0) {
          issue(record.line, "Sagsemnefilen skal have kolonnerne Sagsemne og Lovgivning.");
          return { lawBySubject, issues };
        }
        continue;
      }
      const subject = record.fields[subjectCol]?.trim();
      const law = record.fields[lawCol]?.trim();
      if (subject === undefined || law === undefined) {
        issue(record.line, "Linjen har for få felter.");
        continue;
      }
      const earlier = lawBySubject.get(subject);
      if (subject === "") {
        issue(record.line, "Sagsemnet er tomt.", subjectCol + 1);
        continue;
      }
      if (earlier !== undefined && earlier !== law) issue(record.line, `Sagsemnet ${quoteForMessage(subject)} står med to forskellige lovgivninger (${quoteForMessage(earlier)} og ${quoteForMessage(law)}).`);
      lawBySubject.set(subject, law);
    }
  } catch (error) {
    if (error instanceof EncodingError) issue(error.line, error.message);
    else if (typeof (error as { code?: unknown } | null)?.code === "string") issue(null, fileSystemMessageDa(error, path, "Sagsemnefilen"));
    else throw error;
  }
  if (subjectCol < 0) issue(null, "Sagsemnefilen er tom.");
  return { lawBySubject, issues };
}
