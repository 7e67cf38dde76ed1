import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { saveDatasetVersion } from "../../src/storage/complaint-store.js";
import { parseLockOwner } from "../../src/storage/data-dir-lock.js";
import type { Database } from "../../src/storage/database.js";
import { listDatasetVersions } from "../../src/storage/dataset-versions.js";
import { migrate } from "../../src/storage/migrate.js";
import { openDatabase, type StorageConfig } from "../../src/storage/open-database.js";
import { createPostgresDatabase, dropPostgresDatabase } from "../support/test-databases.js";
import { COMMITTED_VERSIONS, crashCells, crashVersion, UNCOMMITTED_VERSION } from "./crash-fixtures.js";

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const childScript = join(projectRoot, "test", "foundation", "crash-child.ts");

/**
 * Starts crash-child.ts on `config`, waits until it says it is inside an open write transaction,
 * then kills it with SIGKILL: no signal handler, no close, no lock release runs.
 */
async function killChildMidTransaction(
  config: StorageConfig,
  beforeKill: () => void = () => undefined,
): Promise<{ pid: number; signal: NodeJS.Signals | null }> {
  const child = spawn(process.execPath, ["--import", "tsx", childScript, JSON.stringify(config)], {
    cwd: projectRoot,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  const lines: string[] = [];
  const reachedTransaction = new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout }).on("line", (line) => {
      lines.push(line);
      if (line === "IN-TRANSACTION") resolve();
    });
    void exited.then(({ code }) => reject(new Error(`child ended early (code ${code}): ${lines.join(" | ")} ${stderr}`)));
  });
  try {
    await reachedTransaction;
    expect(lines).toEqual(["COMMITTED", "IN-TRANSACTION"]);
    beforeKill();
  } finally {
    // Also when a check above failed, so no child outlives the test.
    child.kill("SIGKILL");
  }
  // Waiting for "exit" also reaps the child, so its pid no longer answers kill(pid, 0).
  const { signal } = await exited;
  return { pid: child.pid!, signal };
}

/** What a fresh start must find: the committed versions and cells, nothing of the killed transaction. */
async function expectOnlyCommittedData(db: Database): Promise<void> {
  const versions = await listDatasetVersions(db);
  expect(versions.map((v) => v.fileName).sort()).toEqual(Array.from({ length: COMMITTED_VERSIONS }, (_, i) => `crash-${i + 1}.csv`));
  const expectedCells = Array.from({ length: COMMITTED_VERSIONS }, (_, i) => crashCells(i + 1).length).reduce((a, b) => a + b, 0);
  const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM complaint_cell");
  expect(rows[0]!.n).toBe(expectedCells);
  expect((await db.query("SELECT * FROM dataset_version WHERE sha256 = $1", [crashVersion(UNCOMMITTED_VERSION).sha256])).rows).toEqual([]);
  expect((await db.query("SELECT * FROM dataset_pin")).rows).toEqual([]);
}

/** A clean start: the schema needs nothing, and the database takes a new write and reads it back. */
async function expectCleanStart(db: Database): Promise<void> {
  // New figures (year 2029): figures equal to a stored version would be "samme tal som version N", not a write.
  expect(await migrate(db)).toEqual([]);
  const saved = await db.transaction((tx) => saveDatasetVersion(tx, crashVersion(9), crashCells(9)));
  expect(saved.kind).toBe("saved");
  expect((await listDatasetVersions(db)).length).toBe(COMMITTED_VERSIONS + 1);
}

describe("crash recovery: SIGKILL in the middle of a write transaction", () => {
  const root = mkdtempSync(join(tmpdir(), "danmarkskort-crash-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  // Generous timeouts: two process starts and a large write on two shared cores; nothing here is timed.
  it("embedded database (PGlite data dir): all committed rows, none uncommitted, stale lock taken over", { timeout: 300_000 }, async () => {
    const dataDir = join(root, "data");
    const config: StorageConfig = { kind: "pglite", dataDir };
    // Proof that the test exercises recovery: at the kill, the uncommitted rows are already in the
    // write-ahead log on disk, so the restart must skip them rather than never having seen them.
    const uncommittedInWal = () =>
      readdirSync(join(dataDir, "pg_wal"))
        .filter((f) => /^[0-9A-F]{24}$/.test(f))
        .some((f) => readFileSync(join(dataDir, "pg_wal", f)).includes(crashVersion(UNCOMMITTED_VERSION).fileName));
    const { pid, signal } = await killChildMidTransaction(config, () => expect(uncommittedInWal()).toBe(true));
    expect(signal).toBe("SIGKILL");
    // The killed process could not release its lock: the file still names it.
    const lockFile = join(dataDir, "danmarkskort.lock");
    expect(parseLockOwner(readFileSync(lockFile, "utf8"))?.pid).toBe(pid);

    const db = await openDatabase(config);
    try {
      expect(parseLockOwner(readFileSync(lockFile, "utf8"))?.pid).toBe(process.pid);
      await expectOnlyCommittedData(db);
      await expectCleanStart(db);
    } finally {
      await db.close();
    }
    expect(existsSync(lockFile)).toBe(false);
    // And once more after a normal close: the recovered directory opens like any other.
    const reopened = await openDatabase(config);
    expect((await listDatasetVersions(reopened)).length).toBe(COMMITTED_VERSIONS + 1);
    await reopened.close();
  });

  it("PostgreSQL (DATABASE_URL): all committed rows, none uncommitted", { timeout: 300_000 }, async () => {
    const url = await createPostgresDatabase();
    try {
      const config: StorageConfig = { kind: "postgres", url };
      const { signal } = await killChildMidTransaction(config);
      expect(signal).toBe("SIGKILL");
      const db = await openDatabase(config);
      try {
        await expectOnlyCommittedData(db);
        await expectCleanStart(db);
      } finally {
        await db.close();
      }
    } finally {
      await dropPostgresDatabase(url);
    }
  });
});
