import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error The build script is plain JavaScript (scripts/ is not compiled); its functions are tested here.
import { fontFacesOf, SUBSETS, unicodeRangeOf, withSplitFontFaces } from "../../scripts/font-faces.mjs";

const dist = join(import.meta.dirname, "..", "..", "node_modules", "dkfds", "dist");
const fontsDir = join(dist, "fonts", "IBMPlexSans");
const dkfdsCss = readFileSync(join(dist, "css", "dkfds.min.css"), "utf8");

describe("the typeface split by script (scripts/font-faces.mjs, issue 17)", () => {
  it("finds each IBM Plex Sans face of the design system with its weight, style and complete file", () => {
    const faces = fontFacesOf(dkfdsCss) as { family: string; style: string; weight: string; name: string }[];
    expect(faces.length).toBeGreaterThanOrEqual(8);
    expect(faces).toContainEqual(expect.objectContaining({ family: "IBM Plex Sans", style: "normal", weight: "400", name: "IBMPlexSans-Regular" }));
    expect(faces).toContainEqual(expect.objectContaining({ style: "normal", weight: "700", name: "IBMPlexSans-Bold" }));
  });

  it("reads a split file's range from its character map: Latin 1 holds æ, ø, å, § and the dash", () => {
    const range = unicodeRangeOf(readFileSync(join(fontsDir, "split", "woff", "IBMPlexSans-Regular-Latin1.woff"))) as string;
    expect(range.startsWith("U+0020-007E, U+00A0-00FF")).toBe(true); // æ U+00E6, ø U+00F8, å U+00E5, § U+00A7
    expect(range).toContain("U+2013-2014");
    const pi = unicodeRangeOf(readFileSync(join(fontsDir, "split", "woff", "IBMPlexSans-Regular-Pi.woff"))) as string;
    expect(pi).toContain("U+2264-2265"); // ≤ ≥
    expect(pi).not.toContain("U+0020");
  });

  it("replaces every complete face by one rule per split WOFF2 file, the Latin 1 rule last", () => {
    const css = withSplitFontFaces(dkfdsCss, fontsDir, "../fonts/IBMPlexSans") as string;
    expect(css).not.toMatch(/complete\/(woff2?|eot|ttf)\//);
    const regular = [...css.matchAll(/@font-face\{[^}]*font-family:"IBM Plex Sans";font-style:normal;font-weight:400;[^}]*\}/g)].map((m) => m[0]);
    expect(regular.map((r) => /split\/woff2\/IBMPlexSans-Regular-(\w+)\.woff2/.exec(r)?.[1])).toEqual(SUBSETS);
    for (const rule of regular) {
      expect(rule).toMatch(/format\("woff2"\);unicode-range:U\+[0-9A-F]{4}/);
      expect(rule).toContain("font-display:block"); // no late swap that moves the text (CLS)
    }
    // The rest of the design system is untouched.
    expect(css.replace(/@font-face\{[^}]*\}\n?/g, "")).toBe(dkfdsCss.replace(/@font-face\{[^}]*\}/g, ""));
  });
});
