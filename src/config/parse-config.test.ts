import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_AUTH_SETTINGS } from "../app/accounts/auth-settings.js";
import { DEFAULT_IMPORT_LIMITS } from "../importers/import-limits.js";
import { VARIABLES } from "./environment-schema.js";
import { ConfigError, parseConfig } from "./parse-config.js";

/** The message parseConfig refuses `env` with (and that it is a ConfigError, which the CLI prints as "Fejl: …"). */
function refusal(env: Record<string, string>): string {
  try {
    parseConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error(`parseConfig accepted ${JSON.stringify(env)}`);
}

describe("parseConfig: the defaults", () => {
  it("gives every setting its documented default in an empty environment", () => {
    const config = parseConfig({});
    expect(config.storage).toEqual({ kind: "pglite", dataDir: resolve("data") });
    expect(config.dataDir).toBe(resolve("data"));
    expect(config.server).toEqual({
      port: 3000,
      host: "0.0.0.0",
      trustProxy: false,
      logLevel: "info",
      metricsToken: null,
      loadDemoWhenEmpty: true,
      minutesFromPrivateAddresses: false,
      startedByNpm: false,
    });
    expect(config.auth).toEqual(DEFAULT_AUTH_SETTINGS);
    expect(config.importLimits).toEqual(DEFAULT_IMPORT_LIMITS);
    expect(config.boundaries).toEqual({ kind: "dawa", url: "https://api.dataforsyningen.dk/kommuner?format=geojson", cacheFile: resolve("data", "boundaries", "kommuner-dawa.geojson") });
    expect(config.sofficeCommand).toBeUndefined();
    expect(config.statbankUrl).toBe("https://api.statbank.dk");
    expect(config.debug).toBe(false);
  });

  it("counts an empty value as not set", () => {
    expect(parseConfig({ PORT: "", DANMARKSKORT_LOG_LEVEL: "", DATABASE_URL: "", DANMARKSKORT_METRICS_TOKEN: "" })).toEqual(parseConfig({}));
  });

  it("is frozen, all the way down", () => {
    const config = parseConfig({});
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.server)).toBe(true);
    expect(Object.isFrozen(config.storage)).toBe(true);
  });

  it("leaves the rest of the environment alone (PATH, HOME, …)", () => {
    expect(() => parseConfig({ PATH: "/usr/bin", HOME: "/root", npm_config_cache: "x" })).not.toThrow();
  });
});

describe("parseConfig: each variable's meaning", () => {
  // Moved from storage's storageConfigFromEnv, whose job this now is.
  it("chooses PostgreSQL when DATABASE_URL is set, even with a data dir", () => {
    expect(parseConfig({ DATABASE_URL: "postgres://x@h:5432/db", DANMARKSKORT_DATA_DIR: "/tmp/d" }).storage).toEqual({ kind: "postgres", url: "postgres://x@h:5432/db" });
  });

  it("otherwise uses the embedded database in DANMARKSKORT_DATA_DIR, or ./data, as an absolute path", () => {
    expect(parseConfig({ DANMARKSKORT_DATA_DIR: "/srv/danmarkskort" }).storage).toEqual({ kind: "pglite", dataDir: "/srv/danmarkskort" });
    expect(parseConfig({}).storage).toEqual({ kind: "pglite", dataDir: resolve("data") });
    expect(parseConfig({ DATABASE_URL: "" }).storage).toEqual({ kind: "pglite", dataDir: resolve("data") });
  });

  it("reads the server's settings", () => {
    const config = parseConfig({
      PORT: "0",
      HOST: "127.0.0.1",
      DANMARKSKORT_TRUST_PROXY: "1",
      DANMARKSKORT_LOG_LEVEL: "warn",
      DANMARKSKORT_METRICS_TOKEN: "a".repeat(24),
      DANMARKSKORT_DEMO: "0",
      DANMARKSKORT_REFERAT_PRIVATE_ADRESSER: "1",
      npm_lifecycle_event: "start",
    });
    expect(config.server).toEqual({
      port: 0,
      host: "127.0.0.1",
      trustProxy: true,
      logLevel: "warn",
      metricsToken: "a".repeat(24),
      loadDemoWhenEmpty: false,
      minutesFromPrivateAddresses: true,
      startedByNpm: true,
    });
    expect(parseConfig({ DANMARKSKORT_DEMO: "1" }).server.loadDemoWhenEmpty).toBe(true);
  });

  it("reads DANMARKSKORT_LOG_LEVEL: any of pino's levels", () => {
    for (const level of ["fatal", "error", "warn", "info", "debug", "trace", "silent"]) expect(parseConfig({ DANMARKSKORT_LOG_LEVEL: level }).server.logLevel).toBe(level);
  });

  it("reads DANMARKSKORT_BOUNDARIES (file or none) and otherwise caches DAWA in the data dir", () => {
    expect(parseConfig({ DANMARKSKORT_BOUNDARIES: "none" }).boundaries).toEqual({ kind: "none" });
    expect(parseConfig({ DANMARKSKORT_BOUNDARIES: "/tmp/k.topojson" }).boundaries).toEqual({ kind: "file", path: "/tmp/k.topojson" });
    expect(parseConfig({ DANMARKSKORT_DATA_DIR: "/srv/dk", DANMARKSKORT_BOUNDARIES_URL: "http://x/k.geojson" }).boundaries).toEqual({
      kind: "dawa",
      url: "http://x/k.geojson",
      cacheFile: "/srv/dk/boundaries/kommuner-dawa.geojson",
    });
  });

  it("reads the import limits, LibreOffice, Statistikbanken's address and the debug switch", () => {
    const config = parseConfig({
      DANMARKSKORT_IMPORT_MAX_CELLS: "5000",
      DANMARKSKORT_SOFFICE: "/opt/lo/soffice",
      DANMARKSKORT_STATBANK_URL: "http://127.0.0.1:9/",
      DANMARKSKORT_DEBUG: "1",
    });
    expect(config.importLimits).toEqual({ ...DEFAULT_IMPORT_LIMITS, maxCells: 5000 });
    expect(config.sofficeCommand).toBe("/opt/lo/soffice");
    expect(config.statbankUrl).toBe("http://127.0.0.1:9/");
    expect(config.debug).toBe(true);
  });

  it("reads the sign-in settings (auth-settings-from-env.ts)", () => {
    const config = parseConfig({ DANMARKSKORT_OIDC_ISSUER: "https://idp.example/", DANMARKSKORT_OIDC_CLIENT_ID: "dk", DANMARKSKORT_OIDC_CLIENT_SECRET: "s", DANMARKSKORT_SESSION_MAX_HOURS: "8" });
    expect(config.auth.oidc?.issuerUrl).toBe("https://idp.example");
    expect(config.auth.sessionMaxHours).toBe(8);
  });

  it("knows the test harness's and a retired variable, so they are not refused as typos", () => {
    expect(() => parseConfig({ DANMARKSKORT_FUZZ_CASES: "300", DANMARKSKORT_FUZZ_SEED: "7", DANMARKSKORT_CHROMIUM: "/ingen/chromium" })).not.toThrow();
  });
});

describe("parseConfig: a bad value stops the start with a Danish message naming the variable and what is allowed", () => {
  it.each([
    [{ PORT: "http" }, 'PORT skal være et heltal mellem 0 og 65535, ikke "http".'],
    [{ PORT: "70000" }, 'PORT skal være et heltal mellem 0 og 65535, ikke "70000".'],
    [{ PORT: "-1" }, 'PORT skal være et heltal mellem 0 og 65535, ikke "-1".'],
    [{ DANMARKSKORT_LOG_LEVEL: "snakkesalig" }, 'DANMARKSKORT_LOG_LEVEL skal være en af fatal, error, warn, info, debug, trace, silent, ikke "snakkesalig".'],
    [{ DANMARKSKORT_LOG_LEVEL: "INFO" }, 'DANMARKSKORT_LOG_LEVEL skal være en af fatal, error, warn, info, debug, trace, silent, ikke "INFO".'],
    [{ DANMARKSKORT_METRICS_TOKEN: "hemmelig" }, 'DANMARKSKORT_METRICS_TOKEN skal være mindst 24 tegn uden mellemrum (fx fra "openssl rand -hex 32").'],
    [{ DANMARKSKORT_METRICS_TOKEN: `${"a".repeat(24)} b` }, 'DANMARKSKORT_METRICS_TOKEN skal være mindst 24 tegn uden mellemrum (fx fra "openssl rand -hex 32").'],
    [{ DANMARKSKORT_DEMO: "nej" }, 'DANMARKSKORT_DEMO="nej" er ikke gyldig: brug 1 (læg demodata i en tom database ved start) eller 0.'],
    [{ DANMARKSKORT_TRUST_PROXY: "true" }, 'DANMARKSKORT_TRUST_PROXY="true" er ikke gyldig: brug 1 (bag en omvendt proxy) eller 0.'],
    [{ DANMARKSKORT_REFERAT_PRIVATE_ADRESSER: "ja" }, 'DANMARKSKORT_REFERAT_PRIVATE_ADRESSER="ja" er ikke gyldig: brug 1 (referater må hentes fra private net) eller 0.'],
    [{ DANMARKSKORT_DEBUG: "yes" }, 'DANMARKSKORT_DEBUG="yes" er ikke gyldig: brug 1 (vis detaljer om programfejl) eller 0.'],
    [{ DANMARKSKORT_BOUNDARIES_URL: "kommuner.geojson" }, 'DANMARKSKORT_BOUNDARIES_URL="kommuner.geojson" er ikke gyldig: brug en adresse, der begynder med https:// eller http://.'],
    [{ DANMARKSKORT_STATBANK_URL: "ftp://dst.dk" }, 'DANMARKSKORT_STATBANK_URL="ftp://dst.dk" er ikke gyldig: brug en adresse, der begynder med https:// eller http://.'],
    [{ DANMARKSKORT_IMPORT_MAX_CELLS: "mange" }, 'DANMARKSKORT_IMPORT_MAX_CELLS skal være et helt tal fra 1, ikke "mange".'],
    [{ DANMARKSKORT_IMPORT_MAX_COUNT: "0" }, 'DANMARKSKORT_IMPORT_MAX_COUNT skal være et helt tal fra 1 til 5.000.000, ikke "0".'],
    [{ DANMARKSKORT_IMPORT_MAX_COUNT: "6000000" }, 'DANMARKSKORT_IMPORT_MAX_COUNT skal være et helt tal fra 1 til 5.000.000, ikke "6000000".'],
    [{ DANMARKSKORT_SESSION_MAX_HOURS: "0" }, 'DANMARKSKORT_SESSION_MAX_HOURS skal være et helt tal mellem 1 og 168, ikke "0".'],
    [{ DANMARKSKORT_SESSION_IDLE_MINUTES: "en time" }, 'DANMARKSKORT_SESSION_IDLE_MINUTES skal være et helt tal mellem 1 og 1440, ikke "en time".'],
    [{ DANMARKSKORT_PUBLIC_URL: "ftp://x" }, 'DANMARKSKORT_PUBLIC_URL skal begynde med https://, ikke "ftp://x".'],
    [{ DANMARKSKORT_OIDC_DEFAULT_ROLE: "chef" }, 'DANMARKSKORT_OIDC_DEFAULT_ROLE skal være en af admin, tilsyn, redaktoer, laeser, ikke "chef".'],
    [{ DANMARKSKORT_OIDC_CLIENT_AUTH: "private_key_jwt" }, 'DANMARKSKORT_OIDC_CLIENT_AUTH skal være client_secret_basic eller client_secret_post, ikke "private_key_jwt".'],
    [{ DANMARKSKORT_OIDC_ISSUER: "https://idp.example" }, "DANMARKSKORT_OIDC_ISSUER er sat, men DANMARKSKORT_OIDC_CLIENT_ID mangler."],
  ])("%j", (env, message) => {
    expect(refusal(env)).toBe(message);
  });

  it("never repeats a secret: DATABASE_URL's value may hold a password", () => {
    const message = refusal({ DATABASE_URL: "mysql://root:hemmeligt@db/danmarkskort" });
    expect(message).toBe("DATABASE_URL er ikke gyldig: brug en adresse som postgres://bruger@vært:5432/database (værdien vises ikke, da den kan rumme en adgangskode).");
    expect(message).not.toContain("hemmeligt");
    expect(refusal({ DANMARKSKORT_METRICS_TOKEN: "kort hemmelighed" })).not.toContain("hemmelighed");
  });

  it("has a Danish refusal for every variable it restricts", () => {
    for (const [name, variable] of Object.entries(VARIABLES)) {
      const message = variable.invalidDa("x");
      if (message !== "") expect(message, name).toMatch(new RegExp(`^${name}[ =]`));
    }
  });
});

describe("parseConfig: an unknown DANMARKSKORT_* variable is refused as a likely typo", () => {
  it("names it and suggests the nearest known one", () => {
    expect(refusal({ DANMARKSKORT_LOG_LEVL: "debug" })).toBe(
      "DANMARKSKORT_LOG_LEVL er ikke en kendt indstilling, måske en stavefejl for DANMARKSKORT_LOG_LEVEL? Ret eller fjern den (de kendte DANMARKSKORT_-variable står i README'en).",
    );
    expect(refusal({ DANMARKSKORT_DATADIR: "/srv" })).toMatch(/^DANMARKSKORT_DATADIR er ikke en kendt indstilling, måske en stavefejl for DANMARKSKORT_DATA_DIR\?/);
  });

  it("suggests nothing when nothing is near", () => {
    expect(refusal({ DANMARKSKORT_KAFFEMASKINE: "1" })).toBe("DANMARKSKORT_KAFFEMASKINE er ikke en kendt indstilling. Ret eller fjern den (de kendte DANMARKSKORT_-variable står i README'en).");
  });

  it("refuses an unknown variable before it looks at the values", () => {
    expect(refusal({ DANMARKSKORT_PORT: "3000", PORT: "x" })).toMatch(/^DANMARKSKORT_PORT er ikke en kendt indstilling/);
  });
});
