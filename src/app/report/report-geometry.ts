import { existsSync } from "node:fs";
import type { MapGeometry } from "../../viz/map-geometry.js";
import { loadMapGeometries, type BoundarySource } from "../boundaries/map-geometries.js";

/**
 * The geographic map for a report made outside the server: only when boundaries are configured as a file or the
 * DAWA download is already cached, since a report must not wait for a download; otherwise the tile map (undefined).
 * The server has its own, loaded at start (start-server.ts).
 */
export async function reportGeometry(source: BoundarySource): Promise<MapGeometry | undefined> {
  if (source.kind === "none" || (source.kind === "dawa" && !existsSync(source.cacheFile))) return undefined;
  return (await loadMapGeometries(source)).geographic ?? undefined;
}
