/**
 * The slice of a SQL database the project uses. PGlite (embedded) and PostgreSQL (`pg`) both
 * implement it, so every storage function works on either (style.md habit 7).
 */
export type Row = Record<string, unknown>;

export interface Queryable {
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<{ rows: T[] }>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Transaction extends Queryable {
  /**
   * Bulk-loads CSV text (no header, comma-separated, standard CSV quoting) into `table(columns)`
   * with COPY: the fast path for large imports. Chunks should end on a row boundary.
   */
  copyCsv(table: string, columns: readonly string[], chunks: AsyncIterable<string> | Iterable<string>): Promise<void>;
}

/** `pg.Pool`'s counts: connections open, of those idle, and callers waiting for one. */
export type PoolConnections = { readonly total: number; readonly idle: number; readonly waiting: number };

export type DatabaseHealth = { readonly kind: "up" } | { readonly kind: "down"; readonly sinceMs: number; readonly attempts: number };

/**
 * The database cannot be reached right now (PostgreSQL ended the connection, restarts, or is gone); the
 * pool reconnects by itself. The server answers 503 with this message; nothing was written.
 */
export class DatabaseUnavailableError extends Error {
  constructor() {
    super("Databasen svarer ikke lige nu. Serveren forbinder igen af sig selv; prøv igen om lidt.");
  }
}

/** The configured database cannot be opened; the message says why in Danish, without a stack trace. */
export class DatabaseOpenError extends Error {}

export interface Database extends Queryable {
  readonly kind: "pglite" | "postgres";
  /** Up, or down since a lost connection while the pool reconnects (PGlite is always up). */
  health(): DatabaseHealth;
  /** A pool's connections, for /metrics (PostgreSQL; PGlite has one connection and no pool). */
  poolConnections?(): PoolConnections;
  /**
   * Calls `onChange` when another process has committed a change to the shown figures (an import, a removal,
   * a published mark); returns a function that stops it. PostgreSQL only (LISTEN/NOTIFY, data-change-listener.ts):
   * the embedded database has one process, whose own caches see its writes.
   */
  onDataChange?(onChange: () => void): () => void;
  /** Runs `work` in one transaction: all its writes commit together, or none do. */
  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  /**
   * How many writing statements and transactions this handle has finished: a cheap "has anything changed
   * here?" for in-memory caches (the page cache), which then ask the database what changed. Writes by other
   * processes are not counted; those caches also look again after a second. A lost connection that is back
   * counts too (PostgreSQL): what happened to the database meanwhile is unknown.
   */
  writeCount(): number;
  close(): Promise<void>;
}

/** A statement that may change data (a SELECT … FOR UPDATE counts too: a cache then looks once more, harmlessly). */
const WRITING = /\b(INSERT|UPDATE|DELETE|TRUNCATE|CREATE|DROP|ALTER|COPY|MERGE)\b/i;

/**
 * Adds writeCount to a database: each writing statement counts when it has run, and a transaction with
 * writes counts once more when it has committed, so a cache that looked while it was open looks again.
 */
export function countingWrites(db: Omit<Database, "writeCount">): Database {
  let writes = 0;
  const note = (sql: string) => {
    if (WRITING.test(sql)) writes++;
  };
  const inTransaction = (tx: Transaction): Transaction => ({
    async query<T extends Row = Row>(sql: string, params?: readonly unknown[]) {
      const result = await tx.query<T>(sql, params);
      note(sql);
      return result;
    },
    async exec(sql: string) {
      await tx.exec(sql);
      note(sql);
    },
    async copyCsv(table, columns, chunks) {
      await tx.copyCsv(table, columns, chunks);
      writes++;
    },
  });
  return {
    ...db,
    async query<T extends Row = Row>(sql: string, params?: readonly unknown[]) {
      const result = await db.query<T>(sql, params);
      note(sql);
      return result;
    },
    async exec(sql: string) {
      await db.exec(sql);
      note(sql);
    },
    async transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
      const before = writes;
      const result = await db.transaction((tx) => work(inTransaction(tx)));
      if (writes !== before) writes++;
      return result;
    },
    writeCount: () => writes,
  };
}

/** Identifiers in COPY statements come from our own code, never from input; this guards that promise. */
export function assertSqlIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Ugyldigt SQL-navn: ${name}`);
  return name;
}

export function copyStatement(table: string, columns: readonly string[], from: string): string {
  return `COPY ${assertSqlIdentifier(table)} (${columns.map(assertSqlIdentifier).join(", ")}) FROM ${from} WITH (FORMAT csv)`;
}
