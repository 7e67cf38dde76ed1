import { assertNever } from "../../domain/assert-never.js";
import { formatInteger, formatPercent } from "../../domain/format-danish-number.js";
import { AREA_NAMES_DA, type Area } from "../../domain/map-definition.js";
import type { RateEstimate } from "../../domain/rate-estimate.js";
import type { ComparedEstimates } from "../agenda-item-figures.js";
import type { ReportTable, ReportTableRow } from "../report-document.js";

/**
 * The seeds' table (Herning 2025, Tabel 1–3): decided, then reversed, changed/annulled and remitted,
 * each as percent and count. The denominator is always the decided cases (domain.md §2), said in the note.
 */
export const MAP_TABLE_HEADER: ReportTable["header"] = [
  [
    { text: "", rowSpan: 2 },
    { text: "Antal afgørelser i alt", rowSpan: 2 },
    { text: "Omgjorte afgørelser i alt", colSpan: 2 },
    { text: "Omgjorte afgørelser: ændret/ophævet afgørelse", colSpan: 2 },
    { text: "Omgjorte afgørelser: genbehandling i kommunen", colSpan: 2 },
  ],
  [{ text: "Procent" }, { text: "Antal" }, { text: "Procent" }, { text: "Antal" }, { text: "Procent" }, { text: "Antal" }],
];

const FLAT_HEADER = [
  "",
  "Antal afgørelser i alt",
  "Omgjort, pct.",
  "Omgjort, antal",
  "Ændret/ophævet, pct.",
  "Ændret/ophævet, antal",
  "Genbehandling i kommunen, pct.",
  "Genbehandling i kommunen, antal",
];

export function estimateCells(e: RateEstimate): string[] {
  switch (e.kind) {
    case "estimate":
      return [
        formatInteger(e.decided),
        formatPercent(e.reversalRate),
        formatInteger(e.reversed),
        formatPercent(e.changedRate),
        formatInteger(e.counts.changed),
        formatPercent(e.remittedRate),
        formatInteger(e.counts.remitted),
      ];
    case "no-cases":
      // No decided case: a percentage of nothing is not 0 %, so the rate cells stay empty.
      return ["0", "–", "0", "–", "0", "–", "0"];
    case "no-data":
      return ["–", "–", "–", "–", "–", "–", "–"];
    default:
      return assertNever(e);
  }
}

export function buildMapTable(args: {
  readonly label: string;
  readonly caption: string;
  readonly municipality: string;
  readonly areas: readonly ({ readonly area: Area } & ComparedEstimates)[];
}): ReportTable {
  const rows: ReportTableRow[] = [];
  for (const a of args.areas) {
    const areaName = AREA_NAMES_DA[a.area];
    rows.push({ cells: [`Landsplan, ${areaName}`, ...estimateCells(a.national)] });
    rows.push({ cells: [`${args.municipality}, ${areaName}`, ...estimateCells(a.municipality)], emphasis: true });
  }
  const missing = args.areas.some((a) => a.municipality.kind !== "estimate" || a.national.kind !== "estimate");
  return {
    kind: "table",
    label: args.label,
    caption: args.caption,
    header: MAP_TABLE_HEADER,
    flatHeader: FLAT_HEADER,
    rows,
    numericColumns: [1, 2, 3, 4, 5, 6, 7],
    // Room for "Herning Kommune, børneområdet" on one line and "afgørelser" in the count column's header.
    columnShares: [0.27, 0.1, 0.105, 0.105, 0.105, 0.105, 0.105, 0.105],
    note:
      "Procenterne er beregnet af de realitetsbehandlede afgørelser (stadfæstede, ændrede/ophævede og hjemviste); afviste sager indgår ikke." +
      (missing ? " – betyder, at der ikke er afgørelser at beregne en procent af." : ""),
  };
}
