/**
 * The agenda item as a small document tree: every renderer (DOCX, HTML, Markdown) draws the same
 * blocks, so the text is written once and the formats cannot drift apart. All strings are final,
 * formatted Danish; renderers add no words of their own.
 */
export type ReportBlock =
  | { readonly kind: "heading"; readonly level: 2 | 3; readonly text: string }
  | { readonly kind: "paragraph"; readonly text: string; readonly emphasis?: "strong" | "note" }
  | { readonly kind: "bullets"; readonly items: readonly string[] }
  /** The recommendation's "at …" lines, written one under another as the seeds do. */
  | { readonly kind: "recommendation"; readonly lead: string; readonly items: readonly string[] }
  | ReportTable
  | ReportFigureBlock;

export type TableHeaderCell = { readonly text: string; readonly colSpan?: number; readonly rowSpan?: number };

export type ReportTable = {
  readonly kind: "table";
  /** "Tabel 1", numbered in reading order. */
  readonly label: string;
  readonly caption: string;
  /** Header rows; cells may span columns and rows (the seeds' two-row header). */
  readonly header: readonly (readonly TableHeaderCell[])[];
  /** Flat column names for formats without spans (Markdown). */
  readonly flatHeader: readonly string[];
  readonly rows: readonly ReportTableRow[];
  /** Columns that hold figures: renderers right-align them. */
  readonly numericColumns: readonly number[];
  readonly note?: string;
  /** Share of the width for the first (label) column; the others share the rest equally. */
  readonly firstColumnShare?: number;
  /**
   * Share of the width per column (summing to 1), where columns need different widths: a header word
   * like "usikkerhedsinterval" must fit its column, or LibreOffice and Word break it mid-word.
   */
  readonly columnShares?: readonly number[];
};

export type ReportTableRow = { readonly cells: readonly string[]; readonly emphasis?: boolean };

export type ReportFigureId = "neighbour-map" | "trend-chart";

/** The Danish word a figure's file is named by where it is written beside the item (Markdown): a person reads the names. */
export const FIGURE_FILE_WORDS_DA: Readonly<Record<ReportFigureId, string>> = { "neighbour-map": "nabokort", "trend-chart": "udvikling" };

/** The figures the item refers to, so only those are written as files beside it. */
export function figureIdsOf(sections: readonly { readonly blocks: readonly ReportBlock[] }[]): Set<ReportFigureId> {
  return new Set(sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === "figure" ? [b.figureId] : []))));
}

export type ReportFigureBlock = {
  readonly kind: "figure";
  readonly figureId: ReportFigureId;
  readonly label: string;
  readonly caption: string;
  /** Said instead of the image by screen readers, and written where no image can be shown (Markdown). */
  readonly altText: string;
};

export type ReportSection = { readonly heading: string; readonly blocks: readonly ReportBlock[] };
