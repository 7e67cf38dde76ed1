import type { IssueCode, IssueCollector, IssueSeverity } from "./import-issue.js";
import type { ImportLimits } from "./import-limits.js";
import type { Place } from "./resolve-place.js";
import type { Observation, TableRecord } from "./table-record.js";

/** What a layout mapper needs from the import: where to report, how to resolve places, where to send rows. */
export type ImportContext = {
  readonly file: string;
  readonly issues: IssueCollector;
  readonly resolvePlace: (text: string) => Place | undefined;
  /** Subject → Lovgivning from the talportal's companion subject file, when given. */
  readonly lawBySubject: ReadonlyMap<string, string> | undefined;
  readonly emit: (observation: Observation) => void;
  /** The last data year a file may hold (the import's own year); later periods are errors. */
  readonly latestYear: number | undefined;
  readonly limits: ImportLimits;
};

export function reportAt(
  ctx: ImportContext,
  severity: IssueSeverity,
  code: IssueCode,
  line: number | null,
  column: { index: number; name: string } | null,
  messageDa: string | (() => string),
): void {
  ctx.issues.add({
    severity,
    code,
    // A message past the cap is counted, never shown: a function is then never called (2 million unknown names).
    messageDa: typeof messageDa === "string" ? messageDa : ctx.issues.keeps(severity) ? messageDa() : "",
    file: ctx.file,
    line,
    column: column ? column.index + 1 : null,
    ...(column ? { columnName: column.name } : {}),
  });
}

/**
 * The checks every record gets before its values are read: blank lines are skipped, a cut-off last line
 * and a wrong number of fields are reported, at the first column that is missing (or the first extra one).
 * Returns false when the record is unusable.
 */
export function checkRecordShape(ctx: ImportContext, record: TableRecord, names: readonly string[]): boolean {
  if (record.fields.every((f) => f.trim() === "")) return false;
  const width = names.length;
  const n = record.fields.length;
  if (record.unterminatedQuote) {
    const at = Math.max(0, n - 1);
    reportAt(ctx, "error", "truncated-line", record.line, { index: at, name: names[at] ?? "" },
      "Sidste linje er afkortet: et citationstegn i dette felt lukkes aldrig. Filen er formentlig ikke hentet helt; hent den igen.");
    return false;
  }
  if (record.strayQuote) {
    const at = Math.max(0, n - 1);
    reportAt(ctx, "error", "stray-quote", record.line, { index: at, name: names[at] ?? "" },
      "Et citationstegn i dette felt lukkes ikke i linjen og heller ikke i de næste linjer. Fjern det eller luk det med endnu et citationstegn; de følgende linjer er læst hver for sig.");
    return false;
  }
  if (record.maybeTruncated && n < width) {
    reportAt(ctx, "error", "truncated-line", record.line, { index: n, name: names[n] ?? "" },
      `Sidste linje er afkortet (${n} af ${width} felter; den slutter før denne kolonne). Filen er formentlig ikke hentet helt; hent den igen.`);
    return false;
  }
  if (n !== width) {
    const at = Math.min(n, width);
    reportAt(ctx, "error", "column-count", record.line, { index: at, name: names[at] ?? "" },
      n < width ? `Linjen har ${n} felter, men overskriften har ${width}: denne kolonne og de følgende mangler.` : `Linjen har ${n} felter, men overskriften har ${width}: her begynder felterne for meget.`);
    return false;
  }
  return true;
}
