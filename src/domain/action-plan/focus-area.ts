import { assertNever } from "../assert-never.js";
import { ownSpans, type SubjectClassification } from "../classify-subject.js";
import { cellBelongsTo } from "../subject-classifier.js";
import { identifyLaw, LAW_NAMES_DA } from "../law.js";
import { AREA_NAMES_DA, isArea, isMapId, MAP_DEFINITIONS, type Area, type MapId } from "../map-definition.js";
import { spansOverlap } from "../paragraph-reference.js";
import { findFocusAreaGroup, FOCUS_AREA_GROUPS, type FocusAreaGroup } from "./focus-area-groups.js";

/**
 * What an action plan focuses on (issue 13, item 2), chosen from three sources:
 * - `group`: a paragraph group (focus-area-groups.ts), matched by law and paragraphs through dated rules;
 * - `subject`: a subject label as it stands in the data; it matches every label of the same law whose own
 *   paragraphs overlap the chosen label's, so a renamed label follows. A label without paragraphs matches
 *   only itself (compared without case and surrounding space);
 * - `map`: a whole map or area of the general map ("Socialområdet generelt, voksenområdet").
 * A subject matches only when the maps' classification places it on a map: a subject no map rule covers,
 * or one the maps exclude, is never in a plan's figures, just as it is in no map's.
 */
export type FocusArea =
  | { readonly kind: "group"; readonly groupId: string }
  | { readonly kind: "subject"; readonly subject: string; readonly law: string }
  | { readonly kind: "map"; readonly map: MapId; readonly area: Area };

export type FocusAreaCell = { readonly subject: string; readonly law: string; readonly year: number };

export function focusAreaKey(area: FocusArea): string {
  switch (area.kind) {
    case "group":
      return `group:${area.groupId}`;
    case "subject":
      return `subject:${identifyLaw(area.law) ?? ""}:${area.subject.trim().toLowerCase()}`;
    case "map":
      return `map:${area.map}:${area.area}`;
    default:
      return assertNever(area);
  }
}

export function focusAreaNameDa(area: FocusArea, groups: readonly FocusAreaGroup[] = FOCUS_AREA_GROUPS): string {
  switch (area.kind) {
    case "group":
      return findFocusAreaGroup(area.groupId, groups)?.nameDa ?? `Ukendt gruppe "${area.groupId}"`;
    case "subject": {
      const law = identifyLaw(area.law);
      return law === undefined || law === "other" ? area.subject.trim() : `${area.subject.trim()} (${LAW_NAMES_DA[law].toLowerCase()})`;
    }
    case "map":
      return area.area === "total" ? MAP_DEFINITIONS[area.map].nameDa : `${MAP_DEFINITIONS[area.map].nameDa}, ${AREA_NAMES_DA[area.area]}`;
    default:
      return assertNever(area);
  }
}

/** Why a focus area cannot be used, in Danish, or null when it can. */
export function focusAreaProblemDa(area: FocusArea, groups: readonly FocusAreaGroup[] = FOCUS_AREA_GROUPS): string | null {
  switch (area.kind) {
    case "group":
      return findFocusAreaGroup(area.groupId, groups) ? null : `Ukendt paragrafgruppe "${area.groupId}".`;
    case "subject": {
      if (area.subject.trim() === "") return "Sagsemnet er tomt.";
      const law = identifyLaw(area.law);
      if (law === undefined) return `Sagsemnet "${area.subject.trim()}" mangler sin lovgivning.`;
      if (law === "other") return `Sagsemnet "${area.subject.trim()}" hører under "${area.law}", som ikke indgår i danmarkskortene.`;
      return null;
    }
    case "map":
      if (!isMapId(area.map)) return `Ukendt kort "${String(area.map)}".`;
      if (!isArea(area.area) || !MAP_DEFINITIONS[area.map].areas.includes(area.area)) return `${MAP_DEFINITIONS[area.map].nameDa} er ikke opdelt i "${String(area.area)}".`;
      return null;
    default:
      return assertNever(area);
  }
}

function inYears(year: number, span: { readonly from: number; readonly to: number | null }): boolean {
  return year >= span.from && (span.to === null || year <= span.to);
}

/**
 * A predicate for one focus area: does this subject of this year, as the maps classify it, belong to it?
 * Pure and cheap; the follow-up calls it once per distinct label and year.
 */
export function createFocusAreaMatcher(area: FocusArea, groups: readonly FocusAreaGroup[] = FOCUS_AREA_GROUPS): (cell: FocusAreaCell, classification: SubjectClassification) => boolean {
  switch (area.kind) {
    case "map":
      return (cell, classification) => cell.year >= MAP_DEFINITIONS[area.map].firstDataYear && cellBelongsTo(classification, area.map, area.area);
    case "group": {
      const group = findFocusAreaGroup(area.groupId, groups);
      if (!group) return () => false;
      return (cell, classification) => {
        if (classification.kind !== "classified") return false;
        const spans = ownSpans(cell.subject);
        return group.rules.some((r) => r.law === classification.law && inYears(cell.year, r.valid) && r.paragraphs.some((p) => spans.some((s) => spansOverlap(p, s))));
      };
    }
    case "subject": {
      const law = identifyLaw(area.law);
      const chosen = ownSpans(area.subject);
      const label = area.subject.trim().toLowerCase();
      return (cell, classification) => {
        if (classification.kind !== "classified" || classification.law !== law) return false;
        if (chosen.length === 0) return cell.subject.trim().toLowerCase() === label;
        const spans = ownSpans(cell.subject);
        return chosen.some((p) => spans.some((s) => spansOverlap(p, s)));
      };
    }
    default:
      return assertNever(area);
  }
}
