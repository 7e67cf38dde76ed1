import { assertNever } from "../../domain/assert-never.js";
import { roleMunicipality } from "../../domain/access-policy.js";
import type { Queryable } from "../../storage/database.js";
import { appendAuditEvent, type AuditActorRole } from "../../storage/audit-trail.js";
import type { Caller } from "../caller.js";

/** What a use case says about its write; who and when come from the caller and the clock. */
export type AuditedWrite = {
  readonly action: string;
  readonly municipalityCode: string | null;
  readonly subject: string;
  readonly before: unknown;
  readonly after: unknown;
};

function actorFields(caller: Caller): { actorUserId: string | null; actorLabel: string; actorRole: AuditActorRole; actorMunicipalityCode: string | null } {
  const actor = caller.actor;
  switch (actor.kind) {
    case "operator":
      return { actorUserId: null, actorLabel: "operatør (kommandolinjen)", actorRole: "operator", actorMunicipalityCode: null };
    case "user":
      return { actorUserId: actor.userId, actorLabel: actor.email, actorRole: actor.role.kind, actorMunicipalityCode: roleMunicipality(actor.role) };
    case "public":
      // Use cases refuse the public before any write; reaching this is a bug, not a user error.
      throw new Error("En skrivning uden en logget ind bruger kan ikke registreres i revisionssporet.");
    default:
      return assertNever(actor);
  }
}

/**
 * Appends one event to the audit trail. Call it inside the write's own transaction, so the trail and the
 * data cannot disagree: either both are stored or neither.
 */
export async function recordAuditEvent(tx: Queryable, caller: Caller, at: Date, write: AuditedWrite): Promise<void> {
  await appendAuditEvent(tx, { at: at.toISOString(), ...actorFields(caller), channel: caller.channel, ...write });
}
