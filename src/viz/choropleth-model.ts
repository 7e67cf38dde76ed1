import type { MapFigures } from "../domain/map-figures.js";
import { MUNICIPALITIES } from "../domain/municipality.js";
import type { MapGeometry, MunicipalityShape } from "./map-geometry.js";
import { BIN_COLOURS, binIndexOf, binLabelDa, buildMeasureScale, formatMeasureNumberDa, MEASURES, readingOf, type MeasureId, type MeasureReading } from "./map-measure.js";
import { formatUnitsDa, wholePercentOf } from "../domain/round-half-up.js";
import { describeFigureRowDa } from "./figure-text.js";
import { ROUNDED_DENOMINATOR, type PopulationDenominator } from "../domain/context/population-denominator.js";

/**
 * Tile labels where the first four letters are shared (five "Fred…", "Brøn…", "Ring…", "Nord…"): a tile
 * labelled "Fred" would not say which one. Keyed by code; every other municipality uses its first four.
 */
const TILE_LABELS: Readonly<Record<string, string>> = {
  "0147": "Frbg", // Frederiksberg
  "0210": "Fbrg", // Fredensborg
  "0250": "Frsd", // Frederikssund
  "0607": "Frca", // Fredericia
  "0813": "Frhv", // Frederikshavn
  "0153": "Brby", // Brøndby
  "0810": "Brsl", // Brønderslev
  "0329": "Rgst", // Ringsted
  "0760": "RkSk", // Ringkøbing-Skjern
  "0480": "NFyn", // Nordfyns
  "0707": "NDju", // Norddjurs
};

/**
 * Short text on a tile: the whole percent for a rate (36 px), rounded half up from the counts (58,8 % → "59",
 * never cut to "58"); cases per 10.000 keep their decimal, since the values are small.
 */
export function tileValueDa(measure: MeasureId, reading: MeasureReading): string {
  return MEASURES[measure].unit === "pct" ? formatUnitsDa(wholePercentOf(reading.count, reading.base)) : formatMeasureNumberDa(measure, reading.value);
}

export function tileLabelOf(code: string, nameDa: string): string {
  return TILE_LABELS[code] ?? nameDa.slice(0, 4);
}

/**
 * How a municipality is filled: a bin colour, or a pattern for a missing value. "suppressed" is a figure
 * per 10.000 whose population cell Danmarks Statistik withholds (diskretioneret): the complaint data are
 * there, so it is not "ingen data".
 */
export type ChoroplethFill = { readonly kind: "bin"; readonly bin: number } | { readonly kind: "no-cases" } | { readonly kind: "no-data" } | { readonly kind: "suppressed" };

export type ChoroplethItem = {
  readonly shape: MunicipalityShape;
  readonly nameDa: string;
  readonly fill: ChoroplethFill;
  /** The tile's name label: four letters, unique among the 98 ("Herl", "Frbg"). */
  readonly tileLabel: string;
  /** Short text on a tile: "44" (whole percent, tileValueDa), "8,6" (per 10.000) or "–". */
  readonly tileValue: string;
  /** Tooltip and accessible name. */
  readonly descriptionDa: string;
  readonly href: string;
};

export type LegendEntry = { readonly fill: ChoroplethFill; readonly labelDa: string; readonly count: number };

export type ChoroplethModel = {
  readonly geometry: MapGeometry;
  readonly titleDa: string;
  readonly items: readonly ChoroplethItem[];
  readonly legend: readonly LegendEntry[];
  /** How the legend's limits were chosen, when that needs saying (cases per 10.000); else null. */
  readonly legendNoteDa: string | null;
  readonly sourceLineDa: string | null;
  /** The municipality the reader chose (URL parameter kommune): outlined on the map; null for none. */
  readonly selectedCode: string | null;
};

/**
 * Decides everything the map shows for one selection: bin per municipality (fixed bins, MEASURES),
 * hatch for "ingen sager" and "ingen data", text for tooltip and screen reader, and the legend with
 * how many municipalities fall in each class.
 */
export function buildChoroplethModel(input: {
  readonly geometry: MapGeometry;
  readonly figures: Pick<MapFigures, "municipalities" | "national">;
  readonly measure: MeasureId;
  readonly titleDa: string;
  readonly sourceLineDa?: string | null;
  readonly profileHref: (code: string) => string;
  readonly selectedCode?: string | null;
  /** The map's population band for the year (cases per 10.000); default the labelled rounded figures. */
  readonly denominator?: PopulationDenominator;
  /** Extra tooltip text per municipality (recipients beside the rate), appended to the description. */
  readonly extraDescriptionDa?: (code: string) => string;
}): ChoroplethModel {
  const rows = new Map(input.figures.municipalities.map((r) => [r.municipalityCode, r]));
  const scale = buildMeasureScale(input.measure, input.figures.national, input.denominator);
  const items = input.geometry.shapes.map((shape): ChoroplethItem => {
    const row = rows.get(shape.code);
    const nameDa = MUNICIPALITIES.find((m) => m.code === shape.code)?.name ?? shape.code;
    if (!row) {
      return { shape, nameDa, tileLabel: tileLabelOf(shape.code, nameDa), fill: { kind: "no-data" }, tileValue: "–", descriptionDa: `${nameDa}: ingen data.`, href: input.profileHref(shape.code) };
    }
    const e = row.estimate;
    const reading = readingOf(input.measure, row, input.denominator);
    const fill: ChoroplethFill = reading
      ? { kind: "bin", bin: binIndexOf(scale, reading.value) }
      : e.kind !== "estimate"
        ? { kind: e.kind }
        : (input.denominator ?? ROUNDED_DENOMINATOR).populationOf(shape.code).kind === "suppressed"
          ? { kind: "suppressed" }
          : { kind: "no-data" };
    const tileValue = reading ? tileValueDa(input.measure, reading) : "–";
    return { shape, nameDa, tileLabel: tileLabelOf(shape.code, nameDa), fill, tileValue, descriptionDa: `${describeFigureRowDa(row, input.measure, input.denominator)}${input.extraDescriptionDa?.(shape.code) ?? ""}`, href: input.profileHref(shape.code) };
  });
  const countWhere = (pred: (f: ChoroplethFill) => boolean) => items.filter((i) => pred(i.fill)).length;
  const legend: LegendEntry[] = [
    ...scale.binStarts.map((_, bin) => ({
      fill: { kind: "bin" as const, bin },
      labelDa: binLabelDa(scale, bin),
      count: countWhere((f) => f.kind === "bin" && f.bin === bin),
    })),
    { fill: { kind: "no-cases" }, labelDa: "Ingen sager", count: countWhere((f) => f.kind === "no-cases") },
    { fill: { kind: "no-data" }, labelDa: "Ingen data", count: countWhere((f) => f.kind === "no-data") },
  ];
  // Only a map per 10.000 can have a withheld population; its legend entry appears when one is withheld.
  const suppressed = countWhere((f) => f.kind === "suppressed");
  if (suppressed > 0) legend.push({ fill: { kind: "suppressed" }, labelDa: "Folketal diskretioneret", count: suppressed });
  return { geometry: input.geometry, titleDa: input.titleDa, items, legend, legendNoteDa: scale.noteDa, sourceLineDa: input.sourceLineDa ?? null, selectedCode: input.selectedCode ?? null };
}

export function fillPaint(fill: ChoroplethFill): { fill: string; ink: string } {
  switch (fill.kind) {
    case "bin":
      return BIN_COLOURS[fill.bin]!;
    case "no-cases":
      return { fill: "url(#pattern-no-cases)", ink: "#1a1a1a" };
    case "no-data":
      return { fill: "url(#pattern-no-data)", ink: "#1a1a1a" };
    case "suppressed":
      return { fill: "url(#pattern-suppressed)", ink: "#1a1a1a" };
  }
}
