import { Type } from "typebox";
import { API_ERROR, ETAG_HEADER, NOT_MODIFIED } from "./answers.js";
import { Open, Ref } from "./schema-kit.js";
import { MapFigures, MapsIndex } from "./figures.js";
import { MunicipalityProfileResponse } from "./profile.js";
import { AREAS, MAP_IDS } from "../../domain/map-definition.js";

/**
 * The /api/v1 routes of maps, municipality profiles and this document, keyed "METHOD /address": summary, parameters, body and every answer. The
 * route module passes its entry as `schema`; the OpenAPI document is generated from the same objects.
 */

export const FIGURE_ROUTES = {
  "GET /api/v1/maps": {
    summary: "De tre kort og deres dataår med data",
    response: { 200: Ref(MapsIndex, { description: "Kortene", headers: ETAG_HEADER }), 304: NOT_MODIFIED },
  },
  "GET /api/v1/maps/:map/:year": {
    summary: "Tallene for ét kort og ét dataår: hele landet og alle 98 kommuner",
    params: Type.Object({
      map: Type.Enum(MAP_IDS),
      year: Type.String({ pattern: "^\\d{4}$", description: "Dataåret (det år Ankestyrelsen afgjorde sagerne)" }),
    }),
    querystring: Type.Object({ area: Type.Optional(Type.Enum(AREAS, { description: "children/adults kun på socialomraadet", default: "total" })) }),
    response: { 200: Ref(MapFigures, { description: "Tallene", headers: ETAG_HEADER }), 304: NOT_MODIFIED, 400: API_ERROR, 404: API_ERROR },
  },
  "GET /api/v1/municipalities/:code": {
    summary: "Kommuneprofil: de tre kort, områder, alle år, udvikling, puljet 3-års-procent, nabokommuner, region og sagsemner",
    params: Type.Object({ code: Type.String({ description: "Kommunekode (0657) eller kommunenavn" }) }),
    querystring: Type.Object({
      year: Type.Optional(Type.String({ description: "Fokusår; senere år udelades" })),
      compare: Type.Optional(Type.String({ description: "Egen sammenligningsgruppe: kommunekoder adskilt af komma" })),
    }),
    response: { 200: Ref(MunicipalityProfileResponse, { description: "Profilen", headers: ETAG_HEADER }), 304: NOT_MODIFIED, 400: API_ERROR, 404: API_ERROR },
  },
  "GET /api/v1/openapi.json": {
    summary: "Dette dokument",
    response: { 200: Open({ description: "OpenAPI 3.1" }) },
  },
};
