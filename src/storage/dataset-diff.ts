import type { OutcomeCounts } from "../domain/outcome.js";
import type { Queryable } from "./database.js";

/** One cell that differs between two versions; `before`/`after` null when the cell is only in one of them. */
export type CellChange = {
  readonly municipalityCode: string | null;
  readonly subject: string;
  readonly law: string;
  readonly year: number;
  readonly before: OutcomeCounts | null;
  readonly after: OutcomeCounts | null;
};

type DiffRow = {
  municipality_code: string | null;
  subject: string;
  law: string;
  year: number;
  a_upheld: number | null;
  a_changed: number | null;
  a_remitted: number | null;
  a_rejected: number | null;
  b_upheld: number | null;
  b_changed: number | null;
  b_remitted: number | null;
  b_rejected: number | null;
};

/**
 * The cells that changed from version `a` to version `b` (issue 3, point 6): Ankestyrelsen revises its
 * statistics, so a newer extraction may move single cells. Compared on the years both versions hold;
 * a cell present in only one of them is a change too. Keyed by municipality code, subject, law and year.
 */
export async function diffDatasetVersions(db: Queryable, a: number, b: number): Promise<{ years: number[]; changes: CellChange[] }> {
  const { rows: yearRows } = await db.query<{ year: number }>(
    `SELECT y AS year FROM (SELECT unnest(years) AS y FROM dataset_version WHERE id = $1
                        INTERSECT SELECT unnest(years) FROM dataset_version WHERE id = $2) s ORDER BY y`,
    [a, b],
  );
  const years = yearRows.map((r) => r.year);
  const { rows } = await db.query<DiffRow>(
    `WITH ca AS (SELECT * FROM complaint_cell WHERE dataset_version_id = $1 AND year = ANY($3::int[])),
          cb AS (SELECT * FROM complaint_cell WHERE dataset_version_id = $2 AND year = ANY($3::int[]))
     SELECT COALESCE(ca.municipality_code, cb.municipality_code) AS municipality_code,
            COALESCE(ca.subject, cb.subject) AS subject, COALESCE(ca.law, cb.law) AS law, COALESCE(ca.year, cb.year) AS year,
            ca.upheld AS a_upheld, ca.changed AS a_changed, ca.remitted AS a_remitted, ca.rejected AS a_rejected,
            cb.upheld AS b_upheld, cb.changed AS b_changed, cb.remitted AS b_remitted, cb.rejected AS b_rejected
       FROM ca FULL OUTER JOIN cb
         ON ca.year = cb.year AND ca.subject = cb.subject AND ca.law = cb.law
        AND ca.municipality_code IS NOT DISTINCT FROM cb.municipality_code
      WHERE ca.upheld IS DISTINCT FROM cb.upheld OR ca.changed IS DISTINCT FROM cb.changed
         OR ca.remitted IS DISTINCT FROM cb.remitted OR ca.rejected IS DISTINCT FROM cb.rejected
      ORDER BY 4, 1 NULLS FIRST, 3, 2`,
    [a, b, years],
  );
  const counts = (u: number | null, c: number | null, r: number | null, j: number | null): OutcomeCounts | null =>
    u === null ? null : { upheld: u, changed: c!, remitted: r!, rejected: j! };
  return {
    years,
    changes: rows.map((r) => ({
      municipalityCode: r.municipality_code,
      subject: r.subject,
      law: r.law,
      year: r.year,
      before: counts(r.a_upheld, r.a_changed, r.a_remitted, r.a_rejected),
      after: counts(r.b_upheld, r.b_changed, r.b_remitted, r.b_rejected),
    })),
  };
}
