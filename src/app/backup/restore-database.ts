import type { Database } from "../../storage/database.js";
import { BackupFileError, openBackupReader, type BackupHeader } from "../../storage/backup-file.js";
import type { Caller } from "../caller.js";
import { refuse, type Refusal } from "../use-case-result.js";
import { copyIntoDatabase, type CopyResult } from "./copy-into-database.js";
import type { CopyProgress, CopySource } from "./copy-source.js";
import { refuseUnlessOperator } from "./operator-only.js";

export type RestoreResult = CopyResult & { readonly header: Pick<BackupHeader, "createdAt" | "engine"> };

/**
 * `danmarkskort gendan <fil>`: a backup into an empty database (or, with `replace`, instead of what the
 * database holds), checked line by line while it loads and by count and checksum per table before it
 * commits. A damaged file or a difference rolls everything back: the database is left as it was.
 */
export async function restoreDatabase(
  caller: Caller,
  db: Database,
  request: { readonly file: string; readonly replace: boolean; readonly targetDa: string; readonly onProgress?: CopyProgress },
): Promise<RestoreResult | Refusal> {
  const refusal = refuseUnlessOperator(caller);
  if (refusal) return refusal;
  try {
    const reader = await openBackupReader(request.file);
    const { header } = reader;
    request.onProgress?.(`Sikkerhedskopien er taget ${header.createdAt.slice(0, 19).replace("T", " ")} UTC af ${header.engine === "pglite" ? "den indlejrede database" : "PostgreSQL"} (skemaversion ${header.schema.at(-1) ?? "ingen"}).`);
    const source: CopySource = {
      engine: header.engine,
      schema: header.schema,
      tables: header.tables,
      sequences: header.sequences,
      rows: () => reader.tables(),
    };
    const result = await copyIntoDatabase(db, source, { replace: request.replace, targetDa: request.targetDa, onProgress: request.onProgress });
    return result.kind === "copied" ? { ...result, header: { createdAt: header.createdAt, engine: header.engine } } : result;
  } catch (error) {
    if (error instanceof BackupFileError) return refuse(400, `${error.message} Intet er ændret i ${request.targetDa}.`);
    throw error;
  }
}
