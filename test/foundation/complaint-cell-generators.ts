import type { ComplaintCell } from "../../src/domain/complaint-cell.js";
import { asMunicipalityCode, MUNICIPALITIES, type MunicipalityCode } from "../../src/domain/municipality.js";
import type { OutcomeCounts } from "../../src/domain/outcome.js";

/**
 * Named generators for synthetic complaint cells (style.md: fixtures come from named generator
 * functions, never pasted blobs). Everything is deterministic: same arguments, same cells.
 */

export function counts(upheld: number, changed: number, remitted: number, rejected = 0): OutcomeCounts {
  return { upheld, changed, remitted, rejected };
}

export function makeCell(overrides: Partial<ComplaintCell> = {}): ComplaintCell {
  return {
    municipalityCode: asMunicipalityCode("0657"),
    subject: "Merudgiftydelse §41 + tilbagebetaling",
    law: "Serviceloven",
    year: 2024,
    counts: counts(3, 1, 2, 1),
    ...overrides,
  };
}

/** Splits `total` into `parts` non-negative integers that sum to it, front-loaded (7 in 3 → 3, 2, 2). */
export function splitEvenly(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
}

/**
 * Herning (0657), data year 2024, social area, as published (domain.md §7): children 49 decided /
 * 3 changed / 19 remitted, adults 28 / 1 / 11; total 77 / 34 reversed (44,2) / 4 (5,2) / 30 (39,0).
 * Spread over several real subject labels so the sums have to be formed, plus rejected cases that
 * must not count, and cells that belong to no map or another year.
 */
export function herning2024Cells(): ComplaintCell[] {
  const children = [
    "Pasningstilbud, hjemmetræning m.m. §§32, 32a, 36, 39-40 + tilbagebet.",
    "Merudgiftydelse §41 + tilbagebetaling",
    "1.9 Børn - efterværn - §§ 68 og 76",
  ];
  const adults = ["Voksne - borgerstyret personlig assistance - § 96", "Voksne - merudgifter - § 100"];
  const spread = (labels: string[], upheld: number, changed: number, remitted: number): ComplaintCell[] => {
    const u = splitEvenly(upheld, labels.length);
    const c = splitEvenly(changed, labels.length);
    const r = splitEvenly(remitted, labels.length);
    return labels.map((subject, i) => makeCell({ subject, counts: counts(u[i]!, c[i]!, r[i]!, 2) }));
  };
  return [
    ...spread(children, 49 - 3 - 19, 3, 19),
    ...spread(adults, 28 - 1 - 11, 1, 11),
    // Noise that must not change the figures above:
    makeCell({ subject: "Kontanthjælp § 11", law: "Lov om aktiv socialpolitik", counts: counts(40, 5, 5) }),
    makeCell({ subject: "Merudgiftydelse §41 + tilbagebetaling", year: 2023, counts: counts(10, 10, 10) }),
  ];
}

/** One cell per municipality × subject × year with counts derived from the indices (no randomness). */
export function generateComplaintCells(options: {
  readonly years: readonly number[];
  readonly municipalityCodes?: readonly MunicipalityCode[];
  readonly subjects?: readonly string[];
  readonly law?: string;
  /** Shifts every count, so two versions of the same year differ. */
  readonly offset?: number;
}): ComplaintCell[] {
  const codes = options.municipalityCodes ?? MUNICIPALITIES.slice(0, 5).map((m) => m.code);
  const subjects = options.subjects ?? ["Merudgiftydelse §41 + tilbagebetaling", "Voksne - ledsageordning - § 97"];
  const offset = options.offset ?? 0;
  const cells: ComplaintCell[] = [];
  options.years.forEach((year) =>
    codes.forEach((municipalityCode, m) =>
      subjects.forEach((subject, s) =>
        cells.push({
          municipalityCode,
          subject,
          law: options.law ?? "Serviceloven",
          year,
          // Counts depend on the year's value, not its position, so a year's cells do not depend on the other years asked for.
          counts: counts(offset + 10 + m, offset + s, offset + (year % 7) + 1, (m + s) % 3),
        }),
      ),
    ),
  );
  return cells;
}
