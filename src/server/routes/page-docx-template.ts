import { registerUploadParser, uploadedFile } from "./upload-form.js";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { loadMunicipalityDocxTemplateInfo, saveMunicipalityDocxTemplate } from "../../app/docx-template/municipality-docx-template.js";
import { refuse, type Refusal } from "../../app/use-case-result.js";
import { authorize } from "../../domain/access-policy.js";
import { MAX_DOCX_TEMPLATE_BYTES, templatePlaceholderNames } from "../../reports/render-agenda-item-docx-template.js";
import { accountDepsOf, type AppContext } from "../app-context.js";
import { pageAccount, sendRefusalPage } from "../auth/page-account.js";
import { csrfTokenFor } from "../auth/security-plugins.js";
import { renderDocxTemplatePage } from "../views/docx-template-page.js";
import { parseMunicipalityCode } from "../../app/params.js";

type CodeParams = { Params: { code: string } };

/** GET and POST /kommuner/{code}/skabelon: the municipality's editors upload its Word template (issue 16, point 2). */
export function registerDocxTemplatePages(app: FastifyInstance, ctx: AppContext): void {
  const deps = accountDepsOf(ctx);

  async function page(request: FastifyRequest<CodeParams>, reply: FastifyReply, refusal: Refusal | null) {
    const m = parseMunicipalityCode(request.params.code);
    const d = authorize(request.caller.actor, { action: "municipality.settings.write", municipalityCode: m.code });
    if (!d.allowed) return sendRefusalPage(request, reply, refuse(d.status, d.reasonDa));
    const found = await loadMunicipalityDocxTemplateInfo(deps, m.code);
    if (found.kind === "refused") return sendRefusalPage(request, reply, found);
    reply.type("text/html; charset=utf-8").header("cache-control", "private, no-store");
    if (refusal) reply.code(refusal.status);
    return reply.send(
      renderDocxTemplatePage({
        code: m.code,
        name: m.name,
        template: found.template,
        placeholders: templatePlaceholderNames(),
        refusal,
        savedDa: (request.query as { gemt?: string }).gemt === "ja" ? "Skabelonen er gemt. Dagsordenpunktet som DOCX og PDF bruger den nu." : null,
        csrfToken: csrfTokenFor(ctx, request, reply),
        account: pageAccount(request),
      }),
    );
  }

  app.get<CodeParams>("/kommuner/:code/skabelon", (request, reply) => page(request, reply, null));

  // Multipart only in this scope, as for the treatment record's attachments (page-treatment.ts).
  app.register(async (scope) => {
    await registerUploadParser(scope, { maxFileBytes: MAX_DOCX_TEMPLATE_BYTES, fields: 3, fieldSize: 4096 });
    scope.post<CodeParams>("/kommuner/:code/skabelon", async (request, reply) => {
      const file = uploadedFile(request.body);
      const result = await saveMunicipalityDocxTemplate(deps, request.caller, request.params.code, file ?? { fileName: "", bytes: new Uint8Array() });
      if (result.kind === "refused") {
        if (result.status === 400) return page(request, reply, result);
        return sendRefusalPage(request, reply, result);
      }
      return reply.redirect(`/kommuner/${request.params.code}/skabelon?gemt=ja`, 303);
    });
  });
}
