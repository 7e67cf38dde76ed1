import { formatInteger, formatPercent } from "../domain/format-danish-number.js";
import type { MapFigures, MunicipalityFigureRow } from "../domain/map-figures.js";
import type { FunnelResult } from "../domain/map-figures.js";
import type { FunnelVerdict } from "../domain/statistics/funnel-limits.js";
import { assertNever } from "../domain/assert-never.js";
import type { RateEstimate } from "../domain/rate-estimate.js";
import { formatMeasureNumberDa, measureValue, NATIONAL_POPULATION, type MeasureId } from "./map-measure.js";
import { POPULATION_BY_CODE } from "../domain/registry/population-data.js";

/** One cell: the Danish text shown, and the raw value to sort and export by (null sorts last). */
export type TableCell = { readonly text: string; readonly value: number | string | null };

export type TableModel = {
  readonly captionDa: string;
  readonly columns: readonly { readonly key: string; readonly labelDa: string; readonly numeric: boolean }[];
  /** `code` is null on the national row. */
  readonly rows: readonly { readonly code: string | null; readonly cells: readonly TableCell[] }[];
  readonly sourceLineDa: string | null;
};

/** Short verdicts for a table cell; the page explains them above the table and the tooltip has the long form. */
const VERDICT_SHORT_DA: Readonly<Record<FunnelVerdict, string>> = {
  "above99.8": "over (uden for 99,8 %)",
  above95: "over (uden for 95 %)",
  within: "inden for grænserne",
  below95: "under (uden for 95 %)",
  "below99.8": "under (uden for 99,8 %)",
};

function verdictShortDa(funnel: FunnelResult): string {
  return funnel.kind === "assessed" ? VERDICT_SHORT_DA[funnel.verdict] : "ikke vurderet";
}

/** A rate cell: "44,2", sorted and exported as the percentage with one decimal. */
export const percentCell = (v: number): TableCell => ({ text: formatPercent(v), value: Math.round(v * 1000) / 10 });
export const integerCell = (v: number): TableCell => ({ text: formatInteger(v), value: v });
/** A missing value: its Danish text, sorted last and exported empty. */
export const missingCell = (text: string): TableCell => ({ text, value: null });
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
  options: { readonly measure?: MeasureId } = {},
): TableModel {
  // Cases per 10.000 inhabitants add the population and the figure, next to the cases they are made of.
  const perCapita = options.measure === "sager-pr-10000";
  const columns = [
    { key: "kommune", labelDa: "Kommune", numeric: false },
    { key: "kode", labelDa: "Kommunekode", numeric: false },
    { key: "afgoerelser", labelDa: "Realitetsbehandlede sager", numeric: true },
    ...(perCapita
      ? [
          { key: "indbyggere", labelDa: "Indbyggere", numeric: true },
          { key: "sager-pr-10000", labelDa: "Sager pr. 10.000 indbyggere", numeric: true },
        ]
      : []),
    { key: "omgjort-pct", labelDa: "Omgjort, pct.", numeric: true },
    { key: "omgjort-antal", labelDa: "Omgjort, antal", numeric: true },
    { key: "interval", labelDa: "95 %-interval, pct.", numeric: false },
    { key: "aendret-pct", labelDa: "Ændret/ophævet, pct.", numeric: true },
    { key: "aendret-antal", labelDa: "Ændret/ophævet, antal", numeric: true },
    { key: "hjemvist-pct", labelDa: "Hjemvist, pct.", numeric: true },
    { key: "hjemvist-antal", labelDa: "Hjemvist, antal", numeric: true },
    { key: "tragt", labelDa: "Sammenlignet med landsplan (tragtplot)", numeric: false },
    { key: "placering", labelDa: "Placering (1 = lavest)", numeric: true },
  ];
  const row = (name: string, code: string | null, r: Pick<MunicipalityFigureRow, "estimate"> & Partial<Pick<MunicipalityFigureRow, "funnel" | "rank">>) => {
    const e = r.estimate;
    const figuresCells = rateFigureCells(e);
    if (perCapita) {
      const population = code === null ? NATIONAL_POPULATION : POPULATION_BY_CODE[code];
      const reading = e.kind === "estimate" ? measureValue("sager-pr-10000", e, code) : null;
      const perCapitaCells: TableCell[] = [
        population ? int(population) : none("ukendt"),
        reading ? { text: formatMeasureNumberDa("sager-pr-10000", reading.value), value: Math.round(reading.value * 10) / 10 } : e.kind === "no-cases" ? { text: "0,0", value: 0 } : none("–"),
      ];
      figuresCells.splice(1, 0, ...perCapitaCells);
    }
    const verdict = code === null ? none("–") : r.funnel ? { text: verdictShortDa(r.funnel), value: verdictShortDa(r.funnel) } : none("–");
    const rank = r.rank ? { text: `${r.rank.position}${r.rank.tiedWith > 1 ? " (delt)" : ""} af ${r.rank.of}`, value: r.rank.position } : none("–");
    return { code, cells: [{ text: name, value: name }, { text: code ?? "", value: code ?? "" }, ...figuresCells, verdict, code === null ? none("–") : rank] };
  };
  return {
    captionDa,
    columns,
    rows: [row("Hele landet", null, figures.national), ...figures.municipalities.map((m) => row(m.municipalityName, m.municipalityCode, m))],
    sourceLineDa,
  };
}

/** CSV as Danish spreadsheets read it: semicolon, decimal comma, UTF-8 with BOM; source line last. */
export function renderTableCsv(model: TableModel): string {
  const field = (t: string) => (/[;"\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t);
  const lines = [model.columns.map((c) => field(c.labelDa)).join(";"), ...model.rows.map((r) => r.cells.map((c) => field(c.text)).join(";"))];
  if (model.sourceLineDa) lines.push("", field(model.sourceLineDa));
  return `\ufeff${lines.join("\r\n")}\r\n`;
}
