import { Type } from "typebox";
import { API_ERROR, BEARER } from "./answers.js";
import { Ref, MunicipalityParams } from "./schema-kit.js";
import { ApiToken, AuditTrail, CreateTokenBody, CreateUserBody, MunicipalityComment, PutCommentBody, SetUserDisabledBody, User } from "./writes.js";

/**
 * The /api/v1 routes of comments, users, tokens and the audit trail, keyed "METHOD /address": summary, parameters, body and every answer. The
 * route module passes its entry as `schema`; the OpenAPI document is generated from the same objects.
 */

export const WRITE_ROUTES = {
  "GET /api/v1/municipalities/:code/comments/:year": {
    summary:
      "Kommunens kommentar til tallene for et år: den offentliggjorte, eller med en API-nøgle fra kommunens egne brugere (og tilsyn/administrator) også kladden",
    params: MunicipalityParams({
      year: Type.String({ pattern: "^\\d{4}$", description: "Dataåret kommentaren gælder" }),
    }),
    response: { 200: Ref(MunicipalityComment, { description: "Kommentaren" }), 400: API_ERROR, 404: API_ERROR },
  },
  "PUT /api/v1/municipalities/:code/comments/:year": {
    summary: "Gem kommunens kommentar som kladde eller offentliggjort (kun kommunens redaktører); et CPR-nummer afvises, og intet gemmes",
    security: BEARER,
    params: MunicipalityParams({
      year: Type.String({ pattern: "^\\d{4}$", description: "Dataåret kommentaren gælder" }),
    }),
    body: Ref(PutCommentBody),
    response: { 200: Ref(MunicipalityComment, { description: "Den gemte kommentar" }), 400: API_ERROR, 401: API_ERROR, 403: API_ERROR, 404: API_ERROR },
  },
  "POST /api/v1/users": {
    summary: "Opret en bruger (kun administrator)",
    security: BEARER,
    body: Ref(CreateUserBody),
    response: { 201: Ref(User, { description: "Den oprettede bruger" }), 400: API_ERROR, 401: API_ERROR, 403: API_ERROR, 409: API_ERROR },
  },
  "PUT /api/v1/users/:email/disabled": {
    summary: "Spær eller genåbn en bruger (kun administrator); spærring logger brugerens sessioner ud",
    security: BEARER,
    params: Type.Object({ email: Type.String() }),
    body: Ref(SetUserDisabledBody),
    response: { 200: Ref(User, { description: "Brugeren" }), 400: API_ERROR, 401: API_ERROR, 403: API_ERROR, 404: API_ERROR },
  },
  "POST /api/v1/tokens": {
    summary: "Lav en personlig API-nøgle med din egen rolle; nøglen er kun i dette svar",
    security: BEARER,
    body: Ref(CreateTokenBody),
    response: { 201: Ref(ApiToken, { description: "Nøglen (feltet token vises kun her)" }), 400: API_ERROR, 401: API_ERROR },
  },
  "DELETE /api/v1/tokens/:id": {
    summary: "Tilbagekald en af dine egne API-nøgler",
    security: BEARER,
    params: Type.Object({ id: Type.String() }),
    response: { 200: Ref(ApiToken, { description: "Den tilbagekaldte nøgle" }), 401: API_ERROR, 404: API_ERROR },
  },
  "GET /api/v1/audit-trail": {
    summary: "Revisionssporet, nyeste først: administrator og tilsyn ser alt, kommunens egne brugere deres egen kommune",
    security: BEARER,
    querystring: Type.Object({
      municipality: Type.Optional(Type.String({ description: "Kommunekode, fx 0657" })),
      user: Type.Optional(Type.String({ description: "Brugerens e-mail" })),
    }),
    response: { 200: Ref(AuditTrail, { description: "Ændringerne" }), 400: API_ERROR, 401: API_ERROR, 403: API_ERROR },
  },
};
