import { assertNever } from "../assert-never.js";
import { formatInteger, formatOneDecimal, formatPercent } from "../format-danish-number.js";
import type { FunnelResult } from "../map-figures.js";
import { missingReasonClauseDa, missingReasonDa } from "../missing-reason-da.js";
import type { RateEstimate } from "../rate-estimate.js";
import { verdictDirection, verdictLevel } from "../statistics/funnel-limits.js";
import type { YearChange } from "../year-change.js";

/**
 * The plain-Danish judgement of one focus area in one year. It always gives the number of cases, says
 * what the verdict rule (funnel-limits.ts: the same test as the maps) can and cannot tell at that number,
 * and calls the rate an omgørelsesprocent: it counts the appealed cases Ankestyrelsen changed or sent back,
 * not errors among all decisions (domain.md §5).
 */
export type JudgementInput = {
  readonly year: number;
  readonly municipality: RateEstimate;
  readonly national: RateEstimate;
  readonly funnel: FunnelResult;
  readonly change: YearChange | null;
};

function casesDa(n: number): string {
  return `${formatInteger(n)} ${n === 1 ? "realitetsbehandlet sag" : "realitetsbehandlede sager"}`;
}

/**
 * With under 20 decided cases one case moves the rate by more than 5 percentage points (domain.md §5:
 * Ankestyrelsen warns a single year's percentage "kan være lidt tilfældig"); say by how much.
 */
const FEW_CASES = 20;

function verdictSentenceDa(funnel: FunnelResult, decided: number): string {
  if (funnel.kind === "not-assessed") return `Procenten er ikke vurderet mod landsplan: ${missingReasonClauseDa(funnel.reason)}.`;
  const v = funnel.verdict;
  switch (v) {
    case "too-few-cases":
      return `Med ${casesDa(decided)} kan selv 0 % eller 100 % omgjorte ikke skelnes fra landsplan: kan ikke vurderes – for få sager.`;
    case "within":
      return `Procenten ligger inden for 95 %-grænserne omkring landsplan: forskellen kan skyldes tilfældighed ved ${casesDa(decided)}.`;
    case "above95":
    case "above99.8":
    case "below95":
    case "below99.8": {
      const direction = verdictDirection(v) === "above" ? "højere" : "lavere";
      const level = verdictLevel(v) === "99.8" ? "99,8 %-grænsen" : "95 %-grænsen, men inden for 99,8 %-grænsen";
      return `Procenten er ${direction} end landsplan, mere end tilfældighed ved ${casesDa(decided)} kan forklare (uden for ${level}).`;
    }
    default:
      return assertNever(v);
  }
}

function changeSentenceDa(change: YearChange | null): string | null {
  if (change === null || change.kind === "not-comparable") return null;
  const points = formatOneDecimal(Math.abs(change.difference) * 100);
  switch (change.verdict) {
    case "increase":
      return `Fra ${change.previousYear} er procenten steget ${points} procentpoint, mere end tilfældig variation kan forklare.`;
    case "decrease":
      return `Fra ${change.previousYear} er procenten faldet ${points} procentpoint, mere end tilfældig variation kan forklare.`;
    case "no-clear-change":
      return `Ændringen fra ${change.previousYear} (${change.difference >= 0 ? "+" : "−"}${points} procentpoint) er ingen sikker ændring.`;
    default:
      return assertNever(change.verdict);
  }
}

export function judgeFocusAreaYearDa(input: JudgementInput): string {
  const m = input.municipality;
  switch (m.kind) {
    case "no-data":
      return `Ingen tal for ${input.year}: ${missingReasonDa(m.reason)}.`;
    case "no-cases":
      return `Ankestyrelsen realitetsbehandlede ingen sager fra kommunen på fokusområdet i ${input.year}, så der er ingen omgørelsesprocent.`;
    case "estimate": {
      const national = input.national.kind === "estimate" ? `; landsplan ${formatPercent(input.national.reversalRate)} pct. af ${casesDa(input.national.decided)}` : "";
      const lead = `${casesDa(m.decided)} i ${input.year}, heraf ${formatInteger(m.reversed)} omgjort: omgørelsesprocent ${formatPercent(m.reversalRate)} pct. (95 %-interval ${formatPercent(m.ci95[0])}–${formatPercent(m.ci95[1])} pct.${national}).`;
      const few = m.decided < FEW_CASES ? ` Én sag flytter procenten ${formatOneDecimal(100 / m.decided)} procentpoint.` : "";
      const change = changeSentenceDa(input.change);
      return `${lead}${few} ${verdictSentenceDa(input.funnel, m.decided)}${change ? ` ${change}` : ""}`;
    }
    default:
      return assertNever(m);
  }
}
