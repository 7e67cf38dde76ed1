/**
 * Runs expensive renderings (agenda items: figures drawn, DOCX packed, PDF by LibreOffice) a few at a time,
 * the rest waiting in a bounded queue. Each request once started its own rendering; six at once took 7,8 s
 * and any number could be sent without a login (issue 19). A request that finds the queue full is answered
 * at once (RenderQueueFullError → 503 with Retry-After) instead of piling up.
 */
export class RenderQueueFullError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("render queue full");
  }
}

export type RenderQueue = {
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Running and waiting tasks, for tests and /healthz-style reporting. */
  readonly load: () => { readonly running: number; readonly waiting: number };
};

export function createRenderQueue(options: { readonly concurrency: number; readonly maxWaiting: number }): RenderQueue {
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    running--;
    const next = waiting.shift();
    if (next) {
      running++;
      next();
    }
  };
  return {
    async run(task) {
      if (running >= options.concurrency) {
        if (waiting.length >= options.maxWaiting) throw new RenderQueueFullError(5);
        await new Promise<void>((resolve) => waiting.push(resolve));
      } else running++;
      try {
        return await task();
      } finally {
        release();
      }
    },
    load: () => ({ running, waiting: waiting.length }),
  };
}
