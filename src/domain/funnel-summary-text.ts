import { formatInteger, formatOneDecimal } from "./format-danish-number.js";
import type { FunnelSummary } from "./map-figures.js";
import { roundToUnits } from "./round-half-up.js";

/**
 * The plain-Danish sentences about a funnel plot as a whole, shared by the map page, the profile page
 * and the agenda item so they say the same: whether the limits were widened for over-dispersion, and how
 * many municipalities would lie outside the limits by chance alone.
 */

/** A non-negative value with `decimals` decimals, rounded by the one rule: 1.5474 → "1,55". */
function decimalsDa(value: number, decimals: number): string {
  return (roundToUnits(value, decimals) / 10 ** decimals).toFixed(decimals).replace(".", ",");
}

/** "0,03" or "under 0,001": a p-value as a reader meets it. */
export function formatPValueDa(p: number): string {
  if (p < 0.001) return "under 0,001";
  return decimalsDa(p, p < 0.01 ? 3 : 2);
}

/** One sentence on over-dispersion (Spiegelhalter 2005, section 5), or null where nothing was estimated. */
export function describeOverdispersionDa(summary: FunnelSummary): string | null {
  const od = summary.overdispersion;
  if (od === null) return null;
  const figures = `φ = ${decimalsDa(od.phi, 2)}, p = ${formatPValueDa(od.pValue)}`;
  return od.adjusted
    ? `Kommunernes omgørelsesprocenter spreder sig mere, end de ville, hvis alle kommuner havde samme underliggende procent (${figures}); ` +
        `tragtplottets grænser er derfor udvidet med den ekstra variation mellem kommunerne (Spiegelhalter 2005), så kun en kommune, der afviger mere end den, markeres.`
    : `Kommunernes omgørelsesprocenter spreder sig ikke mere, end tilfældighed ved deres antal sager giver (${figures}), så tragtplottets grænser er ikke udvidet.`;
}

/**
 * The multiplicity sentence: with about 98 municipalities some fall outside by chance alone. The expected
 * numbers are exact under the model (each municipality's probability at its own n, summed).
 */
export function describeChanceFlagsDa(summary: FunnelSummary): string | null {
  if (summary.model === null) return null;
  const { expectedOutside: e, outside: o } = summary;
  const actual = o.p95 === 0 ? "Her ligger ingen uden for 95 %-grænserne." : `Her ligger ${formatInteger(o.p95)} uden for 95 %-grænserne, heraf ${o.p998 === 0 ? "ingen" : formatInteger(o.p998)} uden for 99,8 %-grænserne.`;
  return (
    `Selv hvis alle kommuner reelt lå på landsplan, ville man ved tilfældighed alene forvente ca. ${formatOneDecimal(e.p95)} kommuner uden for 95 %-grænserne ` +
    `og ca. ${formatOneDecimal(e.p998)} uden for 99,8 %-grænserne. ${actual}`
  );
}

function municipalitiesDa(n: number): string {
  return `${formatInteger(n)} ${n === 1 ? "kommune" : "kommuner"}`;
}

/** How many municipalities could not be assessed at their n, said once beside the verdicts. */
export function describeTooFewDa(summary: FunnelSummary): string | null {
  const n = summary.verdictCounts["too-few-cases"];
  if (n === 0) return null;
  return `${municipalitiesDa(n)} har så få sager, at selv 0 % eller 100 % omgjorte ikke ville ligge uden for 95 %-grænserne: ${n === 1 ? "den" : "de"} kan ikke vurderes – for få sager.`;
}
