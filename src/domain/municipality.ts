import { MUNICIPALITY_ROWS } from "./registry/municipalities-data.js";

/**
 * Official 4-digit municipality code (DAGI), e.g. "0657". Codes, never names, are keys. A brand: only the
 * registry (`findMunicipalityByCode`, MUNICIPALITIES) and `asMunicipalityCode` make one, so a name or any
 * other string cannot be passed where a code is meant. The brand vouches for the form (four digits);
 * whether the code is one of the 98 is `findMunicipalityByCode`'s answer.
 */
export type MunicipalityCode = string & { readonly __brand: "MunicipalityCode" };

/** Four digits, as DAGI writes the code ("0657", not "657"). */
export function isMunicipalityCode(value: string): value is MunicipalityCode {
  return /^\d{4}$/.test(value);
}

/**
 * A code read back from where it was stored as one (a database row, the registry data, a fixture): checked
 * for its four digits, else a RangeError. Input from a person goes through `findMunicipalityByCode` or
 * app/params.ts instead, which also pad "657" and answer in Danish.
 */
export function asMunicipalityCode(value: string): MunicipalityCode;
/** A nullable column: null (the whole country, no municipality) stays null. */
export function asMunicipalityCode(value: string | null): MunicipalityCode | null;
export function asMunicipalityCode(value: string | null): MunicipalityCode | null {
  if (value === null) return null;
  if (!isMunicipalityCode(value)) throw new RangeError(`Ikke en kommunekode (fire cifre): ${JSON.stringify(value)}`);
  return value;
}

export type Region =
  | "Region Hovedstaden"
  | "Region Sjælland"
  | "Region Syddanmark"
  | "Region Midtjylland"
  | "Region Nordjylland";

export type Municipality = {
  readonly code: MunicipalityCode;
  readonly name: string;
  readonly region: string;
  /** Other spellings met in statistics, minutes and the press. */
  readonly aliases: readonly string[];
};

/** The 98 municipalities of the registry (DAGI), ordered by code. */
export const MUNICIPALITIES: readonly Municipality[] = MUNICIPALITY_ROWS.map((row) => ({ ...row, code: asMunicipalityCode(row.code) }));

const byCode = new Map<string, Municipality>(MUNICIPALITIES.map((m) => [m.code, m]));

/**
 * Folds a municipality name to a comparison key: case-, accent- and spacing-insensitive, with the
 * Danish letters spelled out (å → aa) so "Århus" meets "Aarhus" and "Høje Taastrup" meets "Høje-Taastrup".
 */
export function foldMunicipalityName(name: string): string {
  return name
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "oe")
    .replace(/å/g, "aa")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[-–.\s]+/g, " ")
    .trim();
}

const byFoldedName = new Map<string, Municipality>();
for (const m of MUNICIPALITIES) {
  for (const n of [m.name, ...m.aliases]) byFoldedName.set(foldMunicipalityName(n), m);
}

export function findMunicipalityByCode(code: string): Municipality | undefined {
  const trimmed = code.trim();
  return byCode.get(/^\d{1,4}$/.test(trimmed) ? trimmed.padStart(4, "0") : trimmed);
}

/**
 * Resolves a code ("657", "0657") or a name in any of its known forms ("Herning Kommune",
 * "HERNING", "Århus", "Københavns Kommune"). Returns undefined when nothing matches; callers
 * report that as an unknown municipality, never guess.
 */
export function resolveMunicipality(codeOrName: string): Municipality | undefined {
  const raw = codeOrName.trim();
  if (/^\d{1,4}$/.test(raw)) return findMunicipalityByCode(raw);
  let folded = foldMunicipalityName(raw).replace(/ kommune$/, "");
  const direct = byFoldedName.get(folded);
  if (direct) return direct;
  // Genitive forms: "Københavns Kommune", "Frederiksbergs".
  if (folded.endsWith("s")) folded = folded.slice(0, -1);
  return byFoldedName.get(folded);
}

/** The registry name of a code, or the code itself when it is none (a lookup, so any string will do). */
export function municipalityName(code: string): string {
  return byCode.get(code)?.name ?? code;
}
