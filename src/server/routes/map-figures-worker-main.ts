import { parentPort } from "node:worker_threads";
import { buildMapFigures, type MapFigures, type MapSelection } from "../../domain/map-figures.js";
import { cellTotalsOfExtract, type MapTotalsExtract } from "../../domain/map-totals-extract.js";

/** A job for the map-figures thread (map-figures-worker.ts): one map answer's figures from two extracts. */
export type MapFiguresJob = { readonly id: number; readonly selection: MapSelection; readonly shown: MapTotalsExtract; readonly revised: MapTotalsExtract };
export type MapFiguresReply = { readonly id: number } & ({ readonly figures: MapFigures } | { readonly error: string });

/** The figures exactly as the server's own thread builds them for the map API (rank intervals included). */
export function buildMapFiguresOfJob(job: MapFiguresJob): MapFigures {
  return buildMapFigures(cellTotalsOfExtract(job.shown), job.selection, { revised: cellTotalsOfExtract(job.revised), rankIntervals: true });
}

parentPort?.on("message", (job: MapFiguresJob) => {
  let reply: MapFiguresReply;
  try {
    reply = { id: job.id, figures: buildMapFiguresOfJob(job) };
  } catch (error) {
    reply = { id: job.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
