import { createSubjectClassifier } from "./subject-classifier.js";
import type { ComplaintCell } from "./complaint-cell.js";
import { MAP_DEFINITIONS, type Area, type MapId } from "./map-definition.js";
import { DEFAULT_MAP_RULES, type MapRuleTable } from "./map-rules.js";
import type { MunicipalityCode } from "./municipality.js";
import { addCounts, ZERO_COUNTS, type OutcomeCounts } from "./outcome.js";

/** The counts of one subject label on one map, for one municipality and year. */
export type SubjectCounts = { readonly subject: string; readonly law: string; readonly counts: OutcomeCounts };

/**
 * Every cell classified once and summed per year × map × area × municipality (and per subject).
 * Map figures, profiles and comparisons read these sums, so a request never walks all cells again
 * (the server keeps one CellTotals per set of active dataset versions).
 */
export type CellTotals = {
  /** Every data year that has any cell, on any map: a year not here has no data at all. */
  readonly years: readonly number[];
  /** Sum on (year, map, area, municipality); the key `null` is the national row as published. */
  counts(year: number, map: MapId, area: Area, code: MunicipalityCode | null): OutcomeCounts | undefined;
  /** Subjects behind a municipality's figures on one map and year (the total area). */
  subjects(year: number, map: MapId, code: MunicipalityCode): readonly SubjectCounts[];
  /** Whether the year has a national row as published (cells with municipalityCode null) on this map. */
  hasPublishedNational(year: number, map: MapId): boolean;
  /**
   * Whether the municipality has any cell in the year, on any map or none. One without reads "ingen data",
   * never 0 (issue 19): a file cut after one row must not show 97 municipalities with no cases.
   */
  hasMunicipality(year: number, code: MunicipalityCode): boolean;
};

function key(year: number, map: MapId, area: Area, code: MunicipalityCode | null): string {
  return `${year}|${map}|${area}|${code ?? "national"}`;
}

/**
 * Classifies each cell with the dated rule table and sums it into its map(s). A cell whose subject
 * has an unknown children/adults area counts in `total` only, so children + adults can fall short of
 * the total; `buildMapFigures` reports that gap.
 */
export function indexCellTotals(cells: Iterable<ComplaintCell>, rules: MapRuleTable = DEFAULT_MAP_RULES): CellTotals {
  const builder = createCellTotalsBuilder(rules);
  for (const cell of cells) builder.add(cell);
  return builder.finish();
}

/**
 * indexCellTotals a cell at a time, so a caller with a quarter of a million cells can add them in slices
 * and let other work run between them (the server does: a new version is indexed off the request path,
 * issue 19). `finish` returns the index; the builder is not used after it.
 */
export function createCellTotalsBuilder(rules: MapRuleTable = DEFAULT_MAP_RULES): { add(cell: ComplaintCell): void; finish(): CellTotals } {
  const classify = createSubjectClassifier(rules);
  const sums = new Map<string, OutcomeCounts>();
  const subjectSums = new Map<string, Map<string, SubjectCounts>>();
  const years = new Set<number>();
  const published = new Set<string>();
  const present = new Set<string>();
  const add = (k: string, c: OutcomeCounts) => sums.set(k, addCounts(sums.get(k) ?? ZERO_COUNTS, c));
  function addCell(cell: ComplaintCell): void {
    years.add(cell.year);
    if (cell.municipalityCode !== null) present.add(`${cell.year}|${cell.municipalityCode}`);
    const classification = classify(cell);
    if (classification.kind !== "classified") return;
    for (const map of classification.maps) {
      if (cell.year < MAP_DEFINITIONS[map].firstDataYear) continue;
      add(key(cell.year, map, "total", cell.municipalityCode), cell.counts);
      if (classification.area !== "unknown" && MAP_DEFINITIONS[map].areas.includes(classification.area)) {
        add(key(cell.year, map, classification.area, cell.municipalityCode), cell.counts);
      }
      if (cell.municipalityCode === null) {
        published.add(`${cell.year}|${map}`);
        continue;
      }
      const sk = `${cell.year}|${map}|${cell.municipalityCode}`;
      let bySubject = subjectSums.get(sk);
      if (!bySubject) subjectSums.set(sk, (bySubject = new Map()));
      const subjectKey = `${cell.law}\u0000${cell.subject}`;
      const prior = bySubject.get(subjectKey);
      bySubject.set(subjectKey, { subject: cell.subject, law: cell.law, counts: addCounts(prior?.counts ?? ZERO_COUNTS, cell.counts) });
    }
  }
  return {
    add: addCell,
    finish: () => {
      const sortedYears = [...years].sort((a, b) => a - b);
      return {
        years: sortedYears,
        counts: (year, map, area, code) => sums.get(key(year, map, area, code)),
        subjects: (year, map, code) => [...(subjectSums.get(`${year}|${map}|${code}`)?.values() ?? [])],
        hasPublishedNational: (year, map) => published.has(`${year}|${map}`),
        hasMunicipality: (year, code) => present.has(`${year}|${code}`),
      };
    },
  };
}

/** Accepts cells or an existing index, so callers with a cached index skip the classification. */
export function asCellTotals(source: readonly ComplaintCell[] | CellTotals, rules?: MapRuleTable): CellTotals {
  return Array.isArray(source) ? indexCellTotals(source as readonly ComplaintCell[], rules) : (source as CellTotals);
}
