import {
  councilDeadline,
  LEGAL_RULES,
  publicationDeadline,
  publicationYearOf,
  rulesForTreatment,
  type LegalRule,
} from "./legal-rules.js";

/**
 * How a municipality treats the map for one data year: when it is published, the council's legal
 * deadline, which bodies usually see the case, and whether the council must decide on an action plan.
 * Pure data for the profile page and the agenda item (domain.md §1 and §6).
 */
export type CouncilBodyId = "udvalg" | "oekonomiudvalg" | "byraad" | "handicapraad";

export type CouncilBody = {
  readonly id: CouncilBodyId;
  readonly nameDa: string;
  /** What the body does with the case: decides, recommends, or gives a consultation answer (høring). */
  readonly role: "beslutning" | "indstilling" | "høring";
  readonly descriptionDa: string;
};

/**
 * The usual route of the case, in meeting order (seeds: Herning 2025 — Børne- og Familieudvalget and
 * Social- og Sundhedsudvalget, then Handicaprådet, then Byrådet; Ballerup 2025 — Socialudvalget,
 * Børne- og Skoleudvalget, Økonomiudvalget, Kommunalbestyrelsen, høring i Handicaprådet, Seniorrådet
 * og Psykiatrirådet). Municipalities organise this differently; this is the common shape, not a rule.
 */
export const USUAL_COUNCIL_BODIES: readonly CouncilBody[] = [
  {
    id: "udvalg",
    nameDa: "Fagudvalg",
    role: "indstilling",
    descriptionDa: "de fagudvalg, der har socialområdet og børnehandicapområdet (fx social-, sundheds-, børne- og familieudvalg)",
  },
  { id: "handicapraad", nameDa: "Handicaprådet", role: "høring", descriptionDa: "høring i Handicaprådet, ofte også Ældre-/Seniorrådet og Psykiatrirådet" },
  { id: "oekonomiudvalg", nameDa: "Økonomiudvalget", role: "indstilling", descriptionDa: "Økonomiudvalget, der indstiller til byrådet" },
  { id: "byraad", nameDa: "Byrådet (kommunalbestyrelsen)", role: "beslutning", descriptionDa: "byrådet, der skal behandle kortet på et møde" },
];

/**
 * Known publication dates of the maps. Only dates with a source are listed; for other years the
 * model says "inden 1. juli" (§ 84 a) instead of guessing.
 */
export const KNOWN_PUBLICATION_DATES: Readonly<Record<number, { readonly date: string; readonly source: string }>> = {
  // Ballerup, Socialudvalget 30.9.2025: "Danmarkskortet er publiceret den 10. juni 2025".
  2024: { date: "2025-06-10", source: "seeds/ballerup-socialudvalg-referat-2025-09-30.txt" },
};

export type CouncilTreatment = {
  readonly dataYear: number;
  readonly publicationYear: number;
  /** ISO date when known (KNOWN_PUBLICATION_DATES), else null. */
  readonly publishedOn: string | null;
  /** "10. juni 2025" or "inden 1. juli 2025". */
  readonly publishedDa: string;
  /** ISO date: 31 December of the publication year (§ 79 b stk. 1). */
  readonly deadline: string;
  readonly deadlineDa: string;
  readonly bodies: readonly CouncilBody[];
  /** The legal rules in force at the deadline, with their provisions and summaries. */
  readonly rulesInForce: readonly LegalRule[];
  /** § 79 b stk. 2–3: only while in force at the deadline. */
  readonly actionPlanDecisionRequired: boolean;
  /** The action-plan rule once applied but no longer does (the seeds' "Bestemmelsen er ophævet"). */
  readonly actionPlanRuleExpired: boolean;
  /**
   * The § 79 b stk. 2–3 rule as given (in force or not), so a text that says it lapsed can name the dates and
   * source of the same rule that decided it: an administrator's edit, not the built-in default, where one exists.
   */
  readonly actionPlanRule: LegalRule | null;
};

const MONTHS_DA = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"];

/** "2025-12-31" → "31. december 2025", the way Danish minutes write dates. */
export function formatDanishDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new RangeError(`Ugyldig dato: ${isoDate}`);
  const month = MONTHS_DA[Number(m[2]) - 1];
  if (!month) throw new RangeError(`Ugyldig dato: ${isoDate}`);
  return `${Number(m[3])}. ${month} ${m[1]}`;
}

export function buildCouncilTreatment(dataYear: number, rules: readonly LegalRule[] = LEGAL_RULES): CouncilTreatment {
  const publicationYear = publicationYearOf(dataYear);
  const known = KNOWN_PUBLICATION_DATES[dataYear];
  const deadline = councilDeadline(dataYear);
  const rulesInForce = rulesForTreatment(dataYear, rules);
  const planRule = rules.find((r) => r.id === "action-plan-decision");
  const actionPlanDecisionRequired = rulesInForce.some((r) => r.id === "action-plan-decision");
  return {
    dataYear,
    publicationYear,
    publishedOn: known?.date ?? null,
    publishedDa: known ? formatDanishDate(known.date) : `inden ${formatDanishDate(publicationDeadline(dataYear))}`,
    deadline,
    deadlineDa: formatDanishDate(deadline),
    bodies: USUAL_COUNCIL_BODIES,
    rulesInForce,
    actionPlanDecisionRequired,
    actionPlanRuleExpired: !actionPlanDecisionRequired && planRule?.validTo != null && planRule.validTo < deadline,
    actionPlanRule: planRule ?? null,
  };
}
