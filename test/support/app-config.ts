import type { AuthSettings } from "../../src/app/accounts/auth-settings.js";
import type { Config } from "../../src/config/parse-config.js";
import { readProcessConfig } from "../../src/config/read-process-config.js";

/**
 * The configuration an app built in a test gets, as the server's door would parse it from this process's
 * environment, with the settings the test is about changed: /metrics with a token, sign-in over OpenID
 * Connect, minutes from a private address. The environment stays the source of everything else (the tests
 * set DANMARKSKORT_BOUNDARIES and DANMARKSKORT_SOFFICE around the apps they build).
 */
export function testConfig(change: { readonly server?: Partial<Config["server"]>; readonly auth?: AuthSettings } = {}): Config {
  const base = readProcessConfig();
  return { ...base, server: { ...base.server, ...change.server }, ...(change.auth ? { auth: change.auth } : {}) };
}
