/**
 * complaint_cell → dataset_version, checked once per statement instead of once per row (issue 3, point 8).
 *
 * The foreign key of 001 runs one lookup with a row lock per inserted cell. A million-row talportal file
 * becomes a quarter of a million cells, and that per-row check took longer than the COPY of the cells
 * itself (bench/import.bench.ts; measured on PostgreSQL 15: 2,7–3,4 s with the key, 1,1–1,3 s with this
 * check, 0,8–1,1 s with the index alone). The rule stays in the database: every statement that inserts or
 * updates cells is checked over all its new rows at once (a transition table), the versions it refers to
 * are locked FOR KEY SHARE as the foreign key would, and deleting a version still deletes its cells.
 */
export const sql = `
ALTER TABLE complaint_cell DROP CONSTRAINT complaint_cell_dataset_version_id_fkey;

CREATE FUNCTION complaint_cell_check_version() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  wanted integer;
  found integer;
BEGIN
  SELECT count(*) INTO wanted FROM (SELECT DISTINCT dataset_version_id FROM new_cells) w;
  SELECT count(*) INTO found FROM (
    SELECT 1 FROM dataset_version v
     WHERE v.id IN (SELECT dataset_version_id FROM new_cells)
       FOR KEY SHARE OF v
  ) f;
  IF found <> wanted THEN
    RAISE EXCEPTION 'complaint_cell refers to a dataset_version that does not exist'
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END
$fn$;

CREATE TRIGGER complaint_cell_version_on_insert AFTER INSERT ON complaint_cell
  REFERENCING NEW TABLE AS new_cells FOR EACH STATEMENT EXECUTE FUNCTION complaint_cell_check_version();
CREATE TRIGGER complaint_cell_version_on_update AFTER UPDATE ON complaint_cell
  REFERENCING NEW TABLE AS new_cells FOR EACH STATEMENT EXECUTE FUNCTION complaint_cell_check_version();

CREATE FUNCTION dataset_version_delete_cells() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  DELETE FROM complaint_cell c USING old_versions o WHERE c.dataset_version_id = o.id;
  RETURN NULL;
END
$fn$;

CREATE TRIGGER dataset_version_cascade_cells AFTER DELETE ON dataset_version
  REFERENCING OLD TABLE AS old_versions FOR EACH STATEMENT EXECUTE FUNCTION dataset_version_delete_cells();
`;
