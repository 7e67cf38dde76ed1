import { Type, type TSchema } from "typebox";
import { Compile } from "typebox/compile";
import { ROLE_KINDS } from "../domain/access-policy.js";
import { LOG_LEVELS } from "./log-level.js";

/**
 * Every environment variable the product reads, with what it accepts (the README's tables describe them for an
 * operator). A value that does not fit stops the start with `invalidDa`: the variable's name and what is allowed,
 * in Danish. Where a message was already part of the product (and asserted by tests), it is kept word for word.
 */
type Variable = {
  readonly schema: TSchema;
  /** The refusal; `raw` is left out for secrets, so a password never reaches a terminal or a log. */
  readonly invalidDa: (raw: string) => string;
};

const flag = (name: string, meaningDa: string): Variable => ({
  schema: Type.Union([Type.Literal("0"), Type.Literal("1")]),
  invalidDa: (raw) => `${name}="${raw}" er ikke gyldig: brug 1 (${meaningDa}) eller 0.`,
});

/** http(s) only: the product fetches from these addresses. */
const HTTP_URL = "^https?://[^\\s/]+[^\\s]*$";
const httpUrl = (name: string): Variable => ({
  schema: Type.String({ pattern: HTTP_URL }),
  invalidDa: (raw) => `${name}="${raw}" er ikke gyldig: brug en adresse, der begynder med https:// eller http://.`,
});

const anyText: Variable = { schema: Type.String(), invalidDa: () => "" };

/** A positive whole number with a ceiling (import limits: import-limits.ts says why each exists). */
const importLimit = (name: string, ceilingDa = ""): Variable => ({
  schema: Type.String({ pattern: "^\\s*\\d{1,15}\\s*$" }),
  invalidDa: (raw) => `${name} skal være et helt tal fra 1${ceilingDa}, ikke "${raw.slice(0, 40)}".`,
});

const sessionLimit = (name: string, max: number): Variable => ({
  schema: Type.String({ pattern: "^\\s*\\d+\\s*$" }),
  invalidDa: (raw) => `${name} skal være et helt tal mellem 1 og ${max}, ikke "${raw}".`,
});

export const VARIABLES = {
  // Storage (open-database.ts): PostgreSQL when DATABASE_URL is set, else the embedded database in the data dir.
  DATABASE_URL: {
    schema: Type.String({ pattern: "^postgres(ql)?://" }),
    invalidDa: () => "DATABASE_URL er ikke gyldig: brug en adresse som postgres://bruger@vært:5432/database (værdien vises ikke, da den kan rumme en adgangskode).",
  },
  DANMARKSKORT_DATA_DIR: anyText,
  // The server.
  PORT: {
    schema: Type.String({ pattern: "^\\d{1,5}$" }),
    invalidDa: (raw) => `PORT skal være et heltal mellem 0 og 65535, ikke "${raw}".`,
  },
  HOST: anyText,
  DANMARKSKORT_LOG_LEVEL: {
    schema: Type.Union(LOG_LEVELS.map((level) => Type.Literal(level))),
    invalidDa: (raw) => `DANMARKSKORT_LOG_LEVEL skal være en af ${LOG_LEVELS.join(", ")}, ikke "${raw}".`,
  },
  DANMARKSKORT_METRICS_TOKEN: {
    // Enough that a token cannot be guessed in the time a scraper is allowed to try (128 bits as hex is 32).
    schema: Type.String({ pattern: "^\\S{24,}$" }),
    invalidDa: () => 'DANMARKSKORT_METRICS_TOKEN skal være mindst 24 tegn uden mellemrum (fx fra "openssl rand -hex 32").',
  },
  DANMARKSKORT_DEMO: flag("DANMARKSKORT_DEMO", "læg demodata i en tom database ved start"),
  DANMARKSKORT_TRUST_PROXY: flag("DANMARKSKORT_TRUST_PROXY", "bag en omvendt proxy"),
  DANMARKSKORT_REFERAT_PRIVATE_ADRESSER: flag("DANMARKSKORT_REFERAT_PRIVATE_ADRESSER", "referater må hentes fra private net"),
  DANMARKSKORT_DEBUG: flag("DANMARKSKORT_DEBUG", "vis detaljer om programfejl"),
  // Map boundaries (app/boundaries/map-geometries.ts).
  DANMARKSKORT_BOUNDARIES: anyText,
  DANMARKSKORT_BOUNDARIES_URL: httpUrl("DANMARKSKORT_BOUNDARIES_URL"),
  // Documents and Statistikbanken.
  DANMARKSKORT_SOFFICE: anyText,
  DANMARKSKORT_STATBANK_URL: httpUrl("DANMARKSKORT_STATBANK_URL"),
  // Import limits (importers/import-limits.ts).
  DANMARKSKORT_IMPORT_MAX_FIELD_CHARS: importLimit("DANMARKSKORT_IMPORT_MAX_FIELD_CHARS"),
  DANMARKSKORT_IMPORT_MAX_LINE_CHARS: importLimit("DANMARKSKORT_IMPORT_MAX_LINE_CHARS"),
  DANMARKSKORT_IMPORT_MAX_COUNT: importLimit("DANMARKSKORT_IMPORT_MAX_COUNT", " til 5.000.000"),
  DANMARKSKORT_IMPORT_MAX_SUBJECTS: importLimit("DANMARKSKORT_IMPORT_MAX_SUBJECTS"),
  DANMARKSKORT_IMPORT_MAX_CELLS: importLimit("DANMARKSKORT_IMPORT_MAX_CELLS"),
  DANMARKSKORT_IMPORT_MAX_XLSX_BYTES: importLimit("DANMARKSKORT_IMPORT_MAX_XLSX_BYTES"),
  // Sign-in (app/accounts/auth-settings-from-env.ts, README "Brugere og roller").
  DANMARKSKORT_SESSION_IDLE_MINUTES: sessionLimit("DANMARKSKORT_SESSION_IDLE_MINUTES", 24 * 60),
  DANMARKSKORT_SESSION_MAX_HOURS: sessionLimit("DANMARKSKORT_SESSION_MAX_HOURS", 7 * 24),
  DANMARKSKORT_PUBLIC_URL: anyText,
  DANMARKSKORT_OIDC_ISSUER: anyText,
  DANMARKSKORT_OIDC_CLIENT_ID: anyText,
  DANMARKSKORT_OIDC_CLIENT_SECRET: anyText,
  DANMARKSKORT_OIDC_DEFAULT_ROLE: {
    schema: Type.Union(ROLE_KINDS.map((role) => Type.Literal(role))),
    invalidDa: (raw) => `DANMARKSKORT_OIDC_DEFAULT_ROLE skal være en af ${ROLE_KINDS.join(", ")}, ikke "${raw}".`,
  },
  DANMARKSKORT_OIDC_CLIENT_AUTH: {
    schema: Type.Union([Type.Literal("client_secret_basic"), Type.Literal("client_secret_post")]),
    invalidDa: (raw) => `DANMARKSKORT_OIDC_CLIENT_AUTH skal være client_secret_basic eller client_secret_post, ikke "${raw}".`,
  },
  DANMARKSKORT_OIDC_MUNICIPALITY_CLAIM: anyText,
  DANMARKSKORT_OIDC_ROLE_CLAIM: anyText,
  DANMARKSKORT_OIDC_SCOPE: anyText,
  DANMARKSKORT_OIDC_BUTTON: anyText,
  // Not the product's, but known, so they are not taken for typos: the test harness reads these two
  // (test/hostile/fuzz.test.ts), and DANMARKSKORT_CHROMIUM chose the PDF renderer before LibreOffice did; an old
  // deployment may still set it, and it is ignored.
  DANMARKSKORT_FUZZ_CASES: anyText,
  DANMARKSKORT_FUZZ_SEED: anyText,
  DANMARKSKORT_CHROMIUM: anyText,
} as const satisfies Record<string, Variable>;

export type VariableName = keyof typeof VARIABLES;

/** Our own prefix: a variable with it that is not in VARIABLES is most likely a typo, and is refused. */
export const OWN_PREFIX = "DANMARKSKORT_";

/**
 * The environment as one schema: each known variable optional, anything else (PATH, HOME, …) let through, since
 * the process environment is shared with everything else on the machine.
 */
export const EnvironmentSchema = Type.Object(
  Object.fromEntries(Object.entries(VARIABLES).map(([name, variable]) => [name, Type.Optional(variable.schema)])),
  { additionalProperties: true },
);

export const environmentValidator = Compile(EnvironmentSchema);
