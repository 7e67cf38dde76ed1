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
  | "companion-file";

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
    if (sameSeverity <= this.cap) this.kept.push(issue);
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
