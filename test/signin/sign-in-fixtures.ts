import type { AccountDeps } from "../../src/app/accounts/account-deps.js";
import { DEFAULT_AUTH_SETTINGS, type AuthSettings } from "../../src/app/accounts/auth-settings.js";
import { createUserAccount } from "../../src/app/accounts/manage-users.js";
import { OPERATOR } from "../../src/app/caller.js";
import { asMunicipalityCode } from "../../src/domain/municipality.js";
import { memorySecurityLog } from "../../src/app/security-log.js";
import type { Database } from "../../src/storage/database.js";

export const PASSWORD = "en lang og god adgangskode";

/** One account per role the write routes are checked against: the national roles, and Herning's and København's own. */
export const ACCOUNTS = {
  admin: { email: "admin@ankestyrelsen.test", role: { kind: "admin" } },
  tilsyn: { email: "tilsyn@ankestyrelsen.test", role: { kind: "tilsyn" } },
  herningEditor: { email: "redaktoer@herning.test", role: { kind: "redaktoer", municipalityCode: asMunicipalityCode("0657") } },
  herningReader: { email: "laeser@herning.test", role: { kind: "laeser", municipalityCode: asMunicipalityCode("0657") } },
  copenhagenEditor: { email: "redaktoer@kk.test", role: { kind: "redaktoer", municipalityCode: asMunicipalityCode("0101") } },
} as const;

export type AccountName = keyof typeof ACCOUNTS;

export function testAccountDeps(db: Database, auth: AuthSettings = DEFAULT_AUTH_SETTINGS): AccountDeps & { securityLog: ReturnType<typeof memorySecurityLog> } {
  return { db, now: () => new Date(), auth, securityLog: memorySecurityLog() };
}

/** Creates the accounts as the operator would from the command line. */
export async function createAccounts(deps: AccountDeps, names: readonly AccountName[] = Object.keys(ACCOUNTS) as AccountName[]): Promise<void> {
  for (const name of names) {
    const a = ACCOUNTS[name];
    const result = await createUserAccount(deps, OPERATOR, { email: a.email, role: a.role, password: PASSWORD });
    if (result.kind !== "created") throw new Error(result.messageDa);
  }
}
