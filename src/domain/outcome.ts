/** Ankestyrelsen's four outcome types of a complaint case (domain.md §2). */
export type Outcome = "upheld" | "changed" | "remitted" | "rejected";

export const OUTCOMES: readonly Outcome[] = ["upheld", "changed", "remitted", "rejected"];

export const OUTCOME_NAMES_DA: Readonly<Record<Outcome, string>> = {
  upheld: "Stadfæstelse",
  changed: "Ændring/ophævelse",
  remitted: "Hjemvisning",
  rejected: "Afvisning/henvisning",
};

/** Counts per outcome for one group of cases. */
export type OutcomeCounts = Readonly<Record<Outcome, number>>;

export const ZERO_COUNTS: OutcomeCounts = { upheld: 0, changed: 0, remitted: 0, rejected: 0 };

export function addCounts(a: OutcomeCounts, b: OutcomeCounts): OutcomeCounts {
  return {
    upheld: a.upheld + b.upheld,
    changed: a.changed + b.changed,
    remitted: a.remitted + b.remitted,
    rejected: a.rejected + b.rejected,
  };
}

/** realitetsbehandlede sager: rejected cases were never examined, so they are not in the denominator. */
export function decidedOf(c: OutcomeCounts): number {
  return c.upheld + c.changed + c.remitted;
}

/** omgjorte sager: changed or annulled, plus sent back for a new decision. */
export function reversedOf(c: OutcomeCounts): number {
  return c.changed + c.remitted;
}
