import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { copyStatement, type Database, type Queryable, type Row, type Transaction } from "./database.js";

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

/** A PostgreSQL server reached through `connectionString` (DATABASE_URL), with a small pool. */
export async function openPostgresDatabase(connectionString: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // Fail at start-up, with the server's own message, rather than on the first request.
  const probe = await pool.connect();
  probe.release();
  return {
    kind: "postgres",
    ...queryable(pool),
    async transaction(work) {
      const client = await pool.connect();
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
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
