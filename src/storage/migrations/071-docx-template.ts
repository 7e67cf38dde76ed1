/**
 * The municipality's own Word template for the agenda item (issue 16, point 2): one per municipality,
 * checked before it is stored (every placeholder known), kept with its name, size and SHA-256.
 */
export const sql = `
CREATE TABLE municipality_docx_template (
  municipality_code text PRIMARY KEY CHECK (municipality_code ~ '^[0-9]{4}$'),
  file_name text NOT NULL CHECK (length(btrim(file_name)) BETWEEN 1 AND 200),
  content bytea NOT NULL,
  size_bytes integer NOT NULL CHECK (size_bytes = octet_length(content)),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  placeholders text[] NOT NULL,
  uploaded_at timestamptz NOT NULL
);
`;
