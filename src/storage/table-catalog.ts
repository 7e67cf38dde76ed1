import { assertSqlIdentifier, type Queryable } from "./database.js";

/**
 * One application table as a copy sees it: the columns a row is written with (generated columns are left
 * out, the target computes them) and the columns its rows are read in order of (the primary key, or every
 * column for a table without one).
 */
export type TableShape = {
  readonly name: string;
  readonly columns: readonly string[];
  readonly orderBy: readonly string[];
};

/** Where an identity or serial column's sequence stands: restored as is, so the next id is the one the source would give. */
export type SequenceState = { readonly name: string; readonly lastValue: string; readonly isCalled: boolean };

/** The schema version lives in the header of a copy, not among its tables: the target's migrations write it. */
const NOT_COPIED = new Set(["schema_migration"]);

export type ForeignKeyEdge = { readonly table: string; readonly references: string };

/**
 * References the catalogue does not show: migration 004 replaced complaint_cell's foreign key to
 * dataset_version with a statement trigger (a per-row key was slower than the COPY itself), which still
 * refuses cells whose version is not there yet.
 */
const REFERENCES_BY_TRIGGER: readonly ForeignKeyEdge[] = [{ table: "complaint_cell", references: "dataset_version" }];

export class ForeignKeyCycleError extends Error {}

/**
 * Tables in an order where every table comes after the tables it refers to (Kahn's algorithm; ties by
 * name, so the order is the same on every run). A table that refers to itself is not a cycle: its rows are
 * read in primary-key order. A real cycle between tables cannot be loaded table by table and is refused.
 */
export function orderTablesByForeignKeys(tables: readonly string[], edges: readonly ForeignKeyEdge[]): string[] {
  const known = new Set(tables);
  const waitingOn = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const e of edges) {
    if (e.table === e.references || !known.has(e.table) || !known.has(e.references)) continue;
    waitingOn.get(e.table)!.add(e.references);
  }
  const ordered: string[] = [];
  const remaining = new Set([...tables].sort());
  while (remaining.size > 0) {
    const ready = [...remaining].find((t) => [...waitingOn.get(t)!].every((r) => !remaining.has(r)));
    if (ready === undefined) throw new ForeignKeyCycleError(`Tabellerne ${[...remaining].join(", ")} henviser til hinanden i ring og kan ikke kopieres én ad gangen.`);
    ordered.push(ready);
    remaining.delete(ready);
  }
  return ordered;
}

/** The application's tables in the public schema, read from the catalogue, in foreign-key order. */
export async function readTableShapes(db: Queryable): Promise<TableShape[]> {
  const tables = await db.query<{ name: string }>(
    "SELECT c.relname AS name FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition",
  );
  const names = tables.rows.map((r) => r.name).filter((n) => !NOT_COPIED.has(n));
  const edges = await db.query<{ table: string; references: string }>(
    `SELECT src.relname AS "table", dst.relname AS "references"
       FROM pg_constraint k JOIN pg_class src ON src.oid = k.conrelid JOIN pg_class dst ON dst.oid = k.confrelid
      WHERE k.contype = 'f' AND k.connamespace = 'public'::regnamespace`,
  );
  const columns = await db.query<{ table: string; name: string; generated: string; key_position: number | null }>(
    `SELECT c.relname AS "table", a.attname AS name, a.attgenerated::text AS generated,
            array_position(pk.conkey, a.attnum) AS key_position
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
       LEFT JOIN pg_constraint pk ON pk.conrelid = c.oid AND pk.contype = 'p'
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY c.relname, a.attnum`,
  );
  return orderTablesByForeignKeys(names, [...edges.rows, ...REFERENCES_BY_TRIGGER]).map((name) => {
    const own = columns.rows.filter((c) => c.table === name);
    const key = own.filter((c) => c.key_position !== null).sort((a, b) => a.key_position! - b.key_position!);
    const stored = own.filter((c) => c.generated === "").map((c) => assertSqlIdentifier(c.name));
    return { name: assertSqlIdentifier(name), columns: stored, orderBy: key.length > 0 ? key.map((c) => c.name) : stored };
  });
}

export async function readSequenceStates(db: Queryable): Promise<SequenceState[]> {
  const sequences = await db.query<{ name: string }>(
    "SELECT c.relname AS name FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'S' ORDER BY c.relname",
  );
  const states: SequenceState[] = [];
  for (const { name } of sequences.rows) {
    const { rows } = await db.query<{ last_value: string; is_called: boolean }>(`SELECT last_value::text AS last_value, is_called FROM ${assertSqlIdentifier(name)}`);
    states.push({ name, lastValue: rows[0]!.last_value, isCalled: rows[0]!.is_called });
  }
  return states;
}

export async function restoreSequenceStates(db: Queryable, states: readonly SequenceState[]): Promise<void> {
  for (const s of states) await db.query("SELECT setval($1::regclass, $2::bigint, $3)", [assertSqlIdentifier(s.name), s.lastValue, s.isCalled]);
}

/** Whether the database has any table of ours yet (a database made with createdb has none). */
export async function hasApplicationSchema(db: Queryable): Promise<boolean> {
  const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p')");
  return rows[0]!.n > 0;
}

export async function readAppliedMigrationIds(db: Queryable): Promise<string[] | null> {
  const { rows } = await db.query<{ name: string | null }>("SELECT to_regclass('public.schema_migration')::text AS name");
  if (rows[0]?.name == null) return null;
  return (await db.query<{ id: string }>("SELECT id FROM schema_migration ORDER BY id")).rows.map((r) => r.id);
}

/**
 * Drops every table, view, sequence and function of ours, so the migrations can build the schema anew in
 * the same transaction (`gendan --erstat`). Triggers and indexes go with their tables.
 */
export async function dropApplicationSchema(db: Queryable): Promise<void> {
  const relations = await db.query<{ kind: string; name: string }>(
    "SELECT relkind::text AS kind, relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p', 'v', 'm', 'S') ORDER BY relname",
  );
  const names = (kinds: string) => relations.rows.filter((r) => kinds.includes(r.kind)).map((r) => assertSqlIdentifier(r.name));
  const statements: [string, string[]][] = [
    ["DROP VIEW IF EXISTS", names("v")],
    ["DROP MATERIALIZED VIEW IF EXISTS", names("m")],
    ["DROP TABLE IF EXISTS", names("rp")],
    ["DROP SEQUENCE IF EXISTS", names("S")],
  ];
  for (const [drop, list] of statements) if (list.length > 0) await db.query(`${drop} ${list.join(", ")} CASCADE`);
  const functions = await db.query<{ signature: string }>("SELECT oid::regprocedure::text AS signature FROM pg_proc WHERE pronamespace = 'public'::regnamespace");
  for (const f of functions.rows) await db.query(`DROP FUNCTION IF EXISTS ${f.signature} CASCADE`);
}
