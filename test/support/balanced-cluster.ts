import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Real processes for the several-instances tests and the publication-day benchmark (issue 17): `danmarkskort
 * serve` instances on one PostgreSQL database, and HAProxy in front of them with the sample configuration
 * deploy/haproxy.cfg, of which only the ports are changed. Nothing here is mocked.
 */
const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const bin = join(projectRoot, "bin", "danmarkskort.mjs");
export const HAPROXY_SAMPLE = join(projectRoot, "deploy", "haproxy.cfg");
/** Debian installs it in /usr/sbin, which is not on every user's PATH. */
const haproxyCommand = existsSync("/usr/sbin/haproxy") ? "/usr/sbin/haproxy" : "haproxy";

/** A port nobody listens on right now. */
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

export type Exit = { readonly code: number | null; readonly signal: NodeJS.Signals | null };
export type ChildHandle = { readonly child: ChildProcess; readonly output: () => string; readonly exit: Promise<Exit> };

function watch(child: ChildProcess): ChildHandle {
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output = (output + d.toString()).slice(-20_000)));
  child.stderr?.on("data", (d: Buffer) => (output = (output + d.toString()).slice(-20_000)));
  const exit = new Promise<Exit>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  return { child, output: () => output, exit };
}

/** One `danmarkskort serve` on `port` over `databaseUrl`, warnings only in its log. */
export function startInstance(databaseUrl: string, port: number, env: Record<string, string> = {}): ChildHandle {
  const { DANMARKSKORT_DATA_DIR: _ignored, ...inherited } = process.env;
  return watch(
    spawn(process.execPath, [bin, "serve"], {
      cwd: projectRoot,
      env: { ...inherited, DATABASE_URL: databaseUrl, HOST: "127.0.0.1", PORT: String(port), DANMARKSKORT_LOG_LEVEL: "warn", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    }),
  );
}

/** Polls `url` until it answers 200, failing when `handle` ends first or after `limitMs`. */
export async function waitFor200(url: string, handle: ChildHandle, limitMs = 120_000): Promise<void> {
  const started = Date.now();
  let exited = false;
  void handle.exit.then(() => (exited = true));
  while (Date.now() - started < limitMs) {
    if (exited) throw new Error(`processen sluttede, før ${url} svarede:\n${handle.output()}`);
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} svarede ikke 200 inden for ${limitMs} ms:\n${handle.output()}`);
}

/** deploy/haproxy.cfg with its front port and its servers' ports replaced; nothing else changes. */
export function haproxyConfigFor(frontPort: number, instancePorts: readonly number[]): string {
  const sample = readFileSync(HAPROXY_SAMPLE, "utf8");
  const withFront = sample.replace(/^(\s*bind 127\.0\.0\.1:)8080$/m, `$1${frontPort}`);
  const serverLine = /^(\s*)server app1 127\.0\.0\.1:3001 check\n\s*server app2 127\.0\.0\.1:3002 check$/m;
  const [, indent = "    "] = serverLine.exec(withFront) ?? [];
  const servers = instancePorts.map((port, i) => `${indent}server app${i + 1} 127.0.0.1:${port} check`).join("\n");
  const config = withFront.replace(serverLine, servers);
  if (config === sample || !config.includes(`:${frontPort}`) || !config.includes(servers)) throw new Error("deploy/haproxy.cfg har ikke de forventede bind- og server-linjer");
  return config;
}

export type Balancer = ChildHandle & { readonly port: number; stop(): Promise<void> };

/** Starts HAProxy (the Debian package) in the foreground with the sample configuration for these ports. */
export async function startHaproxy(instancePorts: readonly number[]): Promise<Balancer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "danmarkskort-haproxy-"));
  const file = join(dir, "haproxy.cfg");
  writeFileSync(file, haproxyConfigFor(port, instancePorts));
  const handle = watch(spawn(haproxyCommand, ["-db", "-f", file], { stdio: ["ignore", "pipe", "pipe"] }));
  handle.child.on("error", () => undefined);
  await waitFor200(`http://127.0.0.1:${port}/healthz`, handle, 20_000);
  return {
    ...handle,
    port,
    async stop() {
      if (handle.child.exitCode === null && handle.child.signalCode === null) handle.child.kill("SIGTERM");
      await handle.exit;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Stops an instance as a service manager does (SIGTERM: it drains) and waits for it to end. */
export async function stopInstance(handle: ChildHandle, signal: NodeJS.Signals = "SIGTERM"): Promise<Exit> {
  if (handle.child.exitCode === null && handle.child.signalCode === null) handle.child.kill(signal);
  return handle.exit;
}
