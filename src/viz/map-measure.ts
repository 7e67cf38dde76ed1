import type { RateEstimate } from "../domain/rate-estimate.js";

/**
 * What the map colours. Ids are URL values (Danish, ASCII). "Cases per 10.000 inhabitants" needs
 * population figures, which the system does not load yet, so it is not offered.
 */
export type MeasureId = "omgoerelse" | "aendret" | "hjemvist";

export const MEASURE_IDS: readonly MeasureId[] = ["omgoerelse", "aendret", "hjemvist"];

export type MeasureDefinition = {
  readonly id: MeasureId;
  readonly nameDa: string;
  /** Lower bounds of the stepped legend's bins (fractions); the last bin is open upwards. */
  readonly binStarts: readonly number[];
};

/**
 * Fixed bins (not quantiles) so the same colour means the same rate in every year and on every map.
 * The national reversal rate lies around 40–50 % (domain.md §7), changed cases around 5–10 %.
 */
export const MEASURES: Readonly<Record<MeasureId, MeasureDefinition>> = {
  omgoerelse: { id: "omgoerelse", nameDa: "Omgørelsesprocent", binStarts: [0, 0.2, 0.3, 0.4, 0.5, 0.6] },
  aendret: { id: "aendret", nameDa: "Ændret/ophævet (pct.)", binStarts: [0, 0.03, 0.06, 0.09, 0.12, 0.15] },
  hjemvist: { id: "hjemvist", nameDa: "Hjemvist (pct.)", binStarts: [0, 0.2, 0.3, 0.4, 0.5, 0.6] },
};

export function isMeasureId(value: string): value is MeasureId {
  return (MEASURE_IDS as readonly string[]).includes(value);
}

/** The fraction the measure reads from an estimate, with the count behind it. */
export function measureValue(measure: MeasureId, estimate: Extract<RateEstimate, { kind: "estimate" }>): { value: number; count: number } {
  switch (measure) {
    case "omgoerelse":
      return { value: estimate.reversalRate, count: estimate.reversed };
    case "aendret":
      return { value: estimate.changedRate, count: estimate.counts.changed };
    case "hjemvist":
      return { value: estimate.remittedRate, count: estimate.counts.remitted };
  }
}

/**
 * Sequential, colour-blind-safe palette: six steps of viridis (van der Walt & Smith 2015), light for low
 * rates. Text on a tile uses the ink colour with at least 4,5:1 contrast against its fill.
 */
export const BIN_COLOURS: readonly { readonly fill: string; readonly ink: string }[] = [
  { fill: "#fde725", ink: "#1a1a1a" },
  { fill: "#7ad151", ink: "#1a1a1a" },
  { fill: "#22a884", ink: "#1a1a1a" },
  { fill: "#2a788e", ink: "#ffffff" },
  { fill: "#414487", ink: "#ffffff" },
  { fill: "#440154", ink: "#ffffff" },
];

export function binIndexOf(measure: MeasureId, value: number): number {
  const starts = MEASURES[measure].binStarts;
  let index = 0;
  for (let i = 0; i < starts.length; i++) if (value >= starts[i]! - 1e-12) index = i;
  return index;
}
