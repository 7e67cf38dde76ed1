import type { FeatureCollection, Geometry } from "geojson";
import { feature } from "topojson-client";
import { topology as toTopology } from "topojson-server";
import { presimplify, quantile, simplify } from "topojson-simplify";
import type { GeometryCollection, Objects, Topology } from "topojson-specification";
import { findMunicipalityByCode } from "../../domain/municipality.js";

/** The municipality boundaries the web map draws: one TopoJSON object `kommuner`, property `code`. */
export type BoundaryTopology = Topology<{ kommuner: GeometryCollection<{ code: string }> }>;

export class BoundaryFormatError extends Error {}

/**
 * Maps a boundary file (GeoJSON FeatureCollection or TopoJSON) to a simplified TopoJSON topology keyed
 * by municipality code. Understands the DAGI/FOT properties `KOMKODE` (shared/geo, Neogeografen/dagi) and
 * DAWA's `kode` (api.dataforsyningen.dk/kommuner?format=geojson). Christiansø (0411) is no municipality and
 * is dropped. Does not handle other projections than longitude/latitude (CRS84), which both sources use.
 */
export function prepareBoundaryTopology(parsed: unknown, fileName: string): BoundaryTopology {
  const collection = asFeatureCollection(parsed, fileName);
  const features = collection.features.flatMap((f, index) => {
    const props = (f.properties ?? {}) as Record<string, unknown>;
    const rawCode = props.KOMKODE ?? props.kode ?? props.code;
    if (typeof rawCode !== "string" && typeof rawCode !== "number") {
      throw new BoundaryFormatError(`${fileName}: område nr. ${index + 1} mangler kommunekode (KOMKODE eller kode).`);
    }
    const code = String(rawCode).padStart(4, "0");
    if (code === "0411") return [];
    if (!findMunicipalityByCode(code)) throw new BoundaryFormatError(`${fileName}: område nr. ${index + 1} har ukendt kommunekode "${code}".`);
    if (!f.geometry) return [];
    return [{ type: "Feature" as const, properties: { code }, geometry: dropElevation(f.geometry) }];
  });
  const codes = new Set(features.map((f) => f.properties.code));
  if (codes.size !== 98) throw new BoundaryFormatError(`${fileName}: filen dækker ${codes.size} kommuner, ikke 98.`);
  // 1e5 quantization keeps shared borders exact; simplification then drops the 1:500.000 detail a
  // 600-pixel map cannot show (5 % quantile of triangle areas keeps coastlines recognisable).
  const topo = presimplify(toTopology({ kommuner: { type: "FeatureCollection", features } as FeatureCollection }, 1e5) as unknown as Topology<Objects<object>>);
  const simplified = simplify(topo, quantile(topo, 0.05)) as unknown as BoundaryTopology;
  return simplified;
}

function asFeatureCollection(parsed: unknown, fileName: string): FeatureCollection {
  const value = parsed as { type?: string; objects?: Record<string, unknown> } | null;
  if (value?.type === "FeatureCollection") return value as unknown as FeatureCollection;
  if (value?.type === "Topology" && value.objects) {
    const first = Object.values(value.objects)[0];
    if (first) return feature(value as unknown as Topology, first as GeometryCollection) as unknown as FeatureCollection;
  }
  throw new BoundaryFormatError(`${fileName}: er hverken GeoJSON (FeatureCollection) eller TopoJSON.`);
}

/** The DAGI file carries a third coordinate (-999); TopoJSON and d3-geo need only two. */
function dropElevation(geometry: Geometry): Geometry {
  const strip = (c: unknown): unknown => (typeof (c as number[])[0] === "number" ? (c as number[]).slice(0, 2) : (c as unknown[]).map(strip));
  if (geometry.type === "GeometryCollection") return { ...geometry, geometries: geometry.geometries.map(dropElevation) };
  return { ...geometry, coordinates: strip(geometry.coordinates) } as Geometry;
}
