import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createDataChangeListener } from "./data-change-listener.js";
import { ConnectionHealth, isConnectionLoss } from "./connection-health.js";
import { copyStatement, countingWrites, DatabaseUnavailableError, type Database, type Queryable, type Row, type Transaction } from "./database.js";

// Data years and counts are plain integers; keep bigint sums (count(*), sum()) as JS numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
// Dates stay ISO strings ("2025-06-10"), as PGlite returns them, not local-midnight Date objects.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

function queryable(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T extends Row>(sql: string, params?: readonly unknown[]) {
      const result = await client.query<T>(sql, params as unknown[] | undefined);
      return { rows: result.rows };
    },
    async exec(sql: string) {
      // Without parameters pg uses the simple query protocol, which runs several statements.
      await client.query(sql);
    },
  };
}

/** A plain read: safe to send again on a new connection when the first one died under it. */
function isRetryableRead(sql: string): boolean {
  return /^\s*select\b/i.test(sql);
}

export type PostgresOptions = {
  /** Runs on the database after a lost connection is back, before requests pass (migrations). */
  readonly onRecovered?: (db: Database) => Promise<void>;
  readonly poolSize?: number;
};

/**
 * A PostgreSQL server reached through `connectionString` (DATABASE_URL), with a small pool that survives
 * lost connections (issue 19): an idle connection the server ends (pg_terminate_backend, a restart, a
 * failover) is an `error` event on the pool, which is handled instead of ending the process; a statement
 * whose connection is lost marks the pool down, and a reconnect loop with backoff brings it back
 * (ConnectionHealth). Meanwhile every call fails at once with DatabaseUnavailableError (the server's 503).
 * A plain SELECT that lost its connection is sent once more on a fresh one, so a single ended connection is
 * invisible to a reader. Besides the pool, one dedicated connection LISTENs for committed changes to the figures
 * (onDataChange, data-change-listener.ts), opened when a cache first subscribes.
 */
export async function openPostgresDatabase(connectionString: string, options: PostgresOptions = {}): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: options.poolSize ?? 10, connectionTimeoutMillis: 10_000, keepAlive: true });
  // An idle client whose connection ended: the pool drops it and emits this; without a listener Node would exit.
  pool.on("error", () => health.lost());

  /** Runs `work`; a lost connection becomes DatabaseUnavailableError and starts the reconnect loop. */
  async function guarded<T>(work: () => Promise<T>): Promise<T> {
    health.assertUp();
    try {
      return await work();
    } catch (error) {
      if (!isConnectionLoss(error)) throw error;
      health.lost();
      throw new DatabaseUnavailableError();
    }
  }

  const plain = queryable(pool);

  async function transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    // A checked-out client has no pool listener: an ended connection would be an unhandled `error` event.
    let broken: unknown;
    const onError = (error: unknown) => (broken = error);
    client.on("error", onError);
    try {
      await client.query("BEGIN");
      const tx: Transaction = {
        ...queryable(client),
        async copyCsv(table, columns, chunks) {
          const sink = client.query(copyFrom(copyStatement(table, columns, "STDIN")));
          await pipeline(Readable.from(chunks), sink);
        },
      };
      const result = await work(tx);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      if (!isConnectionLoss(error) && broken === undefined) await client.query("ROLLBACK").catch((e: unknown) => (broken = e));
      throw error;
    } finally {
      client.off("error", onError);
      // A broken client is destroyed rather than returned to the pool.
      client.release(broken instanceof Error ? broken : broken === undefined ? undefined : true);
    }
  }

  // What migrations and the reconnect loop use: the same pool, without the "down" gate.
  const raw: Database = countingWrites({
    kind: "postgres",
    ...plain,
    health: () => ({ kind: "up" }),
    transaction,
    close: () => pool.end(),
  });

  // Each time a lost connection is back: whatever happened meanwhile (a restart, a database dropped and made
  // again, a restore) is unknown here, so the caches that watch writeCount must look again.
  let recoveries = 0;
  const health: ConnectionHealth = new ConnectionHealth({
    probe: async () => {
      await pool.query("SELECT 1");
    },
    onRecovered: async () => {
      await options.onRecovered?.(raw);
      recoveries++;
    },
  });

  // Fail at start-up rather than on the first request; the caller turns this into a Danish message.
  const probe = await pool.connect().catch(async (error: unknown) => {
    await pool.end().catch(() => undefined);
    throw error;
  });
  probe.release();
  const dataChanges = createDataChangeListener(connectionString);

  const db = countingWrites({
    kind: "postgres",
    health: () => health.current(),
    poolConnections: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    async query<T extends Row>(sql: string, params?: readonly unknown[]) {
      const wasUp = health.current().kind === "up";
      try {
        return await guarded(() => plain.query<T>(sql, params));
      } catch (error) {
        if (!wasUp || !(error instanceof DatabaseUnavailableError) || !isRetryableRead(sql)) throw error;
        // One more try on a fresh connection: pg_terminate_backend of a pooled client is not an outage.
        if (!(await health.probeNow())) throw error;
        return guarded(() => plain.query<T>(sql, params));
      }
    },
    exec: (sql) => guarded(() => plain.exec(sql)),
    transaction: (work) => guarded(() => transaction(work)),
    onDataChange: (onChange) => dataChanges.subscribe(onChange),
    async close() {
      health.close();
      await dataChanges.close();
      await pool.end();
    },
  });
  return { ...db, writeCount: () => db.writeCount() + recoveries };
}
