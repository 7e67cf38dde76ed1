import { foldMunicipalityName, MUNICIPALITIES, resolveMunicipality, type MunicipalityCode } from "../domain/municipality.js";

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

/** Edit distance between two short strings (municipality names). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The Danish message for a name no municipality has, with the nearest name when one is close (a typing
 * error, "Københaven"). The suggestion is only a hint in the message: the row is never matched to it.
 */
function unknownMunicipalityMessageDa(text: string): string {
  const folded = foldMunicipalityName(text).replace(/ kommune$/, "");
  let best: { name: string; distance: number } | undefined;
  for (const m of MUNICIPALITIES) {
    for (const name of [m.name, ...m.aliases]) {
      const distance = editDistance(folded, foldMunicipalityName(name));
      if (!best || distance < best.distance) best = { name: m.name, distance };
    }
  }
  const hint = best && folded.length >= 4 && best.distance <= Math.max(1, Math.floor(folded.length / 4)) ? ` Mente du "${best.name}"?` : "";
  return `Ukendt kommune "${text}".${hint} Brug kommunens navn (fx "Herning") eller kommunekode (fx 0657); landstallet hedder fx "Hele landet".`;
}

/** unknownMunicipalityMessageDa, once per distinct text: a file may repeat one unknown name on many rows. */
export function createUnknownMunicipalityMessages(): (text: string) => string {
  const cache = new Map<string, string>();
  return (text) => {
    let message = cache.get(text);
    if (message === undefined) cache.set(text, (message = unknownMunicipalityMessageDa(text)));
    return message;
  };
}
