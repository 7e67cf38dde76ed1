import type { MapId } from "../map-definition.js";
import { formatContextPeriod, type ContextMeasure, type ContextProvenance, type ContextTableId, type ContextValue } from "./context-figure.js";
import type { ContextIndex } from "./context-index.js";

/**
 * Which recipient counts stand next to a map's rate (issue 18 item 3), as the official map shows "antal
 * borgere i kommunen, der i <år> har modtaget en eller flere ydelser". Danmarks Statistik counts
 * recipients per benefit, and a citizen may receive several, so benefits are listed one by one and
 * never summed. What a table does not cover is said: HAND07 has no § 100 (merudgifter); HANDBU01 counts
 * children with any handicap-compensating indsats (code 110: each child once) and does not split §§ 86/87.
 */
/** A table counts recipients (HAND07, HANDBU01) or recipients per 1.000 inhabitants (HAND06). */
export type RecipientUnit = "recipients" | "per-1000";

type Coverage = {
  readonly table: ContextTableId;
  readonly unit: RecipientUnit;
  /** Which of the table's measures belong to the map (by benefit label or indsats code). */
  readonly covers: (m: Extract<ContextMeasure, { kind: "recipients" }>) => string | null;
  readonly notCoveredDa: string;
};

/** "… (§ 95 i lov om social service)" → "§ 95"; labels are read in Value or CodeAndValue presentation. */
function paragraphOf(label: string): number | null {
  const m = /\(§\s*(\d+)\s*(?:[a-z]\s*)?i (?:lov om social service|serviceloven)\)/i.exec(label);
  return m ? Number(m[1]) : null;
}

/** The adult disability map's benefits in HAND07/HAND06: SEL §§ 95, 96 and 97. */
function adultBenefit(m: Extract<ContextMeasure, { kind: "recipients" }>): string | null {
  const p = paragraphOf(m.labelDa);
  return p === 95 || p === 96 || p === 97 ? `§ ${p}` : null;
}

const COVERAGE: Readonly<Partial<Record<MapId, readonly Coverage[]>>> = {
  voksenhandicapomraadet: [
    { table: "HAND07", unit: "recipients", covers: adultBenefit, notCoveredDa: "§ 100 (merudgifter) er ikke med i Danmarks Statistiks tabel" },
    // The same benefits per 1.000 inhabitants: comparable across municipalities of different size.
    { table: "HAND06", unit: "per-1000", covers: adultBenefit, notCoveredDa: "§ 100 (merudgifter) er ikke med i Danmarks Statistiks tabel" },
  ],
  boernehandicapomraadet: [
    {
      table: "HANDBU01",
      unit: "recipients",
      covers: (m) => (m.code === "110" ? "børn og unge med handicapindsatser" : null),
      notCoveredDa: "tabellen tæller børn med mindst én handicapkompenserende indsats; den skelner ikke mellem alle kortets paragraffer",
    },
  ],
};

export type RecipientLine = { readonly labelDa: string; readonly value: ContextValue };

/** The recipients beside one municipality's rate: one line per benefit, with the table's reference period. */
export type MapRecipients = {
  readonly table: ContextTableId;
  readonly unit: RecipientUnit;
  /** "2023K4" or "2023": the latest period the table has up to the data year (it lags one or two years). */
  readonly period: string;
  readonly lines: readonly RecipientLine[];
  readonly notCoveredDa: string;
  readonly provenance: ContextProvenance | null;
};

export function recipientsForMap(index: ContextIndex, map: MapId, code: string | null, year: number): MapRecipients[] {
  const result: MapRecipients[] = [];
  for (const coverage of COVERAGE[map] ?? []) {
    const measures = index
      .measures(coverage.table)
      .flatMap((m) => (m.kind === "recipients" ? [{ measure: m, labelDa: coverage.covers(m) }] : []))
      .filter((x): x is { measure: Extract<ContextMeasure, { kind: "recipients" }>; labelDa: string } => x.labelDa !== null)
      .sort((a, b) => a.labelDa.localeCompare(b.labelDa, "da"));
    if (measures.length === 0) continue;
    const periods = measures.flatMap((m) => index.periods(coverage.table, m.measure)).filter((p) => p.year <= year);
    const latest = periods.sort((a, b) => b.year - a.year || (b.quarter ?? 0) - (a.quarter ?? 0))[0];
    if (!latest) continue;
    const lines = measures.map((m) => ({ labelDa: m.labelDa, lookup: index.lookup(coverage.table, m.measure, code, latest) }));
    result.push({
      table: coverage.table,
      unit: coverage.unit,
      period: formatContextPeriod(latest),
      lines: lines.map((l) => ({ labelDa: l.labelDa, value: l.lookup.value })),
      notCoveredDa: coverage.notCoveredDa,
      provenance: lines.find((l) => l.lookup.provenance)?.lookup.provenance ?? null,
    });
  }
  return result;
}
