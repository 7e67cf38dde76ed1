import { isMapId, MAP_DEFINITIONS, type Area, type MapId } from "../domain/map-definition.js";
import { findMunicipalityByCode } from "../domain/municipality.js";
import { isMeasureId, MEASURE_IDS, type MeasureId } from "./map-measure.js";

export type ViewId = "kort" | "tabel" | "tragt";
export type GeometryChoice = "geografisk" | "felter";

/** Everything a map page shows, as URL parameters (Danish, ASCII): every view has a link that reopens it. */
export type MapPageState = {
  readonly map: MapId;
  readonly year: number;
  readonly area: Area;
  readonly measure: MeasureId;
  readonly view: ViewId;
  /** null: the server's default (geographic when boundaries are loaded). */
  readonly geometry: GeometryChoice | null;
  /** The highlighted municipality, or null. */
  readonly municipality: string | null;
};

const AREA_PARAM: Readonly<Record<Area, string>> = { total: "i-alt", children: "boern", adults: "voksne" };
/** The views a map page offers, in the order of its tabs. */
export const VIEW_IDS: readonly ViewId[] = ["kort", "tabel", "tragt"];
const VIEWS = VIEW_IDS;
/** The map types a map page offers; geographic only where boundaries are loaded. */
export const GEOMETRY_CHOICES: readonly GeometryChoice[] = ["geografisk", "felter"];

export class PageStateError extends Error {}

/**
 * Parses ?kort=&aar=&omraade=&maal=&visning=&geometri=&kommune=. Missing values take defaults (the newest
 * year with data); a wrong value is an error with a Danish message naming the parameter.
 */
export function parseMapPageState(query: Readonly<Record<string, string | undefined>>, defaults: { readonly year: number }): MapPageState {
  const map = query.kort ?? "socialomraadet";
  if (!isMapId(map)) throw new PageStateError(`Ukendt kort "${map}" (parameter kort). Gyldige: socialomraadet, boernehandicapomraadet, voksenhandicapomraadet.`);
  const yearText = query.aar ?? String(defaults.year);
  if (!/^\d{4}$/.test(yearText)) throw new PageStateError(`Året skal være fire cifre, ikke "${yearText}" (parameter aar).`);
  const areaText = query.omraade ?? "i-alt";
  const area = (Object.keys(AREA_PARAM) as Area[]).find((a) => AREA_PARAM[a] === areaText);
  if (!area) throw new PageStateError(`Ukendt område "${areaText}" (parameter omraade). Gyldige: i-alt, boern, voksne.`);
  if (!MAP_DEFINITIONS[map].areas.includes(area)) throw new PageStateError(`${MAP_DEFINITIONS[map].nameDa} er ikke opdelt i børne- og voksenområdet (parameter omraade).`);
  const measure = query.maal ?? "omgoerelse";
  if (!isMeasureId(measure)) throw new PageStateError(`Ukendt mål "${measure}" (parameter maal). Gyldige: ${MEASURE_IDS.join(", ")}.`);
  const view = query.visning ?? "kort";
  if (!(VIEWS as readonly string[]).includes(view)) throw new PageStateError(`Ukendt visning "${view}" (parameter visning). Gyldige: kort, tabel, tragt.`);
  const geometry = query.geometri ?? null;
  if (geometry !== null && geometry !== "geografisk" && geometry !== "felter") throw new PageStateError(`Ukendt korttype "${geometry}" (parameter geometri). Gyldige: geografisk, felter.`);
  const municipality = query.kommune ? (findMunicipalityByCode(query.kommune)?.code ?? null) : null;
  if (query.kommune && !municipality) throw new PageStateError(`Ukendt kommunekode "${query.kommune}" (parameter kommune).`);
  return { map, year: Number(yearText), area, measure, view: view as ViewId, geometry, municipality };
}

/** The query string for a state (no leading "?"); parseMapPageState(parse(this)) gives the state back. */
export function mapPageQuery(state: MapPageState): string {
  const params = new URLSearchParams({ kort: state.map, aar: String(state.year), omraade: AREA_PARAM[state.area], maal: state.measure, visning: state.view });
  if (state.geometry) params.set("geometri", state.geometry);
  if (state.municipality) params.set("kommune", state.municipality);
  return params.toString();
}

export function areaParam(area: Area): string {
  return AREA_PARAM[area];
}
