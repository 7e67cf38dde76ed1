import type { Queryable } from "./database.js";

export type PinResult =
  | { readonly kind: "pinned"; readonly datasetVersionId: number; readonly years: readonly number[] }
  | { readonly kind: "unknown-version"; readonly datasetVersionId: number }
  | { readonly kind: "year-not-in-version"; readonly datasetVersionId: number; readonly year: number; readonly versionYears: readonly number[] };

/**
 * Pins a version as the active one for its years (or only `year`): a pin overrides "newest extraction
 * wins" until it is removed, so a council can keep the figures its map was published with.
 */
export async function pinDatasetVersion(db: Queryable, datasetVersionId: number, year?: number): Promise<PinResult> {
  const { rows } = await db.query<{ years: number[] }>("SELECT years FROM dataset_version WHERE id = $1", [datasetVersionId]);
  const version = rows[0];
  if (!version) return { kind: "unknown-version", datasetVersionId };
  if (year !== undefined && !version.years.includes(year)) return { kind: "year-not-in-version", datasetVersionId, year, versionYears: version.years };
  const years = year === undefined ? version.years : [year];
  for (const y of years) {
    await db.query(
      `INSERT INTO dataset_pin (year, dataset_version_id) VALUES ($1, $2)
       ON CONFLICT (year) DO UPDATE SET dataset_version_id = EXCLUDED.dataset_version_id`,
      [y, datasetVersionId],
    );
  }
  return { kind: "pinned", datasetVersionId, years };
}

/** Removes the pin of one year; returns the years unpinned (empty when there was none). */
export async function unpinYear(db: Queryable, year: number): Promise<number[]> {
  const { rows } = await db.query<{ year: number }>("DELETE FROM dataset_pin WHERE year = $1 RETURNING year", [year]);
  return rows.map((r) => r.year);
}

/** Removes every pin pointing at a version; returns the years unpinned. */
export async function unpinDatasetVersion(db: Queryable, datasetVersionId: number): Promise<number[]> {
  const { rows } = await db.query<{ year: number }>("DELETE FROM dataset_pin WHERE dataset_version_id = $1 RETURNING year", [datasetVersionId]);
  return rows.map((r) => r.year).sort((a, b) => a - b);
}

export async function listDatasetPins(db: Queryable): Promise<Map<number, number>> {
  const { rows } = await db.query<{ year: number; dataset_version_id: number }>("SELECT year, dataset_version_id FROM dataset_pin ORDER BY year");
  return new Map(rows.map((r) => [r.year, r.dataset_version_id]));
}
