/**
 * What an import learns about a file beyond its cells (issue 3): the data rows it had (row_count counts
 * the stored yearly cells) and the years whose quarters were not all present, so every page showing
 * such a year can say it is incomplete.
 */
export const sql = `
ALTER TABLE dataset_version ADD COLUMN file_row_count integer;
ALTER TABLE dataset_version ADD COLUMN incomplete_years integer[] NOT NULL DEFAULT '{}';
`;
