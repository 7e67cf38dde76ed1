import type { FastifyInstance } from "fastify";
import { loadMunicipalityDocxTemplateInfo, saveMunicipalityDocxTemplate } from "../../app/docx-template/municipality-docx-template.js";
import { MAX_DOCX_TEMPLATE_BYTES } from "../../reports/render-agenda-item-docx-template.js";
import type { DocxTemplateInfo } from "../../storage/docx-templates.js";
import { accountDepsOf, type AppContext } from "../app-context.js";
import { sendError, sendRefusal, writeCaller } from "./api-writes.js";

export const DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export function docxTemplateJson(code: string, t: DocxTemplateInfo) {
  return { municipalityCode: code, fileName: t.fileName, sizeBytes: t.sizeBytes, sha256: t.sha256, placeholders: [...t.placeholders], uploadedAt: t.uploadedAt };
}

const code = { type: "string", pattern: "^\\d{4}$", description: "Kommunekode, fx 0657" } as const;
const error = { description: "Fejl med en fast kode og en dansk forklaring", content: { "application/json": { schema: { $ref: "#/components/schemas/ApiError" } } } } as const;

export const DOCX_TEMPLATE_SCHEMAS = {
  DocxTemplate: {
    type: "object",
    required: ["municipalityCode", "fileName", "sizeBytes", "sha256", "placeholders", "uploadedAt"],
    additionalProperties: false,
    properties: {
      municipalityCode: code,
      fileName: { type: "string" },
      sizeBytes: { type: "integer" },
      sha256: { type: "string" },
      placeholders: { type: "array", items: { type: "string" }, description: "Pladsholderne, skabelonen bruger, fx titel og @indhold" },
      uploadedAt: { type: "string", format: "date-time" },
    },
  },
} as const;

const answer = { description: "Skabelonen", content: { "application/json": { schema: { $ref: "#/components/schemas/DocxTemplate" } } } } as const;

export const DOCX_TEMPLATE_PATHS = {
  "/api/v1/municipalities/{code}/docx-template": {
    get: {
      summary: "Kommunens egen Word-skabelon til dagsordenpunktet (navn, størrelse, pladsholdere); 404 når kommunen bruger den indbyggede",
      parameters: [{ name: "code", in: "path", required: true, schema: code }],
      responses: { "200": answer, "404": error },
    },
    put: {
      summary: `Gem kommunens Word-skabelon (kun kommunens redaktører): filen som indhold, højst ${MAX_DOCX_TEMPLATE_BYTES / 1024 / 1024} MB; en ukendt pladsholder afvises med sit navn. DOCX og PDF af dagsordenpunktet bruger den derefter`,
      security: [{ apiToken: [] }],
      parameters: [
        { name: "code", in: "path", required: true, schema: code },
        { name: "fileName", in: "query", required: false, schema: { type: "string" }, description: "Filens navn, fx skabelon.docx" },
      ],
      requestBody: { required: true, content: { [DOCX_MEDIA_TYPE]: { schema: { type: "string", format: "binary" } } } },
      responses: { "200": answer, "400": error, "401": error, "403": error, "404": error },
    },
  },
} as const;

/** GET and PUT /api/v1/municipalities/{code}/docx-template (issue 16, point 2). */
export function registerApiDocxTemplate(app: FastifyInstance, ctx: AppContext): void {
  const deps = accountDepsOf(ctx);
  // The DOCX itself as the request body, as `curl --data-binary @skabelon.docx` sends it; one byte past the
  // limit is read so the use case refuses a too large file in Danish.
  app.addContentTypeParser(DOCX_MEDIA_TYPE, { parseAs: "buffer", bodyLimit: MAX_DOCX_TEMPLATE_BYTES + 1 }, (_request, body, done) => done(null, body));

  app.get<{ Params: { code: string } }>("/api/v1/municipalities/:code/docx-template", async (request, reply) => {
    const found = await loadMunicipalityDocxTemplateInfo(deps, request.params.code);
    if (found.kind === "refused") return sendRefusal(reply, found);
    if (!found.template) return sendError(reply, 404, "ikke-fundet", "Kommunen har ingen egen skabelon; dagsordenpunktet bruger den indbyggede.");
    return reply.send(docxTemplateJson(request.params.code, found.template));
  });

  app.put<{ Params: { code: string }; Querystring: { fileName?: string }; Body: unknown }>("/api/v1/municipalities/:code/docx-template", async (request, reply) => {
    const caller = await writeCaller(ctx, request, reply);
    if (!caller) return reply;
    if (!Buffer.isBuffer(request.body)) return sendError(reply, 400, "ugyldigt-indhold", `Send skabelonen som filens indhold med Content-Type: ${DOCX_MEDIA_TYPE}.`);
    const saved = await saveMunicipalityDocxTemplate(deps, caller, request.params.code, { fileName: request.query.fileName ?? "skabelon.docx", bytes: request.body, truncated: request.body.length > MAX_DOCX_TEMPLATE_BYTES });
    if (saved.kind === "refused") return sendRefusal(reply, saved);
    return reply.send(docxTemplateJson(request.params.code, saved.template));
  });
}
