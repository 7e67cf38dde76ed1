import { csvCell } from "../domain/csv-cell.js";
import { formatInteger, formatPercent } from "../domain/format-danish-number.js";
import { roundToUnits } from "../domain/round-half-up.js";
import type { MapFigures, MunicipalityFigureRow } from "../domain/map-figures.js";
import type { FunnelResult } from "../domain/map-figures.js";
import { FUNNEL_VERDICT_SHORT_DA } from "../domain/statistics/funnel-limits.js";
import { assertNever } from "../domain/assert-never.js";
import type { RateEstimate } from "../domain/rate-estimate.js";
import { formatMeasureNumberDa, measureNameDa, measureValue, type MeasureId } from "./map-measure.js";
import { ROUNDED_DENOMINATOR, type PopulationDenominator } from "../domain/context/population-denominator.js";
import type { MapRecipients, RecipientUnit } from "../domain/context/map-recipients.js";
import { contextValueDa, recipientsHeadingDa } from "./recipients-text.js";
import type { ContextValue } from "../domain/context/context-figure.js";

/** One cell: the Danish text shown, and the raw value to sort and export by (null sorts last). */
export type TableCell = { readonly text: string; readonly value: number | string | null };

export type TableModel = {
  readonly captionDa: string;
  /** `decimals`: how many decimals a numeric column shows (XLSX number format "0.0" or "#,##0"). */
  readonly columns: readonly { readonly key: string; readonly labelDa: string; readonly numeric: boolean; readonly decimals?: 0 | 1 }[];
  /** `code` is null on the national row. */
  readonly rows: readonly { readonly code: string | null; readonly cells: readonly TableCell[] }[];
  readonly sourceLineDa: string | null;
};

/** Short verdicts for a table cell (the domain's words); the page explains them above the table and the tooltip has the long form. */
function verdictShortDa(funnel: FunnelResult): string {
  return funnel.kind === "assessed" ? FUNNEL_VERDICT_SHORT_DA[funnel.verdict] : "ikke vurderet";
}

/**
 * A rate cell: "44,2", sorted and exported as the percentage with one decimal, rounded by the one rule
 * (round-half-up.ts), so the XLSX value is the number the page prints (201/400 → 50,3 in both).
 */
export const percentCell = (v: number): TableCell => ({ text: formatPercent(v), value: roundToUnits(v * 100, 1) / 10 });
export const integerCell = (v: number): TableCell => ({ text: formatInteger(v), value: v });
/** A missing value: its Danish text, sorted last and exported empty. */
export const missingCell = (text: string): TableCell => ({ text, value: null });
/** A figure from Danmarks Statistik: a count (or a rate per 1.000), "diskretioneret" (suppressed, never 0) or "ingen data". */
export const contextCell = (v: ContextValue, unit: RecipientUnit = "recipients"): TableCell =>
  v.kind === "value" ? { text: contextValueDa(v, unit), value: v.value } : missingCell(contextValueDa(v, unit));
const [pct, int, none] = [percentCell, integerCell, missingCell];

/**
 * The eight figure cells every rate table has, in the published tables' order: decided, reversal rate,
 * reversed, 95 % interval, changed rate and count, remitted rate and count.
 */
export function rateFigureCells(e: RateEstimate): TableCell[] {
  switch (e.kind) {
    case "estimate":
      return [
        int(e.decided),
        pct(e.reversalRate),
        int(e.reversed),
        { text: `${formatPercent(e.ci95[0])}–${formatPercent(e.ci95[1])}`, value: `${formatPercent(e.ci95[0])}–${formatPercent(e.ci95[1])}` },
        pct(e.changedRate),
        int(e.counts.changed),
        pct(e.remittedRate),
        int(e.counts.remitted),
      ];
    case "no-cases":
      return [int(0), none("ingen sager"), int(0), none("–"), none("–"), int(0), none("–"), int(0)];
    case "no-data":
      return [none("ingen data"), none("ingen data"), none("–"), none("–"), none("–"), none("–"), none("–"), none("–")];
    default:
      return assertNever(e);
  }
}

/**
 * The map's figures as a table: one row per municipality (and the country first), with rate, number of
 * cases, interval, funnel verdict and rank. The same model feeds the HTML table, CSV and XLSX, so the
 * downloads say exactly what the page says.
 */
export function buildFigureTableModel(
  figures: Pick<MapFigures, "national" | "municipalities">,
  captionDa: string,
  sourceLineDa: string | null = null,
  options: {
    readonly measure?: MeasureId;
    /** The map's population band for the year; default the labelled rounded figures. */
    readonly denominator?: PopulationDenominator;
    /** Recipients beside the rate where a Danmarks Statistik table covers the map (map-recipients.ts). */
    readonly recipients?: (code: string | null) => readonly MapRecipients[];
  } = {},
): TableModel {
  // Cases per 10.000 inhabitants add the population and the figure, next to the cases they are made of.
  const perCapita = options.measure === "sager-pr-10000";
  const denominator = options.denominator ?? ROUNDED_DENOMINATOR;
  const populationLabel = denominator.labelDa.charAt(0).toUpperCase() + denominator.labelDa.slice(1);
  // One column per benefit, named with its table and reference period ("Modtagere § 95 (HAND07, 2023K4)").
  const recipientColumns = (options.recipients?.(null) ?? []).flatMap((r) =>
    r.lines.map((l, i) => ({ key: `modtagere-${r.table}-${i}`, labelDa: `${recipientsHeadingDa(r.unit)} ${l.labelDa} (${r.table}, ${r.period})`, numeric: true, decimals: r.unit === "per-1000" ? (1 as const) : (0 as const) })),
  );
  const columns = [
    { key: "kommune", labelDa: "Kommune", numeric: false },
    { key: "kode", labelDa: "Kommunekode", numeric: false },
    { key: "afgoerelser", labelDa: "Realitetsbehandlede sager", numeric: true, decimals: 0 as const },
    ...(perCapita
      ? [
          { key: "indbyggere", labelDa: populationLabel, numeric: true, decimals: 0 as const },
          { key: "sager-pr-10000", labelDa: measureNameDa("sager-pr-10000", denominator), numeric: true, decimals: 1 as const },
        ]
      : []),
    { key: "omgjort-pct", labelDa: "Omgjort, pct.", numeric: true, decimals: 1 as const },
    { key: "omgjort-antal", labelDa: "Omgjort, antal", numeric: true, decimals: 0 as const },
    { key: "interval", labelDa: "95 %-interval, pct.", numeric: false },
    { key: "aendret-pct", labelDa: "Ændret/ophævet, pct.", numeric: true, decimals: 1 as const },
    { key: "aendret-antal", labelDa: "Ændret/ophævet, antal", numeric: true, decimals: 0 as const },
    { key: "hjemvist-pct", labelDa: "Hjemvist, pct.", numeric: true, decimals: 1 as const },
    { key: "hjemvist-antal", labelDa: "Hjemvist, antal", numeric: true, decimals: 0 as const },
    ...recipientColumns,
    { key: "tragt", labelDa: "Sammenlignet med landsplan (tragtplot)", numeric: false },
    { key: "placering", labelDa: "Placering (1 = lavest) med 95 %-interval", numeric: true },
  ];
  const row = (name: string, code: string | null, r: Pick<MunicipalityFigureRow, "estimate"> & Partial<Pick<MunicipalityFigureRow, "funnel" | "rank">>) => {
    const e = r.estimate;
    const figuresCells = rateFigureCells(e);
    if (perCapita) {
      const population = denominator.populationOf(code);
      const reading = e.kind === "estimate" ? measureValue("sager-pr-10000", e, code, denominator) : null;
      const perCapitaCells: TableCell[] = [
        contextCell(population),
        reading ? { text: formatMeasureNumberDa("sager-pr-10000", reading.value), value: roundToUnits(reading.value, 1) / 10 } : e.kind === "no-cases" ? { text: "0,0", value: 0 } : population.kind === "suppressed" ? none("diskretioneret") : none("–"),
      ];
      figuresCells.splice(1, 0, ...perCapitaCells);
    }
    const recipientCells = (options.recipients?.(code) ?? []).flatMap((r) => r.lines.map((l) => contextCell(l.value, r.unit)));
    figuresCells.push(...recipientCells.slice(0, recipientColumns.length));
    const verdict = code === null ? none("–") : r.funnel ? { text: verdictShortDa(r.funnel), value: verdictShortDa(r.funnel) } : none("–");
    // A rank is never shown bare (Goldstein & Spiegelhalter 1996): with its 95 % interval, and not at all under 10 cases.
    const interval = r.rank?.interval95 ? ` (95 %-interval ${r.rank.interval95[0]}–${r.rank.interval95[1]})` : "";
    const rank = r.rank
      ? { text: `${r.rank.position}${r.rank.tiedWith > 1 ? " (delt)" : ""} af ${r.rank.of}${interval}`, value: r.rank.position }
      : none(e.kind === "estimate" ? "– (under 10 sager)" : "–");
    return { code, cells: [{ text: name, value: name }, { text: code ?? "", value: code ?? "" }, ...figuresCells, verdict, code === null ? none("–") : rank] };
  };
  return {
    captionDa,
    columns,
    rows: [row("Hele landet", null, figures.national), ...figures.municipalities.map((m) => row(m.municipalityName, m.municipalityCode, m))],
    sourceLineDa,
  };
}

/**
 * CSV as Danish spreadsheets read it: semicolon, decimal comma, UTF-8 with BOM; source line last. Every
 * cell is neutralised against formula injection (csv-cell.ts): labels come from imported files.
 */
export function renderTableCsv(model: TableModel): string {
  const field = (t: string) => csvCell(t, ";");
  const lines = [model.columns.map((c) => field(c.labelDa)).join(";"), ...model.rows.map((r) => r.cells.map((c) => field(c.text)).join(";"))];
  if (model.sourceLineDa) lines.push("", field(model.sourceLineDa));
  return `\ufeff${lines.join("\r\n")}\r\n`;
}
