import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type { CellTotals } from "../../domain/cell-totals.js";
import { cellsOfSelection, indexCellTotalsOffRequestPath, SLICE_MS, WAIT_FOR_CELLS } from "./index-off-request-path.js";
import type { Database } from "../../storage/database.js";
import { loadFigureCells, selectionFingerprint } from "../../storage/complaint-store.js";
import { selectVersionsByYear } from "../../storage/version-selection.js";
import type { DatasetProvenance, YearProvenance } from "../../domain/complaint-cell.js";
import type { DatasetVersionInfo } from "../api-types.js";
import { indexContextFigures, type ContextIndex } from "../../domain/context/context-index.js";
import { contextFingerprint, loadContextFigures } from "../../storage/context-store.js";
import { encodeBody, type EncodedBody, type Encoding } from "../compression.js";

/**
 * The server's figures, for the API and the pages alike: computed once per set of active dataset versions and
 * Danmarks Statistik versions and kept in memory, with the JSON of each API answer (issue 4, item 7: a request
 * must not recompute from all cells). The pages read the same data (page-data.ts), so a page and the API
 * never show figures of two different versions, and the cells are held once.
 *
 * One invalidation rule: the version selection of each year (published marks and revisions included) and the
 * context versions are read again when this database handle has written since the last look (an import, a
 * removal or a form in this process: the next request sees it), when another instance announced a change
 * (PostgreSQL LISTEN/NOTIFY, `db.onDataChange`), and otherwise at most every `revalidateAfterMs` (default
 * 1 s: the fallback for a process that writes without announcing, and for the moments the listening
 * connection is away), so no request pays a database round trip for it. When the versions differ, the
 * cells are loaded again and every cached answer is dropped.
 *
 * A new version is prepared off the request path (issue 19): while its cells load and are indexed in slices,
 * requests keep getting the previous figures, complete and consistent; the new data is swapped in whole.
 * A first load, with nothing to show yet, and a small selection (WAIT_FOR_CELLS) are waited for.
 * Before the swap, the answers clients asked of the previous figures most recently (`remember`) are built
 * from the new ones, the map answers in a worker thread and the others one per turn of the event loop, so the
 * first request after the swap finds its answer ready instead of building it while others wait (issue 19: some
 * 125 ms of CPU per map answer).
 */
export type Figures = {
  /** "year:versionId,…": identifies the active versions the figures were computed from. */
  readonly fingerprint: string;
  readonly totals: CellTotals;
  /** The newer extractions of published years (issue 9): figures are built with these as `revised`. */
  readonly revisedTotals: CellTotals;
  readonly versionsByYear: ReadonlyMap<number, DatasetVersionInfo>;
  /** Imported Danmarks Statistik figures (population, recipients); part of the fingerprint, so an import drops the answers. */
  readonly context: ContextIndex;
  /** The shown version of each year, and whether it is the published map or an extraction (the pages' words). */
  readonly provenanceByYear: ReadonlyMap<number, YearProvenance>;
  /** Newer extractions of published years (issue 9): pages show the published figures and name these. */
  readonly revisionByYear: ReadonlyMap<number, DatasetProvenance>;
  /** Serialised answers (UTF-8 bytes, encoded and compressed once, with their ETags), keyed by route and parameters; dropped with the data. */
  readonly responses: Map<string, CachedResponse>;
  /** The cache's counts of answers found and built, one object across versions (for /metrics). */
  readonly answerCounts: AnswerCounts;
};

/** Cached answers served as they were (hits) and built first (misses), since the cache was made. */
export type AnswerCounts = { hits: number; misses: number };

/**
 * One answer as sent: its bytes and a strong ETag derived from them (equal bytes, equal tag, whichever dataset
 * version made them), and the same compressed once, each with its own tag (compression.ts).
 */
export type CachedResponse = EncodedBody;

/** Serialises an answer once, with its ETag, and compresses it once into `encodings` (default: all). */
export function encodeAnswer(value: unknown, encodings?: readonly Encoding[]): CachedResponse {
  return encodeBody(Buffer.from(JSON.stringify(value), "utf8"), "application/json", encodings);
}

/** Builds one answer from a set of figures; may throw (a year the new versions no longer have). */
export type AnswerBuilder = (data: Figures) => unknown;

/**
 * Builds the same answer, its costly part in another thread (map-figures-worker.ts), so that warming a new
 * version before the swap does not hold up the requests served meanwhile (issue 19). Its answer must equal the
 * AnswerBuilder's byte for byte (tested in api-maps-off-thread.test.ts).
 */
export type OffThreadAnswerBuilder = (data: Figures) => Promise<unknown>;

type Remembered = { readonly build: AnswerBuilder; readonly offThread?: OffThreadAnswerBuilder };

/** How many recently asked answers are built from a new version before it is shown. */
export const WARMED_ANSWERS = 32;

export type FiguresCache = {
  current(): Promise<Figures>;
  readonly answerCounts: Readonly<AnswerCounts>;
  /** Notes that `key` was asked for and how to build it, so the next version can have it ready. */
  remember(key: string, build: AnswerBuilder, offThread?: OffThreadAnswerBuilder): void;
};

export type FiguresCacheOptions = { readonly revalidateAfterMs?: number; readonly now?: () => number };

function provenanceOf(v: DatasetProvenance): DatasetProvenance {
  return { datasetVersionId: v.datasetVersionId, fileName: v.fileName, sha256: v.sha256, source: v.source, extractedOn: v.extractedOn, importedAt: v.importedAt, isDemo: v.isDemo };
}

export function toDatasetVersionInfo(year: number, v: YearProvenance, revision: DatasetProvenance | undefined): DatasetVersionInfo {
  return { year, ...provenanceOf(v), standing: v.standing, revision: revision ? provenanceOf(revision) : null };
}

export function createFiguresCache(db: Database, options: FiguresCacheOptions = {}): FiguresCache {
  const revalidateAfterMs = options.revalidateAfterMs ?? 1000;
  const now = options.now ?? Date.now;
  let data: Figures | undefined;
  let checkedAt = -Infinity;
  // This handle's writes at the last look: one more (an import in this process) means look again at once.
  let writesAtCheck = -1;
  // Counts announced changes: a refresh that began before one must not count as checked after it.
  let changes = 0;
  db.onDataChange?.(() => {
    changes += 1;
    checkedAt = -Infinity;
  });
  // One refresh at a time: concurrent requests during a reload wait for the same promise.
  let refreshing: Promise<Figures> | undefined;

  // A new version being prepared while `data` is still served.
  let preparing: Promise<Figures> | undefined;
  // Most recently asked last (a Map keeps insertion order; remember() moves a key to the end).
  const asked = new Map<string, Remembered>();
  const answerCounts: AnswerCounts = { hits: 0, misses: 0 };

  /**
   * Builds the recently asked answers from `next`, newest first: in another thread where the answer can be, else
   * one per turn of the event loop. Should the thread fail, the answer is built here; one that cannot be built at
   * all (a year the new versions lack) is left to the request, which says so itself.
   */
  async function warm(next: Figures): Promise<void> {
    for (const [key, { build, offThread }] of [...asked].reverse()) {
      let value: unknown;
      try {
        value = offThread ? await offThread(next) : undefined;
      } catch {
        value = undefined;
      }
      await yieldToEventLoop();
      try {
        next.responses.set(key, encodeAnswer(value ?? build(next)));
      } catch {
        // Not answerable from the new versions.
      }
    }
  }

  async function prepare(options: { readonly warm: boolean }): Promise<Figures> {
    // The fingerprint is taken from what was loaded, so figures and their stated versions always agree.
    const [{ shown, revised, fingerprint }, context] = await Promise.all([loadFigureCells(db, { sliceMs: SLICE_MS }), loadContextFigures(db)]);
    const loadedContextKey = context.map((c) => c.provenance.contextVersionId).join(",");
    const next: Figures = {
      fingerprint: `${fingerprint}|context:${loadedContextKey}`,
      context: indexContextFigures(context),
      totals: await indexCellTotalsOffRequestPath(shown.cells),
      revisedTotals: await indexCellTotalsOffRequestPath(revised.cells),
      versionsByYear: new Map([...shown.provenanceByYear].map(([year, v]) => [year, toDatasetVersionInfo(year, v, revised.provenanceByYear.get(year))])),
      provenanceByYear: shown.provenanceByYear,
      revisionByYear: revised.provenanceByYear,
      responses: new Map(),
      answerCounts,
    };
    if (options.warm) await warm(next);
    data = next;
    return next;
  }

  async function refresh(): Promise<Figures> {
    const changesBefore = changes;
    const writesBefore = db.writeCount();
    const [selection, contextKey] = await Promise.all([selectVersionsByYear(db), contextFingerprint(db)]);
    checkedAt = changes === changesBefore ? now() : -Infinity;
    writesAtCheck = writesBefore;
    if (data && data.fingerprint === `${selectionFingerprint(selection)}|context:${contextKey}`) return data;
    // Awaited by the request: nothing to warm for (it builds its own answer right after).
    if (!data || cellsOfSelection(selection) <= WAIT_FOR_CELLS) return prepare({ warm: false });
    // Keep answering from the previous versions; the new ones replace them when they are ready.
    preparing ??= prepare({ warm: true }).finally(() => (preparing = undefined));
    preparing.catch(() => undefined);
    return data;
  }

  return {
    answerCounts,
    current() {
      if (data && db.writeCount() === writesAtCheck && now() - checkedAt < revalidateAfterMs) return Promise.resolve(data);
      refreshing ??= refresh().finally(() => (refreshing = undefined));
      return refreshing;
    },
    remember(key, build, offThread) {
      asked.delete(key);
      asked.set(key, { build, offThread });
      if (asked.size > WARMED_ANSWERS) asked.delete(asked.keys().next().value!);
    },
  };
}
