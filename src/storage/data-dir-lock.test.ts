import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireDataDirLock, currentLockOwner, DataDirLockedError, parseLockOwner } from "./data-dir-lock.js";

const ownerPid = (lockFile: string) => parseLockOwner(readFileSync(lockFile, "utf8"))?.pid;

/** The start time the kernel gives process `pid` (field 22 of /proc/<pid>/stat). */
function startTicksOf(pid: number): string {
  const text = readFileSync(`/proc/${pid}/stat`, "utf8");
  return text.slice(text.lastIndexOf(")") + 2).split(" ")[19]!;
}

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
    expect(ownerPid(lockFile)).toBe(process.pid);
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
    expect(ownerPid(join(dir, "danmarkskort.lock"))).toBe(process.pid);
    release();
  });

  it("names its process beyond the pid: start time, boot id, host and when it was locked", () => {
    const dir = tempDataDir();
    const release = acquireDataDirLock(dir);
    const owner = parseLockOwner(readFileSync(join(dir, "danmarkskort.lock"), "utf8"));
    expect(owner).toMatchObject({ pid: process.pid, startTicks: startTicksOf(process.pid), bootId: expect.stringMatching(/^[0-9a-f-]{36}$/), host: expect.any(String) });
    expect(Date.parse(owner!.lockedAt)).toBeGreaterThan(Date.now() - 60_000);
    release();
  });

  it("takes over a lock whose pid now belongs to another process (a restarted container reuses pids)", () => {
    const dir = tempDataDir();
    acquireDataDirLock(dir)();
    // Our parent is alive, but it is not the process that wrote this lock: its start time differs.
    const reused = { ...currentLockOwner(), pid: process.ppid, startTicks: String(Number(startTicksOf(process.ppid)) + 1) };
    writeFileSync(join(dir, "danmarkskort.lock"), JSON.stringify(reused));
    const release = acquireDataDirLock(dir);
    expect(ownerPid(join(dir, "danmarkskort.lock"))).toBe(process.pid);
    release();
  });

  it("takes over a lock from before a reboot (another boot id), even if the pid runs now", () => {
    const dir = tempDataDir();
    acquireDataDirLock(dir)();
    const beforeReboot = { ...currentLockOwner(), pid: process.ppid, startTicks: startTicksOf(process.ppid), bootId: "00000000-0000-0000-0000-000000000000" };
    writeFileSync(join(dir, "danmarkskort.lock"), JSON.stringify(beforeReboot));
    acquireDataDirLock(dir)();
  });

  it("takes over at once after a kill, while the killed process is still a zombie nobody has reaped", async () => {
    const dir = tempDataDir();
    acquireDataDirLock(dir)();
    // The inner sh exits after its parent has become \`sleep\` (exec), which never reaps it: a zombie. Had it
    // exited at once, the outer sh could reap it before the exec on a busy machine, and there is no zombie.
    const outer = spawn("sh", ["-c", 'sh -c "sleep 0.5; exit 0" & echo $!; exec sleep 5'], { stdio: ["ignore", "pipe", "ignore"] });
    const zombie = Number(await new Promise<string>((resolve) => outer.stdout!.once("data", (d: Buffer) => resolve(d.toString().trim()))));
    try {
      let state = "";
      for (let i = 0; i < 150 && state !== "Z"; i++) {
        const text = readFileSync(`/proc/${zombie}/stat`, "utf8");
        state = text.slice(text.lastIndexOf(")") + 2).split(" ")[0]!;
        if (state !== "Z") await new Promise((r) => setTimeout(r, 20));
      }
      expect(state).toBe("Z");
      writeFileSync(join(dir, "danmarkskort.lock"), JSON.stringify({ ...currentLockOwner(), pid: zombie, startTicks: startTicksOf(zombie) }));
      const release = acquireDataDirLock(dir);
      expect(ownerPid(join(dir, "danmarkskort.lock"))).toBe(process.pid);
      release();
    } finally {
      outer.kill("SIGKILL");
    }
  });

  it("refuses while the real owner runs: same pid, same start time", () => {
    const dir = tempDataDir();
    acquireDataDirLock(dir)();
    writeFileSync(join(dir, "danmarkskort.lock"), JSON.stringify({ ...currentLockOwner(), pid: process.ppid, startTicks: startTicksOf(process.ppid) }));
    expect(() => acquireDataDirLock(dir)).toThrow(new RegExp(`\\(pid ${process.ppid}\\)\\. Den låst .* UTC på maskinen`));
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
