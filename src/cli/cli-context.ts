import type { AboutExportModel } from "../app/site-export/export-manifest.js";
import { withDatabase } from "../app/with-database.js";
import type { Config } from "../config/parse-config.js";
import type { Database } from "../storage/database.js";

/** A page of the public site as the server answers it (the static export reads every page this way). */
export type SiteAnswer = { readonly status: number; readonly contentType: string; readonly body: Buffer };

/**
 * What the commands need of the web server. src/cli never imports src/server (eslint.config.js): the
 * composition root, src/main.ts, hands these in, so the doors stay side by side and neither reaches the other.
 */
export type ServerDoors = {
  /** `serve`: opens the database, listens and stops on SIGTERM/SIGINT (server/start-server.ts). */
  startServer(options: { readonly config: Config }): Promise<{ readonly url: string }>;
  /** `eksport-site`: the public site on `db`, answered in memory (no port), until closed. */
  openSite(db: Database, storageDescription: string, config: Config): Promise<{ get(url: string): Promise<SiteAnswer>; close(): Promise<void> }>;
  /** The export's about page, drawn by the server's views. */
  renderExportAboutPage(model: AboutExportModel): string;
};

/** What every command gets: the configuration parsed once at start, the configured database on request, and the server. */
export type CliContext = {
  readonly config: Config;
  /** Opens the configured database for `work` and closes it after (app/with-database.ts). */
  withDatabase<T>(work: (db: Database, where: string) => Promise<T>): Promise<T>;
  readonly server: ServerDoors;
};

export function cliContextOf(config: Config, server: ServerDoors): CliContext {
  return { config, withDatabase: (work) => withDatabase(config.storage, work), server };
}
