import type { ComplaintCell } from "../../../src/domain/complaint-cell.js";
import { MUNICIPALITIES } from "../../../src/domain/municipality.js";
import { createSeededRandom } from "../../../src/importers/demo/seeded-random.js";

/** Municipalities given cases that were all rejected: the map's "ingen sager". */
export const WITHOUT_DECIDED_CASES = ["0825", "0563"] as const; // Læsø, Fanø

/**
 * One social-area cell per municipality for `year`, seeded: decided cases from 5 to about 185 (København
 * 420) and reversal rates spread from 10 % to 75 %, so a map shows every colour class, the funnel points
 * inside and outside its limits, and two municipalities have no decided cases.
 */
export function generateVariedMapCells(year = 2024, seed = 11): ComplaintCell[] {
  const random = createSeededRandom(seed);
  return MUNICIPALITIES.map((m): ComplaintCell => {
    const base = { municipalityCode: m.code, subject: "Voksne - botilbud - § 108", law: "Serviceloven", year };
    if ((WITHOUT_DECIDED_CASES as readonly string[]).includes(m.code)) return { ...base, counts: { upheld: 0, changed: 0, remitted: 0, rejected: 2 } };
    const decided = m.code === "0101" ? 420 : 5 + Math.floor(random() * 180);
    const reversed = Math.round(decided * (0.1 + 0.65 * random()));
    const changed = Math.round(reversed * 0.2);
    return { ...base, counts: { upheld: decided - reversed, changed, remitted: reversed - changed, rejected: Math.floor(random() * 4) } };
  });
}
