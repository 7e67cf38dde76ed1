/** The weights the charts use: body text, semibold titles, bold for the chosen municipality's name. */
export type FontWeight = 400 | 600 | 700;

export type TextStyle = { readonly size: number; readonly weight?: FontWeight };

/**
 * How wide a text is and how tall a line is, in SVG user units, as the shipped font sets them. Layout
 * models take one as an argument, so they stay pure and a test can check them against any font.
 */
export type TextMeasure = {
  /** Advance width of `text` (kerning included), i.e. how far the next text could start. */
  width(text: string, style: TextStyle): number;
  /** Height of capital letters above the baseline: what "centred on a point" centres. */
  capHeight(size: number): number;
  /** Extent of the letters above and below the baseline, for boxes that must not touch. */
  ascent(size: number): number;
  descent(size: number): number;
};

/** An axis-aligned box in SVG user units. */
export type Box = { readonly x0: number; readonly y0: number; readonly x1: number; readonly y1: number };

export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

export type TextAnchor = "start" | "middle" | "end";

/** The box a one-line text covers when drawn at baseline `y` with `anchor` at `x`. */
export function textBox(measure: TextMeasure, text: string, style: TextStyle, x: number, y: number, anchor: TextAnchor = "start"): Box {
  const width = measure.width(text, style);
  const x0 = anchor === "start" ? x : anchor === "middle" ? x - width / 2 : x - width;
  return { x0, y0: y - measure.ascent(style.size), x1: x0 + width, y1: y + measure.descent(style.size) };
}

/**
 * Breaks a text at spaces into lines no wider than `maxWidth` as measured (SVG text does not wrap by
 * itself). A single word wider than the line stands alone on its line rather than being cut.
 */
export function wrapText(measure: TextMeasure, text: string, style: TextStyle, maxWidth: number): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(" ")) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && measure.width(candidate, style) > maxWidth) {
      lines.push(current);
      current = word;
    } else current = candidate;
  }
  if (current) lines.push(current);
  return lines;
}

/** One positioned line of text: `y` is the baseline. */
export type TextLine = { readonly x: number; readonly y: number; readonly text: string };
