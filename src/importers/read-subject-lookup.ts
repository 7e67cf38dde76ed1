import type { ImportIssue } from "./import-issue.js";
import { openTextTable } from "./read-text-records.js";
import { normalizeHeader } from "./table-record.js";
import { EncodingError } from "./text/decode-text-stream.js";

/**
 * Reads the talportal's subject lookup (`Sagsemne;Lovgivning;Sorteringskode`), which gives layout (b)
 * its law per subject. Problems are reported like the main file's, against this file's name.
 */
export async function readSubjectLookup(path: string, fileName: string): Promise<{ lawBySubject: Map<string, string>; issues: ImportIssue[] }> {
  const lawBySubject = new Map<string, string>();
  const issues: ImportIssue[] = [];
  const issue = (line: number | null, messageDa: string) => issues.push({ severity: "error", code: "companion-file", messageDa, file: fileName, line, column: null });
  const table = await openTextTable(path);
  let subjectCol = -1;
  let lawCol = -1;
  try {
    for await (const batch of table.records) for (const record of batch) {
      if (record.fields.every((f) => f.trim() === "")) continue;
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
      if (earlier !== undefined && earlier !== law) issue(record.line, `Sagsemnet "${subject}" står med to forskellige lovgivninger ("${earlier}" og "${law}").`);
      lawBySubject.set(subject, law);
    }
  } catch (error) {
    if (error instanceof EncodingError) issue(null, error.message);
    else throw error;
  }
  if (subjectCol < 0) issue(null, "Sagsemnefilen er tom.");
  return { lawBySubject, issues };
}
