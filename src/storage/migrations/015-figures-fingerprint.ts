/**
 * dataset_version.figures_fingerprint (issue 19, "same data, same version"): the md5 of the version's cells
 * in one canonical order, so a file whose figures equal a stored version's (another file name, another
 * column order, quoting, encoding or line ends) is reported as "samme tal som version N" and stores nothing.
 * md5 is an identity here, not a security measure. The function is the one definition, used by the import
 * and by the back-fill below, so stored and new fingerprints always agree.
 */
export const sql = `
CREATE FUNCTION dataset_figures_fingerprint(version_id integer) RETURNS text LANGUAGE sql STABLE AS $fn$
  SELECT md5(coalesce(string_agg(
           concat_ws('|', coalesce(municipality_code, '-'), law, subject, year, upheld, changed, remitted, rejected),
           E'\\n' ORDER BY year, municipality_code COLLATE "C" NULLS FIRST, law COLLATE "C", subject COLLATE "C"), ''))
    FROM complaint_cell WHERE dataset_version_id = version_id
$fn$;

ALTER TABLE dataset_version ADD COLUMN figures_fingerprint text;
UPDATE dataset_version SET figures_fingerprint = dataset_figures_fingerprint(id);
CREATE INDEX dataset_version_figures_fingerprint ON dataset_version (figures_fingerprint);
`;
