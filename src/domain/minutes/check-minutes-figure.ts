import { MAP_DEFINITIONS } from "../map-definition.js";
import { formatInteger } from "../format-danish-number.js";
import { missingReasonDa } from "../missing-reason-da.js";
import type { RateEstimate } from "../rate-estimate.js";
import { formatTenthsDa, percentTenthsOf, wholePercentOf } from "../round-half-up.js";
import type { DocumentPercent, MinutesFigure } from "./minutes-item.js";

/**
 * A figure the minutes quote, held against the dataset: the document's decided cases must equal the
 * dataset's, and its percentage must equal the dataset's rate rounded the way the document writes it
 * (one decimal, or whole percent for "37 %"), with one rounding rule (round-half-up.ts). Pure.
 */
export type FigureCheck =
  | { readonly kind: "checked"; readonly matches: boolean; readonly decidedMatches: boolean | null; readonly percentMatches: boolean | null; readonly datasetDecided: number; readonly datasetReversedTenths: number | null; readonly textDa: string }
  | { readonly kind: "not-checked"; readonly reasonDa: string; readonly textDa: string };

const documentPercentDa = (p: DocumentPercent) => (p.decimals === 1 ? formatTenthsDa(p.tenths) : formatInteger(p.tenths / 10));

export function checkMinutesFigure(figure: MinutesFigure, estimate: RateEstimate, dataYear: number): FigureCheck {
  const mapName = MAP_DEFINITIONS[figure.map].nameDa;
  const doc = [
    figure.decided ? `${formatInteger(figure.decided.value)} sager` : null,
    figure.reversedPercent ? `${documentPercentDa(figure.reversedPercent.value)} %` : null,
  ].filter((x) => x !== null).join(", ");
  if (estimate.kind === "no-data") {
    const reasonDa = missingReasonDa(estimate.reason);
    return { kind: "not-checked", reasonDa, textDa: `${mapName}: Dokumentet siger ${doc}; datasættet har ingen tal for ${dataYear} (${reasonDa}).` };
  }
  const decided = estimate.decided;
  const reversed = estimate.reversed;
  const tenths = decided > 0 ? percentTenthsOf(reversed, decided) : null;
  const decidedMatches = figure.decided ? figure.decided.value === decided : null;
  let percentMatches: boolean | null = null;
  if (figure.reversedPercent) {
    const p = figure.reversedPercent.value;
    percentMatches = decided === 0 ? false : p.decimals === 1 ? p.tenths === tenths : p.tenths / 10 === wholePercentOf(reversed, decided);
  }
  const dataset = [
    figure.decided ? `${formatInteger(decided)} sager` : null,
    figure.reversedPercent ? (tenths === null ? "ingen realitetsbehandlede sager" : `${formatTenthsDa(tenths)} %`) : null,
  ].filter((x) => x !== null).join(", ");
  const matches = decidedMatches !== false && percentMatches !== false;
  return {
    kind: "checked",
    matches,
    decidedMatches,
    percentMatches,
    datasetDecided: decided,
    datasetReversedTenths: tenths,
    textDa: `${mapName}: Dokumentet siger ${doc}, datasættet ${dataset}${matches ? "" : " – stemmer ikke"}.`,
  };
}
