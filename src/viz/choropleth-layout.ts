import type { ChoroplethModel, LegendEntry } from "./choropleth-model.js";
import type { MunicipalityShape } from "./map-geometry.js";
import { shippedTextMeasure } from "./shipped-font.js";
import { r1 } from "./svg-text.js";
import { textBox, wrapText, type Box, type TextLine, type TextMeasure, type TextStyle } from "./text-measure.js";

/** Type sizes in SVG units; the page scales the map up to its column, never below 1:1. */
export const CHOROPLETH_TEXT = {
  title: { size: 16, weight: 600 } satisfies TextStyle,
  legend: { size: 13 } satisfies TextStyle,
  small: { size: 12 } satisfies TextStyle,
  tileName: { size: 9 } satisfies TextStyle,
  tileValue: { size: 11, weight: 600 } satisfies TextStyle,
} as const;

const SIDE = 4;
const TITLE_BASELINE = 20;
const TITLE_LINE = 20;
/** From the last title baseline to the top of the map. */
const TITLE_GAP = 10;
const SWATCH = 18;
const SWATCH_GAP = 6;
/** Between the end of one legend column's longest label and the next column. */
const COLUMN_GAP = 16;
const LEGEND_ROW = 26;
const MAX_LEGEND_COLUMNS = 3;
const LINE_HEIGHT = 16;
/** The narrowest drawing: a narrow tile map is centred in it, and the legend gets its three columns. */
const MIN_WIDTH = 560;

export type PlacedChoroplethLegendEntry = {
  readonly entry: LegendEntry;
  /** Top left corner of the swatch. */
  readonly x: number;
  readonly y: number;
  /** "44,0 til under 52,0 pct. (12)": label with the number of municipalities. */
  readonly label: TextLine;
};

export type TileText = { readonly code: string; readonly name: TextLine; readonly value: TextLine };

/**
 * Where everything of a choropleth goes, in SVG units, with text measured in the shipped font; the
 * renderer only draws it. The layout owns the drawing's final size (`width` × `height`).
 */
export type ChoroplethLayout = {
  readonly model: ChoroplethModel;
  readonly furniture: "full" | "map-only";
  readonly width: number;
  readonly height: number;
  readonly titleLines: readonly TextLine[];
  /** Where the geometry's origin is placed (a narrow tile map is centred). */
  readonly mapOrigin: { readonly x: number; readonly y: number };
  readonly legend: readonly PlacedChoroplethLegendEntry[];
  readonly noteLines: readonly TextLine[];
  readonly sourceLines: readonly TextLine[];
  /** Name and value on each tile, in geometry units (tile map only; empty on the geographic map). */
  readonly tileTexts: readonly TileText[];
};

const legendLabel = (entry: LegendEntry) => `${entry.labelDa} (${entry.count})`;

/**
 * Lays out a choropleth: the title wrapped to the width, the map under it, then the legend in as many
 * equal columns (up to three) as its widest label allows, then the legend note and the source line, each
 * wrapped as measured. "map-only" is the page's map, whose legend and source stand beside it in HTML.
 */
export function layoutChoropleth(
  model: ChoroplethModel,
  options: { readonly furniture?: "full" | "map-only"; readonly measure?: TextMeasure } = {},
): ChoroplethLayout {
  const measure = options.measure ?? shippedTextMeasure();
  const furniture = options.furniture ?? "full";
  const mapOnly = furniture === "map-only";
  const { geometry } = model;
  const width = Math.max(geometry.width, MIN_WIDTH);
  // The page names its map in an HTML heading: inside a map-only drawing, scaled down to a phone's width,
  // the title would shrink to about 9 px (issue 9, point 7).
  const titleLines = mapOnly ? [] : wrapText(measure, model.titleDa, CHOROPLETH_TEXT.title, width - 2 * SIDE).map((text, i) => ({ x: SIDE, y: TITLE_BASELINE + i * TITLE_LINE, text }));
  const mapTop = titleLines.length === 0 ? 4 : titleLines.at(-1)!.y + TITLE_GAP;
  const mapOrigin = { x: r1((width - geometry.width) / 2), y: mapTop };
  const mapBottom = mapTop + geometry.height;

  const entries = mapOnly ? [] : model.legend;
  const widest = Math.max(0, ...entries.map((e) => SWATCH + SWATCH_GAP + measure.width(legendLabel(e), CHOROPLETH_TEXT.legend)));
  const usable = width - 2 * SIDE;
  const columns = Math.max(1, Math.min(MAX_LEGEND_COLUMNS, Math.floor((usable + COLUMN_GAP) / (widest + COLUMN_GAP))));
  const columnWidth = usable / columns;
  const legendTop = mapBottom + 10;
  // Text centred on the swatch by its capitals.
  const labelBaseline = SWATCH / 2 + measure.capHeight(CHOROPLETH_TEXT.legend.size) / 2;
  const legend = entries.map((entry, i): PlacedChoroplethLegendEntry => {
    const x = r1(SIDE + (i % columns) * columnWidth);
    const y = legendTop + Math.floor(i / columns) * LEGEND_ROW;
    return { entry, x, y, label: { x: r1(x + SWATCH + SWATCH_GAP), y: r1(y + labelBaseline), text: legendLabel(entry) } };
  });
  const legendRows = Math.ceil(entries.length / columns);

  const wrapSmall = (text: string | null) => (text && !mapOnly ? wrapText(measure, text, CHOROPLETH_TEXT.small, usable) : []);
  const textTop = legendTop + legendRows * LEGEND_ROW + 6;
  const small = [...wrapSmall(model.legendNoteDa).map((text) => ({ text, kind: "note" as const })), ...wrapSmall(model.sourceLineDa).map((text) => ({ text, kind: "source" as const }))];
  const placed = small.map((s, i) => ({ ...s, line: { x: SIDE, y: textTop + (i + 1) * LINE_HEIGHT - 4, text: s.text } }));
  const height = mapOnly ? mapBottom + 4 : textTop + small.length * LINE_HEIGHT + 6;

  return {
    model,
    furniture,
    width,
    height,
    titleLines,
    mapOrigin,
    legend,
    noteLines: placed.filter((p) => p.kind === "note").map((p) => p.line),
    sourceLines: placed.filter((p) => p.kind === "source").map((p) => p.line),
    tileTexts: model.items.flatMap((item): TileText[] => (item.shape.kind === "tile" ? [tileText(item.shape, item.tileLabel, item.tileValue)] : [])),
  };
}

/** The four-letter name above the middle of the tile, the value below it. */
function tileText(shape: Extract<MunicipalityShape, { kind: "tile" }>, name: string, value: string): TileText {
  const [cx, cy] = shape.centroid;
  return { code: shape.code, name: { x: cx, y: r1(cy - 5), text: name }, value: { x: cx, y: r1(cy + 9), text: value } };
}

/** Every box a layout's text covers, in drawing units: for tests that nothing overlaps or runs out. */
export function choroplethTextBoxes(layout: ChoroplethLayout, measure: TextMeasure = shippedTextMeasure()): { readonly kind: string; readonly text: string; readonly box: Box }[] {
  const line = (kind: string, l: TextLine, style: TextStyle, anchor: "start" | "middle" = "start", dx = 0, dy = 0) => ({
    kind,
    text: l.text,
    box: textBox(measure, l.text, style, l.x + dx, l.y + dy, anchor),
  });
  const { x: ox, y: oy } = layout.mapOrigin;
  return [
    ...layout.titleLines.map((l) => line("title", l, CHOROPLETH_TEXT.title)),
    ...layout.legend.map((e) => line("legend", e.label, CHOROPLETH_TEXT.legend)),
    ...layout.noteLines.map((l) => line("note", l, CHOROPLETH_TEXT.small)),
    ...layout.sourceLines.map((l) => line("source", l, CHOROPLETH_TEXT.small)),
    ...layout.tileTexts.flatMap((t) => [line("tile-name", t.name, CHOROPLETH_TEXT.tileName, "middle", ox, oy), line("tile-value", t.value, CHOROPLETH_TEXT.tileValue, "middle", ox, oy)]),
  ];
}
