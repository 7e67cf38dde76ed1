import pg from "pg";

/**
 * The channel every write that changes the shown figures notifies, in its own transaction (migration
 * 090-data-change-notify: statement triggers on dataset_version, dataset_pin and context_version). PostgreSQL
 * delivers a NOTIFY at commit and only then, so a listener never sees figures that were rolled back.
 */
export const DATA_CHANGE_CHANNEL = "danmarkskort_data";

/** The name the listening connection carries in pg_stat_activity, so an operator (and a test) can find it. */
export const DATA_CHANGE_APPLICATION_NAME = "danmarkskort-data-listener";

export type DataChangeListenerOptions = {
  readonly firstRetryMs?: number;
  readonly maxRetryMs?: number;
};

export type DataChangeListener = {
  /** Adds a callback for each change; returns a function that removes it. */
  subscribe(onChange: () => void): () => void;
  close(): Promise<void>;
};

/**
 * One dedicated PostgreSQL connection per process that LISTENs on DATA_CHANGE_CHANNEL (issue 17, item 1):
 * an import or a published mark on another instance reaches this one at commit, instead of after the next
 * revalidation. The connection is opened on the first subscriber. When it drops (pg_terminate_backend, a
 * restart, a failover), it is opened again with exponential backoff (capped); notifications sent meanwhile
 * are lost, so every subscriber is called once the connection is (back) up, as if a change had come.
 * The periodic revalidation of the caches stays the fallback for the time the listener is away.
 */
export function createDataChangeListener(connectionString: string, options: DataChangeListenerOptions = {}): DataChangeListener {
  const firstRetryMs = options.firstRetryMs ?? 100;
  const maxRetryMs = options.maxRetryMs ?? 5_000;
  const subscribers = new Set<() => void>();
  let client: pg.Client | undefined;
  let timer: NodeJS.Timeout | undefined;
  let attempts = 0;
  let started = false;
  let closed = false;

  const notifyAll = () => {
    for (const onChange of [...subscribers]) onChange();
  };

  function scheduleReconnect(): void {
    if (closed || timer) return;
    const delay = Math.min(maxRetryMs, firstRetryMs * 2 ** attempts);
    attempts += 1;
    timer = setTimeout(() => {
      timer = undefined;
      void connect();
    }, delay);
    timer.unref();
  }

  async function connect(): Promise<void> {
    if (closed) return;
    const next = new pg.Client({ connectionString, application_name: DATA_CHANGE_APPLICATION_NAME, keepAlive: true });
    let lost = false;
    const onLost = () => {
      if (lost) return;
      lost = true;
      if (client === next) client = undefined;
      next.end().catch(() => undefined);
      scheduleReconnect();
    };
    // Without an `error` listener an ended connection would end the process.
    next.on("error", onLost);
    next.on("end", onLost);
    next.on("notification", (message) => {
      if (message.channel === DATA_CHANGE_CHANNEL) notifyAll();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${DATA_CHANGE_CHANNEL}`);
    } catch {
      onLost();
      return;
    }
    if (closed) {
      await next.end().catch(() => undefined);
      return;
    }
    client = next;
    attempts = 0;
    // A change committed before LISTEN took effect (at start, or while the connection was away) was not heard.
    notifyAll();
  }

  return {
    subscribe(onChange) {
      subscribers.add(onChange);
      if (!started) {
        started = true;
        void connect();
      }
      return () => void subscribers.delete(onChange);
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      const open = client;
      client = undefined;
      await open?.end().catch(() => undefined);
    },
  };
}
