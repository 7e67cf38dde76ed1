import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import opentype from "opentype.js";
import type { FontWeight, TextMeasure } from "./text-measure.js";

/**
 * The charts are set in IBM Plex Sans, the typeface of Det Fælles Designsystem (dkfds), which the product
 * depends on and whose stylesheet serves the same files to the page. Measuring with these files, and
 * rasterizing with them (src/reports/rasterize-svg.ts), makes a label's width the same on every machine,
 * whatever fonts the machine has installed.
 */
const FONT_FILE_NAMES: Readonly<Record<FontWeight, string>> = {
  400: "IBMPlexSans-Regular.ttf",
  600: "IBMPlexSans-SemiBold.ttf",
  700: "IBMPlexSans-Bold.ttf",
};

/** The family name the SVGs ask for; the fallbacks are for a viewer that opens a downloaded SVG alone. */
export const SVG_FONT_FAMILY = "IBM Plex Sans, Arial, sans-serif";

function fontDirectory(): string {
  // dkfds's package.json has an exports map without its fonts, so resolve its entry and walk to dist/.
  const entry = createRequire(import.meta.url).resolve("dkfds");
  return join(dirname(entry), "..", "fonts", "IBMPlexSans", "complete", "ttf");
}

/** Absolute paths of the shipped font files, regular, semibold and bold. */
export function shippedFontFiles(): readonly string[] {
  const dir = fontDirectory();
  return Object.values(FONT_FILE_NAMES).map((name) => join(dir, name));
}

let cached: TextMeasure | null = null;

/** Text measure for IBM Plex Sans from the shipped files, read once per process. */
export function shippedTextMeasure(): TextMeasure {
  if (cached) return cached;
  const dir = fontDirectory();
  const fonts = new Map<FontWeight, opentype.Font>();
  for (const [weight, name] of Object.entries(FONT_FILE_NAMES)) {
    const bytes = readFileSync(join(dir, name));
    fonts.set(Number(weight) as FontWeight, opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)));
  }
  cached = fontMeasure(fonts);
  return cached;
}

/** Widths are measured once per text and weight at 1 000 units and scaled: labels repeat across figures. */
function fontMeasure(fonts: ReadonlyMap<FontWeight, opentype.Font>): TextMeasure {
  const regular = fonts.get(400)!;
  const perEm = regular.unitsPerEm;
  const widths = new Map<string, number>();
  const os2 = regular.tables.os2;
  const capHeight = os2.sCapHeight / perEm;
  // The typographic ascender and descender (0,78 and 0,22 em): letters and descenders fit inside; only
  // accents over capitals (Å) reach higher, which the line spacing (≥ 1,2 em) and label padding absorb.
  const ascent = os2.sTypoAscender / perEm;
  const descent = -os2.sTypoDescender / perEm;
  return {
    width(text, style) {
      const weight = style.weight ?? 400;
      const key = `${weight}|${text}`;
      let w = widths.get(key);
      if (w === undefined) {
        w = fonts.get(weight)!.getAdvanceWidth(text, 1000, { kerning: true });
        widths.set(key, w);
      }
      return (w / 1000) * style.size;
    },
    capHeight: (size) => capHeight * size,
    ascent: (size) => ascent * size,
    descent: (size) => descent * size,
  };
}
