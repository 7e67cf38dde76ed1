import type { AccountDeps } from "../../app/accounts/account-deps.js";
import { DEFAULT_AUTH_SETTINGS } from "../../app/accounts/auth-settings.js";
import { stderrSecurityLog } from "../../app/security-log.js";
import type { Database } from "../../storage/database.js";

/** The account use cases' dependencies at the command line: the system clock and the security log on stderr. */
export function cliAccountDeps(db: Database): AccountDeps {
  return { db, now: () => new Date(), auth: DEFAULT_AUTH_SETTINGS, securityLog: stderrSecurityLog() };
}
