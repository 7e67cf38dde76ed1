import { Worker } from "node:worker_threads";
import type { CellTotals } from "../../domain/cell-totals.js";
import type { MapFigures, MapSelection } from "../../domain/map-figures.js";
import { extractMapTotals } from "../../domain/map-totals-extract.js";
import type { MapFiguresJob, MapFiguresReply } from "./map-figures-worker-main.js";

/**
 * buildMapFigures in a worker thread. A map answer is some 125–250 ms of CPU (the funnel's null model at each
 * municipality's n, and the rank-interval simulation), whatever the version's size; built on the server's own
 * thread before a new version is swapped in, that held every request for as long (issue 19). The domain core
 * is pure, so the same function runs on the other core from a small extract of the index (map-totals-extract.ts)
 * and gives the same figures, bit for bit (structured clone keeps every number).
 *
 * One thread, started when first needed and ended after IDLE_MS without work, so an idle server holds no
 * second heap. It never keeps the process alive. A thread that fails rejects its jobs; the caller then builds
 * the answer itself.
 */
const IDLE_MS = 30_000;
const ENTRY = new URL("./map-figures-worker.mjs", import.meta.url);

type Pending = { resolve(figures: MapFigures): void; reject(error: Error): void };

let worker: Worker | undefined;
let idleTimer: NodeJS.Timeout | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

function failAll(error: Error): void {
  for (const p of pending.values()) p.reject(error);
  pending.clear();
}

function startWorker(): Worker {
  const w = new Worker(ENTRY);
  w.unref();
  w.on("message", (reply: MapFiguresReply) => {
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    if ("figures" in reply) p.resolve(reply.figures);
    else p.reject(new Error(reply.error));
    if (pending.size === 0) scheduleIdleEnd(w);
  });
  w.on("error", (error) => {
    if (worker === w) worker = undefined;
    failAll(error);
  });
  w.on("exit", (code) => {
    if (worker === w) worker = undefined;
    failAll(new Error(`Tråden til kortets tal sluttede (kode ${code})`));
  });
  return w;
}

function scheduleIdleEnd(w: Worker): void {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    if (worker === w && pending.size === 0) {
      worker = undefined;
      void w.terminate();
    }
  }, IDLE_MS);
  idleTimer.unref();
}

/** The map API's figures for `selection` (rank intervals included), built in the worker thread. */
export function buildMapFiguresOffThread(totals: CellTotals, revised: CellTotals, selection: MapSelection): Promise<MapFigures> {
  const job: MapFiguresJob = {
    id: nextId++,
    selection,
    shown: extractMapTotals(totals, selection.map, selection.year),
    revised: extractMapTotals(revised, selection.map, selection.year),
  };
  clearTimeout(idleTimer);
  worker ??= startWorker();
  const w = worker;
  return new Promise<MapFigures>((resolve, reject) => {
    pending.set(job.id, { resolve, reject });
    w.postMessage(job);
  });
}

/** Ends the thread now (tests; a server that closes). Jobs still running are rejected. */
export async function stopMapFiguresWorker(): Promise<void> {
  const w = worker;
  worker = undefined;
  clearTimeout(idleTimer);
  if (w) await w.terminate();
}
