import type { Database } from "../../storage/database.js";
import { readAppliedMigrationIds, readSequenceStates, readTableShapes } from "../../storage/table-catalog.js";
import { readTableRows, summarizeTables, useCanonicalTextOutput } from "../../storage/table-rows.js";
import { refuse, type Refusal } from "../use-case-result.js";
import { migrationsForSchema, type CopySource } from "./copy-source.js";

/**
 * Runs `work` on a consistent picture of `db`: one REPEATABLE READ, READ ONLY transaction, so a server
 * writing on PostgreSQL meanwhile changes nothing the copy sees (the embedded database admits one process,
 * so there the server must be stopped anyway). Counts and checksums are taken in the same snapshot as the
 * rows, before them.
 */
export async function withDatabaseSnapshot<T>(db: Database, describeDa: string, work: (source: CopySource) => Promise<T | Refusal>): Promise<T | Refusal> {
  return db.transaction(async (tx) => {
    await tx.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    await useCanonicalTextOutput(tx);
    const schema = await readAppliedMigrationIds(tx);
    if (schema === null || schema.length === 0) return refuse(409, `Der er intet at kopiere: ${describeDa} er ikke taget i brug (den har ingen tabeller fra danmarkskort).`);
    const migrations = migrationsForSchema(schema, `Databasen (${describeDa})`);
    if (!Array.isArray(migrations)) return migrations;
    const shapes = await readTableShapes(tx);
    const summaries = await summarizeTables(tx, shapes);
    const tables = shapes.map((shape, i) => ({ ...shape, rows: summaries[i]!.rows, checksum: summaries[i]!.checksum }));
    const source: CopySource = {
      engine: db.kind,
      schema: migrations.map((m) => m.id),
      tables,
      sequences: await readSequenceStates(tx),
      async *rows() {
        for (const table of tables) yield { table, batches: readTableRows(tx, table) };
      },
    };
    return work(source);
  });
}
