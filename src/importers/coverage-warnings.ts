import type { ComplaintCell } from "../domain/complaint-cell.js";
import { formatInteger } from "../domain/format-danish-number.js";
import { MUNICIPALITIES } from "../domain/municipality.js";
import type { ImportIssue } from "./import-issue.js";

/** Names listed in a coverage warning before "og N andre". */
const LISTED = 5;

/**
 * Warnings for a file that covers less than a whole-country selection: years without the national row, and
 * years with only some of the 98 municipalities. Neither is an error (a file for one region is legitimate),
 * but a download cut at a line end looks exactly like this (issue 19), so the import says it plainly.
 * Whether such a version may replace a fuller one is decided when it is stored (coverage-check.ts).
 */
export function coverageWarnings(file: string, cells: readonly ComplaintCell[]): ImportIssue[] {
  const byYear = new Map<number, { national: boolean; codes: Set<string> }>();
  for (const c of cells) {
    let y = byYear.get(c.year);
    if (!y) byYear.set(c.year, (y = { national: false, codes: new Set() }));
    if (c.municipalityCode === null) y.national = true;
    else y.codes.add(c.municipalityCode);
  }
  const warnings: ImportIssue[] = [];
  const warn = (code: ImportIssue["code"], messageDa: string) => warnings.push({ severity: "warning", code, messageDa, file, line: null, column: null });
  for (const [year, y] of [...byYear].sort(([a], [b]) => a - b)) {
    if (!y.national) warn("missing-national", `Filen har ingen landsrække (fx "Hele landet") for ${year}, så landstallet kan ikke kontrolleres mod summen over kommunerne.`);
    const missing = MUNICIPALITIES.filter((m) => !y.codes.has(m.code));
    if (missing.length > 0 && y.codes.size > 0) {
      const names = missing.slice(0, LISTED).map((m) => m.name).join(", ");
      const more = missing.length > LISTED ? ` og ${formatInteger(missing.length - LISTED)} andre` : "";
      warn("missing-municipalities", `Filen har tal for ${formatInteger(y.codes.size)} af ${MUNICIPALITIES.length} kommuner for ${year}; ${names}${more} mangler. De vises som "ingen data", ikke som 0. Er filen hentet helt?`);
    }
  }
  return warnings;
}
