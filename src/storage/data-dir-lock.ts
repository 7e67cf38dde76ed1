import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export class DataDirLockedError extends Error {}

const heldByThisProcess = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * PGlite is one process's database: two processes writing one data directory corrupt it. The lock
 * file holds the owner's pid; a lock left by a killed process (pid gone) is taken over.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = join(dataDir, "danmarkskort.lock");
  // A lock file with our own pid is normally stale (a restarted container reuses small pids), so the
  // pid alone cannot tell a second open in this very process; this set can.
  if (heldByThisProcess.has(lockFile)) {
    throw new DataDirLockedError(`Datamappen ${dataDir} er allerede åbnet af denne proces.`);
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: "wx" });
      heldByThisProcess.add(lockFile);
      return () => {
        heldByThisProcess.delete(lockFile);
        rmSync(lockFile, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(readFileSync(lockFile, "utf8"));
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) {
        throw new DataDirLockedError(
          `Datamappen ${dataDir} bruges allerede af en anden danmarkskort-proces (pid ${owner}). ` +
            "Stop den først (fx serveren), eller brug PostgreSQL via DATABASE_URL, så flere processer kan arbejde samtidig.",
        );
      }
      rmSync(lockFile, { force: true });
    }
  }
  throw new DataDirLockedError(`Kunne ikke låse datamappen ${dataDir}.`);
}
