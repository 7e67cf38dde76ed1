import type { MapFigures } from "../domain/map-figures.js";
import { MUNICIPALITIES } from "../domain/municipality.js";
import type { MapGeometry, MunicipalityShape } from "./map-geometry.js";
import { BIN_COLOURS, binIndexOf, binLabelDa, buildMeasureScale, formatMeasureNumberDa, MEASURES, readingOf, type MeasureId } from "./map-measure.js";
import { describeFigureRowDa } from "./figure-text.js";

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

export function tileLabelOf(code: string, nameDa: string): string {
  return TILE_LABELS[code] ?? nameDa.slice(0, 4);
}

/** How a municipality is filled: a bin colour, or one of the two hatch patterns for missing values. */
export type ChoroplethFill = { readonly kind: "bin"; readonly bin: number } | { readonly kind: "no-cases" } | { readonly kind: "no-data" };

export type ChoroplethItem = {
  readonly shape: MunicipalityShape;
  readonly nameDa: string;
  readonly fill: ChoroplethFill;
  /** The tile's name label: four letters, unique among the 98 ("Herl", "Frbg"). */
  readonly tileLabel: string;
  /** Short text on a tile: "44" (whole percent), "8,6" (per 10.000) or "–". */
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
}): ChoroplethModel {
  const rows = new Map(input.figures.municipalities.map((r) => [r.municipalityCode, r]));
  const scale = buildMeasureScale(input.measure, input.figures.national);
  const items = input.geometry.shapes.map((shape): ChoroplethItem => {
    const row = rows.get(shape.code);
    const nameDa = MUNICIPALITIES.find((m) => m.code === shape.code)?.name ?? shape.code;
    if (!row) {
      return { shape, nameDa, tileLabel: tileLabelOf(shape.code, nameDa), fill: { kind: "no-data" }, tileValue: "–", descriptionDa: `${nameDa}: ingen data.`, href: input.profileHref(shape.code) };
    }
    const e = row.estimate;
    const reading = readingOf(input.measure, row);
    const fill: ChoroplethFill = reading ? { kind: "bin", bin: binIndexOf(scale, reading.value) } : e.kind === "estimate" ? { kind: "no-data" } : { kind: e.kind };
    const number = reading ? formatMeasureNumberDa(input.measure, reading.value) : "–";
    // Whole percent on a tile (36 px); per 10.000 keeps its decimal, since the values are small.
    const tileValue = reading && MEASURES[input.measure].unit === "pct" ? number.replace(/,\d$/, "") : number;
    return { shape, nameDa, tileLabel: tileLabelOf(shape.code, nameDa), fill, tileValue, descriptionDa: describeFigureRowDa(row, input.measure), href: input.profileHref(shape.code) };
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
  }
}
