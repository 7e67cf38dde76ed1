import type { IssueCode, IssueCollector, IssueSeverity } from "./import-issue.js";
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
};

export function reportAt(
  ctx: ImportContext,
  severity: IssueSeverity,
  code: IssueCode,
  line: number | null,
  column: { index: number; name: string } | null,
  messageDa: string,
): void {
  ctx.issues.add({
    severity,
    code,
    messageDa,
    file: ctx.file,
    line,
    column: column ? column.index + 1 : null,
    ...(column ? { columnName: column.name } : {}),
  });
}

/**
 * The checks every record of a wide layout gets before its values are read: blank lines are skipped,
 * a cut-off last line and a wrong number of fields are reported. Returns false when the record is unusable.
 */
export function checkRecordShape(ctx: ImportContext, record: TableRecord, width: number): boolean {
  if (record.fields.every((f) => f.trim() === "")) return false;
  if (record.unterminatedQuote || (record.maybeTruncated && record.fields.length < width)) {
    reportAt(ctx, "error", "truncated-line", record.line, null,
      `Sidste linje er afkortet (${record.unterminatedQuote ? "et citationstegn lukkes aldrig" : `${record.fields.length} af ${width} felter`}). Filen er formentlig ikke hentet helt; hent den igen.`);
    return false;
  }
  if (record.fields.length !== width) {
    reportAt(ctx, "error", "column-count", record.line, null, `Linjen har ${record.fields.length} felter, men overskriften har ${width}.`);
    return false;
  }
  return true;
}
