import { createSubjectClassifier } from "../domain/subject-classifier.js";
import type { CellTotals } from "../domain/cell-totals.js";
import type { ComplaintCell } from "../domain/complaint-cell.js";
import { buildComparisonGroup } from "../domain/comparison-group.js";
import type { MapId } from "../domain/map-definition.js";
import { DEFAULT_MAP_RULES } from "../domain/map-rules.js";
import { findMunicipalityByCode, MUNICIPALITIES, type MunicipalityCode } from "../domain/municipality.js";
import { neighboursOf, regionMembersOf } from "../domain/neighbours.js";
import { addCounts, ZERO_COUNTS, type OutcomeCounts } from "../domain/outcome.js";
import type { CaseFigures, ComparisonFigures } from "./agenda-item-figures.js";
import type { ComparisonChoice } from "./report-choices.js";

/**
 * The members of the chosen group. "Similar size" is measured by the number of decided cases on the general
 * map in the item's year – the figure the database always holds – and the label says so; population needs
 * Danmarks Statistik's tables, which not every installation has imported.
 */
function membersOf(totals: CellTotals, code: MunicipalityCode, year: number, choice: ComparisonChoice): { codes: MunicipalityCode[]; labelDa: string } {
  switch (choice.kind) {
    case "neighbours":
      return { codes: [...neighboursOf(code)], labelDa: "nabokommunerne" };
    case "region": {
      const region = findMunicipalityByCode(code)?.region ?? "regionen";
      return { codes: [...regionMembersOf(code)], labelDa: `de øvrige kommuner i ${region}` };
    }
    case "chosen":
      return { codes: choice.codes.filter((c) => c !== code), labelDa: "de valgte kommuner" };
    case "similar-size": {
      const decided = (c: MunicipalityCode) => {
        const n = totals.counts(year, "socialomraadet", "total", c);
        return n ? n.upheld + n.changed + n.remitted : 0;
      };
      const own = decided(code);
      const codes = MUNICIPALITIES.map((m) => m.code)
        .filter((c) => c !== code && totals.hasMunicipality(year, c))
        .sort((a, b) => Math.abs(decided(a) - own) - Math.abs(decided(b) - own) || a.localeCompare(b))
        .slice(0, choice.count);
      return { codes, labelDa: `de ${codes.length} kommuner med nærmest samme antal afgørelser på socialområdet i ${year}` };
    }
  }
}

/** The comparison table's figures on the general map over the last `years` data years up to `year`. */
export function buildComparisonFigures(totals: CellTotals, code: MunicipalityCode, year: number, choice: ComparisonChoice, years: number): ComparisonFigures {
  const { codes, labelDa } = membersOf(totals, code, year, choice);
  // Only loaded years: a column of dashes says nothing (issue 9, point 4).
  const window = Array.from({ length: years }, (_, i) => year - years + 1 + i).filter((y) => totals.years.includes(y));
  const group = buildComparisonGroup(totals, { kind: choice.kind === "similar-size" ? "chosen" : choice.kind, labelDa, codes: [code, ...codes], map: "socialomraadet", area: "total", years: window });
  const nationalGroup = buildComparisonGroup(totals, { kind: "chosen", labelDa: "landsplan", codes: MUNICIPALITIES.map((m) => m.code), map: "socialomraadet", area: "total", years: window });
  return {
    labelDa,
    kind: choice.kind,
    years: window,
    rows: group.members.map((m) => ({ municipalityCode: m.municipalityCode, isSubject: m.municipalityCode === code, estimates: m.years.map((y) => y.estimate) })),
    national: nationalGroup.combined.map((y) => y.estimate),
  };
}

/**
 * Every subject of the municipality's cases in `year`, summed per label and law, with the maps it counts in
 * (the same dated rule table as the maps, domain/map-rules.ts) or why it is outside them.
 */
export function buildCaseFigures(cells: readonly ComplaintCell[], code: MunicipalityCode, year: number): CaseFigures[] {
  const classify = createSubjectClassifier(DEFAULT_MAP_RULES);
  const bySubject = new Map<string, { subject: string; law: string; counts: OutcomeCounts; maps: readonly MapId[]; outsideReasonDa: string | null }>();
  for (const cell of cells) {
    if (cell.municipalityCode !== code || cell.year !== year) continue;
    const key = `${cell.law}\u0000${cell.subject}`;
    const prior = bySubject.get(key);
    if (prior) {
      bySubject.set(key, { ...prior, counts: addCounts(prior.counts, cell.counts) });
      continue;
    }
    const c = classify(cell);
    bySubject.set(key, {
      subject: cell.subject,
      law: cell.law,
      counts: addCounts(ZERO_COUNTS, cell.counts),
      maps: c.kind === "classified" ? c.maps : [],
      outsideReasonDa: c.kind === "classified" ? null : c.reasonDa,
    });
  }
  return [...bySubject.values()].map((s) => ({
    subject: s.subject,
    law: s.law,
    maps: s.maps,
    outsideReasonDa: s.outsideReasonDa,
    decided: s.counts.upheld + s.counts.changed + s.counts.remitted,
    reversed: s.counts.changed + s.counts.remitted,
    rejected: s.counts.rejected,
  }));
}
