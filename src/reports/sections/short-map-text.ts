import { assertNever } from "../../domain/assert-never.js";
import { formatInteger, formatPercent } from "../../domain/format-danish-number.js";
import { missingReasonClauseDa } from "../../domain/missing-reason-da.js";
import type { RateEstimate } from "../../domain/rate-estimate.js";
import type { MunicipalityMapFigures } from "../agenda-item-figures.js";
import type { ReportContext } from "../report-context.js";
import { decisions, endSentence, FEW_CASES, pct } from "../report-phrases.js";
import { municipalityTotal, nationalTotal, previousYearLoaded } from "./map-result-text.js";

/**
 * The default item's sentences about one map, in the plain words of the seeds (Herning 2025: "På landsplan er
 * omgørelsesprocenten i 2024 44,9 % … I 2023 var omgørelsesprocenten 38,6 %"; "følger således tendensen på
 * landsplan"). One sentence each for the national figure with last year, the municipality's figure with last
 * year, the trend, and the verdict with its interval. The statistical detail lives in the optional sections.
 */

type Estimate = Extract<RateEstimate, { kind: "estimate" }>;

function isEstimate(e: RateEstimate): e is Estimate {
  return e.kind === "estimate";
}

/** "95 %-usikkerhedsinterval 33,6–55,3 pct." without a colon, for inside a parenthesis. */
function shortInterval(e: Estimate): string {
  return `95 %-usikkerhedsinterval ${formatPercent(e.ci95[0])}–${formatPercent(e.ci95[1])} pct.`;
}

/** "På landsplan var omgørelsesprocenten på socialområdet 44,9 pct. i 2024. I 2023 var den 38,6 pct." */
export function shortNationalText(ctx: ReportContext, mf: MunicipalityMapFigures, phrase: string): string {
  const now = nationalTotal(mf);
  if (!isEstimate(now)) return `Der er ingen omgørelsesprocent på landsplan for ${phrase} i ${ctx.year} i datagrundlaget.`;
  const first = `På landsplan var omgørelsesprocenten på ${phrase} ${pct(now.reversalRate)} i ${ctx.year}.`;
  const before = mf.previous.national;
  return isEstimate(before) ? `${first} I ${ctx.previousYear} var den ${pct(before.reversalRate)}` : first;
}

/** "I 2024 traf Ankestyrelsen 77 afgørelser i klagesager fra Herning Kommune på socialområdet; 34 af dem (44,2 pct.) blev omgjort." */
export function shortMunicipalityText(ctx: ReportContext, mf: MunicipalityMapFigures, phrase: string): string {
  const now = municipalityTotal(mf);
  switch (now.kind) {
    case "no-data":
      return `Datagrundlaget indeholder ikke tal for ${ctx.municipality} på ${phrase} i ${ctx.year}.`;
    case "no-cases":
      return `Ankestyrelsen traf i ${ctx.year} ingen realitetsbehandlede afgørelser i klagesager fra ${ctx.municipality} på ${phrase}, så der er ingen omgørelsesprocent for kommunen.`;
    case "estimate": {
      const outcome =
        now.decided === 1
          ? now.reversed === 1
            ? "den blev omgjort"
            : "den blev ikke omgjort"
          : now.reversed === 0
            ? "ingen af dem blev omgjort"
            : `${formatInteger(now.reversed)} af dem (${pct(now.reversalRate)}) blev omgjort`;
      return `I ${ctx.year} traf Ankestyrelsen ${decisions(now.decided)} i klagesager fra ${ctx.municipality} på ${phrase}, og ${endSentence(outcome)}`;
    }
    default:
      return assertNever(now);
  }
}

/** "I 2023 var omgørelsesprocenten 51,5 pct. – 17 af 33 afgørelser." Empty when last year is not loaded (said once elsewhere). */
export function shortPreviousYearText(ctx: ReportContext, mf: MunicipalityMapFigures): string {
  if (!previousYearLoaded(ctx)) return "";
  const before = mf.previous.municipality;
  switch (before.kind) {
    case "estimate":
      return `I ${ctx.previousYear} var kommunens omgørelsesprocent ${pct(before.reversalRate)} – ${formatInteger(before.reversed)} af ${decisions(before.decided)}.`;
    case "no-cases":
      return municipalityTotal(mf).kind === "no-cases"
        ? `Heller ikke i ${ctx.previousYear} var der realitetsbehandlede afgørelser fra kommunen på området.`
        : `I ${ctx.previousYear} var der ingen realitetsbehandlede afgørelser fra kommunen på området.`;
    case "no-data":
      return "";
    default:
      return assertNever(before);
  }
}

/** Below one point either way a rate reads as "stort set uændret" (seed: Herning 2025, 48,4 → 48,9 "stort set som i 2023"). */
const FLAT_POINTS = 1;

type Direction = "up" | "down" | "flat";

function direction(before: Estimate, now: Estimate): Direction {
  const points = (now.reversalRate - before.reversalRate) * 100;
  return Math.abs(points) < FLAT_POINTS ? "flat" : points > 0 ? "up" : "down";
}

const MOVED: Readonly<Record<Direction, string>> = { up: "steget", down: "faldet", flat: "stort set uændret" };

/**
 * Whether the municipality moved with the country from last year to this (seed: "Omgørelsesprocenten og
 * stigningen fra 2023 til 2024 følger således tendensen på landsplan"). Descriptive only: whether a change is
 * more than chance is the change section's question. Empty when either year lacks a rate.
 */
export function trendText(ctx: ReportContext, mf: MunicipalityMapFigures): string {
  const [mNow, mBefore, nNow, nBefore] = [municipalityTotal(mf), mf.previous.municipality, nationalTotal(mf), mf.previous.national];
  if (!isEstimate(mNow) || !isEstimate(mBefore) || !isEstimate(nNow) || !isEstimate(nBefore)) return "";
  const own = direction(mBefore, mNow);
  const country = direction(nBefore, nNow);
  const span = `fra ${ctx.previousYear} til ${ctx.year}`;
  if (own === country) {
    const verb = own === "flat" ? "er stort set uændret" : `er ${MOVED[own]}`;
    return `Omgørelsesprocenten ${verb} ${span} både i ${ctx.municipality} og på landsplan, og udviklingen følger dermed tendensen på landsplan.`;
  }
  return `Omgørelsesprocenten er ${MOVED[own]} i ${ctx.municipality} ${span}, mens den er ${MOVED[country]} på landsplan.`;
}

/**
 * The verdict against the national rate in one sentence, with the interval beside it. The words are the
 * project's one verdict rule (README, "Tragtplot mod landsplan"): "over/under landsplan" only beyond the
 * 99,8 % limit, "højere/lavere end landsplan" beyond 95 % only, "inden for" otherwise.
 */
export function shortVerdictText(ctx: ReportContext, mf: MunicipalityMapFigures): string {
  const own = municipalityTotal(mf);
  if (!isEstimate(own)) return "";
  const v = mf.versusNational;
  const interval = shortInterval(own);
  if (v.kind === "not-testable") return `Kommunens tal kan ikke sammenlignes med landsplan, fordi ${endSentence(missingReasonClauseDa(v.reason))}`;
  const few = own.decided < FEW_CASES ? `Med kun ${decisions(own.decided)} er procenten usikker, og ` : "";
  const lead = few ? few : "";
  const cap = (s: string) => (lead ? s : s.charAt(0).toUpperCase() + s.slice(1));
  switch (v.verdict) {
    case "within":
      return `${lead}${cap("forskellen til landsplan er ikke større, end tilfældigheder kan forklare: procenten ligger inden for 95 %-grænserne omkring landsplan")} (${interval}).`;
    case "above95":
      return `${lead}${cap("procenten er højere end landsplan og ligger uden for 95 %-grænsen, men inden for 99,8 %-grænsen – et opmærksomhedspunkt, ikke en konstatering af, at kommunen ligger over landsplan")} (${interval}).`;
    case "below95":
      return `${lead}${cap("procenten er lavere end landsplan og ligger uden for 95 %-grænsen, men inden for 99,8 %-grænsen – det er ikke en konstatering af, at kommunen ligger under landsplan")} (${interval}).`;
    case "above99.8":
      return `${lead}${cap("procenten ligger over landsplan: den er uden for 99,8 %-grænsen, så forskellen kan næppe forklares med tilfældigheder")} (${interval}).`;
    case "below99.8":
      return `${lead}${cap("procenten ligger under landsplan: den er uden for 99,8 %-grænsen, så forskellen kan næppe forklares med tilfældigheder")} (${interval}).`;
    case "too-few-cases":
      return `Med kun ${decisions(own.decided)} kan procenten ikke vurderes mod landsplan, fordi én sag flytter den meget (${interval}).`;
    default:
      return assertNever(v.verdict);
  }
}

/** Joins sentences, leaving out empty ones. */
export function sentences(...parts: readonly string[]): string {
  return parts.filter((p) => p !== "").join(" ");
}
