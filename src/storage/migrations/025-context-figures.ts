/**
 * Context figures from Danmarks Statistik (issue 18): population (FOLK1A) and benefit recipients (HAND07,
 * HAND06, HANDBU01). Versioned like complaint data: every imported file is one context_version with its
 * table, file, hash, extraction date and the periods it covers, and is kept (Danmarks Statistik revises).
 * A suppressed cell (`..`, diskretioneret) is stored as status 'suppressed' with no value, never as 0.
 */
export const sql = `
CREATE TABLE context_version (
  id serial PRIMARY KEY,
  table_id text NOT NULL CHECK (table_id IN ('FOLK1A', 'HAND07', 'HAND06', 'HANDBU01')),
  file_name text NOT NULL,
  sha256 text NOT NULL,
  source text,
  extracted_on date,
  imported_at timestamptz NOT NULL,
  period_from text NOT NULL,
  period_to text NOT NULL,
  figure_count integer NOT NULL,
  UNIQUE (table_id, sha256)
);
CREATE TABLE context_figure (
  context_version_id integer NOT NULL REFERENCES context_version(id) ON DELETE CASCADE,
  municipality_code text,
  measure text NOT NULL,
  measure_label text NOT NULL,
  year integer NOT NULL,
  quarter integer CHECK (quarter BETWEEN 1 AND 4),
  status text NOT NULL CHECK (status IN ('value', 'suppressed')),
  value double precision,
  CHECK ((status = 'value') = (value IS NOT NULL))
);
CREATE INDEX context_figure_version ON context_figure (context_version_id);
`;
