import type { ImportContext } from "../import-context.js";
import { createWideRecordMapper } from "../map-wide-record.js";
import { matchColumns, type ColumnSpec } from "../table-record.js";
import type { TableLayout } from "../table-layout.js";

/**
 * Layout (b): the talportal's underlying data table (domain.md §4, github sorhawell/ast_talportal):
 * `Kommune;Sagsemne;Aar;Kvartal;periode;Antal_sager_ialt;Stadfæstelse;Ændring.Ophævelse;Hjemvisning;Afvisning.Henvisning`.
 * The table has no law: `Lovgivning` comes from a column when present, else from the companion subject
 * file (`Sagsemne;Lovgivning;Sorteringskode`, `--subjects`). `Antal_sager_ialt` is cross-checked against the
 * four outcomes. Not handled yet: a table whose `Kvartal` uses another coding than 1–4/K1–K4.
 */
const SPEC: ColumnSpec<"place" | "subject" | "total" | "upheld" | "changed" | "remitted" | "rejected"> = {
  required: {
    place: ["kommune"],
    subject: ["sagsemne"],
    total: ["antal sager ialt", "antal sager i alt"],
    upheld: ["stadfæstelse"],
    changed: ["ændring ophævelse", "ændring/ophævelse"],
    remitted: ["hjemvisning"],
    rejected: ["afvisning henvisning", "afvisning/henvisning"],
  },
  optional: {
    law: ["lovgivning"],
    period: ["periode"],
    year: ["aar", "år"],
    quarter: ["kvartal"],
  },
};

export const TALPORTAL_TABLE_LAYOUT: TableLayout = {
  id: "talportal-table",
  nameDa: "talportalens datatabel (Kommune;Sagsemne;Aar;Kvartal;periode;Antal_sager_ialt;…)",
  requiredColumnsDa: "Kommune, Sagsemne, periode eller Aar, Antal_sager_ialt, Stadfæstelse, Ændring.Ophævelse, Hjemvisning, Afvisning.Henvisning",
  detect(header) {
    const m = matchColumns(header, SPEC);
    if (!m || (m.optional.period === undefined && m.optional.year === undefined)) return undefined;
    return (ctx: ImportContext) => {
      const mapRecord = createWideRecordMapper(ctx, m.names, {
        ...m.required,
        law: m.optional.law,
        period: m.optional.period,
        year: m.optional.year,
        quarter: m.optional.quarter,
        decided: undefined,
        percents: [],
      });
      return { mapRecord, finish: () => undefined };
    };
  },
};
