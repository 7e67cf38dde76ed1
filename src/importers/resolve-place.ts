import { quoteForMessage } from "./quote-for-message.js";
import { foldMunicipalityName, MUNICIPALITIES, resolveMunicipality, type MunicipalityCode } from "../domain/municipality.js";
import { editDistance } from "../domain/edit-distance.js";

/** Where a row's figures belong: one of the 98, or the national row Ankestyrelsen publishes. */
export type Place = { readonly kind: "municipality"; readonly code: MunicipalityCode } | { readonly kind: "national" };

// Names of the national total row in the talportal and statbank (domain.md §4).
const NATIONAL_NAMES = new Set(["hele landet", "landstotal", "i alt", "landsplan", "danmark", "hele danmark", "total", "alle kommuner"]);

const NATIONAL: Place = Object.freeze({ kind: "national" });
/** One Place per code: "Herning", "Herning Kommune" and "0657" are the same place, also by identity. */
const PLACE_BY_CODE: ReadonlyMap<MunicipalityCode, Place> = new Map(MUNICIPALITIES.map((m) => [m.code, Object.freeze({ kind: "municipality", code: m.code })]));

/** Distinct texts cached: a real file names 99 places; a hostile one millions, which are resolved each time. */
const MAX_CACHED_PLACES = 10_000;

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
    if (NATIONAL_NAMES.has(folded)) place = NATIONAL;
    else {
      const m = resolveMunicipality(text);
      place = m ? PLACE_BY_CODE.get(m.code) : undefined;
    }
    if (cache.size < MAX_CACHED_PLACES) cache.set(text, place);
    return place;
  };
}

/** The key a place is counted under: its code, or "national". */
export function placeKey(place: Place): string {
  return place.kind === "national" ? "national" : place.code;
}

/** Subject labels that are sums over all subjects, not subjects: storing them would count cases twice. */
export function isSubjectTotal(subject: string): boolean {
  return /^(i alt|alle sagsemner|total|sagsemner i alt|alle)$/i.test(subject.trim());
}

/**
 * The Danish message for a name no municipality has, with the nearest name when one is close (a typing
 * error, "Københaven"). The suggestion is only a hint in the message: the row is never matched to it.
 */
function unknownMunicipalityMessageDa(text: string, withHint: boolean): string {
  const folded = foldMunicipalityName(text).replace(/ kommune$/, "");
  let best: { name: string; distance: number } | undefined;
  for (const m of withHint ? MUNICIPALITIES : []) {
    for (const name of [m.name, ...m.aliases]) {
      const distance = editDistance(folded, foldMunicipalityName(name));
      if (!best || distance < best.distance) best = { name: m.name, distance };
    }
  }
  const hint = best && folded.length >= 4 && best.distance <= Math.max(1, Math.floor(folded.length / 4)) ? ` Mente du "${best.name}"?` : "";
  return `Ukendt kommune ${quoteForMessage(text)}.${hint} Brug kommunens navn (fx "Herning") eller kommunekode (fx 0657); landstallet hedder fx "Hele landet".`;
}

/**
 * Distinct unknown names that get the nearest-name hint. Each hint costs an edit distance against every
 * name and alias; 2 million distinct unknown names ran past 300 s (issue 19). Only the first 200 issues of
 * a file are shown anyway, so later names get the message without a hint, and nothing is cached.
 */
const MAX_HINTED_NAMES = 1_000;
/** Names longer than this get no hint either: the edit distance is quadratic in the length. */
const MAX_HINTED_LENGTH = 60;

/** unknownMunicipalityMessageDa, once per distinct text: a file may repeat one unknown name on many rows. */
export function createUnknownMunicipalityMessages(): (text: string) => string {
  const cache = new Map<string, string>();
  return (text) => {
    let message = cache.get(text);
    if (message !== undefined) return message;
    if (cache.size >= MAX_HINTED_NAMES || text.length > MAX_HINTED_LENGTH) return unknownMunicipalityMessageDa(text, false);
    cache.set(text, (message = unknownMunicipalityMessageDa(text, true)));
    return message;
  };
}
