import type { Database } from "../../storage/database.js";
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupFileError, createBackupWriter, openBackupReader } from "../../storage/backup-file.js";
import type { Caller } from "../caller.js";
import { refuse, type Refusal } from "../use-case-result.js";
import type { CopiedTable, CopyProgress } from "./copy-source.js";
import { withDatabaseSnapshot } from "./database-snapshot.js";
import { refuseUnlessOperator } from "./operator-only.js";

/** Reads the written file through the restore's own checks (every line, every table's row count, the end mark). */
async function readWhole(file: string): Promise<void> {
  const reader = await openBackupReader(file);
  for await (const { batches } of reader.tables()) for await (const _ of batches);
}

export type BackupResult = {
  readonly kind: "backed-up";
  readonly file: string;
  readonly bytes: number;
  readonly schema: string;
  readonly createdAt: string;
  readonly tables: readonly CopiedTable[];
};

/**
 * `danmarkskort backup <fil>`: every table of `db` from one consistent snapshot into one file, with the
 * counts and checksums a restore checks against (storage/backup-file.ts describes the format).
 */
export async function backupDatabase(
  caller: Caller,
  db: Database,
  request: { readonly file: string; readonly now: Date; readonly sourceDa: string; readonly onProgress?: CopyProgress },
): Promise<BackupResult | Refusal> {
  const refusal = refuseUnlessOperator(caller);
  if (refusal) return refusal;
  const progress = request.onProgress ?? (() => undefined);
  const createdAt = request.now.toISOString();
  try {
    return await withDatabaseSnapshot<BackupResult>(db, request.sourceDa, async (source) => {
      const writer = await createBackupWriter(request.file, {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        createdAt,
        engine: source.engine,
        schema: source.schema,
        tables: source.tables,
        sequences: source.sequences,
      });
      try {
        for await (const { table, batches } of source.rows()) {
          progress(`Skriver ${table.name} (${table.rows} ${table.rows === 1 ? "række" : "rækker"}) …`);
          await writer.writeTableStart(table.name);
          for await (const batch of batches) await writer.writeRows(batch);
        }
        progress("Læser sikkerhedskopien igen for at kontrollere, at den er hel …");
        const bytes = await writer.finish(readWhole);
        return { kind: "backed-up", file: request.file, bytes, schema: source.schema.at(-1)!, createdAt, tables: source.tables.map((t) => ({ name: t.name, rows: t.rows, checksum: t.checksum })) };
      } catch (error) {
        await writer.abort();
        throw error;
      }
    });
  } catch (error) {
    if (error instanceof BackupFileError) return refuse(400, error.message);
    throw error;
  }
}
