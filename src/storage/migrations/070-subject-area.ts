/**
 * The municipality's own subject → area table (issue 16, point 4): one row per subject label the
 * municipality has placed in one of its areas/departments. Keyed by the label as imported, so a table
 * survives a new year's import; a label Ankestyrelsen renames simply shows as not placed until edited.
 */
export const sql = `
CREATE TABLE municipality_subject_area (
  municipality_code text NOT NULL CHECK (municipality_code ~ '^[0-9]{4}$'),
  subject text NOT NULL CHECK (length(btrim(subject)) BETWEEN 1 AND 500),
  area text NOT NULL CHECK (length(btrim(area)) BETWEEN 1 AND 200),
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (municipality_code, subject)
);
`;
