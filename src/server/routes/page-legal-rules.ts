import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { editLegalRule, listLegalRules, resetLegalRule } from "../../app/treatment/bodies-and-rules.js";
import { refuse, type Refusal } from "../../app/use-case-result.js";
import { authorize } from "../../domain/access-policy.js";
import { isLegalRuleId } from "../../domain/legal-rule-edits.js";
import { LEGAL_RULES, type LegalRuleId } from "../../domain/legal-rules.js";
import { accountDepsOf, type AppContext } from "../app-context.js";
import { pageAccount, sendRefusalPage } from "../auth/page-account.js";
import { csrfTokenFor } from "../auth/security-plugins.js";
import { formField } from "../form-field.js";
import { LEGAL_RULES_PATH, renderLegalRulesPage, type LegalRuleFormValues } from "../views/legal-rules-page.js";

type IdParams = { Params: { id: string } };

/** What each redirect's `gemt` code says on the page (a fixed phrasebook, so the address cannot inject text). */
const SAVED_DA: Readonly<Record<string, (provision: string) => string>> = {
  regel: (p) => `Reglen om ${p} er gemt. Dagsordenpunktet, kommunernes sider og behandlingen bruger den nu.`,
  standard: (p) => `Reglen om ${p} er sat tilbage til standard.`,
};

function savedNote(query: { gemt?: string; regel?: string }): string | null {
  const note = SAVED_DA[query.gemt ?? ""];
  const rule = LEGAL_RULES.find((r) => r.id === query.regel);
  return note && rule ? note(rule.provision) : null;
}

function formValues(body: unknown): LegalRuleFormValues {
  return { validFrom: formField(body, "fra").trim(), validTo: formField(body, "til").trim(), summaryDa: formField(body, "indhold"), source: formField(body, "kilde") };
}

/**
 * The web doors of the dated legal rules (issue 13): the administrator's page, and the edit and reset posts.
 * Each post is the use case the API's PUT and DELETE /api/v1/legal-rules/:id use, so the role, the CPR guard
 * and the audit trail (legal.rule-edit, legal.rule-reset) are the same; CSRF is checked by the security plugin.
 */
export function registerLegalRulesPages(app: FastifyInstance, ctx: AppContext): void {
  const deps = accountDepsOf(ctx);

  async function page(request: FastifyRequest, reply: FastifyReply, refused: { ruleId: LegalRuleId; refusal: Refusal; values: LegalRuleFormValues | null } | null) {
    // The rules are public (GET /api/v1/legal-rules); the forms are the administrator's, so the page is too.
    const d = authorize(request.caller.actor, { action: "legal-rules.edit" });
    if (!d.allowed) return sendRefusalPage(request, reply, refuse(d.status, d.reasonDa));
    const html = renderLegalRulesPage({
      account: pageAccount(request),
      csrfToken: csrfTokenFor(ctx, request, reply),
      rules: await listLegalRules(deps),
      defaults: LEGAL_RULES,
      savedDa: refused ? null : savedNote(request.query as { gemt?: string; regel?: string }),
      refused,
    });
    return reply
      .code(refused?.refusal.status ?? 200)
      .type("text/html; charset=utf-8")
      .header("cache-control", "private, no-store")
      .send(html);
  }

  /** A refusal about the input comes back beside its rule's form; one about who or which rule gets the refusal page. */
  function answer(request: FastifyRequest<IdParams>, reply: FastifyReply, result: { kind: "saved" } | Refusal, code: string, values: LegalRuleFormValues | null) {
    const id = request.params.id;
    if (result.kind === "refused") {
      if (result.status !== 400 || !isLegalRuleId(id)) return sendRefusalPage(request, reply, result);
      return page(request, reply, { ruleId: id, refusal: result, values });
    }
    return reply.redirect(`${LEGAL_RULES_PATH}?gemt=${code}&regel=${encodeURIComponent(id)}#h-${encodeURIComponent(id)}`, 303);
  }

  app.get(LEGAL_RULES_PATH, (request, reply) => page(request, reply, null));

  app.post<IdParams>(`${LEGAL_RULES_PATH}/:id`, async (request, reply) => {
    const values = formValues(request.body);
    const result = await editLegalRule(deps, request.caller, request.params.id, { ...values, validTo: values.validTo === "" ? null : values.validTo });
    return answer(request, reply, result, "regel", values);
  });

  app.post<IdParams>(`${LEGAL_RULES_PATH}/:id/standard`, async (request, reply) => answer(request, reply, await resetLegalRule(deps, request.caller, request.params.id), "standard", null));
}
