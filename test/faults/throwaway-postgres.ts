import { execFile } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);

/**
 * A PostgreSQL server of its own for the fault tests: its own data dir and port, so restarting it or
 * ending all its connections disturbs nobody else's tests (the shared server on 5432 stays untouched).
 * Started with the distribution's initdb/pg_ctl (Debian: /usr/lib/postgresql/<version>/bin); as root they
 * run as the `postgres` user, since PostgreSQL refuses to run as root.
 */
export type ThrowawayPostgres = {
  readonly port: number;
  readonly url: (database?: string) => string;
  restart(): Promise<void>;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Ends every client connection to `database` (what a failover or an administrator does). */
  terminateConnections(database: string): Promise<number>;
  destroy(): Promise<void>;
};

export function postgresBinDir(): string | null {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) if (existsSync(join(root, v, "bin", "pg_ctl"))) return join(root, v, "bin");
  return null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error("PostgreSQL's initdb/pg_ctl not found under /usr/lib/postgresql");
  const asRoot = process.getuid?.() === 0;
  const root = mkdtempSync(join(tmpdir(), "danmarkskort-pg-"));
  const dataDir = join(root, "data");
  if (asRoot) {
    chmodSync(root, 0o755);
    const { stdout } = await run("id", ["-u", "postgres"]);
    const { stdout: gid } = await run("id", ["-g", "postgres"]);
    chownSync(root, Number(stdout.trim()), Number(gid.trim()));
  }
  const pgCommand = (command: string, args: string[]) =>
    asRoot ? run("runuser", ["-u", "postgres", "--", join(bin, command), ...args]) : run(join(bin, command), args);
  const port = await freePort();
  await pgCommand("initdb", ["-D", dataDir, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C"]);
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=60`;
  const start = async () => void (await pgCommand("pg_ctl", ["-D", dataDir, "-o", options, "-l", join(root, "log"), "-w", "-t", "60", "start"]));
  const stop = async () => void (await pgCommand("pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "-t", "60", "stop"]));
  await start();
  const url = (database = "postgres") => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    port,
    url,
    start,
    stop,
    async restart() {
      await stop();
      await start();
    },
    async terminateConnections(database) {
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      try {
        const { rows } = await client.query<{ n: number }>(
          "SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
          [database],
        );
        return rows[0]!.n;
      } finally {
        await client.end();
      }
    },
    async destroy() {
      await stop().catch(() => undefined);
      rmSync(root, { recursive: true, force: true });
    },
  };
}
