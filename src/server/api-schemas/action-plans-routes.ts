import { Type } from "typebox";
import { API_ERROR, BEARER } from "./answers.js";
import { Closed, Ref, MunicipalityParams } from "./schema-kit.js";
import { ActionPlan, ActionPlanBody, ActionPlanError, ActionPlans, FocusAreaGroups } from "./action-plans.js";

/**
 * The /api/v1 routes of action plans, keyed "METHOD /address": summary, parameters, body and every answer. The
 * route module passes its entry as `schema`; the OpenAPI document is generated from the same objects.
 */

export const ACTION_PLAN_ROUTES = {
  "GET /api/v1/action-plan-focus-areas": {
    summary: "Paragrafgrupperne, en handleplan kan have som fokusområder, med deres daterede regler og kilder",
    response: { 200: Ref(FocusAreaGroups, { description: "Grupperne" }) },
  },
  "GET /api/v1/municipalities/:code/action-plans": {
    summary:
      "Kommunens handleplaner med opfølgningen beregnet af tallene: pr. fokusområde og år sager, omgjorte, ændrede, hjemviste, procent med 95 %-interval, landsplan og vurdering",
    params: MunicipalityParams(),
    response: {
      200: Ref(ActionPlans, { description: "Handleplanerne; kladder kun med en API-nøgle fra kommunens egne brugere (og tilsyn/administrator)" }),
      404: API_ERROR,
    },
  },
  "POST /api/v1/municipalities/:code/action-plans": {
    summary: "Opret en handleplan (kun kommunens redaktører); et CPR-nummer i et felt afvises, og intet gemmes",
    security: BEARER,
    params: MunicipalityParams(),
    body: Ref(ActionPlanBody),
    response: {
      201: Ref(ActionPlan, { description: "Den oprettede handleplan med opfølgning" }),
      400: Ref(ActionPlanError, { description: "Handleplanen kan ikke gemmes: alle problemer med deres felt" }),
      401: API_ERROR,
      403: API_ERROR,
      404: API_ERROR,
    },
  },
  "GET /api/v1/municipalities/:code/action-plans/:id": {
    summary: "Én handleplan med opfølgning",
    params: MunicipalityParams({ id: Type.String({ description: "Handleplanens nummer" }) }),
    response: { 200: Ref(ActionPlan, { description: "Handleplanen" }), 400: API_ERROR, 404: API_ERROR },
  },
  "PUT /api/v1/municipalities/:code/action-plans/:id": {
    summary: "Erstat en handleplans indhold (kun kommunens redaktører)",
    security: BEARER,
    params: MunicipalityParams({ id: Type.String({ description: "Handleplanens nummer" }) }),
    body: Ref(ActionPlanBody),
    response: {
      200: Ref(ActionPlan, { description: "Den gemte handleplan med opfølgning" }),
      400: Ref(ActionPlanError, { description: "Handleplanen kan ikke gemmes: alle problemer med deres felt" }),
      401: API_ERROR,
      403: API_ERROR,
      404: API_ERROR,
    },
  },
  "DELETE /api/v1/municipalities/:code/action-plans/:id": {
    summary: "Slet en handleplan (kun kommunens redaktører); sletningen står i revisionssporet",
    security: BEARER,
    params: MunicipalityParams({ id: Type.String({ description: "Handleplanens nummer" }) }),
    response: { 200: Closed({ deleted: Type.Literal(true) }, { description: "Slettet" }), 400: API_ERROR, 401: API_ERROR, 403: API_ERROR, 404: API_ERROR },
  },
};
