import type { AccountDeps } from "../app/accounts/account-deps.js";
import { DEFAULT_AUTH_SETTINGS, type AuthSettings } from "../app/accounts/auth-settings.js";
import { stderrSecurityLog, type SecurityLog } from "../app/security-log.js";
import type { Config } from "../config/parse-config.js";
import { readProcessConfig } from "../config/read-process-config.js";
import type { Database } from "../storage/database.js";
import type { LogSettings } from "./request-log.js";

/** What routes get: the database and the settings the server was started with. */
export type AppContext = {
  readonly db: Database;
  readonly storageDescription: string;
  /** Sessions, sign-in limits, API tokens and OpenID Connect; the defaults when not given. */
  readonly auth?: AuthSettings;
  readonly securityLog?: SecurityLog;
  /** The clock the account use cases read (tests move it); the system clock when not given. */
  readonly now?: () => Date;
  /**
   * Behind a reverse proxy: take the client's address and protocol from X-Forwarded-For/-Proto, so the
   * sign-in limit per address counts people, not the proxy, and the cookie is Secure behind TLS termination.
   */
  readonly trustProxy?: boolean;
  /**
   * Fetching minutes from an address a person gives (issue 15): by default only public addresses;
   * `allowPrivateAddresses` for a municipality's intranet (DANMARKSKORT_REFERAT_PRIVATE_ADRESSER=1) and tests.
   */
  /** Public pages built once per content and answered from memory (page-cache.ts); on unless `false`. */
  readonly pageCache?: boolean;
  readonly minutesDownload?: { readonly allowPrivateAddresses?: boolean; readonly timeoutMs?: number };
  /** Structured JSON logs (issue 17, item 5): silent when not given, as in the tests. */
  readonly log?: LogSettings;
  /**
   * The token /metrics asks for (DANMARKSKORT_METRICS_TOKEN) as `Authorization: Bearer <token>`; without
   * one /metrics does not exist (404), so no figure about the server is public by default.
   */
  readonly metricsToken?: string;
  /**
   * The configuration parsed at start (src/config): boundaries, LibreOffice, … The server's door (start-server.ts)
   * always passes it; see configOf for an app built without one.
   */
  readonly config?: Config;
  /** True from the moment a stop begins: /readyz answers 503 so a load balancer sends no more (start-server.ts). */
  readonly isDraining?: () => boolean;
};

/** The slice the account, comment and audit use cases take, with the defaults filled in. */
export function accountDepsOf(ctx: AppContext): AccountDeps {
  return { db: ctx.db, now: ctx.now ?? (() => new Date()), auth: ctx.auth ?? DEFAULT_AUTH_SETTINGS, securityLog: ctx.securityLog ?? stderrSecurityLog() };
}

/**
 * The app's configuration. An app built without one (the tests and the bench build apps directly) gets the
 * environment's, read when asked, as before there was a Config: those tests set DANMARKSKORT_BOUNDARIES and
 * DANMARKSKORT_SOFFICE around the app they built.
 */
export function configOf(ctx: AppContext): Config {
  return ctx.config ?? readProcessConfig();
}
