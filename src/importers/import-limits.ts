import { DEFAULT_MAX_COUNT } from "./parse-count.js";
import { DEFAULT_MAX_LINE_CHARS } from "./text/read-delimited-records.js";

/**
 * The bounds an import keeps to, so any file is answered (imported, or refused with the limit named) in
 * time linear in its size and with bounded memory (issue 19). Each default sits far above anything in
 * Ankestyrelsen's real files and far below what hurts the machine; each can be changed with an environment
 * variable (README, "Grænser for indlæsning").
 */
export type ImportLimits = {
  /** Characters in one field. A subject label is some 100 characters; 1.000 leaves room for any real one. */
  readonly maxFieldChars: number;
  /** Characters in one line (or one record spanning lines); a longer line is skipped, never held whole. */
  readonly maxLineChars: number;
  /** Cases in one count field (parse-count.ts says why). */
  readonly maxCount: number;
  /** Distinct (subject, law) pairs. A whole-country export of all years has a few hundred. */
  readonly maxDistinctSubjects: number;
  /** Distinct yearly cells (place × subject × law × year). 98 × 400 subjects × 12 years is some 470.000; each costs some 250 bytes while a file is read. */
  readonly maxCells: number;
  /** Unpacked size of an XLSX file's parts, read from its zip directory before anything is unpacked. */
  readonly maxXlsxUnpackedBytes: number;
};

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxFieldChars: 1_000,
  maxLineChars: DEFAULT_MAX_LINE_CHARS,
  maxCount: DEFAULT_MAX_COUNT,
  maxDistinctSubjects: 10_000,
  maxCells: 1_000_000,
  maxXlsxUnpackedBytes: 1024 * 1024 * 1024,
};

/** The environment variable of each limit. */
export const IMPORT_LIMIT_VARIABLES: Readonly<Record<keyof ImportLimits, string>> = {
  maxFieldChars: "DANMARKSKORT_IMPORT_MAX_FIELD_CHARS",
  maxLineChars: "DANMARKSKORT_IMPORT_MAX_LINE_CHARS",
  maxCount: "DANMARKSKORT_IMPORT_MAX_COUNT",
  maxDistinctSubjects: "DANMARKSKORT_IMPORT_MAX_SUBJECTS",
  maxCells: "DANMARKSKORT_IMPORT_MAX_CELLS",
  maxXlsxUnpackedBytes: "DANMARKSKORT_IMPORT_MAX_XLSX_BYTES",
};

/** 5.000.000 × 4 quarters × 98 municipalities stays below 2^31, the summer's and the database's integers. */
export const MAX_COUNT_CEILING = 5_000_000;

export class ImportLimitConfigError extends Error {}

/**
 * The limits from an environment (an object, so this stays pure): a variable set to a positive whole number
 * replaces the default; anything else is refused with the variable's name. maxCount stays at most MAX_COUNT_CEILING,
 * so every sum the database and the summer form fits a 32-bit integer.
 */
export function parseImportLimits(env: Readonly<Record<string, string | undefined>>): ImportLimits {
  const limits: Record<string, number> = { ...DEFAULT_IMPORT_LIMITS };
  for (const [key, name] of Object.entries(IMPORT_LIMIT_VARIABLES)) {
    const raw = env[name];
    if (raw === undefined || raw.trim() === "") continue;
    const value = /^\d{1,15}$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
    const ceiling = key === "maxCount" ? MAX_COUNT_CEILING : Number.MAX_SAFE_INTEGER;
    if (!Number.isSafeInteger(value) || value < 1 || value > ceiling) {
      throw new ImportLimitConfigError(`${name} skal være et helt tal fra 1${key === "maxCount" ? " til 5.000.000" : ""}, ikke "${raw.slice(0, 40)}".`);
    }
    limits[key] = value;
  }
  return limits as ImportLimits;
}
