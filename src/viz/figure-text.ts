import { formatPercent } from "../domain/format-danish-number.js";
import type { FunnelResult, MunicipalityFigureRow } from "../domain/map-figures.js";
import { FUNNEL_VERDICT_NAMES_DA } from "../domain/statistics/funnel-limits.js";
import { formatMeasureCountDa, formatMeasureValueDa, measureTitleDa, measureValue, MEASURES, type MeasureId } from "./map-measure.js";

/** "44,2 pct.", "8,6 sager pr. 10.000 indbyggere", "ingen sager", "ingen data": the short value of a row. */
export function shortValueDa(row: Pick<MunicipalityFigureRow, "estimate" | "municipalityCode">, measure: MeasureId): string {
  const e = row.estimate;
  switch (e.kind) {
    case "estimate": {
      const reading = measureValue(measure, e, row.municipalityCode);
      return reading ? formatMeasureValueDa(measure, reading.value) : "intet folketal";
    }
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
 * of cases, the 95 % interval of the reversal rate and the funnel verdict (never a "fejlprocent"). For cases
 * per 10.000 inhabitants the reversal rate follows, since that is what the map is about.
 */
export function describeFigureRowDa(row: MunicipalityFigureRow, measure: MeasureId): string {
  const e = row.estimate;
  switch (e.kind) {
    case "estimate": {
      const reading = measureValue(measure, e, row.municipalityCode);
      const rate = `omgørelsesprocent ${formatPercent(e.reversalRate)} pct. (${formatMeasureCountDa("omgoerelse", measureValue("omgoerelse", e, null)!)})`;
      const lead =
        MEASURES[measure].unit === "pct"
          ? `${measureTitleDa(measure).toLowerCase()} ${formatPercent(reading!.value)} pct. (${formatMeasureCountDa(measure, reading!)}).`
          : reading
            ? `${formatMeasureValueDa(measure, reading.value)} (${formatMeasureCountDa(measure, reading)}); ${rate}.`
            : `intet folketal, så sager pr. 10.000 indbyggere kan ikke beregnes; ${rate}.`;
      return `${row.municipalityName}: ${lead} Omgørelsesprocentens 95 %-interval: ${intervalDa(row)} Sammenlignet med landsplan: ${funnelVerdictDa(row.funnel)}.`;
    }
    case "no-cases":
      return `${row.municipalityName}: ingen sager – Ankestyrelsen realitetsbehandlede ingen sager fra kommunen på dette kort.`;
    case "no-data":
      return `${row.municipalityName}: ingen data – ${e.reasonDa}.`;
  }
}
