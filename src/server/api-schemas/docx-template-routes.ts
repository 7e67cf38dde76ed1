import { Type } from "typebox";
import { API_ERROR, BEARER } from "./answers.js";
import { Ref, MunicipalityParams } from "./schema-kit.js";
import { DocxTemplate } from "./docx-template.js";

/**
 * The /api/v1 routes of the Word template, keyed "METHOD /address": summary, parameters, body and every answer. The
 * route module passes its entry as `schema`; the OpenAPI document is generated from the same objects.
 */

export const DOCX_TEMPLATE_ROUTES = {
  "GET /api/v1/municipalities/:code/docx-template": {
    summary: "Kommunens egen Word-skabelon til dagsordenpunktet (navn, størrelse, pladsholdere); 404 når kommunen bruger den indbyggede",
    params: MunicipalityParams(),
    response: { 200: Ref(DocxTemplate, { description: "Skabelonen" }), 404: API_ERROR },
  },
  "PUT /api/v1/municipalities/:code/docx-template": {
    summary:
      "Gem kommunens Word-skabelon (kun kommunens redaktører): filen som indhold, højst 5 MB; en ukendt pladsholder afvises med sit navn. DOCX og PDF af dagsordenpunktet bruger den derefter",
    security: BEARER,
    params: MunicipalityParams(),
    querystring: Type.Object({ fileName: Type.Optional(Type.String({ description: "Filens navn, fx skabelon.docx" })) }),
    body: { content: { "application/vnd.openxmlformats-officedocument.wordprocessingml.document": { schema: {} } } },
    response: { 200: Ref(DocxTemplate, { description: "Skabelonen" }), 400: API_ERROR, 401: API_ERROR, 403: API_ERROR, 404: API_ERROR },
  },
};
