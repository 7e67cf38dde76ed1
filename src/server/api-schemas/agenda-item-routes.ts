import { Type } from "typebox";
import { API_ERROR, fileAnswer } from "./answers.js";

/**
 * The /api/v1 routes of the agenda item file, keyed "METHOD /address": summary, parameters, body and every answer. The
 * route module passes its entry as `schema`; the OpenAPI document is generated from the same objects.
 */

export const AGENDA_ITEM_ROUTES = {
  "GET /api/v1/municipalities/:code/agenda-item": {
    summary: "Dagsordenpunktet om årets danmarkskort som fil (DOCX, PDF, HTML eller Markdown), med de samme valg som kommandolinjen og kommunens side",
    params: Type.Object({ code: Type.String({ description: "Kommunekode (0657)" }) }),
    querystring: Type.Object({
      year: Type.String({ description: "Dataåret" }),
      format: Type.Optional(Type.Enum(["docx", "pdf", "html", "md"], { default: "docx" })),
      body: Type.Optional(Type.Enum(["byraad", "udvalg", "handicapraad"], { default: "byraad" })),
      template: Type.Optional(Type.Enum(["orientering", "beslutning"], { default: "orientering" })),
      sections: Type.Optional(Type.String({ description: "Valgfrie afsnit, fx udvikling,alle-sager:bilag,-kommentar; alle; ingen" })),
      compare: Type.Optional(Type.String({ description: "naboer, region, lignende[:antal] eller kommuner adskilt af komma" })),
      compareYears: Type.Optional(Type.String()),
      actionPlan: Type.Optional(Type.Enum(["auto", "tag-stilling", "ingen-handleplan", "handleplan", "udelad"])),
      point: Type.Optional(Type.String({ description: "Ekstra indstillingspunkter, adskilt af semikolon" })),
      route: Type.Optional(Type.String({ description: "Sagens forløb: »Organ ÅÅÅÅ-MM-DD[ (høring)][: beslutning]« adskilt af semikolon" })),
      caseworkers: Type.Optional(Type.String({ description: "Sagsbehandlere adskilt af komma" })),
      caseNumber: Type.Optional(Type.String()),
      competence: Type.Optional(Type.String()),
      economy: Type.Optional(Type.String()),
      attachPlan: Type.Optional(Type.String({ description: "Offentliggjorte handleplaner, der vedlægges som bilag: numre adskilt af komma" })),
    }),
    response: {
      200: fileAnswer("Filen; Content-Disposition giver et dansk filnavn", [
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/pdf",
        "text/html",
        "text/markdown",
      ]),
      400: API_ERROR,
      404: API_ERROR,
      503: API_ERROR,
    },
  },
};

/**
 * The agenda item's route options (routes/report.ts): its schema documents the parameters and answers, and
 * only documents them – the route parses its choices itself (parseReportChoices), with the same Danish
 * messages as the page and the command line, so Fastify's validator is switched off for it.
 */
export const AGENDA_ITEM_ROUTE_OPTIONS = {
  schema: AGENDA_ITEM_ROUTES["GET /api/v1/municipalities/:code/agenda-item"],
  validatorCompiler: () => () => true,
};
