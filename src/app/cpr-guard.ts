import type { CprRefusal } from "../domain/cpr-number.js";
import type { Caller } from "./caller.js";
import type { SecurityLog } from "./security-log.js";
import { refuse, type Refusal } from "./use-case-result.js";

function actorId(caller: Caller): string {
  return caller.actor.kind === "user" ? caller.actor.userId : caller.actor.kind;
}

/**
 * Turns a CPR finding into the refusal a door shows, and logs that it happened: field, position, who and
 * through which door — never the number, nor the text around it.
 */
export function refuseCpr(deps: { securityLog: SecurityLog }, caller: Caller, cpr: CprRefusal): Refusal {
  deps.securityLog.record({ event: "cpr-refused", field: cpr.fieldDa, line: cpr.finding.line, column: cpr.finding.column, actor: actorId(caller), channel: caller.channel });
  return refuse(400, cpr.messageDa, { field: cpr.fieldDa });
}
