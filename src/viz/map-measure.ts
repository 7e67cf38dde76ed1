import type { MunicipalityFigureRow, NationalFigureRow } from "../domain/map-figures.js";
import type { RateEstimate } from "../domain/rate-estimate.js";
import { POPULATION_BY_CODE, POPULATION_REFERENCE } from "../domain/registry/population-data.js";
import { formatInteger, formatOneDecimal, formatPercent } from "../domain/format-danish-number.js";
import { ROUNDED_DENOMINATOR, type PopulationDenominator } from "../domain/context/population-denominator.js";
import { roundToUnits } from "../domain/round-half-up.js";

/** What the map colours. Ids are URL values (Danish, ASCII). */
export type MeasureId = "omgoerelse" | "aendret" | "hjemvist" | "sager-pr-10000";

export const MEASURE_IDS: readonly MeasureId[] = ["omgoerelse", "aendret", "hjemvist", "sager-pr-10000"];

export type MeasureDefinition = {
  readonly id: MeasureId;
  readonly nameDa: string;
  readonly unit: "pct" | "per-10000";
};

export const MEASURES: Readonly<Record<MeasureId, MeasureDefinition>> = {
  omgoerelse: { id: "omgoerelse", nameDa: "Omgørelsesprocent", unit: "pct" },
  aendret: { id: "aendret", nameDa: "Ændret/ophævet (pct.)", unit: "pct" },
  hjemvist: { id: "hjemvist", nameDa: "Hjemvist (pct.)", unit: "pct" },
  "sager-pr-10000": { id: "sager-pr-10000", nameDa: "Sager pr. 10.000 indbyggere", unit: "per-10000" },
};

/** The measure's name without the unit note, for titles and sentences ("Omgørelsesprocent", "Hjemvist"). */
export function measureTitleDa(measure: MeasureId): string {
  return MEASURES[measure].nameDa.replace(" (pct.)", "");
}

/**
 * Fixed bins (not quantiles) for the percentages, so the same colour means the same rate in every year and
 * on every map. The national reversal rate lies around 40–50 % (domain.md §7), changed cases around 5–10 %.
 */
const PERCENT_BIN_STARTS: Readonly<Record<Exclude<MeasureId, "sager-pr-10000">, readonly number[]>> = {
  omgoerelse: [0, 0.2, 0.3, 0.4, 0.5, 0.6],
  aendret: [0, 0.03, 0.06, 0.09, 0.12, 0.15],
  hjemvist: [0, 0.2, 0.3, 0.4, 0.5, 0.6],
};

/**
 * Cases per 10.000 inhabitants differ tenfold between the maps (the general social map has about ten times
 * the cases of the adult disability map), so one fixed scale cannot serve all three. The bins are therefore
 * fixed fractions of the national level of the same selection: under half, half to ¾, ¾ to the national
 * level, and 25 % and 50 % above it. The legend prints the absolute limits.
 */
export const PER_10000_BIN_FACTORS: readonly number[] = [0, 0.5, 0.75, 1, 1.25, 1.5];

/** Population of the 98 municipalities together: the denominator of the national figure per 10.000. */
export const NATIONAL_POPULATION = Object.values(POPULATION_BY_CODE).reduce((a, b) => a + b, 0);

/** Where the inhabitants come from, for captions and source lines (the figures are rounded, see the registry). */
export const POPULATION_SOURCE_DA = `Folketal: ${POPULATION_REFERENCE.sourceDa}; samme folketal bruges for alle år`;

type Estimate = Extract<RateEstimate, { kind: "estimate" }>;

/** One reading of a measure: the value coloured, the count behind it and what the count is out of. */
export type MeasureReading = {
  readonly value: number;
  /** Reversed/changed/remitted cases for a percentage; decided cases for cases per 10.000. */
  readonly count: number;
  /** Decided cases for a percentage; inhabitants for cases per 10.000. */
  readonly base: number;
};

/**
 * The value the measure reads from an estimate. `municipalityCode` null means the whole country. Returns
 * null when cases per 10.000 are asked for a municipality without a population figure. `denominator`: the
 * map's population band for the year (population-denominator.ts); by default the labelled rounded figures.
 */
export function measureValue(measure: MeasureId, estimate: Estimate, municipalityCode: string | null, denominator: PopulationDenominator = ROUNDED_DENOMINATOR): MeasureReading | null {
  switch (measure) {
    case "omgoerelse":
      return { value: estimate.reversalRate, count: estimate.reversed, base: estimate.decided };
    case "aendret":
      return { value: estimate.changedRate, count: estimate.counts.changed, base: estimate.decided };
    case "hjemvist":
      return { value: estimate.remittedRate, count: estimate.counts.remitted, base: estimate.decided };
    case "sager-pr-10000": {
      const population = denominator.populationOf(municipalityCode);
      if (population.kind !== "value" || population.value <= 0) return null;
      return { value: (estimate.decided / population.value) * 10_000, count: estimate.decided, base: population.value };
    }
  }
}

/** Why a municipality has no figure per 10.000: its population cell is suppressed, or there is none. */
export function missingPopulationDa(denominator: PopulationDenominator, municipalityCode: string | null): string {
  return denominator.populationOf(municipalityCode).kind === "suppressed" ? "folketal diskretioneret" : "intet folketal";
}

/** "Sager pr. 10.000 indbyggere", "Sager pr. 10.000 børn 0–17 år": the measure's name for a denominator. */
export function measureNameDa(measure: MeasureId, denominator: PopulationDenominator = ROUNDED_DENOMINATOR): string {
  return MEASURES[measure].unit === "pct" ? MEASURES[measure].nameDa : `Sager pr. 10.000 ${denominator.labelDa}`;
}

/** "44,2 pct." or "8,6 sager pr. 10.000 indbyggere" ("… pr. 10.000 børn 0–17 år" on the child map). */
export function formatMeasureValueDa(measure: MeasureId, value: number, denominator: PopulationDenominator = ROUNDED_DENOMINATOR): string {
  return MEASURES[measure].unit === "pct" ? `${formatPercent(value)} pct.` : `${formatOneDecimal(value)} sager pr. 10.000 ${denominator.labelDa}`;
}

/** The number alone, with one decimal: "44,2" or "8,6". */
export function formatMeasureNumberDa(measure: MeasureId, value: number): string {
  return MEASURES[measure].unit === "pct" ? formatPercent(value) : formatOneDecimal(value);
}

/** What the count and base mean: "34 af 77 realitetsbehandlede sager" or "77 sager, 90.000 indbyggere". */
export function formatMeasureCountDa(measure: MeasureId, reading: MeasureReading, denominator: PopulationDenominator = ROUNDED_DENOMINATOR): string {
  return MEASURES[measure].unit === "pct"
    ? `${formatInteger(reading.count)} af ${formatInteger(reading.base)} realitetsbehandlede sager`
    : `${formatInteger(reading.count)} realitetsbehandlede sager, ${formatInteger(reading.base)} ${denominator.labelDa}`;
}

/** The colour scale of one selection: where each bin starts, in the measure's unit. */
export type MeasureScale = { readonly measure: MeasureId; readonly binStarts: readonly number[]; readonly noteDa: string | null };

/** Bins for a selection; cases per 10.000 need the national row (bins relative to it). */
export function buildMeasureScale(measure: MeasureId, national: Pick<NationalFigureRow, "estimate">, denominator: PopulationDenominator = ROUNDED_DENOMINATOR): MeasureScale {
  if (measure !== "sager-pr-10000") return { measure, binStarts: PERCENT_BIN_STARTS[measure], noteDa: null };
  const e = national.estimate;
  const level = e.kind === "estimate" ? (measureValue(measure, e, null, denominator)?.value ?? 0) : 0;
  // One decimal, as the legend prints them, so a municipality's colour agrees with the printed limits.
  const binStarts = PER_10000_BIN_FACTORS.map((f) => roundToUnits(f * level, 1) / 10);
  const noteDa =
    e.kind === "estimate"
      ? `Farvernes grænser er 50, 75, 100, 125 og 150 % af landsniveauet (${formatOneDecimal(level)} sager pr. 10.000 ${denominator.labelDa}).`
      : null;
  return { measure, binStarts, noteDa };
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

/** The bin of a value, compared as printed (one decimal), so a colour never contradicts the legend's limits. */
export function binIndexOf(scale: MeasureScale, value: number): number {
  const decimals = MEASURES[scale.measure].unit === "pct" ? 3 : 1;
  const printed = roundToUnits(value, decimals) / 10 ** decimals;
  let index = 0;
  for (let i = 0; i < scale.binStarts.length; i++) if (printed >= scale.binStarts[i]! - 1e-9) index = i;
  return index;
}

/** "20,0 til under 30,0 pct.", "60,0 pct. og derover", "5,8 til under 8,7". */
export function binLabelDa(scale: MeasureScale, bin: number): string {
  const starts = scale.binStarts;
  const f = (v: number) => formatMeasureNumberDa(scale.measure, v);
  const unit = MEASURES[scale.measure].unit === "pct" ? " pct." : "";
  return bin === starts.length - 1 ? `${f(starts[bin]!)}${unit} og derover` : `${f(starts[bin]!)} til under ${f(starts[bin + 1]!)}${unit}`;
}

/** Is the row's value for this measure readable (an estimate, and a population where needed)? */
export function readingOf(measure: MeasureId, row: Pick<MunicipalityFigureRow, "estimate" | "municipalityCode">, denominator: PopulationDenominator = ROUNDED_DENOMINATOR): MeasureReading | null {
  return row.estimate.kind === "estimate" ? measureValue(measure, row.estimate, row.municipalityCode, denominator) : null;
}

export function isMeasureId(value: string): value is MeasureId {
  return (MEASURE_IDS as readonly string[]).includes(value);
}
