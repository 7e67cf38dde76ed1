import { indexContextFigures, type ContextIndex } from "../../domain/context/context-index.js";
import { contextFingerprint, loadContextFigures } from "../../storage/context-store.js";
import type { Database } from "../../storage/database.js";

/** One index per database handle, loaded again only when the stored context versions change (an import, a removal). */
const caches = new WeakMap<Database, { key: string; index: Promise<ContextIndex> }>();

/** The imported Danmarks Statistik figures (population, recipients), indexed for the pages and the API. */
export async function loadContextIndex(db: Database): Promise<{ readonly fingerprint: string; readonly index: ContextIndex }> {
  const key = await contextFingerprint(db);
  let cache = caches.get(db);
  if (cache?.key !== key) {
    const index = loadContextFigures(db).then(indexContextFigures);
    cache = { key, index };
    caches.set(db, cache);
    index.catch(() => {
      if (caches.get(db)?.index === index) caches.delete(db);
    });
  }
  return { fingerprint: key, index: await cache.index };
}
