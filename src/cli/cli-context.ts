import { withDatabase } from "../app/with-database.js";
import type { Config } from "../config/parse-config.js";
import type { Database } from "../storage/database.js";

/** What every command gets: the configuration parsed once at start, and the configured database on request. */
export type CliContext = {
  readonly config: Config;
  /** Opens the configured database for `work` and closes it after (app/with-database.ts). */
  withDatabase<T>(work: (db: Database, where: string) => Promise<T>): Promise<T>;
};

export function cliContextOf(config: Config): CliContext {
  return { config, withDatabase: (work) => withDatabase(config.storage, work) };
}
