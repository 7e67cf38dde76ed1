import type { ImportContext } from "./import-context.js";
import type { TableRecord } from "./table-record.js";

export type LayoutId = "talportal-export" | "talportal-table" | "statbank-long";

export type LayoutMapper = {
  readonly mapRecord: (record: TableRecord) => void;
  /** Called after the last record: layouts that group rows (the long layout) emit their observations here. */
  readonly finish: () => void;
};

/** A file layout: recognises its header and maps its records to observations. */
export type TableLayout = {
  readonly id: LayoutId;
  readonly nameDa: string;
  /** Listed in the "unknown layout" message so a user sees what each layout needs. */
  readonly requiredColumnsDa: string;
  readonly detect: (header: readonly string[]) => ((ctx: ImportContext) => LayoutMapper) | undefined;
};
