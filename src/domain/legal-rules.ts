/**
 * The law around the map as dated data (domain.md §1): a rule applies on a date when
 * validFrom ≤ date ≤ validTo. Dates are ISO dates ("2025-12-31", IsoDate) so the core needs no clock.
 */
import { parseIsoDate, type IsoDate } from "./iso-date.js";

export type LegalRuleId = "publication-deadline" | "council-treatment" | "action-plan-decision";

export type LegalRule = {
  readonly id: LegalRuleId;
  readonly provision: string;
  readonly validFrom: IsoDate;
  readonly validTo: IsoDate | null;
  readonly summaryDa: string;
  readonly source: string;
};

export const LEGAL_RULES: readonly LegalRule[] = [
  {
    id: "publication-deadline",
    provision: "retssikkerhedslovens § 84 a",
    validFrom: parseIsoDate("2018-01-01"),
    validTo: null,
    summaryDa:
      "Ministeriet for socialområdet (i 2025 Social- og Boligministeriet) offentliggør hvert år inden 1. juli et danmarkskort over Ankestyrelsens omgørelsesprocenter for det foregående år.",
    source: "https://danskelove.dk/retssikkerhedsloven/84a",
  },
  {
    id: "council-treatment",
    provision: "retssikkerhedslovens § 79 b, stk. 1",
    validFrom: parseIsoDate("2018-01-01"),
    validTo: null,
    summaryDa:
      "Kommunalbestyrelsen skal behandle danmarkskortet på et møde inden udgangen af det år, hvor kortet offentliggøres.",
    source: "https://danskelove.dk/retssikkerhedsloven/79b",
  },
  {
    id: "action-plan-decision",
    provision: "retssikkerhedslovens § 79 b, stk. 2-3",
    validFrom: parseIsoDate("2022-07-01"),
    // L 151 (2021/22) made the duty time-limited; Herning's minutes of August 2025 state
    // "Bestemmelsen er ophævet", so the 2025 treatment no longer needs a plan decision.
    // Editable: if a later source dates the repeal differently, change this date.
    validTo: parseIsoDate("2024-12-31"),
    summaryDa:
      "Kommunalbestyrelsen skal tage stilling til, om der er behov for en handleplan for at styrke den juridiske kvalitet i sagsbehandlingen. Beslutter den ikke at udarbejde en handleplan, skal den underrette Ankestyrelsen, som kan påbyde en handleplan med en frist.",
    source: "https://eu.dk/samling/20211/lovforslag/l151/20211_l151_som_fremsat.htm",
  },
];

export function isRuleInForce(rule: LegalRule, isoDate: string): boolean {
  return rule.validFrom <= isoDate && (rule.validTo === null || isoDate <= rule.validTo);
}

/** The map for data year Y is published in Y+1 (§ 84 a). */
export function publicationYearOf(dataYear: number): number {
  return dataYear + 1;
}

export function publicationDeadline(dataYear: number): string {
  return `${publicationYearOf(dataYear)}-07-01`;
}

/** § 79 b stk. 1: the council treats the map before the end of the publication year. */
export function councilDeadline(dataYear: number): string {
  return `${publicationYearOf(dataYear)}-12-31`;
}

/** The rules that bind the council's treatment of the map for `dataYear` (judged at its deadline). */
export function rulesForTreatment(dataYear: number, rules: readonly LegalRule[] = LEGAL_RULES): LegalRule[] {
  const deadline = councilDeadline(dataYear);
  return rules.filter((r) => isRuleInForce(r, deadline));
}
