import { formatPercent } from "../domain/format-danish-number.js";
import type { FunnelResult, MunicipalityFigureRow } from "../domain/map-figures.js";
import { missingReasonDa } from "../domain/missing-reason-da.js";
import { FUNNEL_VERDICT_NAMES_DA, verdictLevel } from "../domain/statistics/funnel-limits.js";
import { formatMeasureCountDa, formatMeasureValueDa, measureTitleDa, measureValue, MEASURES, missingPopulationDa, type MeasureId } from "./map-measure.js";
import { ROUNDED_DENOMINATOR, type PopulationDenominator } from "../domain/context/population-denominator.js";

/** "44,2 pct.", "8,6 sager pr. 10.000 indbyggere", "ingen sager", "ingen data": the short value of a row. */
export function shortValueDa(row: Pick<MunicipalityFigureRow, "estimate" | "municipalityCode">, measure: MeasureId, denominator: PopulationDenominator = ROUNDED_DENOMINATOR): string {
  const e = row.estimate;
  switch (e.kind) {
    case "estimate": {
      const reading = measureValue(measure, e, row.municipalityCode, denominator);
      return reading ? formatMeasureValueDa(measure, reading.value, denominator) : missingPopulationDa(denominator, row.municipalityCode);
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
 * Where the 95 % interval beside a verdict seems to say otherwise, why: the interval is about the
 * municipality's own rate (Wilson), the verdict about its distance from landsplan at its n (exact tails,
 * widened where the map is over-dispersed). Null where they agree.
 */
export function intervalVerdictNoteDa(row: Pick<MunicipalityFigureRow, "estimate" | "funnel">): string | null {
  const e = row.estimate;
  const f = row.funnel;
  if (e.kind !== "estimate" || f.kind !== "assessed") return null;
  const target = f.limits.target;
  const excludes = e.ci95[0] > target || e.ci95[1] < target;
  const flagged = verdictLevel(f.verdict) !== null;
  if (excludes && !flagged) {
    return "Intervallet omfatter ikke landsplan, men vurderingen bruger tragtplottets grænser: de regner eksakt med kommunens antal sager og med variationen mellem kommunerne, og de er derfor bredere.";
  }
  if (!excludes && flagged) return "Intervallet omfatter landsplan, men tragtplottets eksakte grænser ved kommunens antal sager er overskredet.";
  return null;
}

/**
 * The plain-Danish sentence a tooltip and a screen reader get for one municipality: value with its number
 * of cases, the 95 % interval of the reversal rate and the funnel verdict (never a "fejlprocent"). For cases
 * per 10.000 inhabitants the reversal rate follows, since that is what the map is about.
 */
export function describeFigureRowDa(row: MunicipalityFigureRow, measure: MeasureId, denominator: PopulationDenominator = ROUNDED_DENOMINATOR): string {
  const e = row.estimate;
  switch (e.kind) {
    case "estimate": {
      const reading = measureValue(measure, e, row.municipalityCode, denominator);
      const rate = `omgørelsesprocent ${formatPercent(e.reversalRate)} pct. (${formatMeasureCountDa("omgoerelse", measureValue("omgoerelse", e, null)!)})`;
      const lead =
        MEASURES[measure].unit === "pct"
          ? `${measureTitleDa(measure).toLowerCase()} ${formatPercent(reading!.value)} pct. (${formatMeasureCountDa(measure, reading!)}).`
          : reading
            ? `${formatMeasureValueDa(measure, reading.value, denominator)} (${formatMeasureCountDa(measure, reading, denominator)}); ${rate}.`
            : `${missingPopulationDa(denominator, row.municipalityCode)}, så sager pr. 10.000 ${denominator.labelDa} kan ikke beregnes; ${rate}.`;
      const note = intervalVerdictNoteDa(row);
      return `${row.municipalityName}: ${lead} Omgørelsesprocentens 95 %-interval: ${intervalDa(row)} Sammenlignet med landsplan: ${funnelVerdictDa(row.funnel)}.${note ? ` ${note}` : ""}`;
    }
    case "no-cases":
      return `${row.municipalityName}: ingen sager – Ankestyrelsen realitetsbehandlede ingen sager fra kommunen på dette kort.`;
    case "no-data":
      return `${row.municipalityName}: ingen data – ${missingReasonDa(e.reason)}.`;
  }
}
