import type { TextLine, TextMeasure, TextStyle } from "./text-measure.js";

/** A legend entry before layout: a swatch of a given width, then its label. */
export type LegendEntryInput<K extends string> = { readonly swatch: K; readonly labelDa: string };

/** A placed legend entry: the swatch spans x..x+swatchWidth around `y` (its centre line); the label follows. */
export type PlacedLegendEntry<K extends string> = {
  readonly swatch: K;
  readonly x: number;
  /** Centre line of the row: swatches are drawn centred on it. */
  readonly y: number;
  readonly label: TextLine;
};

export type LegendLayout<K extends string> = {
  readonly entries: readonly PlacedLegendEntry<K>[];
  /** Bottom edge of the last row's text, for what comes below. */
  readonly bottom: number;
};

/**
 * Lays legend entries out left to right and wraps to a new row where the next entry would pass `right`,
 * using measured label widths: a long municipality name pushes the next entry along instead of running
 * into it (the fixed offsets this replaces overlapped for "Ringkøbing-Skjern Kommune").
 */
export function layoutLegend<K extends string>(
  entries: readonly LegendEntryInput<K>[],
  options: {
    readonly measure: TextMeasure;
    readonly style: TextStyle;
    readonly left: number;
    readonly right: number;
    /** Centre line of the first row. */
    readonly top: number;
    readonly swatchWidth: number;
    readonly rowHeight: number;
    /** Between swatch and label. */
    readonly swatchGap?: number;
    /** Between one entry's label and the next entry's swatch. */
    readonly entryGap?: number;
  },
): LegendLayout<K> {
  const { measure, style, left, right, swatchWidth, rowHeight } = options;
  const swatchGap = options.swatchGap ?? 6;
  const entryGap = options.entryGap ?? 18;
  // Text is centred on the row line by its capitals, so it lines up with the swatch's middle.
  const baselineOffset = measure.capHeight(style.size) / 2;
  const placed: PlacedLegendEntry<K>[] = [];
  let x = left;
  let y = options.top;
  for (const entry of entries) {
    const width = swatchWidth + swatchGap + measure.width(entry.labelDa, style);
    if (x > left && x + width > right) {
      x = left;
      y += rowHeight;
    }
    placed.push({ swatch: entry.swatch, x, y, label: { x: x + swatchWidth + swatchGap, y: y + baselineOffset, text: entry.labelDa } });
    x += width + entryGap;
  }
  return { entries: placed, bottom: y + baselineOffset + measure.descent(style.size) };
}
