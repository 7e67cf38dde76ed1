import type { ImportContext } from "../import-context.js";
import { createWideRecordMapper, type PercentKind } from "../map-wide-record.js";
import { matchColumns, type ColumnSpec } from "../table-record.js";
import type { TableLayout } from "../table-layout.js";

/**
 * Layout (a): the talportal's CSV export (ast.dk/tal-og-statistik-app; its code: github
 * sorhawell/ast_talportal): `Kommune;Lovgivning;Sagsemne;periode;` followed by the measures the user
 * chose. We need the four outcome counts; `Realitetsbehandlede sager i alt`, a total and the percentage
 * columns are cross-checked when present and never stored. Not handled yet: an export with only some of
 * the outcome measures (the file is then refused as an unknown layout, naming the missing columns).
 */
const SPEC: ColumnSpec<"place" | "law" | "subject" | "period" | "upheld" | "changed" | "remitted" | "rejected"> = {
  required: {
    place: ["kommune", "kommunenavn"],
    law: ["lovgivning"],
    subject: ["sagsemne"],
    period: ["periode"],
    upheld: ["stadfæstede sager"],
    changed: ["ændrede/ophævede sager", "ændrede og ophævede sager"],
    remitted: ["hjemviste sager"],
    rejected: ["afviste sager", "afviste/henviste sager"],
  },
  optional: {
    decided: ["realitetsbehandlede sager i alt", "realitetsbehandlede sager"],
    total: ["sager i alt", "afgjorte sager i alt", "antal sager i alt"],
    reversal: ["omgørelsesprocent"],
    upheldPct: ["stadfæstelsesprocent"],
    changedPct: ["ændrings-/ophævelsesprocent", "ændringsprocent"],
    remittedPct: ["hjemvisningsprocent"],
  },
};

const PERCENT_COLUMNS: readonly [string, PercentKind][] = [
  ["reversal", "reversal"],
  ["upheldPct", "upheld"],
  ["changedPct", "changed"],
  ["remittedPct", "remitted"],
];

export const TALPORTAL_EXPORT_LAYOUT: TableLayout = {
  id: "talportal-export",
  nameDa: "talportalens CSV-eksport (Kommune;Lovgivning;Sagsemne;periode;…)",
  requiredColumnsDa: "Kommune, Lovgivning, Sagsemne, periode, Stadfæstede sager, Ændrede/ophævede sager, Hjemviste sager, Afviste sager",
  detect(header) {
    const m = matchColumns(header, SPEC);
    if (!m) return undefined;
    return (ctx: ImportContext) => {
      const mapRecord = createWideRecordMapper(ctx, m.names, {
        ...m.required,
        period: m.required.period,
        year: undefined,
        quarter: undefined,
        decided: m.optional.decided,
        total: m.optional.total,
        percents: PERCENT_COLUMNS.flatMap(([key, kind]) => (m.optional[key] === undefined ? [] : [{ index: m.optional[key]!, kind }])),
      });
      return { mapRecord, finish: () => undefined };
    };
  },
};
