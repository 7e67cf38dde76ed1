import { municipalityName, type MunicipalityCode } from "../domain/municipality.js";
import type { MapGeometry, MunicipalityShape } from "./map-geometry.js";
import { escapeXml, r1, SVG_FONT, wrapText } from "./svg-text.js";

export type NeighbourMapRole = "focus" | "neighbour" | "other";

export type NeighbourMapModel = {
  readonly titleDa: string;
  readonly descriptionDa: string;
  readonly viewBox: readonly [x: number, y: number, width: number, height: number];
  readonly shapes: readonly { readonly shape: MunicipalityShape; readonly role: NeighbourMapRole; readonly nameDa: string }[];
  /** Name labels, drawn for the focus municipality and its neighbours only. */
  readonly labels: readonly { readonly x: number; readonly y: number; readonly text: string; readonly role: NeighbourMapRole }[];
  /** Printed under the map (dataset version, demo flag); null for none. */
  readonly sourceLineDa: string | null;
};

const PADDING = 12;

/**
 * One municipality with its neighbours highlighted, cropped to them with some surroundings (for the
 * profile page and the agenda item's image). Works on either geometry; neighbours come from the caller
 * (normally src/domain/registry/municipality-neighbours.ts).
 */
export function buildNeighbourMapModel(input: {
  readonly geometry: MapGeometry;
  readonly focusCode: MunicipalityCode;
  readonly neighbourCodes: readonly MunicipalityCode[];
  readonly sourceLineDa?: string | null;
}): NeighbourMapModel {
  const neighbours = new Set(input.neighbourCodes);
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
  const focusName = municipalityName(input.focusCode);
  const neighbourNames = input.neighbourCodes.map(municipalityName);
  return {
    titleDa: `${focusName} og nabokommuner`,
    descriptionDa: `Kort over ${focusName} Kommune (mørk) og nabokommunerne ${joinDanish(neighbourNames)} (mellem).`,
    viewBox: [r1(x0), r1(y0), r1(x1 - x0), r1(y1 - y0)],
    shapes,
    labels: highlighted.map((s) => ({ x: s.shape.centroid[0], y: s.shape.centroid[1], text: s.nameDa, role: s.role })),
    sourceLineDa: input.sourceLineDa ?? null,
  };
}

const FILL: Record<NeighbourMapRole, string> = { focus: "#1f3d7a", neighbour: "#8fb3e0", other: "#eeeeee" };

/** Stateless SVG of a NeighbourMapModel; usable in Node (reports) and in the page. */
export function renderMunicipalityMapSvg(model: NeighbourMapModel): string {
  const [vx, vy, vw, vh] = model.viewBox;
  // From the larger side, so names keep their size whatever the crop's shape.
  const fontSize = r1(Math.max(vw, vh) / 40);
  // The source line wraps to the map's width, so a long dataset name is never cut off.
  const sourceSize = r1(fontSize * 0.9);
  const sourceLines = model.sourceLineDa ? wrapText(model.sourceLineDa, Math.floor(vw / (sourceSize * 0.52))) : [];
  const lineHeight = r1(sourceSize * 1.3);
  const footer = sourceLines.length > 0 ? r1(sourceLines.length * lineHeight + sourceSize * 0.6) : 0;
  const body = model.shapes
    .map(({ shape, role, nameDa }) => {
      const attrs = `data-municipality="${shape.code}" fill="${FILL[role]}" stroke="#ffffff" stroke-width="${role === "focus" ? 1.5 : 0.6}"`;
      const title = `<title>${escapeXml(nameDa)}</title>`;
      return shape.kind === "path"
        ? `<path ${attrs} d="${shape.d}">${title}</path>`
        : `<rect ${attrs} x="${shape.x}" y="${shape.y}" width="${shape.size}" height="${shape.size}">${title}</rect>`;
    })
    .join("");
  const labels = model.labels
    .map(
      (l) =>
        `<text x="${l.x}" y="${l.y}" text-anchor="middle" dominant-baseline="middle" font-size="${fontSize}" font-weight="${l.role === "focus" ? 700 : 400}" fill="${l.role === "focus" ? "#ffffff" : "#1a1a1a"}" paint-order="stroke" stroke="${l.role === "focus" ? "#1f3d7a" : "#ffffff"}" stroke-width="${r1(fontSize / 4)}">${escapeXml(l.text)}</text>`,
    )
    .join("");
  const source = sourceLines
    .map((line, i) => `<text x="${r1(vx + 2)}" y="${r1(vy + vh + (i + 1) * lineHeight)}" font-size="${sourceSize}" fill="#454545">${escapeXml(line)}</text>`)
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${vx} ${vy} ${vw} ${r1(vh + footer)}" width="${Math.round(vw * 2)}" height="${Math.round((vh + footer) * 2)}" role="img" aria-labelledby="nm-title nm-desc" font-family="${SVG_FONT}"><title id="nm-title">${escapeXml(model.titleDa)}</title><desc id="nm-desc">${escapeXml(model.descriptionDa)}</desc><rect x="${vx}" y="${vy}" width="${vw}" height="${r1(vh + footer)}" fill="#ffffff"/>${body}${labels}${source}</svg>`;
}

function boundsOf(shape: MunicipalityShape): [number, number, number, number] {
  if (shape.kind === "tile") return [shape.x, shape.y, shape.x + shape.size, shape.y + shape.size];
  const numbers = (shape.d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
  // geoPath emits absolute M/L coordinates pairs (x,y) only, so even/odd positions are x/y.
  const xs = numbers.filter((_, i) => i % 2 === 0);
  const ys = numbers.filter((_, i) => i % 2 === 1);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** "A, B og C" */
export function joinDanish(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} og ${items[items.length - 1]}`;
}
