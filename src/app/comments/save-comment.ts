import { authorize } from "../../domain/access-policy.js";
import { checkFreeTextForCpr } from "../../domain/cpr-number.js";
import { findMunicipalityByCode } from "../../domain/municipality.js";
import {
  CommentValidationError,
  deleteMunicipalityComment,
  loadCommentRecord,
  MAX_COMMENT_LENGTH,
  saveMunicipalityComment,
  validateMunicipalityComment,
  type CommentRecord,
  type CommentStatus,
} from "../../storage/municipality-comments.js";
import type { AccountDeps } from "../accounts/account-deps.js";
import { recordAuditEvent } from "../audit/record-audit-event.js";
import type { Caller } from "../caller.js";
import { refuseCpr } from "../cpr-guard.js";
import { refuse, type Refusal } from "../use-case-result.js";

export { MAX_COMMENT_LENGTH };

export type SaveCommentInput = {
  readonly municipalityCode: string;
  readonly year: number;
  readonly text: string;
  readonly status: CommentStatus;
};

export const COMMENT_FIELD_DA = "Kommentar";

function audited(c: CommentRecord | null) {
  return c === null ? null : { text: c.text, status: c.status };
}

/**
 * The municipality's comment on a yearly map (one per municipality and year), saved as a draft or
 * published. Only the municipality's editors (and the operator) may write it; a CPR number is refused
 * before anything is stored; the write and its audit event share one transaction.
 */
export async function saveComment(deps: AccountDeps, caller: Caller, input: SaveCommentInput): Promise<{ kind: "saved"; comment: CommentRecord; before: CommentRecord | null } | Refusal> {
  const municipality = findMunicipalityByCode(input.municipalityCode);
  if (!municipality) return refuse(404, `Ukendt kommune "${input.municipalityCode}".`);
  const decision = authorize(caller.actor, { action: "comment.write", municipalityCode: municipality.code });
  if (!decision.allowed) {
    deps.securityLog.record({ event: "access-denied", action: "comment.write", municipalityCode: municipality.code, actor: caller.actor.kind === "user" ? caller.actor.userId : caller.actor.kind, channel: caller.channel });
    return refuse(decision.status, decision.reasonDa);
  }
  const cpr = checkFreeTextForCpr(COMMENT_FIELD_DA, input.text);
  if (cpr) return refuseCpr(deps, caller, cpr);
  const now = deps.now();
  const comment = { municipalityCode: municipality.code, year: input.year, text: input.text, status: input.status, updatedAt: now.toISOString() };
  try {
    validateMunicipalityComment(comment);
  } catch (error) {
    if (error instanceof CommentValidationError) return refuse(400, error.message, { field: COMMENT_FIELD_DA });
    throw error;
  }
  return deps.db.transaction(async (tx) => {
    const before = await loadCommentRecord(tx, municipality.code, input.year);
    const saved = await saveMunicipalityComment(tx, comment);
    await recordAuditEvent(tx, caller, now, {
      action: input.status === "published" && before?.status !== "published" ? "comment.publish" : "comment.save",
      municipalityCode: municipality.code,
      subject: `kommentar ${municipality.code}/${input.year}`,
      before: audited(before),
      after: audited(saved),
    });
    return { kind: "saved" as const, comment: saved, before };
  });
}

/** The comment with its state, drafts included, for those who may see the municipality's internal material. */
export async function loadCommentForEditing(deps: Pick<AccountDeps, "db">, caller: Caller, municipalityCode: string, year: number): Promise<{ kind: "comment"; comment: CommentRecord | null; mayWrite: boolean } | Refusal> {
  const municipality = findMunicipalityByCode(municipalityCode);
  if (!municipality) return refuse(404, `Ukendt kommune "${municipalityCode}".`);
  const decision = authorize(caller.actor, { action: "municipality.read-internal", municipalityCode: municipality.code });
  if (!decision.allowed) return refuse(decision.status, decision.reasonDa);
  return {
    kind: "comment",
    comment: await loadCommentRecord(deps.db, municipality.code, year),
    mayWrite: authorize(caller.actor, { action: "comment.write", municipalityCode: municipality.code }).allowed,
  };
}

/**
 * Deletes the municipality's comment for a year: the same role check as writing it, and the deletion with
 * its before-image in the audit trail, in one transaction. `deleted: false` when there was none.
 */
export async function deleteComment(deps: AccountDeps, caller: Caller, municipalityCode: string, year: number): Promise<{ kind: "deleted"; deleted: boolean } | Refusal> {
  const municipality = findMunicipalityByCode(municipalityCode);
  if (!municipality) return refuse(404, `Ukendt kommune "${municipalityCode}".`);
  const decision = authorize(caller.actor, { action: "comment.write", municipalityCode: municipality.code });
  if (!decision.allowed) {
    deps.securityLog.record({ event: "access-denied", action: "comment.write", municipalityCode: municipality.code, actor: caller.actor.kind === "user" ? caller.actor.userId : caller.actor.kind, channel: caller.channel });
    return refuse(decision.status, decision.reasonDa);
  }
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const before = await loadCommentRecord(tx, municipality.code, year);
    if (before === null) return { kind: "deleted" as const, deleted: false };
    await deleteMunicipalityComment(tx, municipality.code, year);
    await recordAuditEvent(tx, caller, now, { action: "comment.delete", municipalityCode: municipality.code, subject: `kommentar ${municipality.code}/${year}`, before: audited(before), after: null });
    return { kind: "deleted" as const, deleted: true };
  });
}
