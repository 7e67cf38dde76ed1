import type { Database } from "../storage/database.js";
import { describeStorage, openDatabase, type StorageConfig } from "../storage/open-database.js";

/**
 * Opens the configured database for one piece of work and closes it after. `where` names it ("indlejret database
 * i /srv/data", "PostgreSQL (vært:5432/danmarkskort)"): every command that writes says where it wrote (issue 9),
 * so nobody imports into one database and looks at another. A locked data dir (DataDirLockedError) is left to
 * the door, which says so in Danish.
 */
export async function withDatabase<T>(storage: StorageConfig, work: (db: Database, where: string) => Promise<T>): Promise<T> {
  const db = await openDatabase(storage);
  try {
    return await work(db, describeStorage(storage));
  } finally {
    await db.close();
  }
}
