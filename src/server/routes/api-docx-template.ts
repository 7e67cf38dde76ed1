import type { FastifyInstance } from "fastify";
import { loadMunicipalityDocxTemplateInfo, saveMunicipalityDocxTemplate } from "../../app/docx-template/municipality-docx-template.js";
import { MAX_DOCX_TEMPLATE_BYTES } from "../../reports/render-agenda-item-docx-template.js";
import type { DocxTemplateInfo } from "../../storage/docx-templates.js";
import { accountDepsOf, type AppContext } from "../app-context.js";
import { sendError, sendRefusal, writeCaller } from "./api-writes.js";
import { DOCX_TEMPLATE_ROUTES } from "../api-schemas/docx-template-routes.js";
import type { TypedRequests } from "../api-schemas/schema-kit.js";

export const DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export function docxTemplateJson(code: string, t: DocxTemplateInfo) {
  return { municipalityCode: code, fileName: t.fileName, sizeBytes: t.sizeBytes, sha256: t.sha256, placeholders: [...t.placeholders], uploadedAt: t.uploadedAt };
}

/** GET and PUT /api/v1/municipalities/{code}/docx-template (issue 16, point 2). */
export function registerApiDocxTemplate(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<TypedRequests>();
  const deps = accountDepsOf(ctx);
  // The DOCX itself as the request body, as `curl --data-binary @skabelon.docx` sends it; one byte past the
  // limit is read so the use case refuses a too large file in Danish.
  app.addContentTypeParser(DOCX_MEDIA_TYPE, { parseAs: "buffer", bodyLimit: MAX_DOCX_TEMPLATE_BYTES + 1 }, (_request, body, done) => done(null, body));

  api.get("/api/v1/municipalities/:code/docx-template", { schema: DOCX_TEMPLATE_ROUTES["GET /api/v1/municipalities/:code/docx-template"] }, async (request, reply) => {
    const found = await loadMunicipalityDocxTemplateInfo(deps, request.params.code);
    if (found.kind === "refused") return sendRefusal(reply, found);
    if (!found.template) return sendError(reply, 404, "ikke-fundet", "Kommunen har ingen egen skabelon; dagsordenpunktet bruger den indbyggede.");
    return reply.send(docxTemplateJson(request.params.code, found.template));
  });

  api.put("/api/v1/municipalities/:code/docx-template", { schema: DOCX_TEMPLATE_ROUTES["PUT /api/v1/municipalities/:code/docx-template"], attachValidation: true }, async (request, reply) => {
    const caller = await writeCaller(ctx, request, reply);
    if (!caller) return reply;
    if (!Buffer.isBuffer(request.body)) return sendError(reply, 400, "ugyldigt-indhold", `Send skabelonen som filens indhold med Content-Type: ${DOCX_MEDIA_TYPE}.`);
    const saved = await saveMunicipalityDocxTemplate(deps, caller, request.params.code, { fileName: request.query.fileName ?? "skabelon.docx", bytes: request.body, truncated: request.body.length > MAX_DOCX_TEMPLATE_BYTES });
    if (saved.kind === "refused") return sendRefusal(reply, saved);
    return reply.send(docxTemplateJson(request.params.code, saved.template));
  });
}
