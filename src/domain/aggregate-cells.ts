import { classifySubject, type SubjectClassification } from "./classify-subject.js";
import type { ComplaintCell } from "./complaint-cell.js";
import type { Area, MapId } from "./map-definition.js";
import type { MapRuleTable } from "./map-rules.js";
import type { MunicipalityCode } from "./municipality.js";
import { addCounts, ZERO_COUNTS, type OutcomeCounts } from "./outcome.js";

/** Classifies each distinct (subject, law, year) once: a year has thousands of cells but few labels. */
export function createSubjectClassifier(rules: MapRuleTable): (cell: Pick<ComplaintCell, "subject" | "law" | "year">) => SubjectClassification {
  const cache = new Map<string, SubjectClassification>();
  return (cell) => {
    const key = `${cell.year}\u0000${cell.law}\u0000${cell.subject}`;
    let hit = cache.get(key);
    if (!hit) {
      hit = classifySubject(cell, rules);
      cache.set(key, hit);
    }
    return hit;
  };
}

export function cellBelongsTo(classification: SubjectClassification, map: MapId, area: Area): boolean {
  if (classification.kind !== "classified" || !classification.maps.includes(map)) return false;
  return area === "total" || classification.area === area;
}

export type MapSelection = { readonly map: MapId; readonly year: number; readonly area: Area };

/**
 * Sums the counts of the cells on `selection`'s map, area and year, per municipality code.
 * The national row as published (municipalityCode null) is summed under `null`, apart from the 98.
 */
export function aggregateCounts(
  cells: Iterable<ComplaintCell>,
  selection: MapSelection,
  classify: ReturnType<typeof createSubjectClassifier>,
): Map<MunicipalityCode | null, OutcomeCounts> {
  const sums = new Map<MunicipalityCode | null, OutcomeCounts>();
  for (const cell of cells) {
    if (cell.year !== selection.year) continue;
    if (!cellBelongsTo(classify(cell), selection.map, selection.area)) continue;
    sums.set(cell.municipalityCode, addCounts(sums.get(cell.municipalityCode) ?? ZERO_COUNTS, cell.counts));
  }
  return sums;
}
