import { editDistance } from "./edit-distance.js";
import { foldMunicipalityName, MUNICIPALITIES, resolveMunicipality, type Municipality } from "./municipality.js";

/**
 * The answer to "Find en kommune" (issue 9, point 7): a name or code that names one municipality opens it;
 * the beginning of a name ("køben") finds every municipality whose name begins so, or, failing that,
 * contains it; a typing error ("Københaven") finds nothing but suggests the nearest names. Pure, over the
 * registry's names and aliases, folded as everywhere else (å = aa, case and hyphens ignored).
 */
export type MunicipalitySearch =
  | { readonly kind: "found"; readonly municipality: Municipality }
  | { readonly kind: "several"; readonly matches: readonly Municipality[] }
  | { readonly kind: "none"; readonly suggestions: readonly Municipality[] }
  | { readonly kind: "empty" };

const namesOf = (m: Municipality) => [m.name, ...m.aliases].map((n) => foldMunicipalityName(n).replace(/ kommune$/, ""));

export function searchMunicipalities(query: string): MunicipalitySearch {
  const text = query.trim();
  if (text === "") return { kind: "empty" };
  const exact = resolveMunicipality(text);
  if (exact) return { kind: "found", municipality: exact };
  const folded = foldMunicipalityName(text).replace(/ kommune$/, "");
  if (folded === "") return { kind: "empty" };
  const begins = MUNICIPALITIES.filter((m) => namesOf(m).some((n) => n.startsWith(folded)));
  const matches = begins.length > 0 ? begins : MUNICIPALITIES.filter((m) => namesOf(m).some((n) => n.includes(folded)));
  if (matches.length === 1) return { kind: "found", municipality: matches[0]! };
  if (matches.length > 1) return { kind: "several", matches };
  // A typing error: the names within a few edits, nearest first. Also against a name's beginning of the
  // same length, so a mistyped beginning ("Kobenh") still suggests.
  const tolerance = Math.max(1, Math.floor(folded.length / 4));
  const scored = MUNICIPALITIES.map((m) => ({
    m,
    distance: Math.min(...namesOf(m).flatMap((n) => [editDistance(folded, n), folded.length >= 4 ? editDistance(folded, n.slice(0, folded.length)) : Infinity])),
  }))
    .filter((s) => s.distance <= tolerance)
    .sort((a, b) => a.distance - b.distance || a.m.name.localeCompare(b.m.name, "da"));
  return { kind: "none", suggestions: scored.slice(0, 5).map((s) => s.m) };
}
