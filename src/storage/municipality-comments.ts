import type { Queryable } from "./database.js";
import { toIsoTimestamp, toIsoTimestampOrNull } from "./timestamps.js";

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
  // PostgreSQL cannot store NUL, and ESC and the other controls would reach pages and terminals (issue 19).
  // eslint-disable-next-line no-control-regex
  const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.exec(comment.text);
  if (control) {
    const line = comment.text.slice(0, control.index).split("\n").length;
    throw new CommentValidationError(`Kommentaren indeholder et styretegn (U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}) i linje ${line}; fjern det og prøv igen.`);
  }
  if (comment.text.length > MAX_COMMENT_LENGTH) {
    throw new CommentValidationError(`Kommentaren er på ${comment.text.length} tegn; højst ${MAX_COMMENT_LENGTH} tegn er tilladt.`);
  }
}

/** Draft: seen only by the municipality's own users (and the national roles). Published: on every public page. */
export type CommentStatus = "draft" | "published";

/** The comment as its editors see it: with its state, drafts included. */
export type CommentRecord = MunicipalityComment & { readonly status: CommentStatus; readonly publishedAt: string | null };

/**
 * Stores the comment, replacing an earlier one for the same municipality and year (one per yearly map).
 * Without `status` it is published at once, as the operator's command always did.
 */
export async function saveMunicipalityComment(db: Queryable, comment: MunicipalityComment & { readonly status?: CommentStatus }): Promise<CommentRecord> {
  validateMunicipalityComment(comment);
  const status = comment.status ?? "published";
  const { rows } = await db.query<CommentRow>(
    `INSERT INTO municipality_comment (municipality_code, year, body, updated_at, status, published_at)
     VALUES ($1, $2, $3, $4, $5, CASE WHEN $5 = 'published' THEN $4::timestamptz END)
     ON CONFLICT (municipality_code, year) DO UPDATE SET body = EXCLUDED.body, updated_at = EXCLUDED.updated_at,
       status = EXCLUDED.status, published_at = EXCLUDED.published_at
     RETURNING ${COLUMNS}`,
    [comment.municipalityCode, comment.year, comment.text.trim(), comment.updatedAt, status],
  );
  return toRecord(rows[0]!);
}

type CommentRow = { municipality_code: string; year: number; body: string; updated_at: Date | string; status: CommentStatus; published_at: Date | string | null };
const COLUMNS = "municipality_code, year, body, updated_at, status, published_at";

function toComment(row: CommentRow): MunicipalityComment {
  return {
    municipalityCode: row.municipality_code,
    year: Number(row.year),
    text: row.body,
    updatedAt: toIsoTimestamp(row.updated_at),
  };
}

function toRecord(row: CommentRow): CommentRecord {
  return { ...toComment(row), status: row.status, publishedAt: toIsoTimestampOrNull(row.published_at) };
}

/** The published comment (what the public sees), or null when there is none or it is a draft. */
export async function loadMunicipalityComment(db: Queryable, municipalityCode: string, year: number): Promise<MunicipalityComment | null> {
  const result = await db.query<CommentRow>(`SELECT ${COLUMNS} FROM municipality_comment WHERE municipality_code = $1 AND year = $2 AND status = 'published'`, [municipalityCode, year]);
  return result.rows[0] ? toComment(result.rows[0]) : null;
}

/** Every published comment of a municipality, newest year first. */
export async function listMunicipalityComments(db: Queryable, municipalityCode: string): Promise<MunicipalityComment[]> {
  const result = await db.query<CommentRow>(`SELECT ${COLUMNS} FROM municipality_comment WHERE municipality_code = $1 AND status = 'published' ORDER BY year DESC`, [municipalityCode]);
  return result.rows.map(toComment);
}

/** The comment with its state, draft or published: for the municipality's own users, never for a public page. */
export async function loadCommentRecord(db: Queryable, municipalityCode: string, year: number): Promise<CommentRecord | null> {
  const result = await db.query<CommentRow>(`SELECT ${COLUMNS} FROM municipality_comment WHERE municipality_code = $1 AND year = $2`, [municipalityCode, year]);
  return result.rows[0] ? toRecord(result.rows[0]) : null;
}

/** Every comment of a municipality with its state, newest year first. */
export async function listCommentRecords(db: Queryable, municipalityCode: string): Promise<CommentRecord[]> {
  const result = await db.query<CommentRow>(`SELECT ${COLUMNS} FROM municipality_comment WHERE municipality_code = $1 ORDER BY year DESC`, [municipalityCode]);
  return result.rows.map(toRecord);
}

/** Removes the comment; returns whether there was one. */
export async function deleteMunicipalityComment(db: Queryable, municipalityCode: string, year: number): Promise<boolean> {
  const result = await db.query<{ year: number }>("DELETE FROM municipality_comment WHERE municipality_code = $1 AND year = $2 RETURNING year", [municipalityCode, year]);
  return result.rows.length > 0;
}
