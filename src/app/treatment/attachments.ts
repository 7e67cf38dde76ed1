import { createHash } from "node:crypto";
import { authorize } from "../../domain/access-policy.js";
import { checkAttachment } from "../../domain/treatment-attachment.js";
import type { MunicipalityCode } from "../../domain/municipality.js";
import { MAX_ATTACHMENTS_PER_MEETING, TREATMENT_FIELDS_DA, type AttachmentInfo } from "../../domain/treatment-record.js";
import { deleteAttachment, insertAttachment, loadAttachmentContent, loadAttachmentInfo, setAttachmentPublic } from "../../storage/treatment-store.js";
import { MinutesReadError, readMinutesBytes } from "../../importers/minutes/read-minutes-file.js";
import { recordAuditEvent } from "../audit/record-audit-event.js";
import type { Caller } from "../caller.js";
import { refuse, type Refusal } from "../use-case-result.js";
import { ownMeeting } from "./save-meeting.js";
import { cprRefusalOf, isRefusal, municipalityOr404, permitOrRefuse, type TreatmentDeps } from "./treatment-access.js";

function audited(a: AttachmentInfo) {
  return { fileName: a.fileName, mediaType: a.mediaType, sizeBytes: a.sizeBytes, sha256: a.sha256, isPublic: a.isPublic };
}

export type AddAttachmentInput = {
  readonly municipalityCode: string;
  readonly dataYear: number;
  readonly meetingId: string;
  readonly fileName: string;
  readonly content: Uint8Array;
  readonly isPublic: boolean;
};

/**
 * Attaches a file (the agenda item, the minutes, a bilag) to a meeting. The type is read from the bytes
 * (PDF, DOCX or HTML), the size is capped, the file name and the file's text pass the CPR guard (a PDF's
 * text layer and a DOCX's text are read by the minutes readers, since their bodies are compressed), and
 * the upload is audited with its SHA-256 in the same transaction.
 */
export async function addAttachment(deps: TreatmentDeps, caller: Caller, input: AddAttachmentInput): Promise<{ kind: "saved"; attachment: AttachmentInfo } | Refusal> {
  const municipality = municipalityOr404(input.municipalityCode);
  if (isRefusal(municipality)) return municipality;
  const denied = permitOrRefuse(deps, caller, { action: "treatment.write", municipalityCode: municipality.code });
  if (denied) return denied;
  const checked = checkAttachment(input.fileName, input.content);
  if (!checked.ok) return refuse(400, checked.problem.messageDa, { field: checked.problem.field });
  const text = checked.htmlText ?? (await documentText(checked.fileName, input.content));
  if (typeof text === "object" && text !== null) return text;
  const cpr = cprRefusalOf(deps, caller, [
    [TREATMENT_FIELDS_DA.fileName, input.fileName],
    [TREATMENT_FIELDS_DA.file, text],
  ]);
  if (cpr) return cpr;
  const now = deps.now();
  const sha256 = createHash("sha256").update(input.content).digest("hex");
  return deps.db.transaction(async (tx) => {
    const meeting = await ownMeeting(tx, municipality.code, input.dataYear, input.meetingId);
    if (isRefusal(meeting)) return meeting;
    if (meeting.attachments.length >= MAX_ATTACHMENTS_PER_MEETING) return refuse(400, `Mødet har allerede ${MAX_ATTACHMENTS_PER_MEETING} bilag, som er det højeste antal.`, { field: TREATMENT_FIELDS_DA.file });
    const attachment = await insertAttachment(tx, { meetingId: meeting.id, fileName: checked.fileName, mediaType: checked.mediaType, sha256, content: input.content, isPublic: input.isPublic, uploadedAt: now.toISOString() });
    await recordAuditEvent(tx, caller, now, {
      action: "treatment.attachment-add",
      municipalityCode: municipality.code,
      subject: `bilag ${attachment.fileName} til ${meeting.body.nameDa} ${meeting.date} (${municipality.code}/${input.dataYear})`,
      before: null,
      after: audited(attachment),
    });
    return { kind: "saved" as const, attachment };
  });
}

/**
 * The text of a PDF or DOCX, for the CPR guard. A scanned PDF has no text layer: there is nothing to search,
 * and it is accepted (null). A file the readers cannot open is refused: what cannot be searched for CPR
 * numbers is not stored as a readable document either.
 */
async function documentText(fileName: string, content: Uint8Array): Promise<string | null | Refusal> {
  try {
    return (await readMinutesBytes(content, fileName)).text;
  } catch (error) {
    if (error instanceof MinutesReadError) return error.reason === "no-text-layer" ? null : refuse(400, error.messageDa, { field: TREATMENT_FIELDS_DA.file });
    throw error;
  }
}

type AttachmentRef = { readonly municipalityCode: string; readonly dataYear: number; readonly attachmentId: string };

async function ownAttachment(deps: TreatmentDeps, ref: AttachmentRef) {
  const info = await loadAttachmentInfo(deps.db, ref.attachmentId);
  if (!info || info.municipalityCode !== ref.municipalityCode || info.dataYear !== ref.dataYear) return refuse(404, "Bilaget findes ikke.");
  return info;
}

/** Makes an attachment public or not; audited. */
export async function setAttachmentVisibility(deps: TreatmentDeps, caller: Caller, ref: AttachmentRef & { isPublic: boolean }): Promise<{ kind: "saved"; attachment: AttachmentInfo } | Refusal> {
  const municipality = municipalityOr404(ref.municipalityCode);
  if (isRefusal(municipality)) return municipality;
  const denied = permitOrRefuse(deps, caller, { action: "treatment.write", municipalityCode: municipality.code });
  if (denied) return denied;
  const before = await ownAttachment(deps, { ...ref, municipalityCode: municipality.code });
  if (isRefusal(before)) return before;
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    await setAttachmentPublic(tx, before.id, ref.isPublic);
    const after = { ...before, isPublic: ref.isPublic };
    await recordAuditEvent(tx, caller, now, { action: "treatment.attachment-visibility", municipalityCode: municipality.code, subject: `bilag ${before.fileName} (${municipality.code}/${ref.dataYear})`, before: audited(before), after: audited(after) });
    return { kind: "saved" as const, attachment: after };
  });
}

export async function removeAttachment(deps: TreatmentDeps, caller: Caller, ref: AttachmentRef): Promise<{ kind: "deleted" } | Refusal> {
  const municipality = municipalityOr404(ref.municipalityCode);
  if (isRefusal(municipality)) return municipality;
  const denied = permitOrRefuse(deps, caller, { action: "treatment.write", municipalityCode: municipality.code });
  if (denied) return denied;
  const before = await ownAttachment(deps, { ...ref, municipalityCode: municipality.code });
  if (isRefusal(before)) return before;
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    await deleteAttachment(tx, before.id);
    await recordAuditEvent(tx, caller, now, { action: "treatment.attachment-delete", municipalityCode: municipality.code, subject: `bilag ${before.fileName} (${municipality.code}/${ref.dataYear})`, before: audited(before), after: null });
    return { kind: "deleted" as const };
  });
}

/**
 * An attachment's bytes for download. A public one for anyone; one that is not public only for those who
 * may read the municipality's internal material — to everyone else it does not exist (404, not 403, so
 * its existence is not told either).
 */
export async function openAttachment(deps: TreatmentDeps, caller: Caller, attachmentId: string): Promise<{ kind: "file"; attachment: AttachmentInfo & { municipalityCode: MunicipalityCode; dataYear: number }; content: Buffer } | Refusal> {
  const info = await loadAttachmentInfo(deps.db, attachmentId);
  if (!info) return refuse(404, "Bilaget findes ikke.");
  if (!info.isPublic && !authorize(caller.actor, { action: "municipality.read-internal", municipalityCode: info.municipalityCode }).allowed) {
    deps.securityLog.record({ event: "access-denied", action: "municipality.read-internal", municipalityCode: info.municipalityCode, actor: caller.actor.kind === "user" ? caller.actor.userId : caller.actor.kind, channel: caller.channel });
    return refuse(404, "Bilaget findes ikke.");
  }
  const content = await loadAttachmentContent(deps.db, info.id);
  if (!content) return refuse(404, "Bilaget findes ikke.");
  return { kind: "file", attachment: info, content };
}
