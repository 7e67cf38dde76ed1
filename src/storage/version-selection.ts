import type { DatasetStanding } from "../domain/complaint-cell.js";
import type { Queryable } from "./database.js";
import { mapDatasetVersionRow, type DatasetVersionSummary } from "./dataset-versions.js";

/** The version shown for a data year, how it stands, and a newer extraction that may have revised it. */
export type YearVersions = {
  readonly shown: DatasetVersionSummary & { readonly standing: DatasetStanding };
  /**
   * The newest extraction, when it is newer than the version marked as published for the year: Ankestyrelsen
   * has revised its figures since the map was published. null when the year has no published version (the
   * newest extraction is then shown itself) or when the published version is the newest.
   */
  readonly revision: DatasetVersionSummary | null;
};

type SelectionRow = Parameters<typeof mapDatasetVersionRow>[0] & { year: number; newest_rank: number; is_published: boolean };

/**
 * Which dataset version each data year shows (issue 9):
 *
 * - Demo data is quarantined: while any real version exists, demo versions take no part at all, so no
 *   demo figure reaches a page, series, download or report next to real ones. Demo data is shown only in
 *   a database that holds nothing else (a first start, or one set up to look at the demo).
 * - A version marked as the map as published for a year (a row in dataset_pin) is shown for that year.
 * - Otherwise the newest extraction (extraction date, then import time, then id) is shown.
 * - Where a published version is shown and a newer extraction exists, that one is the year's revision.
 */
export async function selectVersionsByYear(db: Queryable): Promise<Map<number, YearVersions>> {
  const { rows } = await db.query<SelectionRow>(
    `WITH candidate AS (
       SELECT y.year, v.id, v.file_name, v.sha256, v.layout, v.source, v.extracted_on, v.imported_at, v.row_count, v.is_demo, v.years,
              row_number() OVER (PARTITION BY y.year ORDER BY v.extracted_on DESC NULLS LAST, v.imported_at DESC, v.id DESC)::int AS newest_rank,
              COALESCE(p.dataset_version_id = v.id, false) AS is_published
         FROM dataset_version v CROSS JOIN LATERAL unnest(v.years) AS y(year)
         LEFT JOIN dataset_pin p ON p.year = y.year
        WHERE v.is_demo = NOT EXISTS (SELECT 1 FROM dataset_version r WHERE NOT r.is_demo)
     )
     SELECT * FROM candidate WHERE newest_rank = 1 OR is_published ORDER BY year, newest_rank`,
  );
  const byYear = new Map<number, { newest?: SelectionRow; published?: SelectionRow }>();
  for (const row of rows) {
    const entry = byYear.get(row.year) ?? {};
    if (row.newest_rank === 1) entry.newest = row;
    if (row.is_published) entry.published = row;
    byYear.set(row.year, entry);
  }
  const selection = new Map<number, YearVersions>();
  for (const [year, { newest, published }] of byYear) {
    const shown = published ?? newest!;
    selection.set(year, {
      shown: { ...mapDatasetVersionRow(shown), standing: published ? "published" : "extraction" },
      revision: published && newest && newest.id !== published.id ? mapDatasetVersionRow(newest) : null,
    });
  }
  return selection;
}
