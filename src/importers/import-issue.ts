/**
 * One problem found in an input file. Every issue names the file, line and column so a person can
 * open the file and fix it; messages are Danish because users read them (product brief).
 */
export type IssueSeverity = "error" | "warning";

export type IssueCode =
  | "empty-file"
  | "unknown-layout"
  | "encoding"
  | "mojibake"
  | "column-count"
  | "truncated-line"
  | "unknown-municipality"
  | "unknown-period"
  | "invalid-count"
  | "measures-mismatch"
  | "total-mismatch"
  | "percentage-mismatch"
  | "duplicate-row"
  | "quarters-mismatch"
  | "incomplete-year"
  | "national-mismatch"
  | "missing-law"
  | "summary-row"
  | "unknown-outcome"
  | "companion-file"
  | "cpr-number"
  | "stray-quote"
  | "control-character"
  | "field-too-long"
  | "empty-subject"
  | "limit-exceeded"
  | "unreadable-file"
  | "xlsx-formula"
  | "missing-national"
  | "missing-municipalities"
  /** Statistikbanken files (issue 18): a column the table does not have, or a value outside its dimension. */
  | "unknown-column"
  /** After a context import: cases per 10.000 far outside the other municipalities (a warning). */
  | "implausible-figure";

export type ImportIssue = {
  readonly severity: IssueSeverity;
  readonly code: IssueCode;
  readonly messageDa: string;
  readonly file: string;
  /** 1-based line (CSV) or row (XLSX); null when the issue concerns the whole file. */
  readonly line: number | null;
  /** 1-based column; null when the issue concerns the whole line or file. */
  readonly column: number | null;
  readonly columnName?: string;
};

/** "data.csv, linje 12, kolonne 5 (Stadfæstede sager): …" */
export function formatIssue(issue: ImportIssue): string {
  const where = [issue.file];
  if (issue.line !== null) where.push(`linje ${issue.line}`);
  if (issue.column !== null) where.push(`kolonne ${issue.column}${issue.columnName ? ` (${issue.columnName})` : ""}`);
  const label = issue.severity === "error" ? "Fejl" : "Advarsel";
  return `${label}: ${where.join(", ")}: ${issue.messageDa}`;
}

/** The longest message an issue keeps (issue 19: messages of 63–131 KB echoed a whole header). */
export const MAX_MESSAGE_CHARS = 1_000;

/**
 * Collects issues with a cap per severity: a file with a systematic error would otherwise produce a
 * million identical lines. The count of every issue is kept, so the summary says how many were left out.
 */
export class IssueCollector {
  private readonly kept: ImportIssue[] = [];
  private errorCount = 0;
  private warningCount = 0;

  constructor(private readonly cap = 200) {}

  add(issue: ImportIssue): void {
    if (issue.severity === "error") this.errorCount++;
    else this.warningCount++;
    const sameSeverity = issue.severity === "error" ? this.errorCount : this.warningCount;
    if (sameSeverity > this.cap) return;
    // The last guard on length: a message quotes the file in bounded parts, but never passes this (issue 19).
    this.kept.push(issue.messageDa.length > MAX_MESSAGE_CHARS ? { ...issue, messageDa: `${issue.messageDa.slice(0, MAX_MESSAGE_CHARS - 1)}…` } : issue);
  }

  /** Whether the next issue of this severity would be kept: past the cap, a caller may skip writing its message. */
  keeps(severity: IssueSeverity): boolean {
    return (severity === "error" ? this.errorCount : this.warningCount) < this.cap;
  }

  get errors(): number {
    return this.errorCount;
  }

  get warnings(): number {
    return this.warningCount;
  }

  /** Issues kept (at most `cap` of each severity), errors first, then in file order. */
  list(): ImportIssue[] {
    const order = (i: ImportIssue) => (i.severity === "error" ? 0 : 1);
    return [...this.kept].sort((a, b) => order(a) - order(b) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  }

  /** How many issues of each severity were counted but not kept. */
  omitted(): { errors: number; warnings: number } {
    return { errors: Math.max(0, this.errorCount - this.cap), warnings: Math.max(0, this.warningCount - this.cap) };
  }
}
