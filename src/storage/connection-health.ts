import { DatabaseUnavailableError, type DatabaseHealth } from "./database.js";

/**
 * Whether a PostgreSQL error means "the connection is gone" (the server ended it, restarted, is starting
 * up, or cannot be reached) rather than "this statement is wrong". Only the first kind is retried and
 * answered with 503: a wrong statement must stay a loud error.
 * Codes: https://www.postgresql.org/docs/current/errcodes-appendix.html (class 08 connection exception,
 * 57P01 admin_shutdown – also what pg_terminate_backend sends –, 57P02 crash_shutdown, 57P03
 * cannot_connect_now, 3D000 invalid_catalog_name: the database was dropped).
 */
export function isConnectionLoss(error: unknown): boolean {
  if (error instanceof DatabaseUnavailableError) return true;
  if (!(error instanceof Error)) return false;
  const code = (error as Error & { code?: unknown }).code;
  if (typeof code === "string") {
    if (/^08/.test(code) || code === "57P01" || code === "57P02" || code === "57P03" || code === "3D000") return true;
    if (["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"].includes(code)) return true;
  }
  // node-postgres reports a socket that closed under it with these messages and no code.
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended unexpectedly|Client was closed and is not queryable/i.test(error.message);
}

export type ConnectionHealthOptions = {
  /** Checks the connection (SELECT 1); resolves when the database answers again. */
  readonly probe: () => Promise<void>;
  /** Runs after a lost connection is back, before requests are let through (e.g. migrations on a recreated database). */
  readonly onRecovered?: () => Promise<void>;
  readonly firstRetryMs?: number;
  readonly maxRetryMs?: number;
  readonly now?: () => number;
};

/**
 * The state of a database connection pool: up, or down since a lost connection, with a reconnect loop
 * that waits longer after each failed attempt (exponential backoff with jitter, capped), so a database
 * that is restarting is not hammered by every request. While down, callers fail fast with
 * DatabaseUnavailableError (the server answers 503) instead of each waiting for a connect timeout.
 */
export class ConnectionHealth {
  private state: { kind: "up" } | { kind: "down"; since: number; attempts: number } = { kind: "up" };
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> | undefined;
  private closed = false;
  private readonly firstRetryMs: number;
  private readonly maxRetryMs: number;
  private readonly now: () => number;

  constructor(private readonly options: ConnectionHealthOptions) {
    this.firstRetryMs = options.firstRetryMs ?? 100;
    this.maxRetryMs = options.maxRetryMs ?? 5_000;
    this.now = options.now ?? Date.now;
  }

  current(): DatabaseHealth {
    return this.state.kind === "up" ? { kind: "up" } : { kind: "down", sinceMs: this.state.since, attempts: this.state.attempts };
  }

  /** Throws DatabaseUnavailableError while the connection is known to be down. */
  assertUp(): void {
    if (this.state.kind === "down") throw new DatabaseUnavailableError();
  }

  /** Records a lost connection and starts the reconnect loop (once). */
  lost(): void {
    if (this.closed || this.state.kind === "down") return;
    this.state = { kind: "down", since: this.now(), attempts: 0 };
    this.schedule();
  }

  /**
   * One reconnect attempt now, shared by concurrent callers: used by a read that has just lost its
   * connection, so a single ended connection costs one probe, not a backoff wait.
   */
  probeNow(): Promise<boolean> {
    if (this.state.kind === "up") return Promise.resolve(true);
    this.inFlight ??= this.attempt().finally(() => (this.inFlight = undefined));
    return this.inFlight.then(() => this.state.kind === "up");
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
  }

  private schedule(): void {
    if (this.closed || this.state.kind !== "down") return;
    const exponent = Math.min(this.state.attempts, 16);
    const base = Math.min(this.maxRetryMs, this.firstRetryMs * 2 ** exponent);
    // Jitter: several servers on one database do not all reconnect in the same millisecond.
    const delay = base / 2 + Math.random() * (base / 2);
    this.timer = setTimeout(() => {
      this.inFlight ??= this.attempt().finally(() => (this.inFlight = undefined));
    }, delay);
    // The reconnect loop alone must not keep a stopping process alive.
    this.timer.unref();
  }

  private async attempt(): Promise<void> {
    if (this.closed || this.state.kind !== "down") return;
    clearTimeout(this.timer);
    try {
      await this.options.probe();
      await this.options.onRecovered?.();
      this.state = { kind: "up" };
    } catch {
      if (this.state.kind === "down") this.state = { ...this.state, attempts: this.state.attempts + 1 };
      this.schedule();
    }
  }
}
