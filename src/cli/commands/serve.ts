import type { Command } from "commander";
import { DataDirLockedError } from "../../storage/data-dir-lock.js";
import { storageConfigFromEnv, describeStorage } from "../../storage/open-database.js";
import { startServer } from "../../server/start-server.js";
import { AuthSettingsError, authSettingsFromEnv } from "../../app/accounts/auth-settings-from-env.js";
import { UserError } from "../user-error.js";
import { isLogLevel, LOG_LEVELS, type LogLevel } from "../../server/request-log.js";
import { isDatabaseEmpty, loadDemoDataset } from "./demo.js";
import { withDatabase } from "./import.js";

export function parsePort(value: string | undefined): number {
  const port = Number(value ?? "3000");
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UserError(`PORT skal være et heltal mellem 0 og 65535, ikke "${value}".`);
  return port;
}

/** DANMARKSKORT_LOG_LEVEL: one of pino's levels, "info" when not set. */
export function parseLogLevel(value: string | undefined): LogLevel {
  if (value === undefined || value === "") return "info";
  if (!isLogLevel(value)) throw new UserError(`DANMARKSKORT_LOG_LEVEL skal være en af ${LOG_LEVELS.join(", ")}, ikke "${value}".`);
  return value;
}

/** Enough that a token cannot be guessed in the time a scraper is allowed to try (128 bits as hex is 32). */
const MIN_METRICS_TOKEN_LENGTH = 24;

/** DANMARKSKORT_METRICS_TOKEN: /metrics exists only with one, and a short one is refused rather than used. */
export function parseMetricsToken(value: string | undefined): string | undefined {
  if (value === undefined || value === "") return undefined;
  if (value.length < MIN_METRICS_TOKEN_LENGTH || /\s/.test(value)) {
    throw new UserError(`DANMARKSKORT_METRICS_TOKEN skal være mindst ${MIN_METRICS_TOKEN_LENGTH} tegn uden mellemrum (fx fra "openssl rand -hex 32").`);
  }
  return value;
}

export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("start webserveren (PORT, DANMARKSKORT_DATA_DIR, DATABASE_URL, DANMARKSKORT_LOG_LEVEL, DANMARKSKORT_METRICS_TOKEN)")
    .action(async () => {
      const storage = storageConfigFromEnv(process.env);
      const logLevel = parseLogLevel(process.env.DANMARKSKORT_LOG_LEVEL);
      const metricsToken = parseMetricsToken(process.env.DANMARKSKORT_METRICS_TOKEN);
      let auth;
      try {
        auth = authSettingsFromEnv(process.env);
      } catch (error) {
        throw error instanceof AuthSettingsError ? new UserError(error.message) : error;
      }
      // A first start shows something: an empty database gets the demo data set, clearly marked
      // (issue 3, point 7). DANMARKSKORT_DEMO=0 turns this off. Done before the server opens the
      // database, since an embedded data dir has one owner at a time.
      if (process.env.DANMARKSKORT_DEMO !== "0") {
        await withDatabase(async (db, where) => {
          if (!(await isDatabaseEmpty(db))) return;
          const outcome = await loadDemoDataset(db);
          process.stdout.write(
            `Databasen var tom: demodata er indlæst i ${where} (datasætversion ${outcome.stored?.datasetVersionId}) – Demodata – ikke Ankestyrelsens tal. ` +
              `Når rigtige tal indlæses ("npm run -s cli -- import <fil>"), vises demodata ikke mere; DANMARKSKORT_DEMO=0 slår dette fra.\n`,
          );
        });
      }
      const { url } = await startServer({ port: parsePort(process.env.PORT), host: process.env.HOST ?? "0.0.0.0", storage, auth, trustProxy: process.env.DANMARKSKORT_TRUST_PROXY === "1", minutesDownload: { allowPrivateAddresses: process.env.DANMARKSKORT_REFERAT_PRIVATE_ADRESSER === "1" }, log: { level: logLevel }, ...(metricsToken !== undefined ? { metricsToken } : {}) }).catch((error: unknown) => {
        // A locked data dir is the user's to resolve (stop the other process, or use PostgreSQL): no stack trace.
        throw error instanceof DataDirLockedError ? new UserError(error.message) : error;
      });
      process.stdout.write(`Danmarkskort kører på ${url.replace("0.0.0.0", "localhost")} (${describeStorage(storage)})\n`);
    });
}
