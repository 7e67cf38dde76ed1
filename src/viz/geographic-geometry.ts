import { geoPath, geoTransverseMercator, type GeoProjection } from "d3-geo";
import type { MultiPolygon } from "geojson";
import { merge } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { MUNICIPALITIES } from "../domain/municipality.js";
import type { MapGeometry, MunicipalityShape } from "./map-geometry.js";

/** Municipality boundaries as prepared at load (src/importers/boundaries): object `kommuner`, property `code`. */
export type MunicipalityTopology = Topology<{ kommuner: GeometryCollection<{ code: string }> }>;

const BORNHOLM = "0400";
const INSET_MARGIN = 8;

/**
 * Projects the boundaries to SVG paths once (the server caches the result). Transverse Mercator on 9° E is
 * UTM zone 32, the projection Danish official maps use. Bornholm, 150 km east of Zealand, is drawn as a
 * framed inset in the upper right corner, as printed maps of Denmark do, so the mainland gets the space.
 */
export function buildGeographicGeometry(topology: MunicipalityTopology, width = 640): MapGeometry {
  const byCode = new Map<string, MultiPolygon>();
  for (const m of MUNICIPALITIES) {
    const parts = topology.objects.kommuner.geometries.filter((g) => (g.properties as { code?: string } | undefined)?.code === m.code);
    if (parts.length === 0) throw new Error(`Grænsefilen mangler kommune ${m.code} ${m.name}`);
    byCode.set(m.code, merge(topology, parts as Parameters<typeof merge>[1]));
  }
  const mainland = { type: "GeometryCollection" as const, geometries: [...byCode].filter(([c]) => c !== BORNHOLM).map(([, g]) => g) };
  const projection = geoTransverseMercator().rotate([-9, 0]).fitWidth(width, mainland);
  const [[, y0], [, y1]] = geoPath(projection).bounds(mainland);
  const height = Math.ceil(y1 + INSET_MARGIN);
  projection.translate([projection.translate()[0], projection.translate()[1] - y0 + INSET_MARGIN]);

  // The inset uses the same scale, so Bornholm keeps its true size next to the rest.
  const bornholm = byCode.get(BORNHOLM)!;
  const inset = geoTransverseMercator().rotate([-9, 0]).scale(projection.scale()).translate(projection.translate());
  const [[bx0, by0], [bx1]] = geoPath(inset).bounds(bornholm);
  const frame = { x: width - (bx1 - bx0) - 4 * INSET_MARGIN, y: INSET_MARGIN, w: bx1 - bx0 + 2 * INSET_MARGIN };
  inset.translate([inset.translate()[0] - bx0 + frame.x + INSET_MARGIN, inset.translate()[1] - by0 + frame.y + INSET_MARGIN]);
  const [[, fy0], [, fy1]] = geoPath(inset).bounds(bornholm);
  const frameHeight = fy1 - fy0 + 2 * INSET_MARGIN;

  const shapes = MUNICIPALITIES.map((m): MunicipalityShape => {
    const p: GeoProjection = m.code === BORNHOLM ? inset : projection;
    const path = geoPath(p).digits(1);
    const geometry = byCode.get(m.code)!;
    const [cx, cy] = path.centroid(geometry);
    const [[x0, y0], [x1, y1]] = path.bounds(geometry);
    return { kind: "path", code: m.code, d: path(geometry) ?? "", centroid: [round1(cx), round1(cy)], bounds: [round1(x0), round1(y0), round1(x1), round1(y1)] };
  });
  return {
    kind: "geographic",
    width,
    height,
    shapes,
    decorations: [{ d: `M${round1(frame.x)},${round1(frame.y)}h${round1(frame.w)}v${round1(frameHeight)}h${-round1(frame.w)}Z`, labelDa: "Bornholm (flyttet)" }],
  };
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
