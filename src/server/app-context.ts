import type { AccountDeps } from "../app/accounts/account-deps.js";
import { mapGeometries, type LoadedGeometries } from "../app/boundaries/map-geometries.js";
import { stderrSecurityLog, type SecurityLog } from "../app/security-log.js";
import type { Config } from "../config/parse-config.js";
import { readProcessConfig } from "../config/read-process-config.js";
import type { Database } from "../storage/database.js";
import type { LogSettings } from "./request-log.js";
import { createFiguresCache, type FiguresCache, type FiguresCacheOptions } from "./routes/figures-cache.js";

/**
 * What a door hands buildApp: the database, the configuration the process was started with, and where its
 * log lines go. The optional rest is for the tests and the benchmark, which build apps directly: a clock they
 * move, a security log they read, a stop in progress, the figures cache's revalidation.
 */
export type AppSettings = {
  readonly db: Database;
  readonly storageDescription: string;
  /**
   * The configuration parsed at start (src/config): sign-in, proxy, /metrics, boundaries, LibreOffice, … The
   * server's door (start-server.ts) always passes it. An app built without one gets the environment's, read
   * once when the app is built: the tests set DANMARKSKORT_BOUNDARIES and DANMARKSKORT_SOFFICE around it.
   */
  readonly config?: Config;
  /** Structured JSON logs (issue 17, item 5): silent when not given, as in the tests. */
  readonly log?: LogSettings;
  readonly securityLog?: SecurityLog;
  /** The clock the account use cases read (tests move it); the system clock when not given. */
  readonly now?: () => Date;
  /** True from the moment a stop begins: /readyz answers 503 so a load balancer sends no more (start-server.ts). */
  readonly isDraining?: () => boolean;
  /** Public pages built once per content and answered from memory (page-cache.ts); on unless `false`. */
  readonly pageCache?: boolean;
  /** How often the figures cache looks at the version selection without a write or an announcement (1 s). */
  readonly figuresCache?: FiguresCacheOptions;
  /** How long fetching minutes from an address may take (the tests shorten it); minutes-download.ts's default. */
  readonly minutesDownloadTimeoutMs?: number;
};

/**
 * What every route gets: each dependency made once for this app and passed explicitly, so a route holds no
 * module singleton and reads no environment. The figures cache is the app's one copy of the figures, for the
 * pages and the API alike (figures-cache.ts); the geometries are the boundaries the configuration names.
 */
export type AppContext = {
  readonly db: Database;
  readonly storageDescription: string;
  readonly config: Config;
  readonly log: LogSettings | undefined;
  readonly securityLog: SecurityLog;
  readonly now: () => Date;
  readonly isDraining: () => boolean;
  readonly pageCache: boolean;
  readonly figures: FiguresCache;
  /** The map geometries for the configured boundary source (loaded once per process, app/boundaries). */
  readonly geometries: () => Promise<LoadedGeometries>;
  /**
   * Fetching minutes from an address a person gives (issue 15): by default only public addresses;
   * private ones for a municipality's intranet (DANMARKSKORT_REFERAT_PRIVATE_ADRESSER=1).
   */
  readonly minutesDownload: { readonly allowPrivateAddresses: boolean; readonly timeoutMs?: number };
};

/** The context of one app, from its settings; called once, by buildApp. */
export function createAppContext(settings: AppSettings): AppContext {
  const config = settings.config ?? readProcessConfig();
  return {
    db: settings.db,
    storageDescription: settings.storageDescription,
    config,
    log: settings.log,
    securityLog: settings.securityLog ?? stderrSecurityLog(),
    now: settings.now ?? (() => new Date()),
    isDraining: settings.isDraining ?? (() => false),
    pageCache: settings.pageCache !== false,
    figures: createFiguresCache(settings.db, settings.figuresCache),
    geometries: () => mapGeometries(config.boundaries),
    minutesDownload: {
      allowPrivateAddresses: config.server.minutesFromPrivateAddresses,
      ...(settings.minutesDownloadTimeoutMs !== undefined ? { timeoutMs: settings.minutesDownloadTimeoutMs } : {}),
    },
  };
}

/** The slice the account, comment and audit use cases take. */
export function accountDepsOf(ctx: AppContext): AccountDeps {
  return { db: ctx.db, now: ctx.now, auth: ctx.config.auth, securityLog: ctx.securityLog };
}
