import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Caller } from "../../app/caller.js";
import { addAttachment, openAttachment, removeAttachment, setAttachmentVisibility } from "../../app/treatment/attachments.js";
import { editLegalRule, listBodies, listLegalRules, resetLegalRule, saveBodies } from "../../app/treatment/bodies-and-rules.js";
import { loadTreatmentHistory, loadTreatmentRecord, type TreatmentRecordView } from "../../app/treatment/load-treatment.js";
import { clearPlanDecision, recordOrder, setPlanDecision, withdrawOrder } from "../../app/treatment/plan-decision.js";
import { addMeeting, deleteMeeting, editMeeting, type SaveMeetingInput } from "../../app/treatment/save-meeting.js";
import { buildTreatmentHistoryTable, renderTreatmentHistoryCsv, renderTreatmentHistoryXlsx } from "../../app/treatment/treatment-history-table.js";
import type { Refusal } from "../../app/use-case-result.js";
import { BODY_KIND_NAMES_DA, type CouncilBodyEntry } from "../../domain/council-bodies.js";
import type { EffectiveLegalRule } from "../../domain/legal-rule-edits.js";
import {
  ACTION_PLAN_DECISION_NAMES_DA,
  MEETING_OUTCOME_NAMES_DA,
  MEETING_ROLE_NAMES_DA,
  MEETING_STATE_NAMES_DA,
  type AttachmentInfo,
  type TreatmentMeeting,
} from "../../domain/treatment-record.js";
import { accountDepsOf, type AppContext } from "../app-context.js";
import { ATTACHMENT_BODY_LIMIT } from "../api-schemas/treatment.js";
import { sendError, sendRefusal, writeCaller } from "./api-writes.js";
import { parseFormat, parseYear } from "../../app/params.js";
import { TREATMENT_ROUTES } from "../api-schemas/treatment-routes.js";
import type { TypedRequests } from "../api-schemas/schema-kit.js";

export function attachmentUrl(code: string, year: number, a: AttachmentInfo): string {
  return `/api/v1/municipalities/${code}/treatment/${year}/attachments/${a.id}`;
}

function attachmentJson(code: string, year: number, a: AttachmentInfo) {
  return { id: a.id, fileName: a.fileName, mediaType: a.mediaType, sizeBytes: a.sizeBytes, sha256: a.sha256, isPublic: a.isPublic, uploadedAt: a.uploadedAt, url: attachmentUrl(code, year, a) };
}

function meetingJson(m: TreatmentMeeting) {
  return {
    id: m.id,
    body: { id: m.body.id, name: m.body.nameDa, kind: m.body.kind },
    date: m.date,
    agendaItemNumber: m.agendaItemNumber,
    agendaItemTitle: m.agendaItemTitle,
    role: m.role,
    roleDa: MEETING_ROLE_NAMES_DA[m.role],
    state: m.state,
    stateDa: MEETING_STATE_NAMES_DA[m.state],
    outcome: m.outcome,
    outcomeDa: m.outcome ? MEETING_OUTCOME_NAMES_DA[m.outcome] : null,
    decisionText: m.decisionText,
    minutesUrl: m.minutesUrl,
    attachments: m.attachments.map((a) => attachmentJson(m.municipalityCode, m.dataYear, a)),
    updatedAt: m.updatedAt,
  };
}

function ruleJson(r: EffectiveLegalRule) {
  return {
    id: r.id,
    provision: r.provision,
    validFrom: r.validFrom,
    validTo: r.validTo,
    summary: r.summaryDa,
    source: r.source,
    origin: r.origin.kind,
    editedAt: r.origin.kind === "edited" ? r.origin.at : null,
    editedBy: r.origin.kind === "edited" ? r.origin.by : null,
  };
}

export function treatmentRecordJson(r: TreatmentRecordView) {
  return {
    municipalityCode: r.municipality.code,
    municipalityName: r.municipality.name,
    dataYear: r.dataYear,
    publishedOn: r.treatment.publishedOn,
    deadline: r.treatment.deadline,
    council: r.councilNameDa,
    status: { kind: r.status.kind, sentence: r.status.sentenceDa, notes: r.status.kind === "treated" ? [] : [...r.status.notesDa] },
    actionPlan: {
      applies: r.treatment.actionPlanDecisionRequired,
      kind: r.actionPlan.kind,
      sentence: r.actionPlan.sentenceDa,
      notes: r.actionPlan.kind === "decided" ? [...r.actionPlan.notesDa] : [],
      decision: r.planDecision
        ? { decision: r.planDecision.decision, decisionDa: ACTION_PLAN_DECISION_NAMES_DA[r.planDecision.decision], ankestyrelsenNotifiedOn: r.planDecision.ankestyrelsenNotifiedOn, updatedAt: r.planDecision.updatedAt }
        : null,
      order: r.order ? { orderedOn: r.order.orderedOn, deadline: r.order.deadline, note: r.order.note, recordedAt: r.order.recordedAt } : null,
    },
    meetings: r.meetings.map(meetingJson),
    hiddenAttachments: r.hiddenAttachments,
    rules: r.rules.map(ruleJson),
  };
}

function bodyListJson(code: string, bodies: readonly CouncilBodyEntry[], isDefault: boolean) {
  return { municipalityCode: code, isDefault, bodies: bodies.map((b) => ({ id: b.id, name: b.nameDa, kind: b.kind, kindDa: BODY_KIND_NAMES_DA[b.kind] })) };
}

type YearParams = { Params: { code: string; year: string } };
type MeetingJsonBody = { bodyId: string; date: string; agendaItemNumber?: string | null; agendaItemTitle: string; role: string; state: string; outcome?: string | null; decisionText?: string | null; minutesUrl?: string | null };

function meetingInput(code: string, year: number, b: MeetingJsonBody): SaveMeetingInput {
  return {
    municipalityCode: code,
    dataYear: year,
    bodyId: b.bodyId,
    date: b.date,
    agendaItemNumber: b.agendaItemNumber ?? null,
    agendaItemTitle: b.agendaItemTitle,
    role: b.role,
    state: b.state,
    outcome: b.outcome ?? null,
    decisionText: b.decisionText ?? null,
    minutesUrl: b.minutesUrl ?? null,
  };
}

/** A read's caller: the public without a token; a bad token is refused as for a write (and the answer is sent). */
async function readCaller(ctx: AppContext, request: FastifyRequest, reply: FastifyReply): Promise<Caller | null> {
  return writeCaller(ctx, request, reply);
}

function noStoreFor(caller: Caller, reply: FastifyReply): FastifyReply {
  // An answer that depends on who asks (hidden attachments) must not be cached for the next person.
  return reply.header("cache-control", caller.actor.kind === "user" ? "private, no-store" : "no-cache");
}

/**
 * The treatment record's /api/v1 routes (issue 13, point 5): the same use cases as the web forms, so role,
 * CPR guard and audit trail are theirs. Writes need `Authorization: Bearer …`.
 */
export function registerApiTreatment(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<TypedRequests>();
  const deps = accountDepsOf(ctx);
  const base = "/api/v1/municipalities/:code/treatment/:year";

  /** Runs a write: caller (a bad token or body already answered), the year, the use case, the refusal as JSON. */
  async function write<T>(request: FastifyRequest<YearParams>, reply: FastifyReply, run: (caller: Caller, year: number) => Promise<T | Refusal>, send: (result: T, caller: Caller, year: number) => Promise<unknown> | unknown) {
    const caller = await writeCaller(ctx, request, reply);
    if (!caller) return reply;
    const year = parseYear(request.params.year);
    const result = await run(caller, year);
    if (typeof result === "object" && result !== null && (result as { kind?: string }).kind === "refused") return sendRefusal(reply, result as Refusal);
    return send(result as T, caller, year);
  }

  async function recordAnswer(reply: FastifyReply, caller: Caller, code: string, year: number) {
    const record = await loadTreatmentRecord(deps, caller, code, year);
    if (record.kind === "refused") return sendRefusal(reply, record);
    return noStoreFor(caller, reply).send(treatmentRecordJson(record.record));
  }

  api.get("/api/v1/municipalities/:code/treatment", { schema: TREATMENT_ROUTES["GET /api/v1/municipalities/:code/treatment"], attachValidation: true }, async (request, reply) => {
    const caller = await readCaller(ctx, request, reply);
    if (!caller) return reply;
    const format = parseFormat(request.query.format, ["json", "csv", "xlsx"]);
    const history = await loadTreatmentHistory(deps, caller, request.params.code);
    if (history.kind === "refused") return sendRefusal(reply, history);
    noStoreFor(caller, reply);
    const code = history.municipality.code;
    if (format === "json") return reply.send({ municipalityCode: code, records: history.records.map(treatmentRecordJson) });
    const table = buildTreatmentHistoryTable(history.records);
    if (format === "csv") {
      return reply.type("text/csv; charset=utf-8").header("content-disposition", `attachment; filename="behandling-${code}.csv"`).send(renderTreatmentHistoryCsv(table));
    }
    return reply
      .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
      .header("content-disposition", `attachment; filename="behandling-${code}.xlsx"`)
      .send(await renderTreatmentHistoryXlsx(table, `Politisk behandling af danmarkskortet – ${history.municipality.name} Kommune`));
  });

  api.get(base, { schema: TREATMENT_ROUTES["GET /api/v1/municipalities/:code/treatment/:year"], attachValidation: true }, async (request, reply) => {
    const caller = await readCaller(ctx, request, reply);
    if (!caller) return reply;
    const year = parseYear(request.params.year);
    return recordAnswer(reply, caller, request.params.code, year);
  });

  api.post(`${base}/meetings`, { schema: TREATMENT_ROUTES["POST /api/v1/municipalities/:code/treatment/:year/meetings"], attachValidation: true }, (request, reply) =>
    write(request, reply, (caller, year) => addMeeting(deps, caller, meetingInput(request.params.code, year, request.body)), (r) => reply.code(201).send(meetingJson(r.meeting))),
  );

  api.put(`${base}/meetings/:id`, { schema: TREATMENT_ROUTES["PUT /api/v1/municipalities/:code/treatment/:year/meetings/:id"], attachValidation: true }, (request, reply) =>
    write(request, reply, (caller, year) => editMeeting(deps, caller, request.params.id, meetingInput(request.params.code, year, request.body)), (r) => reply.send(meetingJson(r.meeting))),
  );

  api.delete(`${base}/meetings/:id`, { schema: TREATMENT_ROUTES["DELETE /api/v1/municipalities/:code/treatment/:year/meetings/:id"], attachValidation: true }, (request, reply) =>
    write(request, reply, (caller, year) => deleteMeeting(deps, caller, { municipalityCode: request.params.code, dataYear: year, id: request.params.id }), () => reply.send({ deleted: true })),
  );

  api.post(
    `${base}/meetings/:id/attachments`,
    { schema: TREATMENT_ROUTES["POST /api/v1/municipalities/:code/treatment/:year/meetings/:id/attachments"], attachValidation: true, bodyLimit: ATTACHMENT_BODY_LIMIT },
    (request, reply) =>
      write(
        request,
        reply,
        async (caller, year) => {
          const b64 = request.body.contentBase64;
          if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.length % 4 !== 0) return { kind: "refused", status: 400, messageDa: "contentBase64 er ikke gyldig base64.", field: "Fil" } as Refusal;
          return addAttachment(deps, caller, { municipalityCode: request.params.code, dataYear: year, meetingId: request.params.id, fileName: request.body.fileName, content: Buffer.from(b64, "base64"), isPublic: request.body.isPublic });
        },
        (r, _caller, year) => reply.code(201).send(attachmentJson(request.params.code, year, r.attachment)),
      ),
  );


  api.get(`${base}/attachments/:attachmentId`, { schema: TREATMENT_ROUTES["GET /api/v1/municipalities/:code/treatment/:year/attachments/:attachmentId"], attachValidation: true }, async (request, reply) => {
    const caller = await readCaller(ctx, request, reply);
    if (!caller) return reply;
    const year = parseYear(request.params.year);
    const opened = await openAttachment(deps, caller, request.params.attachmentId);
    // The address names the municipality and year: a file of another is not found here either.
    if (opened.kind === "refused") return sendRefusal(reply, opened);
    if (opened.attachment.municipalityCode !== request.params.code || opened.attachment.dataYear !== year) return sendError(reply, 404, "ikke-fundet", "Bilaget findes ikke.");
    return sendAttachment(reply, caller, opened.attachment, opened.content);
  });

  api.put(`${base}/attachments/:attachmentId`, { schema: TREATMENT_ROUTES["PUT /api/v1/municipalities/:code/treatment/:year/attachments/:attachmentId"], attachValidation: true }, (request, reply) =>
    write(
      request,
      reply,
      (caller, year) => setAttachmentVisibility(deps, caller, { municipalityCode: request.params.code, dataYear: year, attachmentId: request.params.attachmentId, isPublic: request.body.isPublic }),
      (r, _c, year) => reply.send(attachmentJson(request.params.code, year, r.attachment)),
    ),
  );

  api.delete(`${base}/attachments/:attachmentId`, { schema: TREATMENT_ROUTES["DELETE /api/v1/municipalities/:code/treatment/:year/attachments/:attachmentId"], attachValidation: true }, (request, reply) =>
    write(request, reply, (caller, year) => removeAttachment(deps, caller, { municipalityCode: request.params.code, dataYear: year, attachmentId: request.params.attachmentId }), () => reply.send({ deleted: true })),
  );

  api.put(`${base}/plan-decision`, { schema: TREATMENT_ROUTES["PUT /api/v1/municipalities/:code/treatment/:year/plan-decision"], attachValidation: true }, (request, reply) =>
    write(
      request,
      reply,
      (caller, year) => setPlanDecision(deps, caller, { municipalityCode: request.params.code, dataYear: year, decision: request.body.decision, ankestyrelsenNotifiedOn: request.body.ankestyrelsenNotifiedOn ?? null }),
      (_r, caller, year) => recordAnswer(reply, caller, request.params.code, year),
    ),
  );

  api.delete(`${base}/plan-decision`, { schema: TREATMENT_ROUTES["DELETE /api/v1/municipalities/:code/treatment/:year/plan-decision"], attachValidation: true }, (request, reply) =>
    write(request, reply, (caller, year) => clearPlanDecision(deps, caller, { municipalityCode: request.params.code, dataYear: year }), (r) => reply.send({ deleted: r.deleted })),
  );

  api.put(`${base}/order`, { schema: TREATMENT_ROUTES["PUT /api/v1/municipalities/:code/treatment/:year/order"], attachValidation: true }, (request, reply) =>
    write(
      request,
      reply,
      (caller, year) => recordOrder(deps, caller, { municipalityCode: request.params.code, dataYear: year, orderedOn: request.body.orderedOn, deadline: request.body.deadline, note: request.body.note ?? null }),
      (_r, caller, year) => recordAnswer(reply, caller, request.params.code, year),
    ),
  );

  api.delete(`${base}/order`, { schema: TREATMENT_ROUTES["DELETE /api/v1/municipalities/:code/treatment/:year/order"], attachValidation: true }, (request, reply) =>
    write(request, reply, (caller, year) => withdrawOrder(deps, caller, { municipalityCode: request.params.code, dataYear: year }), (r) => reply.send({ deleted: r.deleted })),
  );

  api.get("/api/v1/municipalities/:code/bodies", { schema: TREATMENT_ROUTES["GET /api/v1/municipalities/:code/bodies"] }, async (request, reply) => {
    const list = await listBodies(deps, request.params.code);
    if (list.kind === "refused") return sendRefusal(reply, list);
    return reply.send(bodyListJson(request.params.code, list.bodies, list.isDefault));
  });

  api.put("/api/v1/municipalities/:code/bodies", { schema: TREATMENT_ROUTES["PUT /api/v1/municipalities/:code/bodies"], attachValidation: true }, async (request, reply) => {
    const caller = await writeCaller(ctx, request, reply);
    if (!caller) return reply;
    const result = await saveBodies(deps, caller, request.params.code, request.body.bodies.map((b) => ({ nameDa: b.name, kind: b.kind })));
    if (result.kind === "refused") return sendRefusal(reply, result);
    return reply.send(bodyListJson(request.params.code, result.bodies, false));
  });

  api.get("/api/v1/legal-rules", { schema: TREATMENT_ROUTES["GET /api/v1/legal-rules"] }, async (_request, reply) => reply.send({ rules: (await listLegalRules(deps)).map(ruleJson) }));

  api.put("/api/v1/legal-rules/:id", { schema: TREATMENT_ROUTES["PUT /api/v1/legal-rules/:id"], attachValidation: true }, async (request, reply) => {
    const caller = await writeCaller(ctx, request, reply);
    if (!caller) return reply;
    const result = await editLegalRule(deps, caller, request.params.id, { validFrom: request.body.validFrom, validTo: request.body.validTo ?? null, summaryDa: request.body.summary, source: request.body.source });
    if (result.kind === "refused") return sendRefusal(reply, result);
    return reply.send(ruleJson(result.rule));
  });

  api.delete("/api/v1/legal-rules/:id", { schema: TREATMENT_ROUTES["DELETE /api/v1/legal-rules/:id"], attachValidation: true }, async (request, reply) => {
    const caller = await writeCaller(ctx, request, reply);
    if (!caller) return reply;
    const result = await resetLegalRule(deps, caller, request.params.id);
    if (result.kind === "refused") return sendRefusal(reply, result);
    return reply.send(ruleJson(result.rule));
  });
}

/**
 * Sends an attachment as a download. An HTML file is the uploader's markup: it is sent as an attachment
 * under a sandboxing Content-Security-Policy, so opening it cannot run script on this site.
 */
export function sendAttachment(reply: FastifyReply, caller: Caller, a: AttachmentInfo, content: Buffer): FastifyReply {
  const ascii = a.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return reply
    .type(a.mediaType === "text/html" ? "text/html; charset=utf-8" : a.mediaType)
    .header("content-disposition", `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(a.fileName)}`)
    .header("content-security-policy", "sandbox; default-src 'none'")
    .header("x-content-type-options", "nosniff")
    .header("cache-control", a.isPublic && caller.actor.kind !== "user" ? "no-cache" : "private, no-store")
    .send(content);
}
