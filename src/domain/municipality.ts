import { MUNICIPALITIES } from "./registry/municipalities-data.js";

/** Official 4-digit municipality code (DAGI), e.g. "0657". Codes, never names, are keys. */
export type MunicipalityCode = string;

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

export { MUNICIPALITIES };

const byCode = new Map(MUNICIPALITIES.map((m) => [m.code, m]));

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

export function municipalityName(code: MunicipalityCode): string {
  return byCode.get(code)?.name ?? code;
}
