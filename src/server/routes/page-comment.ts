import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { loadCommentForEditing, MAX_COMMENT_LENGTH, saveComment } from "../../app/comments/save-comment.js";
import { refuse, type Refusal } from "../../app/use-case-result.js";
import { authorize } from "../../domain/access-policy.js";
import { findMunicipalityByCode } from "../../domain/municipality.js";
import type { CommentRecord, CommentStatus } from "../../storage/municipality-comments.js";
import { accountDepsOf, type AppContext } from "../app-context.js";
import { pageAccount, sendRefusalPage } from "../auth/page-account.js";
import { csrfTokenFor } from "../auth/security-plugins.js";
import { formField } from "../form-field.js";
import { COMMENT_STATUS_FIELD, renderCommentPage } from "../views/comment-form.js";
import { parseMunicipalityCode, parseYear } from "../../app/params.js";

function formPage(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, code: string, year: number, options: { text: string; status: CommentStatus; current: CommentRecord | null; refusal?: Refusal | null }): string {
  const m = findMunicipalityByCode(code)!;
  return renderCommentPage({
    account: pageAccount(request),
    csrfToken: csrfTokenFor(ctx, request, reply),
    municipalityCode: m.code,
    municipalityName: m.name,
    year,
    text: options.text,
    status: options.status,
    current: options.current,
    refusal: options.refusal ?? null,
    maxLength: MAX_COMMENT_LENGTH,
  });
}

/** GET and POST /kommuner/0657/kommentar: the comment form alone, and where every comment form posts. */
export function registerCommentPage(app: FastifyInstance, ctx: AppContext): void {
  const deps = accountDepsOf(ctx);

  app.get<{ Params: { code: string }; Querystring: { aar?: string } }>("/kommuner/:code/kommentar", async (request, reply) => {
    const year = parseYear(request.query.aar ?? "");
    parseMunicipalityCode(request.params.code);
    // The form is for writing: the refusal names the write, whatever else the person may read.
    const mayWrite = writeRefusal(request, request.params.code);
    if (mayWrite) return sendRefusalPage(request, reply, mayWrite);
    const loaded = await loadCommentForEditing(deps, request.caller, request.params.code, year);
    if (loaded.kind === "refused") return sendRefusalPage(request, reply, loaded);
    reply.type("text/html; charset=utf-8");
    return formPage(ctx, request, reply, request.params.code, year, { text: loaded.comment?.text ?? "", status: loaded.comment?.status ?? "draft", current: loaded.comment });
  });

  app.post<{ Params: { code: string } }>("/kommuner/:code/kommentar", async (request, reply) => {
    const year = parseYear(formField(request.body, "aar"));
    const text = formField(request.body, "kommentar");
    const statusField = formField(request.body, "status");
    const status: CommentStatus | null = statusField === "offentliggjort" ? "published" : statusField === "kladde" || statusField === "" ? "draft" : null;
    if (status === null) return sendRefusalPage(request, reply, refuse(400, `Ukendt status "${statusField}"; vælg kladde eller offentliggjort.`));
    const result = await saveComment(deps, request.caller, { municipalityCode: request.params.code, year, text, status });
    if (result.kind === "refused") {
      if (result.status !== 400) return sendRefusalPage(request, reply, result);
      const current = await loadCommentForEditing(deps, request.caller, request.params.code, year);
      // The refused text comes back to its writer for correction; it is not stored, and not kept by a cache either.
      reply.code(400).type("text/html; charset=utf-8").header("cache-control", "no-store");
      return formPage(ctx, request, reply, request.params.code, year, { text, status, current: current.kind === "comment" ? current.comment : null, refusal: result });
    }
    return reply.redirect(`/kommuner/${result.comment.municipalityCode}?aar=${year}&gemt=${COMMENT_STATUS_FIELD[result.comment.status]}#h-kommentar`, 303);
  });
}

/** Why the caller may not write the municipality's comment (the reason `saveComment` gives), or null. */
function writeRefusal(request: FastifyRequest, code: string): Refusal | null {
  const decision = authorize(request.caller.actor, { action: "comment.write", municipalityCode: findMunicipalityByCode(code)!.code });
  return decision.allowed ? null : refuse(decision.status, decision.reasonDa);
}
