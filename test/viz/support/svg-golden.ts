import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * Golden SVGs in the manner of Observable Plot's snapshot tests: the drawing is normalised (numbers
 * rounded, ids renumbered in order of appearance, one element per line), compared with the reviewed file
 * in test/viz/golden/, and on a difference the new drawing is written beside it as `<name>-changed.svg`
 * for a person to open next to the golden one. `UPDATE_GOLDEN=1 npx vitest run --project unit test/viz`
 * writes the golden files anew (look at every changed one before committing).
 */
export const GOLDEN_DIR = join(import.meta.dirname, "..", "golden");

/**
 * Numbers in attribute values to two decimals: a change in the last bit of a float is not a change in the
 * drawing. Text content is left alone: "10.000" there is Danish for ten thousand.
 */
function roundNumbers(svg: string): string {
  const round = (n: string) => {
    const rounded = Math.round(Number(n) * 100) / 100;
    return String(Object.is(rounded, -0) ? 0 : rounded);
  };
  return svg.replace(/(\s[\w:-]+=")([^"]*)"/g, (_m, head: string, value: string) => `${head}${value.replace(/-?\d+\.\d+(?:e-?\d+)?/g, round)}"`);
}

/** Ids get numbered in the order they are defined, and every reference (#id, url(#id), aria-*) follows. */
function renumberIds(svg: string): string {
  const ids = [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
  const renamed = new Map(ids.map((id, i) => [id, `id${i + 1}`]));
  const rename = (id: string) => renamed.get(id) ?? id;
  return svg
    .replace(/\sid="([^"]+)"/g, (_m, id: string) => ` id="${rename(id)}"`)
    .replace(/url\(#([^)]+)\)/g, (_m, id: string) => `url(#${rename(id)})`)
    .replace(/(href|xlink:href)="#([^"]+)"/g, (_m, attr: string, id: string) => `${attr}="#${rename(id)}"`)
    .replace(/(aria-labelledby|aria-describedby)="([^"]+)"/g, (_m, attr: string, list: string) => `${attr}="${list.split(/\s+/).map(rename).join(" ")}"`);
}

export function normaliseSvg(svg: string): string {
  return `${renumberIds(roundNumbers(svg)).replace(/>\s*</g, ">\n<").trim()}\n`;
}

export type GoldenComparison = { readonly matches: boolean; readonly goldenPath: string; readonly changedPath: string };

/**
 * Compares `svg` with the golden file `name`.svg. A difference writes `name-changed.svg` (in `changedDir`,
 * by default beside the golden file); a match removes a stale one.
 */
export function compareSvgWithGolden(name: string, svg: string, options: { readonly changedDir?: string; readonly update?: boolean } = {}): GoldenComparison {
  const goldenPath = join(GOLDEN_DIR, `${name}.svg`);
  const changedPath = join(options.changedDir ?? GOLDEN_DIR, `${name}-changed.svg`);
  const actual = normaliseSvg(svg);
  const update = options.update ?? process.env.UPDATE_GOLDEN === "1";
  if (update) {
    mkdirSync(dirname(goldenPath), { recursive: true });
    writeFileSync(goldenPath, actual);
  }
  const matches = existsSync(goldenPath) && readFileSync(goldenPath, "utf8") === actual;
  if (matches) rmSync(changedPath, { force: true });
  else {
    mkdirSync(dirname(changedPath), { recursive: true });
    writeFileSync(changedPath, actual);
  }
  return { matches, goldenPath, changedPath };
}
