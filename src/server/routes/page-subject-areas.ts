import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { loadSubjectAreaTable, saveSubjectAreaTable } from "../../app/subject-areas/subject-area-table.js";
import { refuse, type Refusal } from "../../app/use-case-result.js";
import { authorize } from "../../domain/access-policy.js";
import { MAX_SUBJECT_AREA_ROWS, type SubjectAreaRow } from "../../domain/subject-area-table.js";
import { accountDepsOf, type AppContext } from "../app-context.js";
import { pageAccount, sendRefusalPage } from "../auth/page-account.js";
import { csrfTokenFor } from "../auth/security-plugins.js";
import { formField } from "../form-field.js";
import { renderSubjectAreasPage, subjectAreaFormRows } from "../views/subject-areas-page.js";
import { parseMunicipalityCode } from "../../app/params.js";

type CodeParams = { Params: { code: string } };

/**
 * GET and POST /kommuner/{code}/omraader: the municipality's editors keep its subject → area table on the
 * web (issue 16, point 4). The post is the use case the API's PUT uses, with the same checks and audit.
 */
export function registerSubjectAreaPages(app: FastifyInstance, ctx: AppContext): void {
  const deps = accountDepsOf(ctx);

  async function page(request: FastifyRequest<CodeParams>, reply: FastifyReply, form: { rows: SubjectAreaRow[]; refusal: Refusal } | null) {
    const m = parseMunicipalityCode(request.params.code);
    const d = authorize(request.caller.actor, { action: "municipality.settings.write", municipalityCode: m.code });
    if (!d.allowed) return sendRefusalPage(request, reply, refuse(d.status, d.reasonDa));
    const view = await loadSubjectAreaTable(deps, request.caller, m.code);
    if (view.kind === "refused") return sendRefusalPage(request, reply, view);
    // After a refused save the page shows what was typed, not what is stored.
    const areaOf = new Map((form?.rows ?? view.rows).map((r) => [r.subject, r.area]));
    reply.type("text/html; charset=utf-8").header("cache-control", "private, no-store");
    if (form) reply.code(form.refusal.status);
    return reply.send(
      renderSubjectAreasPage({
        code: m.code,
        name: m.name,
        rows: subjectAreaFormRows(view.subjects, areaOf),
        departments: view.departments,
        refusal: form?.refusal ?? null,
        savedDa: (request.query as { gemt?: string }).gemt === "ja" ? "Områdetabellen er gemt." : null,
        csrfToken: csrfTokenFor(ctx, request, reply),
        account: pageAccount(request),
      }),
    );
  }

  app.get<CodeParams>("/kommuner/:code/omraader", (request, reply) => page(request, reply, null));

  app.post<CodeParams>("/kommuner/:code/omraader", async (request, reply) => {
    const count = Math.min(Number(formField(request.body, "antal")) || 0, MAX_SUBJECT_AREA_ROWS);
    const rows: SubjectAreaRow[] = [];
    for (let i = 0; i < count; i++) {
      const subject = formField(request.body, `emne-${i}`);
      if (subject !== "") rows.push({ subject, area: formField(request.body, `omraade-${i}`) });
    }
    const result = await saveSubjectAreaTable(deps, request.caller, request.params.code, rows);
    if (result.kind === "refused") {
      if (result.status === 400) return page(request, reply, { rows, refusal: result });
      return sendRefusalPage(request, reply, result);
    }
    return reply.redirect(`/kommuner/${request.params.code}/omraader?gemt=ja`, 303);
  });
}
