/** Dataset versions and the complaint cells they hold (docs/architecture.md, "Storage"). */
export const sql = `
CREATE TABLE dataset_version (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  file_name text NOT NULL,
  sha256 text NOT NULL UNIQUE,
  layout text NOT NULL,
  source text,
  extracted_on date,
  imported_at timestamptz NOT NULL,
  row_count integer NOT NULL,
  is_demo boolean NOT NULL DEFAULT false,
  years integer[] NOT NULL
);

-- One row per municipality (NULL: the national row as published) x subject x law x data year.
CREATE TABLE complaint_cell (
  dataset_version_id integer NOT NULL REFERENCES dataset_version(id) ON DELETE CASCADE,
  municipality_code char(4),
  subject text NOT NULL,
  law text NOT NULL,
  year integer NOT NULL,
  upheld integer NOT NULL CHECK (upheld >= 0),
  changed integer NOT NULL CHECK (changed >= 0),
  remitted integer NOT NULL CHECK (remitted >= 0),
  rejected integer NOT NULL CHECK (rejected >= 0)
);
CREATE INDEX complaint_cell_version_year ON complaint_cell (dataset_version_id, year);

-- At most one pinned version per data year; without a pin the newest extraction is active.
CREATE TABLE dataset_pin (
  year integer PRIMARY KEY,
  dataset_version_id integer NOT NULL REFERENCES dataset_version(id) ON DELETE CASCADE
);
`;
