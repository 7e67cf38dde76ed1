import { MUNICIPALITIES, type MunicipalityCode } from "../domain/municipality.js";
import { TILE_LAYOUT } from "../domain/registry/tile-layout.js";

/** One municipality's outline in SVG user units: a path (geographic map) or an equal square (tile map). */
export type MunicipalityShape =
  | {
      readonly kind: "path";
      readonly code: MunicipalityCode;
      readonly d: string;
      readonly centroid: readonly [number, number];
      /** [x0, y0, x1, y1] of the outline, from the projection (not read back out of `d`). */
      readonly bounds: readonly [number, number, number, number];
    }
  | { readonly kind: "tile"; readonly code: MunicipalityCode; readonly x: number; readonly y: number; readonly size: number; readonly centroid: readonly [number, number] };

export type GeometryKind = "geographic" | "tile";

/** What every map renderer draws on: 98 shapes in a width × height box, keyed by code. */
export type MapGeometry = {
  readonly kind: GeometryKind;
  readonly width: number;
  readonly height: number;
  readonly shapes: readonly MunicipalityShape[];
  /** Extra outlines drawn without data (e.g. the frame around the Bornholm inset). */
  readonly decorations: readonly { readonly d: string; readonly labelDa?: string }[];
};

export const TILE_SIZE = 36;
const TILE_GAP = 3;

/**
 * The tile map: one equal square per municipality (generated layout, src/domain/registry/tile-layout.ts),
 * so Dragør and Vallensbæk weigh as much on screen as Ringkøbing-Skjern. Needs no boundary file.
 */
export function buildTileGeometry(): MapGeometry {
  const step = TILE_SIZE + TILE_GAP;
  const shapes = MUNICIPALITIES.map((m): MunicipalityShape => {
    const position = TILE_LAYOUT[m.code];
    if (!position) throw new Error(`Feltkortet mangler en plads til kommune ${m.code}`);
    const [col, row] = position;
    const x = col * step + TILE_GAP;
    const y = row * step + TILE_GAP;
    return { kind: "tile", code: m.code, x, y, size: TILE_SIZE, centroid: [x + TILE_SIZE / 2, y + TILE_SIZE / 2] };
  });
  const width = Math.max(...shapes.map((s) => (s.kind === "tile" ? s.x + s.size : 0))) + TILE_GAP;
  const height = Math.max(...shapes.map((s) => (s.kind === "tile" ? s.y + s.size : 0))) + TILE_GAP;
  return { kind: "tile", width, height, shapes, decorations: [] };
}
