import type { Caller } from "../caller.js";
import { refuse, type Refusal } from "../use-case-result.js";

/**
 * Backups, restores and the move to PostgreSQL read and replace everything, the audit trail and password
 * hashes included: they are the operator's, on the server's own command line, and no web role's.
 */
export function refuseUnlessOperator(caller: Caller): Refusal | null {
  return caller.actor.kind === "operator" ? null : refuse(403, "Kun operatøren kan tage sikkerhedskopier, gendanne og flytte databasen (på serverens kommandolinje).");
}
