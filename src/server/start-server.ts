import type { Config } from "../config/parse-config.js";
import { buildApp } from "./app.js";
import { mapGeometries } from "../app/boundaries/map-geometries.js";
import { describeStorage, openDatabase } from "../storage/open-database.js";
import { createDrain, DEFAULT_DRAIN_LIMIT_MS } from "./drain.js";
import type { LogSettings } from "./request-log.js";

export type ServerOptions = {
  /** Everything the environment configures (port, host, storage, sign-in, logging, …), parsed once at start. */
  readonly config: Config;
  /** Where log lines go; standard output when not given. */
  readonly logStream?: LogSettings["stream"];
  /** How long a stop waits for requests in flight; DEFAULT_DRAIN_LIMIT_MS (10 s) when not given. */
  readonly drainLimitMs?: number;
};

/**
 * Opens storage, migrates, listens, and on SIGTERM/SIGINT drains (drain.ts: no new connections, requests in
 * flight finish, /readyz says 503) and then closes the database, so a rolling restart drops no request and an
 * embedded database is never left mid-write by a normal stop.
 */
export async function startServer(options: ServerOptions): Promise<{ url: string; stop: () => Promise<void> }> {
  const { config } = options;
  const db = await openDatabase(config.storage);
  const drain = createDrain();
  const app = await buildApp({
    db,
    storageDescription: describeStorage(config.storage),
    config,
    log: { level: config.server.logLevel, ...(options.logStream ? { stream: options.logStream } : {}) },
    isDraining: drain.isDraining,
  });
  const url = await app.listen({ port: config.server.port, host: config.server.host });
  // Load the boundaries now (on a first start that is a download from DAWA, up to 15 s), so the first
  // visitor to the map does not wait for it. A failure falls back to the tile map inside mapGeometries.
  void mapGeometries(config.boundaries).catch(() => undefined);
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      app.log.info("Stopper: tager ikke imod nye forbindelser og gør igangværende forespørgsler færdige");
      try {
        await drain.drain(app, options.drainLimitMs ?? DEFAULT_DRAIN_LIMIT_MS);
      } finally {
        await db.close();
      }
      app.log.info("Stoppet");
    })());
  // `on`, not `once`: a stop by process group delivers SIGTERM twice (once directly, once forwarded by npm).
  // With `once` the second signal met Node's default action and killed the process mid-close, leaving the
  // data-dir lock behind. Further signals during a stop join the stop already under way.
  const exitAfterStop = () => void stop().then(() => process.exit(0), () => process.exit(1));
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, exitAfterStop);
  if (config.server.startedByNpm) stopWithNpm(exitAfterStop);
  return { url, stop };
}

/**
 * Under `npm start` the server is npm's child (the script execs node, so signals npm forwards reach it
 * directly). npm cannot forward SIGKILL: when npm is gone the server is re-parented, and it stops then,
 * rather than living on unseen with the data dir locked (issue 19).
 */
function stopWithNpm(stop: () => void): void {
  const parent = process.ppid;
  if (parent <= 1) return;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    stop();
  }, 500);
  timer.unref();
}
