import { registerUploadParser, uploadedFile } from "./upload-form.js";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { addAttachment, openAttachment, removeAttachment, setAttachmentVisibility } from "../../app/treatment/attachments.js";
import { listBodies, saveBodies } from "../../app/treatment/bodies-and-rules.js";
import { loadTreatmentRecord } from "../../app/treatment/load-treatment.js";
import { clearPlanDecision, recordOrder, setPlanDecision, withdrawOrder } from "../../app/treatment/plan-decision.js";
import { addMeeting, deleteMeeting, editMeeting, type SaveMeetingInput } from "../../app/treatment/save-meeting.js";
import { refuse, type Refusal } from "../../app/use-case-result.js";
import { authorize } from "../../domain/access-policy.js";
import { MAX_ATTACHMENT_BYTES } from "../../domain/treatment-record.js";
import { accountDepsOf, type AppContext } from "../app-context.js";
import { pageAccount, sendRefusalPage } from "../auth/page-account.js";
import { csrfTokenFor } from "../auth/security-plugins.js";
import { formField } from "../form-field.js";
import { meetingFormValues, renderBodiesPage, renderMeetingEditPage, renderTreatmentEditorPage, type FormRefusal, type MeetingFormValues } from "../views/treatment-editor-page.js";
import { sendAttachment } from "./api-treatment.js";
import { minutesReadDepsFor } from "../../app/minutes/read-minutes.js";
import { confirmMinutesTreatment, readMinutesForTreatment, type ConfirmMinutesInput } from "../../app/minutes/treatment-from-minutes.js";
import { confirmRowsFromReading, renderMinutesConfirmPage, type ConfirmRow } from "../views/minutes-confirm-page.js";
import { parseMunicipalityCode, parseYear } from "../../app/params.js";

type YearParams = { Params: { code: string; year: string } };

const EMPTY_MEETING: MeetingFormValues = { bodyId: "", date: "", agendaItemNumber: "", agendaItemTitle: "", role: "recommendation", state: "held", outcome: "", decisionText: "", minutesUrl: "" };

/** What each redirect's `gemt` code says on the page (a fixed phrasebook, so the address cannot inject text). */
const SAVED_DA: Readonly<Record<string, string>> = {
  moede: "Mødet er gemt.",
  slettet: "Mødet er slettet.",
  bilag: "Filen er vedhæftet.",
  synlighed: "Bilagets synlighed er ændret.",
  "bilag-slettet": "Bilaget er slettet.",
  handleplan: "Beslutningen om handleplan er gemt.",
  "handleplan-fjernet": "Beslutningen om handleplan er fjernet.",
  paabud: "Påbuddet er gemt.",
  "paabud-fjernet": "Påbuddet er fjernet.",
  organer: "Listen over organer er gemt.",
  referat: "Det bekræftede fra referatet er gemt i behandlingen.",
};

/** At most this many proposed meetings on one confirmation form (a long item lists a handful). */
const MAX_CONFIRM_ROWS = 40;

/** The confirmation form's rows as typed: every row, ticked or not, so a refused form comes back as it was sent. */
function confirmRows(body: unknown): ConfirmRow[] {
  const count = Math.min(MAX_CONFIRM_ROWS, Math.max(0, Number.parseInt(formField(body, "antal"), 10) || 0));
  return Array.from({ length: count }, (_, i) => {
    const at = (name: string) => formField(body, `${name}-${i}`);
    return {
      documentBodyDa: at("fund"),
      selected: at("valgt") === "ja",
      noteDa: null,
      line: null,
      values: { bodyId: at("organ"), date: at("dato"), agendaItemNumber: at("punkt"), agendaItemTitle: at("titel"), role: at("rolle"), state: at("status"), outcome: at("udfald"), decisionText: at("beslutning"), minutesUrl: at("referat") },
    };
  });
}

function meetingValues(body: unknown): MeetingFormValues {
  return {
    bodyId: formField(body, "organ"),
    date: formField(body, "dato"),
    agendaItemNumber: formField(body, "punkt"),
    agendaItemTitle: formField(body, "titel"),
    role: formField(body, "rolle"),
    state: formField(body, "status"),
    outcome: formField(body, "udfald"),
    decisionText: formField(body, "beslutning"),
    minutesUrl: formField(body, "referat"),
  };
}

function meetingInput(code: string, year: number, v: MeetingFormValues): SaveMeetingInput {
  return { municipalityCode: code, dataYear: year, ...v, outcome: v.outcome || null, agendaItemNumber: v.agendaItemNumber, decisionText: v.decisionText, minutesUrl: v.minutesUrl };
}


/**
 * The web doors of the treatment record (issue 13): the editors' page for a year, the meeting edit page,
 * the list of bodies, attachment downloads, and the form posts. Each post is the use case the API uses,
 * so role, CPR guard and audit trail are the same; CSRF is checked for every post by the security plugin.
 */
export function registerTreatmentPages(app: FastifyInstance, ctx: AppContext): void {
  const deps = accountDepsOf(ctx);
  const minutesDeps = { ...deps, ...minutesReadDepsFor(ctx.db), download: ctx.minutesDownload };
  const base = "/kommuner/:code/behandling/:year";

  /** The editors' page, with a saved note or a refusal shown next to the form it came from. */
  async function editorPage(request: FastifyRequest<YearParams>, reply: FastifyReply, options: { refused?: FormRefusal | null; newMeeting?: MeetingFormValues } = {}) {
    const year = parseYear(request.params.year);
    const found = await loadTreatmentRecord(deps, request.caller, request.params.code, year);
    if (found.kind === "refused") return sendRefusalPage(request, reply, found);
    const r = found.record;
    if (!r.may.write && !r.may.order) {
      const decision = authorize(request.caller.actor, { action: "treatment.write", municipalityCode: r.municipality.code });
      return sendRefusalPage(request, reply, decision.allowed ? refuse(403, "Ingen adgang.") : refuse(decision.status, decision.reasonDa));
    }
    const saved = (request.query as { gemt?: string }).gemt;
    const refused = options.refused ?? null;
    reply.type("text/html; charset=utf-8").header("cache-control", "private, no-store");
    if (refused) reply.code(refused.refusal.status);
    return reply.send(
      renderTreatmentEditorPage({
        record: r,
        csrfToken: csrfTokenFor(ctx, request, reply),
        account: pageAccount(request),
        savedDa: saved ? (SAVED_DA[saved] ?? null) : null,
        refused,
        newMeeting: options.newMeeting ?? { ...EMPTY_MEETING, bodyId: r.bodies[0]?.id ?? "" },
      }),
    );
  }

  /** After a post: back to the page with a note, or the page again with the refusal beside its form (400/409), or a refusal page. */
  async function answer(request: FastifyRequest<YearParams>, reply: FastifyReply, result: { kind: string } | Refusal, form: FormRefusal["form"], savedCode: string, extra: { newMeeting?: MeetingFormValues } = {}) {
    if (result.kind === "refused") {
      const refusal = result as Refusal;
      if (refusal.status === 400 || refusal.status === 409) return editorPage(request, reply, { refused: { form, refusal }, ...extra });
      return sendRefusalPage(request, reply, refusal);
    }
    return reply.redirect(`/kommuner/${request.params.code}/behandling/${request.params.year}?gemt=${savedCode}`, 303);
  }

  app.get<YearParams>(base, (request, reply) => editorPage(request, reply));

  app.post<YearParams>(`${base}/moeder`, async (request, reply) => {
    const year = parseYear(request.params.year);
    const values = meetingValues(request.body);
    const result = await addMeeting(deps, request.caller, meetingInput(request.params.code, year, values));
    return answer(request, reply, result, "meeting-new", "moede", { newMeeting: values });
  });

  type MeetingParams = { Params: { code: string; year: string; id: string } };

  async function meetingPage(request: FastifyRequest<MeetingParams>, reply: FastifyReply, form: { values: MeetingFormValues; refusal: Refusal } | null) {
    const year = parseYear(request.params.year);
    const found = await loadTreatmentRecord(deps, request.caller, request.params.code, year);
    if (found.kind === "refused") return sendRefusalPage(request, reply, found);
    if (!found.record.may.write) {
      const d = authorize(request.caller.actor, { action: "treatment.write", municipalityCode: found.record.municipality.code });
      return sendRefusalPage(request, reply, d.allowed ? refuse(403, "Ingen adgang.") : refuse(d.status, d.reasonDa));
    }
    const meeting = found.record.meetings.find((m) => m.id === request.params.id);
    if (!meeting) return sendRefusalPage(request, reply, refuse(404, "Mødet findes ikke i behandlingen af dette år."));
    reply.type("text/html; charset=utf-8").header("cache-control", "private, no-store");
    if (form) reply.code(form.refusal.status);
    return reply.send(renderMeetingEditPage({ record: found.record, meeting, values: form?.values ?? meetingFormValues(meeting), refusal: form?.refusal ?? null, csrfToken: csrfTokenFor(ctx, request, reply), account: pageAccount(request) }));
  }

  app.get<MeetingParams>(`${base}/moeder/:id`, (request, reply) => meetingPage(request, reply, null));

  app.post<MeetingParams>(`${base}/moeder/:id`, async (request, reply) => {
    const year = parseYear(request.params.year);
    const values = meetingValues(request.body);
    const result = await editMeeting(deps, request.caller, request.params.id, meetingInput(request.params.code, year, values));
    if (result.kind === "refused") {
      if (result.status === 400) return meetingPage(request, reply, { values, refusal: result });
      return sendRefusalPage(request, reply, result);
    }
    return reply.redirect(`/kommuner/${request.params.code}/behandling/${year}?gemt=moede`, 303);
  });

  app.post<MeetingParams>(`${base}/moeder/:id/slet`, async (request, reply) => {
    const year = parseYear(request.params.year);
    return answer(request, reply, await deleteMeeting(deps, request.caller, { municipalityCode: request.params.code, dataYear: year, id: request.params.id }), "meeting-new", "slettet");
  });

  // The upload form is multipart, in this scope only (upload-form.ts).
  app.register(async (scope) => {
    await registerUploadParser(scope, { maxFileBytes: MAX_ATTACHMENT_BYTES, fields: 5, fieldSize: 4096 });
    scope.post<MeetingParams>(`${base}/moeder/:id/bilag`, async (request, reply) => {
      const year = parseYear(request.params.year);
      const file = uploadedFile(request.body);
      const form = `upload:${request.params.id}` as const;
      // No file chosen: the use case still decides first whether the caller may upload, then finds the file empty.
      const result = await addAttachment(deps, request.caller, {
        municipalityCode: request.params.code,
        dataYear: year,
        meetingId: request.params.id,
        fileName: file?.fileName ?? "",
        content: file?.bytes ?? new Uint8Array(),
        isPublic: formField(request.body, "offentligt") === "ja",
      });
      return answer(request, reply, result, form, "bilag");
    });
  });

  type AttachmentParams = { Params: { code: string; year: string; attachmentId: string } };

  app.get<AttachmentParams>(`${base}/bilag/:attachmentId`, async (request, reply) => {
    const year = parseYear(request.params.year);
    const opened = await openAttachment(deps, request.caller, request.params.attachmentId);
    if (opened.kind === "refused") return sendRefusalPage(request, reply, opened);
    if (opened.attachment.municipalityCode !== request.params.code || opened.attachment.dataYear !== year) return sendRefusalPage(request, reply, refuse(404, "Bilaget findes ikke."));
    return sendAttachment(reply, request.caller, opened.attachment, opened.content);
  });

  app.post<AttachmentParams>(`${base}/bilag/:attachmentId/synlighed`, async (request, reply) => {
    const year = parseYear(request.params.year);
    const result = await setAttachmentVisibility(deps, request.caller, { municipalityCode: request.params.code, dataYear: year, attachmentId: request.params.attachmentId, isPublic: formField(request.body, "offentligt") === "ja" });
    return answer(request, reply, result, "meeting-new", "synlighed");
  });

  app.post<AttachmentParams>(`${base}/bilag/:attachmentId/slet`, async (request, reply) => {
    const year = parseYear(request.params.year);
    return answer(request, reply, await removeAttachment(deps, request.caller, { municipalityCode: request.params.code, dataYear: year, attachmentId: request.params.attachmentId }), "meeting-new", "bilag-slettet");
  });

  app.post<YearParams>(`${base}/handleplan`, async (request, reply) => {
    const year = parseYear(request.params.year);
    const result = await setPlanDecision(deps, request.caller, { municipalityCode: request.params.code, dataYear: year, decision: formField(request.body, "beslutning"), ankestyrelsenNotifiedOn: formField(request.body, "underrettet") || null });
    return answer(request, reply, result, "plan", "handleplan");
  });

  app.post<YearParams>(`${base}/handleplan/slet`, async (request, reply) => {
    const year = parseYear(request.params.year);
    return answer(request, reply, await clearPlanDecision(deps, request.caller, { municipalityCode: request.params.code, dataYear: year }), "plan", "handleplan-fjernet");
  });

  app.post<YearParams>(`${base}/paabud`, async (request, reply) => {
    const year = parseYear(request.params.year);
    const result = await recordOrder(deps, request.caller, { municipalityCode: request.params.code, dataYear: year, orderedOn: formField(request.body, "paabudt"), deadline: formField(request.body, "frist"), note: formField(request.body, "note") || null });
    return answer(request, reply, result, "order", "paabud");
  });

  app.post<YearParams>(`${base}/paabud/slet`, async (request, reply) => {
    const year = parseYear(request.params.year);
    return answer(request, reply, await withdrawOrder(deps, request.caller, { municipalityCode: request.params.code, dataYear: year }), "order", "paabud-fjernet");
  });

  // Reading minutes (issue 15 item 3): a multipart post of a file or an address, answered with the
  // proposals page; nothing is stored until the confirmation below.
  app.register(async (scope) => {
    await registerUploadParser(scope, { maxFileBytes: MAX_ATTACHMENT_BYTES, fields: 4, fieldSize: 4096 });
    scope.post<YearParams>(`${base}/referat`, async (request, reply) => {
      const year = parseYear(request.params.year);
      const file = uploadedFile(request.body);
      const source = file ? ({ kind: "upload", fileName: file.fileName, bytes: file.bytes } as const) : ({ kind: "url", url: formField(request.body, "adresse") } as const);
      const reading = await readMinutesForTreatment(minutesDeps, request.caller, { municipalityCode: request.params.code, dataYear: year, source });
      if (reading.kind === "refused") return answer(request, reply, reading, "minutes", "referat");
      const plan = reading.items.find((i) => i.planDecision)?.planDecision ?? null;
      reply.type("text/html; charset=utf-8").header("cache-control", "private, no-store");
      return reply.send(
        renderMinutesConfirmPage({
          record: reading.record,
          sourceDa: reading.sourceDa,
          warningsDa: reading.warningsDa,
          items: reading.items,
          rows: confirmRowsFromReading(reading.items),
          planDecision: plan?.decision ?? "",
          planEvidenceDa: plan?.evidence.text ?? null,
          refusal: null,
          csrfToken: csrfTokenFor(ctx, request, reply),
          account: pageAccount(request),
        }),
      );
    });
  });

  app.post<YearParams>(`${base}/referat/bekraeft`, async (request, reply) => {
    const year = parseYear(request.params.year);
    const rows = confirmRows(request.body);
    const plan = formField(request.body, "handleplan");
    const sourceDa = formField(request.body, "kilde");
    const input: ConfirmMinutesInput = {
      municipalityCode: request.params.code,
      dataYear: year,
      sourceDa,
      meetings: rows.flatMap((row, i) => (row.selected ? [{ ...meetingInput(request.params.code, year, row.values), row: i + 1 }] : [])),
      planDecision: plan === "" ? null : plan,
    };
    const result = await confirmMinutesTreatment(deps, request.caller, input);
    if (result.kind === "saved") return reply.redirect(`/kommuner/${request.params.code}/behandling/${year}?gemt=referat`, 303);
    if (result.status !== 400 && result.status !== 409) return sendRefusalPage(request, reply, result);
    // The form again, as sent, with the refusal beside the row it names; the findings are not read again.
    const found = await loadTreatmentRecord(deps, request.caller, request.params.code, year);
    if (found.kind === "refused") return sendRefusalPage(request, reply, found);
    reply.code(result.status).type("text/html; charset=utf-8").header("cache-control", "private, no-store");
    return reply.send(
      renderMinutesConfirmPage({
        record: found.record,
        sourceDa,
        warningsDa: [],
        items: [],
        rows,
        planDecision: plan,
        planEvidenceDa: null,
        refusal: result,
        csrfToken: csrfTokenFor(ctx, request, reply),
        account: pageAccount(request),
      }),
    );
  });

  type CodeParams = { Params: { code: string } };

  async function bodiesPage(request: FastifyRequest<CodeParams>, reply: FastifyReply, form: { bodies: { nameDa: string; kind: string }[]; refusal: Refusal } | null) {
    const m = parseMunicipalityCode(request.params.code);
    const d = authorize(request.caller.actor, { action: "municipality.settings.write", municipalityCode: m.code });
    if (!d.allowed) return sendRefusalPage(request, reply, refuse(d.status, d.reasonDa));
    const list = await listBodies(deps, m.code);
    if (list.kind === "refused") return sendRefusalPage(request, reply, list);
    const saved = (request.query as { gemt?: string }).gemt;
    reply.type("text/html; charset=utf-8").header("cache-control", "private, no-store");
    if (form) reply.code(form.refusal.status);
    return reply.send(
      renderBodiesPage({
        code: m.code,
        name: m.name,
        bodies: form?.bodies ?? list.bodies.map((b) => ({ nameDa: b.nameDa, kind: b.kind })),
        isDefault: list.isDefault,
        refusal: form?.refusal ?? null,
        savedDa: saved ? (SAVED_DA[saved] ?? null) : null,
        csrfToken: csrfTokenFor(ctx, request, reply),
        account: pageAccount(request),
      }),
    );
  }

  app.get<CodeParams>("/kommuner/:code/organer", (request, reply) => bodiesPage(request, reply, null));

  app.post<CodeParams>("/kommuner/:code/organer", async (request, reply) => {
    const bodies: { nameDa: string; kind: string }[] = [];
    for (let i = 0; i < 60; i++) {
      const nameDa = formField(request.body, `navn-${i}`);
      if (nameDa.trim() !== "") bodies.push({ nameDa, kind: formField(request.body, `slags-${i}`) });
    }
    const result = await saveBodies(deps, request.caller, request.params.code, bodies);
    if (result.kind === "refused") {
      if (result.status === 400) return bodiesPage(request, reply, { bodies, refusal: result });
      return sendRefusalPage(request, reply, result);
    }
    return reply.redirect(`/kommuner/${request.params.code}/organer?gemt=organer`, 303);
  });
}
