import { API_ERROR, BEARER } from "./answers.js";
import { Ref, MunicipalityParams } from "./schema-kit.js";
import { SubjectAreaTable, SubjectAreaTableBody } from "./subject-areas.js";

/**
 * The /api/v1 routes of the subject → area table, keyed "METHOD /address": summary, parameters, body and every answer. The
 * route module passes its entry as `schema`; the OpenAPI document is generated from the same objects.
 */

export const SUBJECT_AREA_ROUTES = {
  "GET /api/v1/municipalities/:code/subject-areas": {
    summary: "Kommunens områdetabel: hvilket af kommunens områder hvert sagsemne hører til (grupperer alle klagesager i dagsordenpunktet)",
    params: MunicipalityParams(),
    response: { 200: Ref(SubjectAreaTable, { description: "Tabellen med kommunens sagsemner og afdelinger" }), 404: API_ERROR },
  },
  "PUT /api/v1/municipalities/:code/subject-areas": {
    summary: "Erstat kommunens områdetabel (kun kommunens redaktører); et område skal stå på kommunens liste over afdelinger, når den findes",
    security: BEARER,
    params: MunicipalityParams(),
    body: Ref(SubjectAreaTableBody),
    response: { 200: Ref(SubjectAreaTable, { description: "Den gemte tabel" }), 400: API_ERROR, 401: API_ERROR, 403: API_ERROR, 404: API_ERROR },
  },
};
