/**
 * Ankestyrelsen's follow-up on each council's treatment of a year's map (issue 15, item 4): one category
 * per municipality and data year, with a private note. Written by tilsyn through the application layer,
 * which records every change in the audit trail; the CHECKs repeat the domain's limits so no other writer
 * can store what the product would refuse.
 */
export const sql = `
CREATE TABLE compliance_follow_up (
  municipality_code text NOT NULL CHECK (municipality_code ~ '^[0-9]{4}$'),
  data_year integer NOT NULL CHECK (data_year BETWEEN 2016 AND 2100),
  category text NOT NULL CHECK (category IN ('none', 'asked-for-stance', 'ordered-plan', 'reminded-of-deadline')),
  note text CHECK (note IS NULL OR length(note) BETWEEN 1 AND 2000),
  updated_at timestamptz NOT NULL,
  updated_by text NOT NULL CHECK (length(updated_by) BETWEEN 1 AND 320),
  PRIMARY KEY (municipality_code, data_year)
);
CREATE INDEX compliance_follow_up_year ON compliance_follow_up (data_year);
`;
