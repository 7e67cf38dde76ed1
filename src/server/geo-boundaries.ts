import { mapGeometries as sharedMapGeometries, type LoadedGeometries } from "../app/boundaries/map-geometries.js";
import { readProcessConfig } from "../config/read-process-config.js";
import { configOf, type AppContext } from "./app-context.js";

export type { LoadedGeometries } from "../app/boundaries/map-geometries.js";

/**
 * The server's map geometries: the process-wide ones for the boundary source this app was configured with.
 * Without `ctx` (page-profile.ts's neighbour map, which has no context at hand yet) the environment's source.
 */
export function mapGeometries(ctx?: AppContext, now?: number): Promise<LoadedGeometries> {
  return sharedMapGeometries((ctx ? configOf(ctx) : readProcessConfig()).boundaries, now);
}
