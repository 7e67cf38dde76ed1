import { readFileSync } from "node:fs";
import { join } from "node:path";
import { prepareBoundaryTopology } from "../../../src/importers/boundaries/prepare-boundary-topology.js";
import { buildGeographicGeometry } from "../../../src/viz/geographic-geometry.js";
import type { MapGeometry } from "../../../src/viz/map-geometry.js";

/** The shared municipality boundaries (../shared/geo, DAGI via Neogeografen), the file the server is tested with. */
export const SHARED_TOPOLOGY_PATH = join(import.meta.dirname, "..", "..", "..", "..", "shared", "geo", "kommuner.topojson");

let geographic: MapGeometry | undefined;

/** The geographic map as the server builds it from the shared boundary file; built once per test file. */
export function sharedGeographicGeometry(): MapGeometry {
  geographic ??= buildGeographicGeometry(prepareBoundaryTopology(JSON.parse(readFileSync(SHARED_TOPOLOGY_PATH, "utf8")), SHARED_TOPOLOGY_PATH));
  return geographic;
}
