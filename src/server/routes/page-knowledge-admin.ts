import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { registerUploadParser, uploadedFile } from "./upload-form.js";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { importKnowledgeSheet } from "../../app/knowledge/import-knowledge-sheet.js";
import { saveDepartmentList, saveKnowledgeSettings } from "../../app/knowledge/knowledge-lists.js";
import { deleteEntriesPastRetention, exportForDataProtectionOfficer, listEntriesForDeletion } from "../../app/knowledge/knowledge-retention.js";
import { authorizeKnowledge } from "../../app/knowledge/save-knowledge-entry.js";
import { refuse, type Refusal } from "../../app/use-case-result.js";
import { authorize } from "../../domain/access-policy.js";
import { findMunicipalityByCode } from "../../domain/municipality.js";
import { formatKnowledgeIssue } from "../../importers/knowledge-sheet/analyse-knowledge-sheet.js";
import { foldHeading, SHEET_FIELD_NAMES_DA, type SheetField } from "../../importers/knowledge-sheet/knowledge-headings.js";
import { loadDepartments } from "../../storage/knowledge-entries.js";
import { accountDepsOf, type AppContext } from "../app-context.js";
import { pageAccount, sendRefusalPage } from "../auth/page-account.js";
import { csrfTokenFor } from "../auth/security-plugins.js";
import { formField } from "../form-field.js";
import { renderKnowledgeAdminPage, type KnowledgeAdminForm, type SheetCheckView } from "../views/knowledge-admin-page.js";

/** A municipality's register is a few thousand rows at most; 5 MB leaves room for an XLSX with formatting. */
export const MAX_SHEET_UPLOAD_BYTES = 5 * 1024 * 1024;

type CodeParams = { Params: { code: string } };

/** The mapping the form sends: pairs overskrift_N / felt_N (a chosen field, or empty for "not chosen yet"). */
export function mappingFromForm(body: unknown): Map<string, SheetField> {
  const mappings = new Map<string, SheetField>();
  if (body === null || typeof body !== "object") return mappings;
  const fields = body as Record<string, unknown>;
  for (const [name, heading] of Object.entries(fields)) {
    const suffix = /^overskrift_(k?\d{1,3})$/.exec(name)?.[1];
    if (suffix === undefined || typeof heading !== "string" || heading.trim() === "") continue;
    const field = fields[`felt_${suffix}`];
    if (typeof field === "string" && field in SHEET_FIELD_NAMES_DA) mappings.set(foldHeading(heading), field as SheetField);
  }
  return mappings;
}

/** A file name as the person knows it, safe to show and to use in messages. */
function cleanFileName(name: string): string {
  return name.replace(/[^\p{L}\p{N}._ -]/gu, "").slice(0, 100) || "regneark";
}

/**
 * The web doors of the knowledge bank's administration (issue 14): spreadsheet import (check, then
 * confirm), the department list, publication and retention settings, deletion past the retention period,
 * and the export for the data-protection officer. Each post is the use case the API and CLI use, so role,
 * CPR guard and audit trail are the same; CSRF is checked for every post by the security plugin.
 */
export function registerKnowledgeAdminPages(app: FastifyInstance, ctx: AppContext): void {
  const deps = accountDepsOf(ctx);
  const base = "/kommuner/:code/vidensbank";

  async function page(
    request: FastifyRequest<CodeParams>,
    reply: FastifyReply,
    shown: { notice?: string | null; refusal?: { form: KnowledgeAdminForm; messageDa: string } | null; check?: SheetCheckView | null; status?: number } = {},
  ) {
    // Listing what is past the retention period needs read access to the bank: the same gate as the page.
    const retention = await listEntriesForDeletion(deps, request.caller, request.params.code);
    if (retention.kind === "refused") return sendRefusalPage(request, reply, retention);
    const m = findMunicipalityByCode(request.params.code)!;
    const actor = request.caller.actor;
    const html = renderKnowledgeAdminPage({
      municipalityCode: m.code,
      municipalityName: m.name,
      account: pageAccount(request),
      csrfToken: csrfTokenFor(ctx, request, reply),
      mayWrite: authorize(actor, { action: "knowledge.write", municipalityCode: m.code }).allowed,
      mayEditDepartments: authorize(actor, { action: "municipality.settings.write", municipalityCode: m.code }).allowed,
      setting: retention.setting,
      departments: await loadDepartments(ctx.db, m.code),
      retention: { cutoff: retention.cutoff, entries: retention.entries.map((e) => ({ id: e.id, decisionDate: e.decisionDate, subject: e.subject })) },
      notice: shown.notice ?? null,
      refusal: shown.refusal ?? null,
      check: shown.check ?? null,
    });
    return reply
      .code(shown.status ?? 200)
      .type("text/html; charset=utf-8")
      .header("cache-control", "private, no-store")
      .send(html);
  }

  /** A refusal about the input comes back beside its form; one about who may do it gets the refusal page. */
  function refused(request: FastifyRequest<CodeParams>, reply: FastifyReply, form: KnowledgeAdminForm, refusal: Refusal) {
    if (refusal.status !== 400) return sendRefusalPage(request, reply, refusal);
    return page(request, reply, { refusal: { form, messageDa: refusal.messageDa }, status: 400 });
  }

  const NOTICES: Readonly<Record<string, string>> = {
    indstillinger: "Indstillingerne er gemt.",
    afdelinger: "Afdelingerne er gemt.",
  };

  app.get<CodeParams & { Querystring: { gemt?: string; slettet?: string } }>(`${base}/administration`, async (request, reply) => {
    const deleted = request.query.slettet && /^\d{1,6}$/.test(request.query.slettet) ? `${request.query.slettet} afgørelser ældre end opbevaringstiden er slettet.` : null;
    return page(request, reply, { notice: NOTICES[request.query.gemt ?? ""] ?? deleted });
  });

  /** Who may post is decided before what they posted is read: a stranger learns nothing from the checks. */
  const writeRefusal = (request: FastifyRequest<CodeParams>): Refusal | null => {
    const auth = authorizeKnowledge(deps, request.caller, "knowledge.write", request.params.code);
    return auth.kind === "refused" ? auth : null;
  };

  app.post<CodeParams>(`${base}/indstillinger`, async (request, reply) => {
    const denied = writeRefusal(request);
    if (denied) return sendRefusalPage(request, reply, denied);
    const yearsText = formField(request.body, "opbevaring").trim();
    const retentionYears = /^\d{1,3}$/.test(yearsText) ? Number(yearsText) : Number.NaN;
    if (Number.isNaN(retentionYears)) return refused(request, reply, "settings", refuse(400, `Opbevaringstiden skal være et helt antal år, fx 5, ikke "${yearsText.slice(0, 20)}".`));
    const result = await saveKnowledgeSettings(deps, request.caller, request.params.code, { publishAggregate: formField(request.body, "offentliggoer") === "ja", retentionYears });
    if (result.kind === "refused") return refused(request, reply, "settings", result);
    return reply.redirect(`/kommuner/${request.params.code}/vidensbank/administration?gemt=indstillinger#h-indstillinger`, 303);
  });

  app.post<CodeParams>(`${base}/afdelinger`, async (request, reply) => {
    const names = formField(request.body, "afdelinger").split(/\r?\n/);
    const result = await saveDepartmentList(deps, request.caller, request.params.code, names);
    if (result.kind === "refused") return refused(request, reply, "departments", result);
    return reply.redirect(`/kommuner/${request.params.code}/vidensbank/administration?gemt=afdelinger#h-afdelinger`, 303);
  });

  app.post<CodeParams>(`${base}/sletning`, async (request, reply) => {
    if (formField(request.body, "bekraeft") !== "ja") return refused(request, reply, "retention", refuse(400, "Sæt flueben for at bekræfte, at afgørelserne skal slettes."));
    const result = await deleteEntriesPastRetention(deps, request.caller, request.params.code);
    if (result.kind === "refused") return refused(request, reply, "retention", result);
    return reply.redirect(`/kommuner/${request.params.code}/vidensbank/administration?slettet=${result.ids.length}#h-sletning`, 303);
  });

  app.get<CodeParams>(`${base}/databeskyttelse.json`, async (request, reply) => {
    const result = await exportForDataProtectionOfficer(deps, request.caller, request.params.code);
    if (result.kind === "refused") return sendRefusalPage(request, reply, result);
    return reply
      .type("application/json; charset=utf-8")
      .header("content-disposition", `attachment; filename="vidensbank-${request.params.code}-databeskyttelse.json"`)
      .header("cache-control", "private, no-store")
      .send(JSON.stringify(result.document, null, 2));
  });

  // The upload is multipart; its parser lives in this scope only. The checked file travels back as base64 in
  // the confirmation form (fil_data), so that field may be as large as the file's base64 form.
  app.register(async (scope) => {
    await registerUploadParser(scope, { maxFileBytes: MAX_SHEET_UPLOAD_BYTES, fields: 200, fieldSize: Math.ceil((MAX_SHEET_UPLOAD_BYTES * 4) / 3) + 16 });

    scope.post<CodeParams>(`${base}/indlaes`, async (request, reply) => {
      const denied = writeRefusal(request);
      if (denied) return sendRefusalPage(request, reply, denied);
      const file = uploadedFile(request.body);
      const carried = formField(request.body, "fil_data");
      const bytes = file ? file.bytes : /^[A-Za-z0-9+/]+=*$/.test(carried) ? Buffer.from(carried, "base64") : null;
      const fileName = cleanFileName(file ? file.fileName : formField(request.body, "fil_navn"));
      if (bytes === null || bytes.length === 0) return refused(request, reply, "import", refuse(400, "Vælg regnearket (XLSX eller CSV), der skal indlæses."));
      if (file?.truncated || bytes.length > MAX_SHEET_UPLOAD_BYTES) return refused(request, reply, "import", refuse(400, `${fileName} er større end 5 MB; indlæs registeret i mindre dele (fx ét år ad gangen).`));
      const sheet = formField(request.body, "ark").trim();
      const mappings = mappingFromForm(request.body);
      const confirm = formField(request.body, "handling") === "indlaes";
      const dir = await mkdtemp(join(tmpdir(), "danmarkskort-vidensbank-"));
      try {
        const path = join(dir, "upload");
        await writeFile(path, bytes);
        const result = await importKnowledgeSheet(deps, request.caller, { municipalityCode: request.params.code, path, fileName, ...(sheet ? { sheet } : {}), mappings, dryRun: !confirm });
        if (result.kind === "refused") return refused(request, reply, "import", result);
        if (result.kind === "imported") {
          // The bank opens on the newest data year the file brought, where the person can see the entries.
          const year = Math.max(...result.analysis.rows.map((r) => r.entry.dataYear));
          const query = new URLSearchParams({ ...(Number.isFinite(year) ? { aar: String(year) } : {}), indlaest: String(result.createdIds.length) });
          return reply.redirect(`/kommuner/${result.municipalityCode}/vidensbank?${query}#h-afgoerelser`, 303);
        }
        const check: SheetCheckView = {
          kind: result.kind,
          fileName,
          sheet,
          entries: result.analysis.rows.length,
          errors: result.errors,
          issuesDa: result.issues.map((i) => formatKnowledgeIssue(i, result.analysis.format)),
          unknownHeadings: result.analysis.unknownHeadings,
          mappings: [...mappings],
          fileBase64: bytes.toString("base64"),
        };
        return page(request, reply, { check, status: result.kind === "rejected" ? 422 : 200 });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  });
}
