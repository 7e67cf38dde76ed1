import type { FastifyInstance } from "fastify";

/** How long a stop waits for requests in flight before it ends their connections. */
export const DEFAULT_DRAIN_LIMIT_MS = 10_000;

/** How often connections that have finished their answer are closed while draining. */
const REAP_EVERY_MS = 100;

export type Drain = {
  /** True from the first call of `drain` on: /readyz answers 503 (AppContext.isDraining). */
  readonly isDraining: () => boolean;
  /**
   * Stops accepting connections, lets requests in flight finish (at most `limitMs`, then ends their
   * connections), and resolves when the server is closed. Called again, it returns the same promise.
   */
  drain(app: FastifyInstance, limitMs?: number): Promise<void>;
};

/**
 * A draining stop for a rolling restart (issue 17, item 1): the listener closes at once, so a load balancer's
 * next connection goes to another instance; requests already being answered get their answer; a request that
 * arrives on a connection kept alive is still answered, with `Connection: close` (the app is built with
 * return503OnClosing off, so it is not refused with an English 503), and /readyz on such a connection says the
 * instance is stopping. Connections left idle are closed every 100 ms rather than after Node's keep-alive
 * timeout, so a stop takes as long as its slowest request, not 72 s.
 */
export function createDrain(): Drain {
  let draining: Promise<void> | undefined;
  return {
    isDraining: () => draining !== undefined,
    drain(app, limitMs = DEFAULT_DRAIN_LIMIT_MS) {
      draining ??= (async () => {
        const reap = setInterval(() => app.server.closeIdleConnections(), REAP_EVERY_MS);
        const deadline = setTimeout(() => app.server.closeAllConnections(), limitMs);
        reap.unref();
        deadline.unref();
        try {
          await app.close();
        } finally {
          clearInterval(reap);
          clearTimeout(deadline);
        }
      })();
      return draining;
    },
  };
}
