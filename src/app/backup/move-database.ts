import type { Database } from "../../storage/database.js";
import type { Caller } from "../caller.js";
import { refuse, type Refusal } from "../use-case-result.js";
import { copyIntoDatabase, type CopyResult } from "./copy-into-database.js";
import type { CopyProgress } from "./copy-source.js";
import { withDatabaseSnapshot } from "./database-snapshot.js";
import { refuseUnlessOperator } from "./operator-only.js";

/**
 * `danmarkskort flyt --til postgres://…`: the embedded database into an empty PostgreSQL database, table by
 * table in one transaction there, verified by count and checksum per table before it commits. The embedded
 * data dir is only read; it stays as it was, so the move can be tried again or undone by not switching.
 */
export async function moveDatabase(
  caller: Caller,
  source: Database,
  target: Database,
  request: { readonly sourceDa: string; readonly targetDa: string; readonly onProgress?: CopyProgress },
): Promise<CopyResult | Refusal> {
  const refusal = refuseUnlessOperator(caller);
  if (refusal) return refusal;
  if (source.kind !== "pglite") return refuse(400, `flyt flytter fra den indlejrede database, men den konfigurerede database er ${request.sourceDa}. Fjern DATABASE_URL, og sæt DANMARKSKORT_DATA_DIR til datamappen.`);
  if (target.kind !== "postgres") return refuse(400, "flyt --til skal være en PostgreSQL-adresse (postgres://…).");
  return withDatabaseSnapshot(source, request.sourceDa, (snapshot) => copyIntoDatabase(target, snapshot, { replace: false, targetDa: request.targetDa, onProgress: request.onProgress }));
}
