import type { Queryable } from "./database.js";

/** A municipality's comment on its figures for one data year, as written by the municipality. */
export type MunicipalityComment = {
  readonly municipalityCode: string;
  readonly year: number;
  readonly text: string;
  /** ISO 8601 timestamp of the last change. */
  readonly updatedAt: string;
};

/** Longest comment accepted: about a page of text, which is what a profile has room for. */
export const MAX_COMMENT_LENGTH = 4000;

export class CommentValidationError extends Error {}

/** Checks what the database would also refuse, with a Danish message a user can act on. */
export function validateMunicipalityComment(comment: Pick<MunicipalityComment, "municipalityCode" | "year" | "text">): void {
  if (!/^\d{4}$/.test(comment.municipalityCode)) throw new CommentValidationError(`Kommunekoden skal være fire cifre, ikke "${comment.municipalityCode}".`);
  if (!Number.isInteger(comment.year) || comment.year < 2000 || comment.year > 2100) throw new CommentValidationError(`Året skal være et årstal mellem 2000 og 2100, ikke "${comment.year}".`);
  if (comment.text.trim().length === 0) throw new CommentValidationError("Kommentaren er tom.");
  if (comment.text.length > MAX_COMMENT_LENGTH) {
    throw new CommentValidationError(`Kommentaren er på ${comment.text.length} tegn; højst ${MAX_COMMENT_LENGTH} tegn er tilladt.`);
  }
}

/** Stores the comment, replacing an earlier one for the same municipality and year. */
export async function saveMunicipalityComment(db: Queryable, comment: MunicipalityComment): Promise<void> {
  validateMunicipalityComment(comment);
  await db.query(
    `INSERT INTO municipality_comment (municipality_code, year, body, updated_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (municipality_code, year) DO UPDATE SET body = EXCLUDED.body, updated_at = EXCLUDED.updated_at`,
    [comment.municipalityCode, comment.year, comment.text.trim(), comment.updatedAt],
  );
}

type CommentRow = { municipality_code: string; year: number; body: string; updated_at: Date | string };

function toComment(row: CommentRow): MunicipalityComment {
  return {
    municipalityCode: row.municipality_code,
    year: Number(row.year),
    text: row.body,
    updatedAt: (row.updated_at instanceof Date ? row.updated_at : new Date(row.updated_at)).toISOString(),
  };
}

export async function loadMunicipalityComment(db: Queryable, municipalityCode: string, year: number): Promise<MunicipalityComment | null> {
  const result = await db.query<CommentRow>("SELECT municipality_code, year, body, updated_at FROM municipality_comment WHERE municipality_code = $1 AND year = $2", [municipalityCode, year]);
  return result.rows[0] ? toComment(result.rows[0]) : null;
}

/** Every comment of a municipality, newest year first. */
export async function listMunicipalityComments(db: Queryable, municipalityCode: string): Promise<MunicipalityComment[]> {
  const result = await db.query<CommentRow>("SELECT municipality_code, year, body, updated_at FROM municipality_comment WHERE municipality_code = $1 ORDER BY year DESC", [municipalityCode]);
  return result.rows.map(toComment);
}

/** Removes the comment; returns whether there was one. */
export async function deleteMunicipalityComment(db: Queryable, municipalityCode: string, year: number): Promise<boolean> {
  const result = await db.query<{ year: number }>("DELETE FROM municipality_comment WHERE municipality_code = $1 AND year = $2 RETURNING year", [municipalityCode, year]);
  return result.rows.length > 0;
}
