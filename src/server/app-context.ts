import type { Database } from "../storage/database.js";

/** What routes get: the database and the settings the server was started with. */
export type AppContext = {
  readonly db: Database;
  readonly storageDescription: string;
};
