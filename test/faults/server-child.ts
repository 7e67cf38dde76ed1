import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The installed command, as a user or a service manager starts it. */
export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const bin = join(projectRoot, "bin", "danmarkskort.mjs");

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export type ChildRun = {
  readonly child: ChildProcess;
  readonly output: () => string;
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

/** Spawns `danmarkskort <args>` with a clean storage environment apart from `env`. */
export function spawnCli(args: readonly string[], env: Record<string, string>): ChildRun {
  const { DATABASE_URL: _a, DANMARKSKORT_DATA_DIR: _b, ...inherited } = process.env;
  const child = spawn(process.execPath, [bin, ...args], { cwd: projectRoot, env: { ...inherited, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  return { child, output: () => output, exit };
}

export type ServerRun = ChildRun & { readonly port: number; readonly base: string };

export async function startServer(env: Record<string, string>): Promise<ServerRun> {
  const port = await freePort();
  const run = spawnCli(["serve"], { HOST: "127.0.0.1", PORT: String(port), DANMARKSKORT_DEMO: "0", ...env });
  return { ...run, port, base: `http://127.0.0.1:${port}` };
}

/** Polls `path` until it answers `status`; throws with the server's output when the server ends or time runs out. */
export async function waitForStatus(server: ServerRun, path: string, status = 200, limitSeconds = 120): Promise<Response> {
  const started = performance.now();
  let exited = false;
  void server.exit.then(() => (exited = true));
  while ((performance.now() - started) / 1000 < limitSeconds) {
    if (exited) throw new Error(`the server ended:\n${server.output()}`);
    try {
      const response = await fetch(`${server.base}${path}`);
      if (response.status === status) return response;
      await response.arrayBuffer();
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${path} did not answer ${status} within ${limitSeconds} s:\n${server.output()}`);
}
