// The design system's typeface as the pages load it: dkfds declares each IBM Plex Sans face with the
// complete font (57 KB a face as WOFF2, and its Regular face lists an EOT and a WOFF before the WOFF2, so a
// browser takes the larger WOFF). It also ships the same faces split by script. We declare each face once
// per split file with the unicode-range the file really covers (read from its character map), so a Danish
// page downloads only the Latin 1 file of each weight it uses (17 KB) and a page with "≤" or "→" also the
// small Pi file: the browser fetches a split file only when the page has a character in its range.
// font-display: block, not dkfds's swap: with swap the text was drawn in the fallback font and moved when
// IBM Plex arrived (headings rewrapped, the header's links jumped a line: CLS 0,45 on a phone on Fast 3G).
// The page frame preloads the three Latin 1 faces, so they arrive with the stylesheet and the text waits for
// them only briefly; and every page, chart label and line is set in the font its layout was measured with
// (optional kept the fallback for the whole first visit on a slow line, and lines then wrapped otherwise).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import opentype from "opentype.js";

/** The split files dkfds ships for each face, in the order they are declared (the last declared wins a tie). */
export const SUBSETS = ["Cyrillic", "Greek", "Pi", "Latin3", "Latin2", "Latin1"];

/**
 * The @font-face rules of a stylesheet that load a complete WOFF2 file, with the face's style, weight and
 * file name (dkfds's faces that name local system fonts load nothing and are left out).
 */
export function fontFacesOf(css) {
  const faces = [];
  for (const match of css.matchAll(/@font-face\{([^}]*)\}/g)) {
    const body = match[1];
    const family = /font-family:\s*([^;]+)/.exec(body)?.[1]?.trim().replace(/^["']|["']$/g, "");
    const style = /font-style:\s*([^;]+)/.exec(body)?.[1]?.trim() ?? "normal";
    const weight = /font-weight:\s*([^;]+)/.exec(body)?.[1]?.trim() ?? "400";
    const woff2 = /url\(([^)]*complete\/woff2\/([^)/]+)\.woff2)\)/.exec(body);
    if (!woff2) continue;
    if (!family) throw new Error(`@font-face uden font-family i designsystemets CSS: ${match[0].slice(0, 120)}`);
    faces.push({ rule: match[0], family, style, weight, name: woff2[2] });
  }
  return faces;
}

/** The code points a font file maps, as a CSS unicode-range ("U+0020-007E, U+00A0-00FF, …"). */
export function unicodeRangeOf(fontBytes) {
  const buffer = fontBytes.buffer.slice(fontBytes.byteOffset, fontBytes.byteOffset + fontBytes.byteLength);
  const codePoints = Object.keys(opentype.parse(buffer).tables.cmap.glyphIndexMap)
    .map(Number)
    .filter((c) => c >= 0x20) // control characters are never drawn
    .sort((a, b) => a - b);
  const ranges = [];
  for (const c of codePoints) {
    const last = ranges.at(-1);
    if (last && c === last[1] + 1) last[1] = c;
    else ranges.push([c, c]);
  }
  const hex = (c) => c.toString(16).toUpperCase().padStart(4, "0");
  return ranges.map(([a, b]) => (a === b ? `U+${hex(a)}` : `U+${hex(a)}-${hex(b)}`)).join(", ");
}

/**
 * The stylesheet with its @font-face rules replaced by one rule per split file. `fontsDir` is dkfds's
 * dist/fonts/IBMPlexSans; the WOFF file of a split face is read for its character map (opentype.js reads
 * WOFF, not WOFF2) and the WOFF2 file of the same split is what the browser loads. A face without split
 * files keeps its rule as it was.
 */
export function withSplitFontFaces(css, fontsDir, cssDirToFonts) {
  const replaced = new Map();
  for (const face of fontFacesOf(css)) {
    const rules = [];
    for (const subset of SUBSETS) {
      const file = `${face.name}-${subset}`;
      const woff2 = join(fontsDir, "split", "woff2", `${file}.woff2`);
      const woff = join(fontsDir, "split", "woff", `${file}.woff`);
      if (!existsSync(woff2) || !existsSync(woff)) continue;
      rules.push(
        `@font-face{font-display:block;font-family:"${face.family}";font-style:${face.style};font-weight:${face.weight};` +
          `src:url(${cssDirToFonts}/split/woff2/${file}.woff2) format("woff2");unicode-range:${unicodeRangeOf(readFileSync(woff))}}`,
      );
    }
    replaced.set(face.rule, rules.length === SUBSETS.length ? rules.join("\n") : face.rule);
  }
  let out = css;
  for (const [rule, rules] of replaced) out = out.replace(rule, rules);
  return out;
}
