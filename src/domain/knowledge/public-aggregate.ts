import type { MunicipalityCode } from "../municipality.js";
import type { KnowledgeEntry } from "./knowledge-entry.js";
import type { ReasonDefinition } from "./reason-taxonomy.js";

/**
 * The anonymised aggregate a municipality may publish (issue 14, point 4): approved entries counted by
 * reason and by subject, per data year, with no text at all. A count of 1 or 2 could point at a citizen in
 * a small municipality, so every cell under 3 is suppressed and shown as "<3" (the same small-cell rule
 * as Danmarks Statistik's discretion of counts under 3). Zero is not shown: only categories that occur.
 */
export const SUPPRESS_BELOW = 3;

export type AggregateCell = { readonly kind: "count"; readonly count: number } | { readonly kind: "suppressed" };

export type AggregateRow = { readonly key: string; readonly labelDa: string; readonly cell: AggregateCell };

export type PublicAggregate = {
  /** null: the national aggregate over the municipalities that publish. */
  readonly municipalityCode: MunicipalityCode | null;
  readonly year: number;
  /** The total number of approved entries, itself suppressed under 3. */
  readonly total: AggregateCell;
  readonly byReason: readonly AggregateRow[];
  readonly bySubject: readonly AggregateRow[];
  /** For the national aggregate: how many municipalities it covers. */
  readonly municipalities: number;
};

export function suppress(count: number): AggregateCell {
  return count < SUPPRESS_BELOW ? { kind: "suppressed" } : { kind: "count", count };
}

export function aggregateCellText(cell: AggregateCell): string {
  return cell.kind === "suppressed" ? `<${SUPPRESS_BELOW}` : cell.count.toLocaleString("da-DK");
}

function rows(counts: Map<string, { labelDa: string; count: number }>): AggregateRow[] {
  return [...counts]
    .sort((a, b) => b[1].count - a[1].count || a[1].labelDa.localeCompare(b[1].labelDa, "da"))
    .map(([key, v]) => ({ key, labelDa: v.labelDa, cell: suppress(v.count) }));
}

export function buildPublicAggregate(input: { readonly municipalityCode: MunicipalityCode | null; readonly year: number; readonly entries: readonly KnowledgeEntry[]; readonly reasons: readonly ReasonDefinition[]; readonly municipalities?: number }): PublicAggregate {
  const approved = input.entries.filter((e) => e.status === "approved" && e.dataYear === input.year);
  const byReason = new Map<string, { labelDa: string; count: number }>();
  const bySubject = new Map<string, { labelDa: string; count: number }>();
  for (const e of approved) {
    for (const code of e.reasonCodes) {
      const c = byReason.get(code) ?? { labelDa: input.reasons.find((r) => r.code === code)?.labelDa ?? code, count: 0 };
      c.count++;
      byReason.set(code, c);
    }
    const key = e.subject.trim().toLowerCase();
    const s = bySubject.get(key) ?? { labelDa: e.subject.trim(), count: 0 };
    s.count++;
    bySubject.set(key, s);
  }
  return { municipalityCode: input.municipalityCode, year: input.year, total: suppress(approved.length), byReason: rows(byReason), bySubject: rows(bySubject), municipalities: input.municipalities ?? 1 };
}
