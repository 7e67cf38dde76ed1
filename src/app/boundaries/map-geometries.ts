import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { basename, dirname } from "node:path";
import { BoundaryFormatError, prepareBoundaryTopology } from "../../importers/boundaries/prepare-boundary-topology.js";
import { BoundaryLoadError, describeFetchFailure, describeReadFailure } from "../../importers/boundaries/describe-boundary-failure.js";
import { buildGeographicGeometry } from "../../viz/geographic-geometry.js";
import { buildTileGeometry, type MapGeometry } from "../../viz/map-geometry.js";

/** Dataforsyningen's DAWA endpoint for the 98 municipalities as GeoJSON (free data, no key needed). */
export const DAWA_MUNICIPALITIES_URL = "https://api.dataforsyningen.dk/kommuner?format=geojson";

/**
 * Where boundaries come from (configured by DANMARKSKORT_BOUNDARIES and DANMARKSKORT_BOUNDARIES_URL, parsed in
 * src/config): a GeoJSON or TopoJSON file, none at all, or the cached DAWA download in <data dir>/boundaries/,
 * fetched when missing.
 */
export type BoundarySource =
  | { readonly kind: "file"; readonly path: string }
  | { readonly kind: "dawa"; readonly url: string; readonly cacheFile: string }
  | { readonly kind: "none" };

export type LoadedGeometries = {
  readonly tile: MapGeometry;
  /** null when no boundaries could be loaded; the page then says why and shows the tile map. */
  readonly geographic: MapGeometry | null;
  readonly geographicStatusDa: string;
};

/** Downloads with a timeout; the Danish message names the address, so an operator can act on it. */
export async function fetchBoundaries(url: string, timeoutMs = 15_000): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw new BoundaryLoadError(describeFetchFailure(url, error, timeoutMs));
  }
  if (!response.ok) throw new BoundaryLoadError(`Kunne ikke hente kommunegrænser fra ${url}: serveren svarede ${response.status}`);
  return response.text();
}

async function readBoundaryText(source: Exclude<BoundarySource, { kind: "none" }>, fetcher: typeof fetchBoundaries): Promise<{ text: string; name: string }> {
  if (source.kind === "file") {
    try {
      return { text: await readFile(source.path, "utf8"), name: source.path };
    } catch (error) {
      throw new BoundaryLoadError(describeReadFailure(source.path, error));
    }
  }
  try {
    return { text: await readFile(source.cacheFile, "utf8"), name: source.cacheFile };
  } catch {
    const text = await fetcher(source.url);
    // Validate before caching, so a bad download is never kept.
    prepareBoundaryTopology(parseBoundaryJson(text, source.url), source.url);
    await mkdir(dirname(source.cacheFile), { recursive: true });
    await writeFile(`${source.cacheFile}.tmp`, text);
    await rename(`${source.cacheFile}.tmp`, source.cacheFile);
    return { text, name: source.url };
  }
}

function parseBoundaryJson(text: string, name: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new BoundaryFormatError(`${name}: er ikke gyldig JSON (GeoJSON eller TopoJSON forventet).`);
  }
}

/**
 * Loads and simplifies the boundaries once (TopoJSON, projected to SVG paths) and keeps the result in
 * memory. Never throws: without boundaries the tile map is the map, and the status says why.
 */
export async function loadMapGeometries(source: BoundarySource, fetcher: typeof fetchBoundaries = fetchBoundaries): Promise<LoadedGeometries> {
  const tile = buildTileGeometry();
  if (source.kind === "none") return { tile, geographic: null, geographicStatusDa: "Der er ikke sat en fil med kommunegrænser op (DANMARKSKORT_BOUNDARIES=none)." };
  try {
    const { text, name } = await readBoundaryText(source, fetcher);
    const parsed = parseBoundaryJson(text, name);
    const geographic = buildGeographicGeometry(prepareBoundaryTopology(parsed, name));
    return { tile, geographic, geographicStatusDa: `Kommunegrænser fra ${source.kind === "file" ? `filen ${basename(source.path)}` : "Dataforsyningen (DAWA)"}.` };
  } catch (error) {
    // Only our own Danish sentences reach the page; the runtime's English never does (issue 9, point 6).
    const reason =
      error instanceof BoundaryFormatError || error instanceof BoundaryLoadError ? error.message : "Der opstod en uventet fejl under indlæsningen af grænserne.";
    return { tile, geographic: null, geographicStatusDa: `Kommunegrænserne kunne ikke indlæses, så kortet vises som feltkort. ${reason}` };
  }
}

/** After a failed load (e.g. DAWA unreachable), try again on a request this long after, not on every request. */
export const RETRY_AFTER_FAILURE_MS = 10 * 60_000;

/** One entry per source: a process serves one configuration, but tests build apps with several. */
const cached = new Map<string, { geometries: Promise<LoadedGeometries>; loadedAt: number; failed: boolean }>();

/**
 * The process-wide geometries for a source (loaded on first use, then kept). A failed download is retried
 * after RETRY_AFTER_FAILURE_MS, so a short network outage at start does not leave the tile map for good.
 */
export function mapGeometries(source: BoundarySource, now: number = Date.now()): Promise<LoadedGeometries> {
  const key = JSON.stringify(source);
  const known = cached.get(key);
  if (known && !(known.failed && now - known.loadedAt > RETRY_AFTER_FAILURE_MS)) return known.geometries;
  const entry = { geometries: loadMapGeometries(source), loadedAt: now, failed: false };
  void entry.geometries.then((g) => {
    entry.failed = g.geographic === null && source.kind !== "none";
  });
  cached.set(key, entry);
  return entry.geometries;
}
