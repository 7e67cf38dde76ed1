import { buildApp } from "./app.js";
import { mapGeometries } from "./geo-boundaries.js";
import { describeStorage, openDatabase, type StorageConfig } from "../storage/open-database.js";

export type ServerOptions = { readonly port: number; readonly host: string; readonly storage: StorageConfig };

/**
 * Opens storage, migrates, listens, and closes everything in order on SIGTERM/SIGINT so an
 * embedded database is never left mid-write by a normal stop.
 */
export async function startServer(options: ServerOptions): Promise<{ url: string; stop: () => Promise<void> }> {
  const db = await openDatabase(options.storage);
  const app = await buildApp({ db, storageDescription: describeStorage(options.storage) });
  const url = await app.listen({ port: options.port, host: options.host });
  // Load the boundaries now (on a first start that is a download from DAWA, up to 15 s), so the first
  // visitor to the map does not wait for it. A failure falls back to the tile map inside mapGeometries.
  void mapGeometries().catch(() => undefined);
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await app.close();
      await db.close();
    })());
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      void stop().then(() => process.exit(0));
    });
  }
  return { url, stop };
}
