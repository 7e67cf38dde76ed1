import { Type } from "typebox";
import { API_ERROR, BEARER } from "./answers.js";
import { Closed, Open, Ref, MunicipalityParams } from "./schema-kit.js";
import { KnowledgeEntryBody } from "./knowledge.js";

/**
 * The /api/v1 routes of the knowledge bank, keyed "METHOD /address": summary, parameters, body and every answer. The
 * route module passes its entry as `schema`; the OpenAPI document is generated from the same objects.
 */

export const KNOWLEDGE_ROUTES = {
  "GET /api/v1/municipalities/:code/knowledge": {
    summary: "Kommunens vidensbank: afgørelserne med årsager, læring og kort (kun kommunens egne brugere og tilsyn; ikke administrator)",
    security: BEARER,
    params: MunicipalityParams(),
    querystring: Type.Object({ year: Type.Optional(Type.String({ description: "Kun ét dataår" })) }),
    response: { 200: Closed({ entries: Type.Array(Open()) }, { description: "Afgørelserne" }), 400: API_ERROR, 401: API_ERROR, 403: API_ERROR, 404: API_ERROR },
  },
  "POST /api/v1/municipalities/:code/knowledge": {
    summary: "Registrér en afgørelse i vidensbanken (kun kommunens redaktører); et CPR-nummer i et tekstfelt afvises, og intet gemmes",
    security: BEARER,
    params: MunicipalityParams(),
    body: Ref(KnowledgeEntryBody),
    response: { 201: Open({ description: "Den gemte afgørelse" }), 400: API_ERROR, 401: API_ERROR, 403: API_ERROR, 404: API_ERROR },
  },
  "PUT /api/v1/municipalities/:code/knowledge/:id": {
    summary: "Ret en afgørelse i vidensbanken (kun kommunens redaktører)",
    security: BEARER,
    params: MunicipalityParams({ id: Type.String() }),
    body: Ref(KnowledgeEntryBody),
    response: { 200: Open({ description: "Den rettede afgørelse" }), 400: API_ERROR, 401: API_ERROR, 403: API_ERROR, 404: API_ERROR },
  },
  "GET /api/v1/municipalities/:code/knowledge/figures/:year": {
    summary:
      "Hvad vidensbanken fortæller for et år: fuldstændighed pr. kort mod statistikken, optælling pr. årsag, sagsemne, kort, afdeling og udfald, borgere med flere afgørelser (kun talt) og resultatet efter ny afgørelse",
    security: BEARER,
    params: MunicipalityParams({
      year: Type.String({ pattern: "^\\d{4}$", description: "Dataåret kommentaren gælder" }),
    }),
    response: {
      200: Type.Object(
        { completeness: Type.Unknown(), byReason: Type.Unknown(), newDecisions: Type.Unknown() },
        { additionalProperties: true, description: "Tallene" },
      ),
      400: API_ERROR,
      401: API_ERROR,
      403: API_ERROR,
      404: API_ERROR,
    },
  },
  "PUT /api/v1/municipalities/:code/knowledge/import": {
    summary:
      "Indlæs kommunens eget regneark (XLSX eller CSV som indholdet), alt eller intet; ?dryRun=1 kontrollerer uden at gemme, ?mapping=Overskrift%3Dfelt kortlægger overskrifter",
    security: BEARER,
    params: MunicipalityParams(),
    querystring: Type.Object({
      // Any other value imports, as before the schema: only 1 and true mean a dry run.
      dryRun: Type.Optional(Type.String({ description: "1 eller true: kontrollér uden at gemme" })),
      fileName: Type.Optional(Type.String({ description: "Filens navn i fejlbeskederne" })),
      mapping: Type.Optional(Type.String({ description: "Linjer 'Overskrift = felt'" })),
    }),
    body: { content: { "text/csv": { schema: {} }, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: {} } } },
    response: {
      200: Open({ description: "Kontrolleret" }),
      201: Open({ description: "Indlæst" }),
      400: API_ERROR,
      401: API_ERROR,
      403: API_ERROR,
      422: Open({ description: "Afvist: fejlene med fil, række og kolonne; intet er gemt" }),
    },
  },
  "GET /api/v1/municipalities/:code/knowledge/public/:year": {
    summary: "Kommunens anonymiserede optælling (årsager og sagsemner, ingen tekst, felter under 3 vist som <3), når kommunen har valgt at offentliggøre den",
    params: MunicipalityParams({
      year: Type.String({ pattern: "^\\d{4}$", description: "Dataåret kommentaren gælder" }),
    }),
    response: { 200: Open({ description: "Optællingen" }), 400: API_ERROR, 404: API_ERROR },
  },
  "GET /api/v1/knowledge/public/:year": {
    summary: "Landsoptælling over de kommuner, der offentliggør deres optælling (felter under 3 vist som <3)",
    params: Type.Object({ year: Type.String({ pattern: "^\\d{4}$", description: "Dataåret kommentaren gælder" }) }),
    response: { 200: Open({ description: "Optællingen" }), 400: API_ERROR },
  },
};
