import { indexCellTotals, type CellTotals } from "../../domain/cell-totals.js";
import type { Database } from "../../storage/database.js";
import { activeVersionByYear, loadComplaintCells } from "../../storage/complaint-store.js";
import type { DatasetProvenance } from "../../domain/complaint-cell.js";
import type { DatasetVersionInfo } from "../api-types.js";

/**
 * The API's figures are computed once per set of active dataset versions and kept in memory, with
 * the JSON of each answer (issue 4, item 7: a request must not recompute from all cells).
 *
 * Invalidation: the active version of each year (pins included) is read again at most every
 * `revalidateAfterMs` (default 1 s), so an import or a pin made by another process (the CLI) shows up
 * within a second, without a database round trip on every request. When the versions differ, the
 * cells are loaded again and every cached answer is dropped.
 */
export type ApiData = {
  /** "year:versionId,…": identifies the active versions the figures were computed from. */
  readonly fingerprint: string;
  readonly totals: CellTotals;
  readonly versionsByYear: ReadonlyMap<number, DatasetVersionInfo>;
  /** Serialised answers (UTF-8 bytes, encoded once, with their ETag), keyed by route and parameters; dropped with the data. */
  readonly responses: Map<string, CachedResponse>;
};

/** One answer as sent: the bytes and a strong ETag derived from them. */
export type CachedResponse = { readonly body: Buffer; readonly etag: string };

export type ApiDataCache = { current(): Promise<ApiData> };

export type ApiDataCacheOptions = { readonly revalidateAfterMs?: number; readonly now?: () => number };

function fingerprintOf(active: ReadonlyMap<number, DatasetProvenance>): string {
  return [...active].map(([year, v]) => `${year}:${v.datasetVersionId}`).join(",");
}

function toInfo(year: number, v: DatasetProvenance): DatasetVersionInfo {
  return {
    year,
    datasetVersionId: v.datasetVersionId,
    fileName: v.fileName,
    sha256: v.sha256,
    source: v.source,
    extractedOn: v.extractedOn,
    importedAt: v.importedAt,
    isDemo: v.isDemo,
  };
}

export function createApiDataCache(db: Database, options: ApiDataCacheOptions = {}): ApiDataCache {
  const revalidateAfterMs = options.revalidateAfterMs ?? 1000;
  const now = options.now ?? Date.now;
  let data: ApiData | undefined;
  let checkedAt = -Infinity;
  // One refresh at a time: concurrent requests during a reload wait for the same promise.
  let refreshing: Promise<ApiData> | undefined;

  async function refresh(): Promise<ApiData> {
    const active = await activeVersionByYear(db);
    checkedAt = now();
    if (data && data.fingerprint === fingerprintOf(active)) return data;
    // The fingerprint is taken from what was loaded, so figures and their stated versions always agree.
    const { cells, provenanceByYear } = await loadComplaintCells(db);
    data = {
      fingerprint: fingerprintOf(provenanceByYear),
      totals: indexCellTotals(cells),
      versionsByYear: new Map([...provenanceByYear].map(([year, v]) => [year, toInfo(year, v)])),
      responses: new Map(),
    };
    return data;
  }

  return {
    current() {
      if (data && now() - checkedAt < revalidateAfterMs) return Promise.resolve(data);
      refreshing ??= refresh().finally(() => (refreshing = undefined));
      return refreshing;
    },
  };
}

const caches = new WeakMap<Database, ApiDataCache>();

/** The cache shared by the API routes of one server (one per database handle). */
export function apiDataCacheFor(db: Database, options?: ApiDataCacheOptions): ApiDataCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = createApiDataCache(db, options)));
  return cache;
}
