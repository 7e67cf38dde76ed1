/**
 * Every write that changes the shown figures notifies the channel `danmarkskort_data` (issue 17, item 1):
 * a new or removed dataset version, a published mark set or taken away, a Danmarks Statistik context version.
 * The NOTIFY is sent by a statement trigger, so it belongs to the writer's own transaction whichever path
 * writes (import, publish, removal, restore, a person with psql) and is delivered at commit only: other
 * instances LISTENing (data-change-listener.ts) revalidate their caches at once instead of after the next
 * periodic check. A transaction that notifies several times is delivered once (PostgreSQL folds equal
 * notifications of one transaction). PGlite runs the same trigger; no one listens there.
 */
export const sql = `
CREATE FUNCTION notify_data_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM pg_notify('danmarkskort_data', TG_TABLE_NAME);
  RETURN NULL;
END
$fn$;

CREATE TRIGGER dataset_version_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON dataset_version
  FOR EACH STATEMENT EXECUTE FUNCTION notify_data_change();
CREATE TRIGGER dataset_pin_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON dataset_pin
  FOR EACH STATEMENT EXECUTE FUNCTION notify_data_change();
CREATE TRIGGER context_version_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON context_version
  FOR EACH STATEMENT EXECUTE FUNCTION notify_data_change();
`;
