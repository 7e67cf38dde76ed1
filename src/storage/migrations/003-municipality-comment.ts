/**
 * A municipality's own comment on its figures for a data year (issue 5, point 4), shown on its profile.
 * One comment per municipality and year; writing again replaces it (updated_at says when).
 */
export const sql = `
CREATE TABLE municipality_comment (
  municipality_code text NOT NULL CHECK (municipality_code ~ '^[0-9]{4}$'),
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  body text NOT NULL CHECK (length(btrim(body)) > 0),
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (municipality_code, year)
);
`;
