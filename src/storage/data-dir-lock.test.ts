import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireDataDirLock, DataDirLockedError } from "./data-dir-lock.js";

/** The pid of a process that has exited and been reaped: a stale lock owner. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "0"]);
  if (!child.pid) throw new Error("could not start a child process");
  return child.pid;
}

describe("acquireDataDirLock", () => {
  const dirs: string[] = [];
  const tempDataDir = () => {
    const dir = join(mkdtempSync(join(tmpdir(), "danmarkskort-lock-")), "data");
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(join(dir, ".."), { recursive: true, force: true });
  });

  it("creates the data directory and a lock file with our pid, and removes it on release", () => {
    const dir = tempDataDir();
    const release = acquireDataDirLock(dir);
    const lockFile = join(dir, "danmarkskort.lock");
    expect(readFileSync(lockFile, "utf8")).toBe(String(process.pid));
    release();
    expect(existsSync(lockFile)).toBe(false);
  });

  it("refuses a directory another live process holds, in Danish, naming the pid and the PostgreSQL way out", () => {
    const dir = tempDataDir();
    acquireDataDirLock(dir)();
    // Our parent process is alive for as long as this test runs.
    writeFileSync(join(dir, "danmarkskort.lock"), String(process.ppid));
    const attempt = () => acquireDataDirLock(dir);
    expect(attempt).toThrow(DataDirLockedError);
    expect(attempt).toThrow(new RegExp(`bruges allerede af en anden danmarkskort-proces \\(pid ${process.ppid}\\).*DATABASE_URL`));
    expect(readFileSync(join(dir, "danmarkskort.lock"), "utf8")).toBe(String(process.ppid));
  });

  it("takes over a lock left by a process that no longer exists (killed with SIGKILL)", () => {
    const dir = tempDataDir();
    acquireDataDirLock(dir)();
    writeFileSync(join(dir, "danmarkskort.lock"), String(deadPid()));
    const release = acquireDataDirLock(dir);
    expect(readFileSync(join(dir, "danmarkskort.lock"), "utf8")).toBe(String(process.pid));
    release();
  });

  it("takes over a lock file that holds no pid (a crash between create and write)", () => {
    const dir = tempDataDir();
    acquireDataDirLock(dir)();
    writeFileSync(join(dir, "danmarkskort.lock"), "");
    acquireDataDirLock(dir)();
  });

  it("refuses a second open of the same directory within this process until the first is released", () => {
    const dir = tempDataDir();
    const release = acquireDataDirLock(dir);
    expect(() => acquireDataDirLock(dir)).toThrow(/allerede åbnet af denne proces/);
    release();
    acquireDataDirLock(dir)();
  });
});
