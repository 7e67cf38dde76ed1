import { assertNever } from "../../domain/assert-never.js";
import { formatInteger, formatOneDecimal, formatPercent } from "../../domain/format-danish-number.js";
import { missingReasonClauseDa, missingReasonDa } from "../../domain/missing-reason-da.js";
import type { RateEstimate } from "../../domain/rate-estimate.js";
import type { ChangeVerdict, MunicipalityMapFigures, NationalVerdict } from "../agenda-item-figures.js";
import type { ReportContext } from "../report-context.js";
import { decisions, endSentence, FEW_CASES, intervalText, pct, pointsIntervalText, pointsMagnitude, pointsTenths, rateWithCases } from "../report-phrases.js";
import { formatDanishDate } from "../../domain/council-treatment.js";

/**
 * Sentences about one map's figures, written as a caseworker writes them (seed: Herning 2025). Each
 * handles every kind of RateEstimate, so a missing figure is said in words, never printed as 0 %.
 */
function totalOf(mf: MunicipalityMapFigures) {
  const total = mf.areas.find((a) => a.area === "total");
  if (!total) throw new Error(`Kortet ${mf.map} mangler området "i alt"`);
  return total;
}

export function municipalityTotal(mf: MunicipalityMapFigures): RateEstimate {
  return totalOf(mf).municipality;
}

export function nationalTotal(mf: MunicipalityMapFigures): RateEstimate {
  return totalOf(mf).national;
}

export function plural(n: number, singular: string, pluralForm: string): string {
  return `${formatInteger(n)} ${n === 1 ? singular : pluralForm}`;
}

export function nationalText(ctx: ReportContext, mf: MunicipalityMapFigures, mapPhrase: string): string {
  const now = nationalTotal(mf);
  const before = mf.previous.national;
  if (now.kind !== "estimate") return `Datagrundlaget giver ingen omgørelsesprocent på landsplan for ${mapPhrase} i ${ctx.year}: ${rateWithCases(now)}.`;
  const first = `På landsplan var omgørelsesprocenten på ${mapPhrase} ${pct(now.reversalRate)} i ${ctx.year} (${formatInteger(now.reversed)} af ${decisions(now.decided)}).`;
  if (before.kind !== "estimate") return first;
  return `${first} I ${ctx.previousYear} var den ${pct(before.reversalRate)}`;
}

/** This year's municipal figure with its interval and what the reversals led to. */
export function municipalityText(ctx: ReportContext, mf: MunicipalityMapFigures, mapPhrase: string): string {
  const now = municipalityTotal(mf);
  switch (now.kind) {
    case "no-data":
      return `Datagrundlaget indeholder ikke tal for ${ctx.municipality} på ${mapPhrase} i ${ctx.year} (${missingReasonDa(now.reason)}).`;
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

/**
 * Where Ankestyrelsen has revised the published map's figure since (issue 9): both figures and both dates
 * in plain Danish, beside the figure. The item keeps the published figure: that is the map the council treats.
 */
export function revisionText(ctx: ReportContext, mf: MunicipalityMapFigures, mapPhrase: string): string | null {
  if (mf.revised === null || ctx.revision === null) return null;
  const when = ctx.revision.extractedOn ? `et udtræk af ${formatDanishDate(ctx.revision.extractedOn.slice(0, 10))}` : "et senere udtræk";
  const shownWhen = ctx.shown?.extractedOn ? ` (udtrukket ${formatDanishDate(ctx.shown.extractedOn.slice(0, 10))})` : "";
  return (
    `Ankestyrelsen har siden revideret tallene: I ${when} er ${ctx.municipality}s omgørelsesprocent på ${mapPhrase} ${rateWithCases(mf.revised)}. ` +
    `Tallene her er fra danmarkskortet, som det blev offentliggjort${shownWhen}: ${rateWithCases(municipalityTotal(mf))}.`
  );
}

/** Whether the database holds any figures for the year before the focus year. */
export function previousYearLoaded(ctx: ReportContext): boolean {
  return ctx.figures.loadedYears.includes(ctx.previousYear);
}

/**
 * The one sentence for an item whose earlier years are not loaded: said once, instead of a "no data for
 * 2023" on every map, a table of dashes and a one-point trend chart (issue 9, point 4).
 */
export function missingEarlierYearsText(ctx: ReportContext): string {
  const earlier = ctx.figures.loadedYears.filter((y) => y < ctx.year);
  return earlier.length === 0
    ? `Datagrundlaget indeholder kun tal for ${ctx.year}; tal for tidligere år er ikke indlæst. Dagsordenpunktet viser derfor ikke udviklingen over tid.`
    : `Tal for ${ctx.previousYear} er ikke indlæst, så udviklingen fra ${ctx.previousYear} til ${ctx.year} kan ikke vurderes.`;
}

/** Last year's municipal figure and the change, with whether it exceeds chance. */
export function previousYearText(ctx: ReportContext, mf: MunicipalityMapFigures): string {
  const before = mf.previous.municipality;
  const now = municipalityTotal(mf);
  // Last year not loaded at all: the change section says so once for the whole item (issue 9, point 4).
  if (!previousYearLoaded(ctx)) return "";
  if (before.kind === "no-data") return `For ${ctx.previousYear} er der ingen tal for kommunen på området, så der er ingen udvikling at sammenligne med.`;
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
      return `Udviklingen fra ${ctx.previousYear} til ${ctx.year} kan ikke vurderes statistisk: ${endSentence(missingReasonClauseDa(change.reason))}`;
    case "tested": {
      const rounded = pointsTenths(change.differencePoints);
      const movement =
        rounded === 0
          ? `Omgørelsesprocenten er stort set uændret fra ${ctx.previousYear} til ${ctx.year}.`
          : `Omgørelsesprocenten er ${rounded > 0 ? "steget" : "faldet"} med ${pointsMagnitude(change.differencePoints)} fra ${ctx.previousYear} til ${ctx.year}.`;
      const interval = `95 %-usikkerhedsinterval for ændringen: ${pointsIntervalText(change.ci95Points[0], change.ci95Points[1])}, ${change.methodDa}`;
      const verdict = change.beyondChance
        ? `Hvis den reelle omgørelsesprocent var den samme begge år, ville en så stor ændring opstå ved tilfældighed alene sjældnere end 1 gang ud af 20 (${interval}).`
        : `En ændring af denne størrelse opstår ofte ved tilfældighed alene, også når den reelle omgørelsesprocent er den samme begge år (${interval}).`;
      return rounded === 0 && !change.beyondChance ? movement : `${movement} ${verdict}`;
    }
    default:
      return assertNever(change);
  }
}

/**
 * A tail probability as a council member reads it: "0,4 % – omkring 1 gang ud af 250". Never rounded to
 * 0: below 0,1 % it says so.
 */
export function chanceDa(p: number): string {
  if (p < 0.001) return "under 0,1 % – sjældnere end 1 gang ud af 1.000";
  const oneIn = Math.round(1 / p);
  return `${formatOneDecimal(p * 100)} % – omkring 1 gang ud af ${formatInteger(oneIn)}`;
}

/**
 * The verdict against the national rate in words, with the level crossed. "Over/under landsplan" is kept for
 * the 99,8 % limit; beyond the 95 % limit only, the text says "højere/lavere end landsplan" and puts it next
 * to the number of municipalities expected outside by chance alone (the map's chance-flag sentence).
 */
export function versusNationalText(ctx: ReportContext, verdict: NationalVerdict): string {
  if (verdict.kind === "not-testable") return `Kommunens tal kan ikke sammenlignes statistisk med landsplan: ${endSentence(missingReasonClauseDa(verdict.reason))}`;
  const m = ctx.municipality;
  const ifNational = "Hvis kommunens sager reelt havde landsplanens omgørelsesprocent, ville man ved tilfældighed alene få";
  const method = "Tragtplot med kontrolgrænser om landsplan for kommunens antal sager, Spiegelhalter 2005.";
  const tail = [verdict.overdispersionDa, verdict.chanceFlagsDa].filter((s): s is string => s !== null);
  const sentences = (() => {
    switch (verdict.verdict) {
      case "above99.8":
        return [`${m}s omgørelsesprocent ligger over landsplan: den er uden for 99,8 %-kontrolgrænsen.`, `${ifNational} så høj en procent eller højere med en sandsynlighed på ${chanceDa(verdict.upperTail)}.`];
      case "below99.8":
        return [`${m}s omgørelsesprocent ligger under landsplan: den er uden for 99,8 %-kontrolgrænsen.`, `${ifNational} så lav en procent eller lavere med en sandsynlighed på ${chanceDa(verdict.lowerTail)}.`];
      case "above95":
        return [
          `${m}s omgørelsesprocent er højere end landsplan og ligger uden for 95 %-kontrolgrænsen, men inden for 99,8 %-grænsen; det er et opmærksomhedspunkt, ikke en konstatering af, at kommunen ligger over landsplan.`,
          `${ifNational} så høj en procent eller højere med en sandsynlighed på ${chanceDa(verdict.upperTail)}.`,
        ];
      case "below95":
        return [
          `${m}s omgørelsesprocent er lavere end landsplan og ligger uden for 95 %-kontrolgrænsen, men inden for 99,8 %-grænsen; det er ikke en konstatering af, at kommunen ligger under landsplan.`,
          `${ifNational} så lav en procent eller lavere med en sandsynlighed på ${chanceDa(verdict.lowerTail)}.`,
        ];
      case "within":
        return [
          `${m}s omgørelsesprocent ligger inden for 95 %-kontrolgrænserne omkring landsplan: en forskel fra landsplan af denne størrelse opstår ved tilfældighed alene oftere end 1 gang ud af 40.`,
        ];
      case "too-few-cases":
        return [
          `${m}s omgørelsesprocent kan ikke vurderes mod landsplan – for få sager: med ${decisions(verdict.decided)} ville selv 0 eller 100 % omgjorte ikke ligge uden for 95 %-kontrolgrænserne.`,
        ];
      default:
        return assertNever(verdict.verdict);
    }
  })();
  return [...sentences, method, ...tail].join(" ");
}

/** Plain words for small numbers (domain.md §5): how far one case moves the rate. */
export function fewCasesText(e: RateEstimate): string | undefined {
  if (e.kind !== "estimate" || e.decided >= FEW_CASES) return undefined;
  const strength = e.decided < 10 ? "meget usikker" : "usikker";
  return (
    `Omgørelsesprocenten bygger på kun ${decisions(e.decided)} og er derfor ${strength}: én omgjort afgørelse mere eller færre ` +
    `blandt de samme ${formatInteger(e.decided)} flytter den med ${formatPercent(1 / e.decided)} procentpoint (${intervalText(e.ci95)}). ` +
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
