import { PGlite, type Transaction as PGliteTransaction } from "@electric-sql/pglite";
import { copyStatement, countingWrites, type Database, type Row, type Transaction } from "./database.js";

function wrapTransaction(tx: PGliteTransaction): Transaction {
  return {
    async query<T extends Row>(sql: string, params?: readonly unknown[]) {
      const result = await tx.query<T>(sql, params as unknown[] | undefined);
      return { rows: result.rows };
    },
    async exec(sql: string) {
      await tx.exec(sql);
    },
    async copyCsv(table, columns, chunks) {
      // PGlite reads COPY input from a Blob at /dev/blob; one COPY per chunk keeps memory bounded.
      for await (const chunk of chunks) {
        if (chunk.length === 0) continue;
        await tx.query(copyStatement(table, columns, "'/dev/blob'"), [], { blob: new Blob([chunk]) });
      }
    },
  };
}

/**
 * Embedded PostgreSQL (PGlite, WebAssembly) in `dataDir`, or in memory when `dataDir` is undefined.
 * Only one process may open a data directory at a time: see `acquireDataDirLock`.
 */
export async function openPGliteDatabase(dataDir?: string): Promise<Database> {
  const db = dataDir === undefined ? new PGlite() : new PGlite(dataDir);
  await db.waitReady;
  return countingWrites({
    kind: "pglite",
    // In-process: there is no connection to lose.
    health: () => ({ kind: "up" }),
    async query<T extends Row>(sql: string, params?: readonly unknown[]) {
      const result = await db.query<T>(sql, params as unknown[] | undefined);
      return { rows: result.rows };
    },
    async exec(sql: string) {
      await db.exec(sql);
    },
    transaction: (work) => db.transaction((tx) => work(wrapTransaction(tx))),
    close: () => db.close(),
  });
}
