import { Type } from "typebox";
import { API_ERROR, BEARER, fileAnswer } from "./answers.js";
import { Ref, MunicipalityParams, TREATMENT_YEAR } from "./schema-kit.js";
import {
  /**
   * The /api/v1 routes of the treatment record, council bodies and legal rules, keyed "METHOD /address": summary, parameters, body and every answer. The
   * route module passes its entry as `schema`; the OpenAPI document is generated from the same objects.
   */
  Attachment,
  AttachmentBody,
  AttachmentVisibilityBody,
  BodyList,
  BodyListBody,
  Deleted,
  LegalRule,
  LegalRuleBody,
  LegalRules,
  Meeting,
  MeetingBody,
  OrderBody,
  PlanDecisionBody,
  TreatmentHistory,
  TreatmentRecord,
} from "./treatment.js";

export const TREATMENT_ROUTES = {
  "GET /api/v1/municipalities/:code/treatment": {
    summary: "Kommunens politiske behandling for alle år med noget registreret; format=csv eller xlsx giver historikken som regneark",
    params: MunicipalityParams(),
    querystring: Type.Object({ format: Type.Optional(Type.Enum(["json", "csv", "xlsx"], { default: "json" })) }),
    response: { 200: Ref(TreatmentHistory, { description: "Historikken" }), 400: API_ERROR, 401: API_ERROR, 404: API_ERROR },
  },
  "GET /api/v1/municipalities/:code/treatment/:year": {
    summary:
      "Behandlingen af kortet for et dataår: møder, status i en dansk sætning, handleplansbeslutning og påbud; ikke-offentlige bilag kun med en nøgle, der må se kommunens interne materiale",
    params: MunicipalityParams({
      year: TREATMENT_YEAR,
    }),
    response: { 200: Ref(TreatmentRecord, { description: "Behandlingen" }), 400: API_ERROR, 401: API_ERROR, 404: API_ERROR },
  },
  "POST /api/v1/municipalities/:code/treatment/:year/meetings": {
    summary: "Tilføj et møde (kun kommunens redaktører); CPR-numre afvises i alle tekstfelter",
    security: BEARER,
    params: MunicipalityParams({
      year: TREATMENT_YEAR,
    }),
    body: Ref(MeetingBody),
    response: { 201: Ref(Meeting, { description: "Det gemte møde" }), 400: API_ERROR, 401: API_ERROR, 403: API_ERROR, 404: API_ERROR },
  },
  "PUT /api/v1/municipalities/:code/treatment/:year/meetings/:id": {
    summary: "Ret et møde (kun kommunens redaktører)",
    security: BEARER,
    params: MunicipalityParams({
      year: TREATMENT_YEAR,
      id: Type.String({ description: "Mødets id" }),
    }),
    body: Ref(MeetingBody),
    response: { 200: Ref(Meeting, { description: "Det rettede møde" }), 400: API_ERROR, 401: API_ERROR, 403: API_ERROR, 404: API_ERROR },
  },
  "DELETE /api/v1/municipalities/:code/treatment/:year/meetings/:id": {
    summary: "Slet et møde med dets bilag (kun kommunens redaktører)",
    security: BEARER,
    params: MunicipalityParams({
      year: TREATMENT_YEAR,
      id: Type.String({ description: "Mødets id" }),
    }),
    response: { 200: Ref(Deleted, { description: "Slettet" }), 401: API_ERROR, 403: API_ERROR, 404: API_ERROR },
  },
  "POST /api/v1/municipalities/:code/treatment/:year/meetings/:id/attachments": {
    summary: "Vedhæft en fil til mødet (PDF, DOCX eller HTML, højst 10 MB; typen læses af filens indhold)",
    security: BEARER,
    params: MunicipalityParams({
      year: TREATMENT_YEAR,
      id: Type.String({ description: "Mødets id" }),
    }),
    body: Ref(AttachmentBody),
    response: { 201: Ref(Attachment, { description: "Bilaget" }), 400: API_ERROR, 401: API_ERROR, 403: API_ERROR, 404: API_ERROR },
  },
  "GET /api/v1/municipalities/:code/treatment/:year/attachments/:attachmentId": {
    summary: "Hent et bilag; et ikke-offentligt bilag findes kun for kommunens egne brugere, tilsyn og administrator (ellers 404)",
    params: MunicipalityParams({
      year: TREATMENT_YEAR,
      attachmentId: Type.String(),
    }),
    response: {
      200: fileAnswer("Filen", ["application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "text/html"]),
      401: API_ERROR,
      404: API_ERROR,
    },
  },
  "PUT /api/v1/municipalities/:code/treatment/:year/attachments/:attachmentId": {
    summary: "Gør et bilag offentligt eller ikke-offentligt",
    security: BEARER,
    params: MunicipalityParams({
      year: TREATMENT_YEAR,
      attachmentId: Type.String(),
    }),
    body: Ref(AttachmentVisibilityBody),
    response: { 200: Ref(Attachment, { description: "Bilaget" }), 400: API_ERROR, 401: API_ERROR, 403: API_ERROR, 404: API_ERROR },
  },
  "DELETE /api/v1/municipalities/:code/treatment/:year/attachments/:attachmentId": {
    summary: "Slet et bilag",
    security: BEARER,
    params: MunicipalityParams({
      year: TREATMENT_YEAR,
      attachmentId: Type.String(),
    }),
    response: { 200: Ref(Deleted, { description: "Slettet" }), 401: API_ERROR, 403: API_ERROR, 404: API_ERROR },
  },
  "PUT /api/v1/municipalities/:code/treatment/:year/plan-decision": {
    summary: "Kommunalbestyrelsens beslutning om en handleplan (§ 79 b, stk. 2) – kun for år, hvor reglen gælder (ellers 409)",
    security: BEARER,
    params: MunicipalityParams({
      year: TREATMENT_YEAR,
    }),
    body: Ref(PlanDecisionBody),
    response: {
      200: Ref(TreatmentRecord, { description: "Behandlingen med beslutningen" }),
      400: API_ERROR,
      401: API_ERROR,
      403: API_ERROR,
      404: API_ERROR,
      409: API_ERROR,
    },
  },
  "DELETE /api/v1/municipalities/:code/treatment/:year/plan-decision": {
    summary: "Fjern beslutningen om handleplan",
    security: BEARER,
    params: MunicipalityParams({
      year: TREATMENT_YEAR,
    }),
    response: { 200: Ref(Deleted, { description: "Fjernet" }), 401: API_ERROR, 403: API_ERROR, 404: API_ERROR },
  },
  "PUT /api/v1/municipalities/:code/treatment/:year/order": {
    summary: "Ankestyrelsens påbud om en handleplan med frist (§ 79 b, stk. 3) – kun rollen tilsyn, kun for år, hvor reglen gælder",
    security: BEARER,
    params: MunicipalityParams({
      year: TREATMENT_YEAR,
    }),
    body: Ref(OrderBody),
    response: {
      200: Ref(TreatmentRecord, { description: "Behandlingen med påbuddet" }),
      400: API_ERROR,
      401: API_ERROR,
      403: API_ERROR,
      404: API_ERROR,
      409: API_ERROR,
    },
  },
  "DELETE /api/v1/municipalities/:code/treatment/:year/order": {
    summary: "Fjern påbuddet (kun tilsyn)",
    security: BEARER,
    params: MunicipalityParams({
      year: TREATMENT_YEAR,
    }),
    response: { 200: Ref(Deleted, { description: "Fjernet" }), 401: API_ERROR, 403: API_ERROR, 404: API_ERROR },
  },
  "GET /api/v1/municipalities/:code/bodies": {
    summary: "Kommunens liste over organer (udvalg, råd, byråd), som møderne vælges fra",
    params: MunicipalityParams(),
    response: { 200: Ref(BodyList, { description: "Listen" }), 404: API_ERROR },
  },
  "PUT /api/v1/municipalities/:code/bodies": {
    summary: "Erstat kommunens liste over organer (kun kommunens redaktører); møder beholder det navn, de blev gemt med",
    security: BEARER,
    params: MunicipalityParams(),
    body: Ref(BodyListBody),
    response: { 200: Ref(BodyList, { description: "Den gemte liste" }), 400: API_ERROR, 401: API_ERROR, 403: API_ERROR, 404: API_ERROR },
  },
  "GET /api/v1/legal-rules": {
    summary: "De daterede lovregler med kilde, og om en administrator har rettet dem",
    response: { 200: Ref(LegalRules, { description: "Reglerne" }) },
  },
  "PUT /api/v1/legal-rules/:id": {
    summary: "Ret en lovregels periode, indhold og kilde (kun administrator)",
    security: BEARER,
    params: Type.Object({ id: Type.Enum(["publication-deadline", "council-treatment", "action-plan-decision"]) }),
    body: Ref(LegalRuleBody),
    response: { 200: Ref(LegalRule, { description: "Reglen" }), 400: API_ERROR, 401: API_ERROR, 403: API_ERROR, 404: API_ERROR },
  },
  "DELETE /api/v1/legal-rules/:id": {
    summary: "Sæt en lovregel tilbage til produktets standard (kun administrator)",
    security: BEARER,
    params: Type.Object({ id: Type.String() }),
    response: { 200: Ref(LegalRule, { description: "Reglen" }), 401: API_ERROR, 403: API_ERROR, 404: API_ERROR },
  },
};
