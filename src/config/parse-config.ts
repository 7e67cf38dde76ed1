import { dirname, isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { AuthSettings } from "../app/accounts/auth-settings.js";
import { AuthSettingsError, authSettingsFromEnv } from "../app/accounts/auth-settings-from-env.js";
import { DAWA_MUNICIPALITIES_URL, type BoundarySource } from "../app/boundaries/map-geometries.js";
import { ImportLimitConfigError, parseImportLimits, type ImportLimits } from "../importers/import-limits.js";
import { DEFAULT_STATBANK_API_URL } from "../importers/statbank-context/fetch-statbank-csv.js";
import type { StorageConfig } from "../storage/open-database.js";
import { environmentValidator, OWN_PREFIX, VARIABLES, type VariableName } from "./environment-schema.js";
import type { LogLevel } from "./log-level.js";

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** A setting that cannot be used: the message names the variable and what is allowed, in Danish. */
export class ConfigError extends Error {}

/** The whole configuration, parsed once at the door (src/main.ts) and passed on; nothing below reads the environment. */
export type Config = {
  /** DATABASE_URL selects PostgreSQL; otherwise the embedded database in DANMARKSKORT_DATA_DIR or ./data. */
  readonly storage: StorageConfig;
  /** DANMARKSKORT_DATA_DIR (or ./data), absolute: the embedded database and the boundary cache live here. */
  readonly dataDir: string;
  readonly server: {
    /** PORT, 3000 when not set; 0 picks a free port. */
    readonly port: number;
    /** HOST, 0.0.0.0 when not set. */
    readonly host: string;
    /** DANMARKSKORT_TRUST_PROXY=1: behind a reverse proxy (app-context.ts says what changes). */
    readonly trustProxy: boolean;
    /** DANMARKSKORT_LOG_LEVEL, info when not set. */
    readonly logLevel: LogLevel;
    /** DANMARKSKORT_METRICS_TOKEN: /metrics exists only with one. */
    readonly metricsToken: string | null;
    /** Not DANMARKSKORT_DEMO=0: `serve` puts the demo data set into an empty database. */
    readonly loadDemoWhenEmpty: boolean;
    /** DANMARKSKORT_REFERAT_PRIVATE_ADRESSER=1: minutes may be fetched from private networks. */
    readonly minutesFromPrivateAddresses: boolean;
    /** Started by npm (npm_lifecycle_event): the server stops when npm is gone (start-server.ts says why). */
    readonly startedByNpm: boolean;
  };
  readonly auth: AuthSettings;
  readonly importLimits: ImportLimits;
  readonly boundaries: BoundarySource;
  /** DANMARKSKORT_SOFFICE: LibreOffice's program for PDF; found on PATH when not set. */
  readonly sofficeCommand: string | undefined;
  /** DANMARKSKORT_STATBANK_URL, or Statistikbanken's own API. */
  readonly statbankUrl: string;
  /** DANMARKSKORT_DEBUG=1: a program error prints its stack trace. */
  readonly debug: boolean;
};

export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Parses the environment into a frozen Config. An unknown DANMARKSKORT_* variable, or a value the schema does not
 * allow, throws ConfigError naming it; an empty value counts as not set. Pure: the caller passes the environment.
 */
export function parseConfig(environment: Environment): Config {
  const env = setVariables(environment);
  refuseUnknownVariables(env);
  const problem = environmentValidator.Errors(env)[0];
  if (problem !== undefined) {
    const name = problem.instancePath.slice(1) as VariableName;
    throw new ConfigError(VARIABLES[name].invalidDa(env[name] ?? ""));
  }
  const port = Number(env.PORT ?? "3000");
  if (port > 65535) throw new ConfigError(VARIABLES.PORT.invalidDa(env.PORT ?? ""));
  const dataDir = resolve(env.DANMARKSKORT_DATA_DIR ?? "data");
  return deepFreeze({
    storage: env.DATABASE_URL ? { kind: "postgres", url: env.DATABASE_URL } : { kind: "pglite", dataDir },
    dataDir,
    server: {
      port,
      host: env.HOST ?? "0.0.0.0",
      trustProxy: env.DANMARKSKORT_TRUST_PROXY === "1",
      logLevel: (env.DANMARKSKORT_LOG_LEVEL ?? "info") as LogLevel,
      metricsToken: env.DANMARKSKORT_METRICS_TOKEN ?? null,
      loadDemoWhenEmpty: env.DANMARKSKORT_DEMO !== "0",
      minutesFromPrivateAddresses: env.DANMARKSKORT_REFERAT_PRIVATE_ADRESSER === "1",
      startedByNpm: env.npm_lifecycle_event !== undefined,
    },
    auth: translated(AuthSettingsError, () => authSettingsFromEnv(env)),
    importLimits: translated(ImportLimitConfigError, () => parseImportLimits(env)),
    boundaries: boundarySourceOf(env, dataDir),
    sofficeCommand: env.DANMARKSKORT_SOFFICE,
    statbankUrl: env.DANMARKSKORT_STATBANK_URL ?? DEFAULT_STATBANK_API_URL,
    debug: env.DANMARKSKORT_DEBUG === "1",
  });
}

/** The variables with a value: "" (as `VAR= cmd` gives) is the same as not set, as it always was for these. */
function setVariables(environment: Environment): Record<string, string> {
  const set: Record<string, string> = {};
  for (const [name, value] of Object.entries(environment)) if (value !== undefined && value.trim() !== "") set[name] = value;
  return set;
}

function refuseUnknownVariables(env: Readonly<Record<string, string>>): void {
  const known = Object.keys(VARIABLES);
  const unknown = Object.keys(env)
    .filter((name) => name.startsWith(OWN_PREFIX) && !known.includes(name))
    .sort();
  if (unknown.length === 0) return;
  const name = unknown[0]!;
  const nearest = known.filter((k) => k.startsWith(OWN_PREFIX)).sort((a, b) => editDistance(name, a) - editDistance(name, b))[0]!;
  const guess = editDistance(name, nearest) <= 3 ? `, måske en stavefejl for ${nearest}?` : ".";
  throw new ConfigError(`${name} er ikke en kendt indstilling${guess} Ret eller fjern den (de kendte DANMARKSKORT_-variable står i README'en).`);
}

/**
 * DANMARKSKORT_BOUNDARIES=<file> (GeoJSON or TopoJSON; relative paths from the project root) or "none"; otherwise
 * the cached DAWA download in <data dir>/boundaries/, fetched from DANMARKSKORT_BOUNDARIES_URL (default DAWA).
 */
function boundarySourceOf(env: Readonly<Record<string, string>>, dataDir: string): BoundarySource {
  const configured = env.DANMARKSKORT_BOUNDARIES?.trim();
  if (configured === "none") return { kind: "none" };
  if (configured) return { kind: "file", path: isAbsolute(configured) ? configured : resolve(projectRoot, configured) };
  return { kind: "dawa", url: env.DANMARKSKORT_BOUNDARIES_URL ?? DAWA_MUNICIPALITIES_URL, cacheFile: join(dataDir, "boundaries", "kommuner-dawa.geojson") };
}

/** The settings' own parsers check what the schema cannot say alone (one variable needing another); same message. */
function translated<T>(errorType: new (...args: never[]) => Error, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw error instanceof errorType ? new ConfigError(error.message) : error;
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** Levenshtein distance, for the one suggestion an unknown variable gets. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}
