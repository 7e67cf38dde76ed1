import { AREA_NAMES_DA, isArea, isMapId, MAP_DEFINITIONS, MAP_IDS, type Area, type MapId } from "../domain/map-definition.js";
import { findMunicipalityByCode, resolveMunicipality, type Municipality } from "../domain/municipality.js";
import { UserFacingError } from "./user-facing-error.js";

/**
 * The parameters every door takes – year, municipality, map, area, format – parsed once, with one Danish
 * message each. Pure: a string in, a domain value out, or a UserFacingError that names the value (capped, so a
 * hostile address is not echoed in full) and, where given, the parameter (`aar`, `kommune`). The API, the
 * pages and the commands use these, so "fire cifre" is said the same way everywhere.
 */

/** How much of a rejected value a message repeats: enough to recognise it, never a whole pasted document. */
const QUOTED_CHARS = 40;

function quoted(value: string): string {
  return `"${value.slice(0, QUOTED_CHARS)}"`;
}

/** An address parameter ("aar") is said as a parameter; a command's option ("--year") as the option it is. */
function where(param: string | undefined): string {
  if (param === undefined) return "";
  return param.startsWith("--") ? ` (tilvalget ${param})` : ` (parameter ${param})`;
}

/** "a", "a eller b", "a, b eller c". */
export function listDa(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} eller ${items.at(-1)}`;
}

/** A data year: four digits (2024). */
export function parseYear(value: string, param?: string): number {
  if (!/^\d{4}$/.test(value)) throw new UserFacingError("ugyldigt-aar", `Året skal være fire cifre, fx 2024, ikke ${quoted(value)}${where(param)}.`, 400);
  return Number(value);
}

/** A year that may be left out: missing or empty is undefined, anything else must be four digits. */
export function parseOptionalYear(value: string | undefined, param?: string): number | undefined {
  return value === undefined || value === "" ? undefined : parseYear(value, param);
}

/** A municipality by its code ("0657", "657") or one of its names ("Herning", "Københavns Kommune"). */
export function parseMunicipality(value: string, param?: string): Municipality {
  const municipality = resolveMunicipality(value);
  if (!municipality) throw new UserFacingError("ukendt-kommune", `Ukendt kommune ${quoted(value)}${where(param)}. Brug en kommunekode som 0657 eller et kommunenavn.`, 404);
  return municipality;
}

/** A municipality by its code only (addresses such as /kommuner/0657 name the code, never the name). */
export function parseMunicipalityCode(value: string, param?: string): Municipality {
  const municipality = /^\d{1,4}$/.test(value) ? findMunicipalityByCode(value) : undefined;
  if (!municipality) throw new UserFacingError("ukendt-kommune", `Ukendt kommunekode ${quoted(value)}${where(param)}. Brug den firecifrede kode, fx 0657 for Herning.`, 404);
  return municipality;
}

/** One of the three maps by its id (socialomraadet, boernehandicapomraadet, voksenhandicapomraadet). */
export function parseMap(value: string, param?: string): MapId {
  if (isMapId(value)) return value;
  throw new UserFacingError("ukendt-kort", `Ukendt kort ${quoted(value)}${where(param)}. Brug et af: ${MAP_IDS.join(", ")}.`, 404);
}

/** The area of a map: total when left out; children and adults only on a map split into them. */
export function parseArea(map: MapId, value: string | undefined, param?: string): Area {
  const area = value === undefined || value === "" ? "total" : value;
  if (!isArea(area)) throw new UserFacingError("ukendt-omraade", `Ukendt område ${quoted(area)}${where(param)}. Brug total, children eller adults.`, 400);
  if (!MAP_DEFINITIONS[map].areas.includes(area)) {
    throw new UserFacingError("ukendt-omraade", `${MAP_DEFINITIONS[map].nameDa} er ikke opdelt i ${AREA_NAMES_DA[area]}${where(param)}; brug area=total.`, 400);
  }
  return area;
}

/** A file format from the door's own list; the first is the default when left out. */
export function parseFormat<F extends string>(value: string | undefined, formats: readonly [F, ...F[]], param?: string): F {
  if (value === undefined || value === "") return formats[0];
  if ((formats as readonly string[]).includes(value)) return value as F;
  throw new UserFacingError("ukendt-format", `Ukendt format ${quoted(value)}${where(param)}; brug ${listDa(formats)}.`, 400);
}
