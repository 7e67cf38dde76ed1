import { classifySubject, type SubjectClassification } from "./classify-subject.js";
import type { ComplaintCell } from "./complaint-cell.js";
import type { Area, MapId } from "./map-definition.js";
import type { MapRuleTable } from "./map-rules.js";

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

/** Whether a classified cell counts on `map` in `area` ("total" takes every area, also an unknown one). */
export function cellBelongsTo(classification: SubjectClassification, map: MapId, area: Area): boolean {
  if (classification.kind !== "classified" || !classification.maps.includes(map)) return false;
  return area === "total" || classification.area === area;
}
