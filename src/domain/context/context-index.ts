import {
  contextMeasureKey,
  formatContextPeriod,
  type ContextFigure,
  type ContextFiguresOfVersion,
  type ContextMeasure,
  type ContextPeriod,
  type ContextProvenance,
  type ContextTableId,
  type ContextValue,
  type PopulationBand,
} from "./context-figure.js";

type Entry = { readonly figure: ContextFigure; readonly provenance: ContextProvenance };

/** One cell looked up: its value ("no-data" when the table has no row) and where it came from. */
export type ContextLookup = { readonly value: ContextValue; readonly provenance: ContextProvenance | null };

/**
 * All imported context figures, indexed for look-up. Where two versions hold the same table, measure,
 * municipality and period, the newer import wins (Danmarks Statistik revises too), like complaint data.
 */
export type ContextIndex = {
  readonly versions: readonly ContextProvenance[];
  lookup(table: ContextTableId, measure: ContextMeasure | string, code: string | null, period: ContextPeriod): ContextLookup;
  /** The periods a table holds for a measure, oldest first. */
  periods(table: ContextTableId, measure: ContextMeasure | string): readonly ContextPeriod[];
  /** The measures a table holds (recipient tables: one per benefit), in first-seen order. */
  measures(table: ContextTableId): readonly ContextMeasure[];
};

const periodKey = (p: ContextPeriod) => formatContextPeriod(p);

export function indexContextFigures(sets: readonly ContextFiguresOfVersion[]): ContextIndex {
  const cells = new Map<string, Entry>();
  const periodsOf = new Map<string, Map<string, ContextPeriod>>();
  const measuresOf = new Map<ContextTableId, Map<string, ContextMeasure>>();
  const ordered = [...sets].sort((a, b) => a.provenance.importedAt.localeCompare(b.provenance.importedAt) || a.provenance.contextVersionId - b.provenance.contextVersionId);
  for (const { provenance, figures } of ordered) {
    const table = provenance.table;
    let measures = measuresOf.get(table);
    if (!measures) measuresOf.set(table, (measures = new Map()));
    for (const figure of figures) {
      const mKey = contextMeasureKey(figure.measure);
      measures.set(mKey, figure.measure);
      const seriesKey = `${table}|${mKey}`;
      let periods = periodsOf.get(seriesKey);
      if (!periods) periodsOf.set(seriesKey, (periods = new Map()));
      periods.set(periodKey(figure.period), figure.period);
      cells.set(`${seriesKey}|${figure.municipalityCode ?? "national"}|${periodKey(figure.period)}`, { figure, provenance });
    }
  }
  const keyOf = (m: ContextMeasure | string) => (typeof m === "string" ? m : contextMeasureKey(m));
  return {
    versions: ordered.map((s) => s.provenance),
    lookup(table, measure, code, period) {
      const entry = cells.get(`${table}|${keyOf(measure)}|${code ?? "national"}|${periodKey(period)}`);
      return entry ? { value: entry.figure.value, provenance: entry.provenance } : { value: { kind: "no-data" }, provenance: null };
    },
    periods(table, measure) {
      return [...(periodsOf.get(`${table}|${keyOf(measure)}`)?.values() ?? [])].sort((a, b) => a.year - b.year || (a.quarter ?? 0) - (b.quarter ?? 0));
    },
    measures(table) {
      return [...(measuresOf.get(table)?.values() ?? [])];
    },
  };
}

export const EMPTY_CONTEXT_INDEX: ContextIndex = indexContextFigures([]);

export function populationMeasure(band: PopulationBand): ContextMeasure {
  return { kind: "population", band };
}
