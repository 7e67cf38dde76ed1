import { mapGeometries as sharedMapGeometries, type LoadedGeometries } from "../app/boundaries/map-geometries.js";
import { configOf, type AppContext } from "./app-context.js";

export type { LoadedGeometries } from "../app/boundaries/map-geometries.js";

/** The server's map geometries: the process-wide ones for the boundary source this app was configured with. */
export function mapGeometries(ctx: AppContext, now?: number): Promise<LoadedGeometries> {
  return sharedMapGeometries(configOf(ctx).boundaries, now);
}
