import { municipalityName, type MunicipalityCode } from "../domain/municipality.js";
import { placeLabels } from "./label-placement.js";
import type { MapGeometry, MunicipalityShape } from "./map-geometry.js";
import { shippedTextMeasure } from "./shipped-font.js";
import { escapeXml, r1, SVG_FONT } from "./svg-text.js";
import { wrapText, type Box, type FontWeight, type TextLine, type TextMeasure } from "./text-measure.js";

export type NeighbourMapRole = "focus" | "neighbour" | "other";

export type NeighbourMapLabel = {
  /** Centre of the name; the baseline is `baseline`. */
  readonly x: number;
  readonly y: number;
  readonly baseline: number;
  readonly text: string;
  readonly role: NeighbourMapRole;
  readonly box: Box;
  /** From the municipality's centre to a name that had to move off it; null when it sits on it. */
  readonly leader: { readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number } | null;
};

export type NeighbourMapModel = {
  readonly titleDa: string;
  readonly descriptionDa: string;
  /** The map's crop in geometry units (without the source line under it). */
  readonly viewBox: readonly [x: number, y: number, width: number, height: number];
  /** The whole drawing in geometry units: the crop and the source lines under it. */
  readonly canvas: readonly [x: number, y: number, width: number, height: number];
  /** The final pixel size (two pixels per unit, so names stay sharp when a document scales the image). */
  readonly width: number;
  readonly height: number;
  readonly shapes: readonly { readonly shape: MunicipalityShape; readonly role: NeighbourMapRole; readonly nameDa: string }[];
  readonly fontSize: number;
  /** Name labels for the focus municipality and its neighbours, placed so no two overlap. */
  readonly labels: readonly NeighbourMapLabel[];
  /** Printed under the map (dataset version, demo flag); null for none. */
  readonly sourceLineDa: string | null;
  readonly sourceSize: number;
  readonly sourceLines: readonly TextLine[];
};

const PADDING = 12;
const PIXELS_PER_UNIT = 2;

/**
 * One municipality with its neighbours highlighted, cropped to them with some surroundings (for the
 * profile page and the agenda item's image). Works on either geometry; neighbours come from the caller
 * (normally src/domain/registry/municipality-neighbours.ts). Names are measured in the shipped font and
 * placed without overlaps (placeLabels); the model owns the final size.
 */
export function buildNeighbourMapModel(input: {
  readonly geometry: MapGeometry;
  readonly focusCode: MunicipalityCode;
  readonly neighbourCodes: readonly MunicipalityCode[];
  readonly sourceLineDa?: string | null;
  readonly measure?: TextMeasure;
}): NeighbourMapModel {
  const measure = input.measure ?? shippedTextMeasure();
  const neighbours = new Set<string>(input.neighbourCodes);
  const roleOf = (code: string): NeighbourMapRole => (code === input.focusCode ? "focus" : neighbours.has(code) ? "neighbour" : "other");
  const shapes = input.geometry.shapes.map((shape) => ({ shape, role: roleOf(shape.code), nameDa: municipalityName(shape.code) }));
  const highlighted = shapes.filter((s) => s.role !== "other");
  if (!highlighted.some((s) => s.role === "focus")) throw new RangeError(`Ukendt kommune: ${input.focusCode}`);
  const boxes = highlighted.map((s) => boundsOf(s.shape));
  let x0 = Math.min(...boxes.map((b) => b[0])) - PADDING;
  let y0 = Math.min(...boxes.map((b) => b[1])) - PADDING;
  let x1 = Math.max(...boxes.map((b) => b[2])) + PADDING;
  let y1 = Math.max(...boxes.map((b) => b[3])) + PADDING;
  // At least a fifth of the country around small municipalities (Dragør), so the reader sees where it lies.
  const minSize = Math.max(input.geometry.width, input.geometry.height) / 5;
  if (x1 - x0 < minSize) [x0, x1] = [(x0 + x1) / 2 - minSize / 2, (x0 + x1) / 2 + minSize / 2];
  if (y1 - y0 < minSize) [y0, y1] = [(y0 + y1) / 2 - minSize / 2, (y0 + y1) / 2 + minSize / 2];
  // Never narrower than 3:4: a tall, thin crop (a north–south row of tiles) would print as a sliver with
  // unreadable names once a document scales it to the page.
  const minWidth = (y1 - y0) * 0.75;
  if (x1 - x0 < minWidth) [x0, x1] = [(x0 + x1) / 2 - minWidth / 2, (x0 + x1) / 2 + minWidth / 2];
  const [vx, vy, vw, vh] = [r1(x0), r1(y0), r1(x1 - x0), r1(y1 - y0)];

  // From the larger side, so names keep their size whatever the crop's shape.
  const fontSize = r1(Math.max(vw, vh) / 40);
  const weightOf = (role: NeighbourMapRole): FontWeight => (role === "focus" ? 700 : 400);
  // Focus first, then the longest names: the hardest to fit choose before the space fills.
  const order = [...highlighted].sort((a, b) => (a.role === "focus" ? -1 : b.role === "focus" ? 1 : b.nameDa.length - a.nameDa.length || a.shape.code.localeCompare(b.shape.code)));
  const capHalf = measure.capHeight(fontSize) / 2;
  // The white halo (stroke fontSize/4) belongs to the label too.
  const halo = fontSize / 8;
  const placements = placeLabels(
    order.map((s) => ({
      id: s,
      anchor: s.shape.centroid,
      width: measure.width(s.nameDa, { size: fontSize, weight: weightOf(s.role) }) + 2 * halo,
      above: measure.ascent(fontSize) - capHalf + halo,
      below: measure.descent(fontSize) + capHalf + halo,
    })),
    { bounds: { x0: vx, y0: vy, x1: vx + vw, y1: vy + vh }, padding: fontSize * 0.15 },
  );
  const labels: NeighbourMapLabel[] = [];
  const unplaced: string[] = [];
  placements.forEach((p, i) => {
    const s = order[i]!;
    if (!p) unplaced.push(s.nameDa);
    else labels.push({ x: r1(p.x), y: r1(p.y), baseline: r1(p.y + capHalf), text: s.nameDa, role: s.role, box: p.box, leader: p.leader && { x1: r1(p.leader.x1), y1: r1(p.leader.y1), x2: r1(p.leader.x2), y2: r1(p.leader.y2) } });
  });

  // A name that fits nowhere on the map (never seen with the real geometries) is still given, under it.
  const extra = unplaced.length > 0 ? `Også fremhævet: ${joinDanish(unplaced)}.` : null;
  const footerText = [extra, input.sourceLineDa ?? null].filter((t): t is string => t !== null).join(" ");
  // The source line wraps to the map's width, so a long dataset name is never cut off.
  const sourceSize = r1(fontSize * 0.9);
  const lineHeight = r1(sourceSize * 1.3);
  const sourceLines = (footerText ? wrapText(measure, footerText, { size: sourceSize }, vw - 4) : []).map((text, i) => ({ x: r1(vx + 2), y: r1(vy + vh + (i + 1) * lineHeight), text }));
  const footer = sourceLines.length > 0 ? r1(sourceLines.length * lineHeight + sourceSize * 0.6) : 0;
  const canvasHeight = r1(vh + footer);

  const focusName = municipalityName(input.focusCode);
  const neighbourNames = input.neighbourCodes.map(municipalityName);
  return {
    titleDa: `${focusName} og nabokommuner`,
    descriptionDa: `Kort over ${focusName} Kommune (mørk) og nabokommunerne ${joinDanish(neighbourNames)} (mellem).`,
    viewBox: [vx, vy, vw, vh],
    canvas: [vx, vy, vw, canvasHeight],
    width: Math.round(vw * PIXELS_PER_UNIT),
    height: Math.round(canvasHeight * PIXELS_PER_UNIT),
    shapes,
    fontSize,
    labels,
    sourceLineDa: input.sourceLineDa ?? null,
    sourceSize,
    sourceLines,
  };
}

const FILL: Record<NeighbourMapRole, string> = { focus: "#1f3d7a", neighbour: "#8fb3e0", other: "#eeeeee" };

/** Stateless SVG of a NeighbourMapModel; usable in Node (reports) and in the page. */
export function renderMunicipalityMapSvg(model: NeighbourMapModel): string {
  const [cx, cy, cw, ch] = model.canvas;
  const { fontSize } = model;
  const body = model.shapes
    .map(({ shape, role, nameDa }) => {
      const attrs = `data-municipality="${shape.code}" fill="${FILL[role]}" stroke="#ffffff" stroke-width="${role === "focus" ? 1.5 : 0.6}"`;
      const title = `<title>${escapeXml(nameDa)}</title>`;
      return shape.kind === "path"
        ? `<path ${attrs} d="${shape.d}">${title}</path>`
        : `<rect ${attrs} x="${shape.x}" y="${shape.y}" width="${shape.size}" height="${shape.size}">${title}</rect>`;
    })
    .join("");
  const leaders = model.labels
    .filter((l) => l.leader)
    .map((l) => {
      const { x1, y1, x2, y2 } = l.leader!;
      return `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="#1a1a1a" stroke-width="${r1(fontSize / 10)}"/><circle cx="${x1}" cy="${y1}" r="${r1(fontSize / 6)}" fill="#1a1a1a"/>`;
    })
    .join("");
  const labels = model.labels
    .map(
      (l) =>
        `<text x="${l.x}" y="${l.baseline}" text-anchor="middle" font-size="${fontSize}" font-weight="${l.role === "focus" ? 700 : 400}" fill="${l.role === "focus" ? "#ffffff" : "#1a1a1a"}" paint-order="stroke" stroke="${l.role === "focus" ? "#1f3d7a" : "#ffffff"}" stroke-width="${r1(fontSize / 4)}">${escapeXml(l.text)}</text>`,
    )
    .join("");
  // The footer is blanked first: shapes beyond the crop would otherwise show through under the source line.
  const [, vy, , vh] = model.viewBox;
  const footer = ch > vh ? `<rect x="${cx}" y="${r1(vy + vh)}" width="${cw}" height="${r1(ch - vh)}" fill="#ffffff"/>` : "";
  const source = footer + model.sourceLines.map((l) => `<text x="${l.x}" y="${l.y}" font-size="${model.sourceSize}" fill="#454545">${escapeXml(l.text)}</text>`).join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${cx} ${cy} ${cw} ${ch}" width="${model.width}" height="${model.height}" role="img" aria-labelledby="nm-title nm-desc" font-family="${SVG_FONT}"><title id="nm-title">${escapeXml(model.titleDa)}</title><desc id="nm-desc">${escapeXml(model.descriptionDa)}</desc><rect x="${cx}" y="${cy}" width="${cw}" height="${ch}" fill="#ffffff"/>${body}${leaders}<g class="labels">${labels}</g>${source}</svg>`;
}

function boundsOf(shape: MunicipalityShape): readonly [number, number, number, number] {
  return shape.kind === "tile" ? [shape.x, shape.y, shape.x + shape.size, shape.y + shape.size] : shape.bounds;
}

/** "A, B og C" */
export function joinDanish(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} og ${items[items.length - 1]}`;
}
