import { foldMunicipalityName, resolveMunicipality, type MunicipalityCode } from "../domain/municipality.js";

/** Where a row's figures belong: one of the 98, or the national row Ankestyrelsen publishes. */
export type Place = { readonly kind: "municipality"; readonly code: MunicipalityCode } | { readonly kind: "national" };

// Names of the national total row in the talportal and statbank (domain.md §4).
const NATIONAL_NAMES = new Set(["hele landet", "landstotal", "i alt", "landsplan", "danmark", "hele danmark", "total", "alle kommuner"]);

/**
 * Resolves the municipality column. Cached per distinct text: a million-row file names 99 places.
 * Undefined means unknown; the caller reports it with line and column, it is never guessed.
 */
export function createPlaceResolver(): (text: string) => Place | undefined {
  const cache = new Map<string, Place | undefined>();
  return (text) => {
    if (cache.has(text)) return cache.get(text);
    const folded = foldMunicipalityName(text);
    let place: Place | undefined;
    if (NATIONAL_NAMES.has(folded)) place = { kind: "national" };
    else {
      const m = resolveMunicipality(text);
      place = m ? { kind: "municipality", code: m.code } : undefined;
    }
    cache.set(text, place);
    return place;
  };
}

/** Subject labels that are sums over all subjects, not subjects: storing them would count cases twice. */
export function isSubjectTotal(subject: string): boolean {
  return /^(i alt|alle sagsemner|total|sagsemner i alt|alle)$/i.test(subject.trim());
}
