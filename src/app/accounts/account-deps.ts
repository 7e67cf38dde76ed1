import type { Database } from "../../storage/database.js";
import type { SecurityLog } from "../security-log.js";
import type { AuthSettings } from "./auth-settings.js";

/** The slice of the application context the account, comment and audit use cases use. */
export type AccountDeps = {
  readonly db: Database;
  readonly now: () => Date;
  readonly auth: AuthSettings;
  readonly securityLog: SecurityLog;
};
