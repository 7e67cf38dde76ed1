import { assertNever } from "../../domain/assert-never.js";
import { formatInteger, formatPercent } from "../../domain/format-danish-number.js";
import type { RateEstimate } from "../../domain/rate-estimate.js";
import type { ChangeVerdict, MapFigures, NationalVerdict } from "../agenda-item-figures.js";
import type { ReportContext } from "../report-context.js";
import { decisions, endSentence, FEW_CASES, intervalText, pct, pointsIntervalText, pointsMagnitude, rateWithCases } from "../report-phrases.js";

/**
 * Sentences about one map's figures, written as a caseworker writes them (seed: Herning 2025). Each
 * handles every kind of RateEstimate, so a missing figure is said in words, never printed as 0 %.
 */
function totalOf(mf: MapFigures) {
  const total = mf.areas.find((a) => a.area === "total");
  if (!total) throw new Error(`Kortet ${mf.map} mangler området "i alt"`);
  return total;
}

export function municipalityTotal(mf: MapFigures): RateEstimate {
  return totalOf(mf).municipality;
}

export function nationalTotal(mf: MapFigures): RateEstimate {
  return totalOf(mf).national;
}

export function plural(n: number, singular: string, pluralForm: string): string {
  return `${formatInteger(n)} ${n === 1 ? singular : pluralForm}`;
}

export function nationalText(ctx: ReportContext, mf: MapFigures, mapPhrase: string): string {
  const now = nationalTotal(mf);
  const before = mf.previous.national;
  if (now.kind !== "estimate") return `Datagrundlaget giver ingen omgørelsesprocent på landsplan for ${mapPhrase} i ${ctx.year}: ${rateWithCases(now)}.`;
  const first = `På landsplan var omgørelsesprocenten på ${mapPhrase} ${pct(now.reversalRate)} i ${ctx.year} (${formatInteger(now.reversed)} af ${decisions(now.decided)}).`;
  if (before.kind !== "estimate") return first;
  return `${first} I ${ctx.previousYear} var den ${pct(before.reversalRate)}`;
}

/** This year's municipal figure with its interval and what the reversals led to. */
export function municipalityText(ctx: ReportContext, mf: MapFigures, mapPhrase: string): string {
  const now = municipalityTotal(mf);
  switch (now.kind) {
    case "no-data":
      return `Datagrundlaget indeholder ikke tal for ${ctx.municipality} på ${mapPhrase} i ${ctx.year} (${now.reasonDa}).`;
    case "no-cases":
      return `Ankestyrelsen traf i ${ctx.year} ingen realitetsbehandlede afgørelser i klagesager fra ${ctx.municipality} på ${mapPhrase}. Der er derfor ingen omgørelsesprocent for kommunen.`;
    case "estimate":
      return [
        `I ${ctx.year} traf Ankestyrelsen ${decisions(now.decided)} i klagesager fra ${ctx.municipality} på ${mapPhrase}.`,
        now.decided === 1
          ? now.reversed === 1
            ? `Afgørelsen blev omgjort, svarende til en omgørelsesprocent på ${pct(now.reversalRate)} (${intervalText(now.ci95)}).`
            : `Afgørelsen blev ikke omgjort, svarende til en omgørelsesprocent på ${pct(now.reversalRate)} (${intervalText(now.ci95)}).`
          : now.reversed === 0
            ? `Ingen af afgørelserne blev omgjort, svarende til en omgørelsesprocent på ${pct(0)} (${intervalText(now.ci95)}).`
            : `${now.reversed === 1 ? "Én" : formatInteger(now.reversed)} af afgørelserne blev omgjort, svarende til en omgørelsesprocent på ${pct(now.reversalRate)} (${intervalText(now.ci95)}).`,
        now.reversed > 0 ? compositionText(now) : "",
      ]
        .filter((s) => s !== "")
        .join(" ");
    default:
      return assertNever(now);
  }
}

/** Last year's municipal figure and the change, with whether it exceeds chance. */
export function previousYearText(ctx: ReportContext, mf: MapFigures): string {
  const before = mf.previous.municipality;
  const now = municipalityTotal(mf);
  // No decided case in one of the years: there is no change to test, so say it once, plainly.
  if (before.kind === "no-cases") {
    return now.kind === "no-cases"
      ? `Heller ikke i ${ctx.previousYear} var der realitetsbehandlede afgørelser fra kommunen på området.`
      : `I ${ctx.previousYear} traf Ankestyrelsen ingen realitetsbehandlede afgørelser i klagesager fra kommunen på området, så der er ingen udvikling at sammenligne med.`;
  }
  if (now.kind === "no-cases" && before.kind === "estimate") {
    return `I ${ctx.previousYear} var omgørelsesprocenten ${pct(before.reversalRate)} – ${formatInteger(before.reversed)} af ${decisions(before.decided)}.`;
  }
  const first =
    before.kind === "estimate"
      ? `I ${ctx.previousYear} var omgørelsesprocenten ${pct(before.reversalRate)} – ${formatInteger(before.reversed)} af ${decisions(before.decided)}.`
      : `For ${ctx.previousYear} er der ${rateWithCases(before)}.`;
  return `${first} ${changeText(ctx, mf.change)}`;
}

export function changeText(ctx: ReportContext, change: ChangeVerdict): string {
  switch (change.kind) {
    case "not-testable":
      return `Udviklingen fra ${ctx.previousYear} til ${ctx.year} kan ikke vurderes statistisk: ${endSentence(change.reasonDa)}`;
    case "tested": {
      const rounded = Math.round(change.differencePoints * 10) / 10;
      const movement =
        rounded === 0
          ? `Omgørelsesprocenten er stort set uændret fra ${ctx.previousYear} til ${ctx.year}.`
          : `Omgørelsesprocenten er ${rounded > 0 ? "steget" : "faldet"} med ${pointsMagnitude(change.differencePoints)} fra ${ctx.previousYear} til ${ctx.year}.`;
      const interval = `95 %-usikkerhedsinterval for ændringen: ${pointsIntervalText(change.ci95Points[0], change.ci95Points[1])}, ${change.methodDa}`;
      const verdict = change.beyondChance
        ? `Ændringen er større, end hvad tilfældig variation fra år til år kan forklare (${interval}).`
        : `Ændringen er ikke større, end at den kan skyldes tilfældig variation fra år til år (${interval}).`;
      return rounded === 0 && !change.beyondChance ? movement : `${movement} ${verdict}`;
    }
    default:
      return assertNever(change);
  }
}

export function versusNationalText(ctx: ReportContext, verdict: NationalVerdict): string {
  switch (verdict.kind) {
    case "above":
      return `${ctx.municipality}s omgørelsesprocent ligger over landsplan, og forskellen er større, end hvad tilfældigheder kan forklare (${verdict.methodDa}).`;
    case "below":
      return `${ctx.municipality}s omgørelsesprocent ligger under landsplan, og forskellen er større, end hvad tilfældigheder kan forklare (${verdict.methodDa}).`;
    case "within":
      return `Forskellen mellem ${ctx.municipality}s omgørelsesprocent og landsplan er ikke større, end at den kan skyldes tilfældigheder (${verdict.methodDa}).`;
    case "not-testable":
      return `Kommunens tal kan ikke sammenlignes statistisk med landsplan: ${endSentence(verdict.reasonDa)}`;
    default:
      return assertNever(verdict);
  }
}

/** Plain words for small numbers (domain.md §5): how far one case moves the rate. */
export function fewCasesText(e: RateEstimate): string | undefined {
  if (e.kind !== "estimate" || e.decided >= FEW_CASES) return undefined;
  const strength = e.decided < 10 ? "meget usikker" : "usikker";
  return (
    `Omgørelsesprocenten bygger på kun ${decisions(e.decided)} og er derfor ${strength}: én afgørelse mere eller mindre ` +
    `flytter den med omkring ${formatPercent(1 / e.decided)} procentpoint (${intervalText(e.ci95)}). ` +
    `Tallet bør læses sammen med de foregående års tal.`
  );
}

/** What the reversals led to: changed/annulled or sent back, leaving out a kind with no cases. */
export function compositionText(e: Extract<RateEstimate, { kind: "estimate" }>): string {
  const { changed, remitted } = e.counts;
  const changedPart = `${plural(changed, "ændret/ophævet afgørelse", "ændrede/ophævede afgørelser")} (${pct(e.changedRate)})`;
  const remittedPart = `${plural(remitted, "afgørelse", "afgørelser")}, hvor Ankestyrelsen har bedt kommunen om at behandle sagen igen (${pct(e.remittedRate)})`;
  if (changed + remitted === 1) {
    return changed === 1 ? "Den omgjorte afgørelse er ændret eller ophævet." : "I den omgjorte afgørelse har Ankestyrelsen bedt kommunen om at behandle sagen igen.";
  }
  if (remitted === 0) return `Alle ${formatInteger(changed)} omgjorte afgørelser er ændret eller ophævet.`;
  if (changed === 0) return `I alle ${formatInteger(remitted)} omgjorte afgørelser har Ankestyrelsen bedt kommunen om at behandle sagen igen.`;
  return `De omgjorte afgørelser består af ${changedPart} og ${remittedPart}.`;
}
