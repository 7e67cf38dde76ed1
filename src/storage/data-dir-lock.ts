import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";

export class DataDirLockedError extends Error {}

const heldByThisProcess = new Set<string>();

/**
 * Who holds a lock: the pid alone is not enough (issue 19). A container restart or a reboot hands the
 * same small pids to other processes, so a lock that trusted any live pid blocked the data dir for good.
 * The kernel's start time of the process (clock ticks after boot, /proc/<pid>/stat field 22) and the boot
 * id tell the holder apart from a later process with the same pid.
 */
export type LockOwner = {
  readonly pid: number;
  /** Field 22 of /proc/<pid>/stat; null where there is no /proc (the pid is then all we know). */
  readonly startTicks: string | null;
  readonly bootId: string | null;
  readonly host: string;
  readonly lockedAt: string;
};

/** /proc/<pid>/stat: the state (R, S, Z …) and the start time; null when the process does not exist. */
function procStat(pid: number): { state: string; startTicks: string } | null | "no-proc" {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ESRCH") {
      try {
        readFileSync("/proc/self/stat", "utf8");
        return null;
      } catch {
        return "no-proc";
      }
    }
    return "no-proc";
  }
  // The command name (field 2) is in parentheses and may itself hold spaces or ")": split after the last one.
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  return { state: fields[0] ?? "", startTicks: fields[19] ?? "" };
}

function readBootId(): string | null {
  try {
    return readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
  } catch {
    return null;
  }
}

export function currentLockOwner(): LockOwner {
  const stat = procStat(process.pid);
  return {
    pid: process.pid,
    startTicks: stat && stat !== "no-proc" ? stat.startTicks : null,
    bootId: readBootId(),
    host: hostname(),
    lockedAt: new Date().toISOString(),
  };
}

/** The lock file's owner; a bare pid is the format before issue 19. Null when the file says nothing usable. */
export function parseLockOwner(text: string): LockOwner | null {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return { pid: Number(trimmed), startTicks: null, bootId: null, host: "", lockedAt: "" };
  try {
    const value = JSON.parse(trimmed) as Partial<LockOwner>;
    if (!Number.isInteger(value.pid) || value.pid! <= 0) return null;
    return {
      pid: value.pid!,
      startTicks: typeof value.startTicks === "string" ? value.startTicks : null,
      bootId: typeof value.bootId === "string" ? value.bootId : null,
      host: typeof value.host === "string" ? value.host : "",
      lockedAt: typeof value.lockedAt === "string" ? value.lockedAt : "",
    };
  } catch {
    return null;
  }
}

/**
 * Whether the process that wrote `owner` still runs. A killed process is dead at once, even while it is a
 * zombie waiting for its parent (state Z: it holds no files and will never write again), so a lock after
 * SIGKILL is taken over without waiting.
 */
export function isLockOwnerAlive(owner: LockOwner): boolean {
  if (owner.pid === process.pid) return false;
  if (owner.bootId !== null) {
    const bootId = readBootId();
    if (bootId !== null && bootId !== owner.bootId) return false;
  }
  const stat = procStat(owner.pid);
  if (stat === null) return false;
  if (stat !== "no-proc") {
    if (stat.state === "Z" || stat.state === "X") return false;
    if (owner.startTicks !== null && stat.startTicks !== owner.startTicks) return false;
    return true;
  }
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function describeOwnerDa(owner: LockOwner): string {
  const parts = [];
  if (owner.lockedAt) parts.push(`låst ${owner.lockedAt.slice(0, 19).replace("T", " ")} UTC`);
  if (owner.host) parts.push(`på maskinen ${owner.host}`);
  return parts.length > 0 ? ` Den ${parts.join(" ")}.` : "";
}

/**
 * PGlite is one process's database: two processes writing one data directory corrupt it. The lock file
 * names its owner (LockOwner); a lock whose owner no longer runs – killed, or a pid now used by another
 * process – is taken over.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = join(dataDir, "danmarkskort.lock");
  // A lock file with our own pid is normally stale (a restarted container reuses small pids), so the
  // pid alone cannot tell a second open in this very process; this set can.
  if (heldByThisProcess.has(lockFile)) {
    throw new DataDirLockedError(`Datamappen ${dataDir} er allerede åbnet af denne proces.`);
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(lockFile, `${JSON.stringify(currentLockOwner())}\n`, { flag: "wx" });
      heldByThisProcess.add(lockFile);
      return () => {
        heldByThisProcess.delete(lockFile);
        rmSync(lockFile, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      let text: string;
      try {
        text = readFileSync(lockFile, "utf8");
      } catch {
        continue; // removed meanwhile: try again
      }
      const owner = parseLockOwner(text);
      if (owner && isLockOwnerAlive(owner)) {
        throw new DataDirLockedError(
          `Datamappen ${dataDir} bruges allerede af en anden danmarkskort-proces (pid ${owner.pid}).${describeOwnerDa(owner)} ` +
            "Stop den først (fx serveren), eller brug PostgreSQL via DATABASE_URL, så flere processer kan arbejde samtidig.",
        );
      }
      rmSync(lockFile, { force: true });
    }
  }
  throw new DataDirLockedError(`Kunne ikke låse datamappen ${dataDir}.`);
}
