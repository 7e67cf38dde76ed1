import { asMunicipalityCode, findMunicipalityByCode, MUNICIPALITIES, type MunicipalityCode } from "./municipality.js";
import { NEIGHBOURS } from "./registry/neighbours-data.js";

const neighbours = new Map(Object.entries(NEIGHBOURS).map(([code, list]) => [asMunicipalityCode(code), list.map((c) => asMunicipalityCode(c))]));

/** Municipalities sharing a border with `code` (reviewed data from the boundaries; empty for islands). */
export function neighboursOf(code: MunicipalityCode): readonly MunicipalityCode[] {
  return neighbours.get(code) ?? [];
}

/** The other municipalities of `code`'s region. */
export function regionMembersOf(code: MunicipalityCode): readonly MunicipalityCode[] {
  const region = findMunicipalityByCode(code)?.region;
  return MUNICIPALITIES.filter((m) => m.region === region && m.code !== code).map((m) => m.code);
}
