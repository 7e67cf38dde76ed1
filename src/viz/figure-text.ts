import { formatInteger, formatPercent } from "../domain/format-danish-number.js";
import type { FunnelResult, MunicipalityFigureRow } from "../domain/map-figures.js";
import { FUNNEL_VERDICT_NAMES_DA } from "../domain/statistics/funnel-limits.js";
import { MEASURES, measureValue, type MeasureId } from "./map-measure.js";

/** "44,2 pct.", "ingen sager", "ingen data": the short value every view shows for a row. */
export function shortValueDa(row: Pick<MunicipalityFigureRow, "estimate">, measure: MeasureId): string {
  const e = row.estimate;
  switch (e.kind) {
    case "estimate":
      return `${formatPercent(measureValue(measure, e).value)} pct.`;
    case "no-cases":
      return "ingen sager";
    case "no-data":
      return "ingen data";
  }
}

export function intervalDa(row: Pick<MunicipalityFigureRow, "estimate">): string {
  return row.estimate.kind === "estimate" ? `${formatPercent(row.estimate.ci95[0])}–${formatPercent(row.estimate.ci95[1])} pct.` : "–";
}

export function funnelVerdictDa(funnel: FunnelResult): string {
  return funnel.kind === "assessed" ? FUNNEL_VERDICT_NAMES_DA[funnel.verdict] : "ikke vurderet";
}

/**
 * The plain-Danish sentence a tooltip and a screen reader get for one municipality: value with its number
 * of cases, the 95 % interval of the reversal rate and the funnel verdict (never a "fejlprocent").
 */
export function describeFigureRowDa(row: MunicipalityFigureRow, measure: MeasureId): string {
  const e = row.estimate;
  switch (e.kind) {
    case "estimate": {
      const { value, count } = measureValue(measure, e);
      return (
        `${row.municipalityName}: ${MEASURES[measure].nameDa.replace(" (pct.)", "").toLowerCase()} ${formatPercent(value)} pct. ` +
        `(${formatInteger(count)} af ${formatInteger(e.decided)} realitetsbehandlede sager). ` +
        `Omgørelsesprocentens 95 %-interval: ${intervalDa(row)} ` +
        `Sammenlignet med landsplan: ${funnelVerdictDa(row.funnel)}.`
      );
    }
    case "no-cases":
      return `${row.municipalityName}: ingen sager – Ankestyrelsen realitetsbehandlede ingen sager fra kommunen på dette kort.`;
    case "no-data":
      return `${row.municipalityName}: ingen data – ${e.reasonDa}.`;
  }
}
