import type { FastifyInstance } from "fastify";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { entryMapsDa } from "../../app/knowledge/export-knowledge-bank.js";
import { importKnowledgeSheet } from "../../app/knowledge/import-knowledge-sheet.js";
import { loadKnowledgeFigures, loadNationalAggregate, loadPublicAggregate } from "../../app/knowledge/knowledge-figures.js";
import { listKnowledgeEntriesFor, saveKnowledgeEntry } from "../../app/knowledge/save-knowledge-entry.js";
import { parseYear } from "../../app/params.js";
import { type KnowledgeEntry, type KnowledgeEntryInput, type NewDecisionResult } from "../../domain/knowledge/knowledge-entry.js";
import { aggregateCellText, type PublicAggregate } from "../../domain/knowledge/public-aggregate.js";
import { formatKnowledgeIssue } from "../../importers/knowledge-sheet/analyse-knowledge-sheet.js";
import { parseHeadingMapping } from "../../importers/knowledge-sheet/knowledge-headings.js";
import { accountDepsOf, type AppContext } from "../app-context.js";
import { sendError, sendRefusal, writeCaller } from "./api-writes.js";
import { KNOWLEDGE_ROUTES } from "../api-schemas/knowledge-routes.js";
import type { TypedRequests } from "../api-schemas/schema-kit.js";

type EntryBody = Partial<Omit<KnowledgeEntryInput, "newDecision">> &
  Pick<KnowledgeEntryInput, "decisionDate" | "outcome" | "subject"> & { newDecision?: { result: NewDecisionResult; date?: string | null } | null };

function entryOf(body: EntryBody): KnowledgeEntryInput {
  return {
    decisionDate: body.decisionDate,
    dataYear: body.dataYear ?? Number(body.decisionDate.slice(0, 4)),
    outcome: body.outcome,
    law: body.law ?? "",
    subject: body.subject,
    provision: body.provision ?? "",
    department: body.department ?? "",
    reasonCodes: body.reasonCodes ?? [],
    summary: body.summary ?? "",
    learningPoint: body.learningPoint ?? "",
    links: body.links ?? [],
    caseReference: body.caseReference ?? "",
    newDecision: body.newDecision ? { result: body.newDecision.result, date: body.newDecision.date ?? null } : null,
    status: body.status ?? "draft",
  };
}

function entryJson(e: KnowledgeEntry) {
  return { ...e, maps: entryMapsDa(e) };
}

function aggregateJson(a: PublicAggregate) {
  const cell = (c: PublicAggregate["total"]) => (c.kind === "count" ? { count: c.count, text: aggregateCellText(c) } : { count: null, text: aggregateCellText(c) });
  return {
    municipalityCode: a.municipalityCode,
    year: a.year,
    municipalities: a.municipalities,
    total: cell(a.total),
    byReason: a.byReason.map((r) => ({ key: r.key, label: r.labelDa, ...cell(r.cell) })),
    bySubject: a.bySubject.map((r) => ({ key: r.key, label: r.labelDa, ...cell(r.cell) })),
    note: "Godkendte afgørelser; felter under 3 vises som <3. Ingen tekst fra afgørelserne.",
  };
}

const SPREADSHEET_TYPES = ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv", "application/octet-stream"];

/**
 * The knowledge bank under /api/v1 (issue 14), authenticated by Bearer tokens: the same use cases as the
 * page, so a København token gets 403 for Herning's entries. The anonymised aggregates need no token and
 * answer only for municipalities that chose to publish.
 */
export function registerApiKnowledge(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<TypedRequests>();
  const deps = accountDepsOf(ctx);
  // A spreadsheet as the request body (PUT …/knowledge/import): XLSX or CSV bytes, at most 20 MB.
  app.addContentTypeParser(SPREADSHEET_TYPES, { parseAs: "buffer", bodyLimit: 20 * 1024 * 1024 }, (_request, body, done) => done(null, body));

  api.get("/api/v1/municipalities/:code/knowledge", { schema: KNOWLEDGE_ROUTES["GET /api/v1/municipalities/:code/knowledge"], attachValidation: true }, async (request, reply) => {
    const caller = await writeCaller(ctx, request, reply);
    if (!caller) return reply;
    const y = request.query.year === undefined ? undefined : parseYear(request.query.year);
    const listed = await listKnowledgeEntriesFor(deps, caller, request.params.code, y === undefined ? {} : { dataYear: y });
    if (listed.kind === "refused") return sendRefusal(reply, listed);
    return reply.header("cache-control", "private, no-store").send({ entries: listed.entries.map(entryJson) });
  });

  api.post("/api/v1/municipalities/:code/knowledge", { schema: KNOWLEDGE_ROUTES["POST /api/v1/municipalities/:code/knowledge"], attachValidation: true }, async (request, reply) => {
    const caller = await writeCaller(ctx, request, reply);
    if (!caller) return reply;
    const saved = await saveKnowledgeEntry(deps, caller, { municipalityCode: request.params.code, entry: entryOf(request.body) });
    if (saved.kind === "refused") return sendRefusal(reply, saved);
    return reply.code(201).send(entryJson(saved.entry));
  });

  api.put("/api/v1/municipalities/:code/knowledge/:id", { schema: KNOWLEDGE_ROUTES["PUT /api/v1/municipalities/:code/knowledge/:id"], attachValidation: true }, async (request, reply) => {
    const caller = await writeCaller(ctx, request, reply);
    if (!caller) return reply;
    if (!/^\d{1,12}$/.test(request.params.id)) return sendError(reply, 404, "ikke-fundet", "Ingen afgørelse med det nummer.");
    const saved = await saveKnowledgeEntry(deps, caller, { municipalityCode: request.params.code, id: Number(request.params.id), entry: entryOf(request.body) });
    if (saved.kind === "refused") return sendRefusal(reply, saved);
    return reply.send(entryJson(saved.entry));
  });

  api.get("/api/v1/municipalities/:code/knowledge/figures/:year", { schema: KNOWLEDGE_ROUTES["GET /api/v1/municipalities/:code/knowledge/figures/:year"], attachValidation: true }, async (request, reply) => {
    const caller = await writeCaller(ctx, request, reply);
    if (!caller) return reply;
    const y = parseYear(request.params.year);
    const result = await loadKnowledgeFigures(deps, caller, request.params.code, y);
    if (result.kind === "refused") return sendRefusal(reply, result);
    const s = result.statistics;
    return reply.header("cache-control", "private, no-store").send({
      ...result.figures,
      reasonTrend: result.trend,
      statistics: s === null ? null : { datasetVersionId: s.datasetVersionId, fileName: s.fileName, extractedOn: s.extractedOn, standing: s.standing, isDemo: s.isDemo },
    });
  });

  api.put("/api/v1/municipalities/:code/knowledge/import", { schema: KNOWLEDGE_ROUTES["PUT /api/v1/municipalities/:code/knowledge/import"], attachValidation: true }, async (request, reply) => {
    const caller = await writeCaller(ctx, request, reply);
    if (!caller) return reply;
    if (!Buffer.isBuffer(request.body) || request.body.length === 0) return sendError(reply, 400, "ugyldigt-indhold", "Send regnearket (XLSX eller CSV) som indholdet, med Content-Type text/csv eller application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.");
    const mapping = parseHeadingMapping(request.query.mapping ?? "");
    if (mapping.problemsDa.length > 0) return sendError(reply, 400, "ugyldig-kortlaegning", mapping.problemsDa.join(" "));
    const fileName = (request.query.fileName ?? "regneark").replace(/[^\p{L}\p{N}._ -]/gu, "").slice(0, 100) || "regneark";
    const dir = await mkdtemp(join(tmpdir(), "danmarkskort-vidensbank-"));
    try {
      const path = join(dir, "upload");
      await writeFile(path, request.body);
      const result = await importKnowledgeSheet(deps, caller, { municipalityCode: request.params.code, path, fileName, mappings: mapping.mappings, dryRun: request.query.dryRun === "1" || request.query.dryRun === "true" });
      if (result.kind === "refused") return sendRefusal(reply, result);
      return reply.code(result.kind === "rejected" ? 422 : result.kind === "imported" ? 201 : 200).send({
        status: result.kind,
        entries: result.analysis.rows.length,
        createdIds: result.createdIds,
        unknownHeadings: result.analysis.unknownHeadings,
        errors: result.errors,
        issues: result.issues.map((i) => ({ ...i, text: formatKnowledgeIssue(i, result.analysis.format) })),
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  api.get("/api/v1/municipalities/:code/knowledge/public/:year", { schema: KNOWLEDGE_ROUTES["GET /api/v1/municipalities/:code/knowledge/public/:year"] }, async (request, reply) => {
    const y = parseYear(request.params.year);
    const result = await loadPublicAggregate(ctx.db, request.params.code, y);
    if (result.kind === "refused") return sendRefusal(reply, result);
    if (result.kind === "not-published") return sendError(reply, 404, "ikke-offentliggjort", "Kommunen har ikke valgt at offentliggøre en optælling fra sin vidensbank.");
    return reply.send(aggregateJson(result.aggregate));
  });

  api.get("/api/v1/knowledge/public/:year", { schema: KNOWLEDGE_ROUTES["GET /api/v1/knowledge/public/:year"] }, async (request, reply) => {
    const y = parseYear(request.params.year);
    const result = await loadNationalAggregate(ctx.db, y);
    return reply.send({ ...aggregateJson(result.aggregate), municipalityCodes: result.municipalityCodes });
  });
}
