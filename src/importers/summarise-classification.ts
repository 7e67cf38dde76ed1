import { createSubjectClassifier, cellBelongsTo } from "../domain/subject-classifier.js";
import type { ComplaintCell } from "../domain/complaint-cell.js";
import { AREAS, MAP_DEFINITIONS, MAP_IDS, type Area, type MapId } from "../domain/map-definition.js";
import type { MapRuleTable } from "../domain/map-rules.js";
import { addCounts, decidedOf, reversedOf, ZERO_COUNTS, type OutcomeCounts } from "../domain/outcome.js";

export type MapAreaYearTotal = {
  readonly map: MapId;
  readonly area: Area;
  readonly year: number;
  readonly decided: number;
  readonly reversed: number;
  readonly rejected: number;
};

/** A subject label no map rule places (or whose children/adults area is unknown), with its cases. */
export type UnplacedSubject = {
  readonly subject: string;
  readonly law: string;
  readonly years: readonly number[];
  /** All cases, rejected included: nothing is dropped, so every case is accounted for. */
  readonly cases: number;
  readonly reasonDa: string;
};

export type ClassificationSummary = {
  readonly totals: MapAreaYearTotal[];
  readonly unclassified: UnplacedSubject[];
  /** Subjects outside the maps by rule (other laws, børn og unge-udvalg): stored, counted, not on a map. */
  readonly outsideMaps: UnplacedSubject[];
};

/**
 * The import summary's classification report (issue 3, point 5): cases per map, area and year over
 * the 98 municipalities (the national row is a cross-check, not summed), and every label no rule covers
 * with its case count. Those cases stay stored.
 */
export function summariseClassification(cells: readonly ComplaintCell[], rules: MapRuleTable): ClassificationSummary {
  const classify = createSubjectClassifier(rules);
  // First sum the 98 per subject, law and year (a few thousand groups for a quarter of a million cells),
  // then classify each group once. Nested maps: a cell's subject and law are shared strings whose hash V8
  // keeps, where a key built per cell would be hashed anew every time.
  const groups = new Map<string, Map<string, Map<number, { upheld: number; changed: number; remitted: number; rejected: number }>>>();
  for (const cell of cells) {
    if (cell.municipalityCode === null) continue;
    let byLaw = groups.get(cell.subject);
    if (!byLaw) groups.set(cell.subject, (byLaw = new Map()));
    let byYear = byLaw.get(cell.law);
    if (!byYear) byLaw.set(cell.law, (byYear = new Map()));
    let sum = byYear.get(cell.year);
    if (!sum) byYear.set(cell.year, (sum = { upheld: 0, changed: 0, remitted: 0, rejected: 0 }));
    sum.upheld += cell.counts.upheld;
    sum.changed += cell.counts.changed;
    sum.remitted += cell.counts.remitted;
    sum.rejected += cell.counts.rejected;
  }
  const sums = new Map<string, OutcomeCounts>();
  const unplaced = new Map<string, { subject: string; law: string; years: Set<number>; cases: number; reasonDa: string; outside: boolean }>();
  for (const [subject, byLaw] of groups) {
    for (const [law, byYear] of byLaw) {
      for (const [year, counts] of byYear) {
        const c = classify({ subject, law, year });
        if (c.kind === "classified") {
          for (const map of MAP_IDS) {
            for (const area of MAP_DEFINITIONS[map].areas) {
              if (!cellBelongsTo(c, map, area)) continue;
              const key = `${map}|${area}|${year}`;
              sums.set(key, addCounts(sums.get(key) ?? ZERO_COUNTS, counts));
            }
          }
        }
        if (c.kind === "classified" && c.area !== "unknown") continue;
        const reasonDa = c.kind === "classified" ? "Det kan ikke afgøres, om sagsemnet hører til børne- eller voksenområdet" : c.reasonDa;
        const key = `${law}\u0000${subject}\u0000${reasonDa}`;
        let entry = unplaced.get(key);
        if (!entry) unplaced.set(key, (entry = { subject, law, years: new Set(), cases: 0, reasonDa, outside: c.kind === "outside-maps" }));
        entry.years.add(year);
        entry.cases += decidedOf(counts) + counts.rejected;
      }
    }
  }
  const totals = [...sums].map(([key, counts]) => {
    const [map, area, year] = key.split("|") as [MapId, Area, string];
    return { map, area, year: Number(year), decided: decidedOf(counts), reversed: reversedOf(counts), rejected: counts.rejected };
  });
  totals.sort((a, b) => a.year - b.year || MAP_IDS.indexOf(a.map) - MAP_IDS.indexOf(b.map) || AREAS.indexOf(a.area) - AREAS.indexOf(b.area));
  const list = (outside: boolean) =>
    [...unplaced.values()]
      .filter((u) => u.outside === outside)
      .map((u) => ({ subject: u.subject, law: u.law, years: [...u.years].sort(), cases: u.cases, reasonDa: u.reasonDa }))
      .sort((a, b) => b.cases - a.cases || a.subject.localeCompare(b.subject, "da"));
  return { totals, unclassified: list(false), outsideMaps: list(true) };
}
