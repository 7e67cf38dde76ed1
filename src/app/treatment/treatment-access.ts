import { authorize, type Permission } from "../../domain/access-policy.js";
import { checkFreeTextForCpr } from "../../domain/cpr-number.js";
import { findMunicipalityByCode, type Municipality } from "../../domain/municipality.js";
import { copenhagenDate } from "../../domain/treatment-record.js";
import type { AccountDeps } from "../accounts/account-deps.js";
import type { Caller } from "../caller.js";
import { refuseCpr } from "../cpr-guard.js";
import { refuse, type Refusal } from "../use-case-result.js";

/** The slice the treatment use cases take: the database, the clock and the security log. */
export type TreatmentDeps = Pick<AccountDeps, "db" | "now" | "securityLog">;

/** The municipality named by a door, or a 404 in Danish. */
export function municipalityOr404(code: string): Municipality | Refusal {
  return findMunicipalityByCode(code) ?? refuse(404, `Ukendt kommune "${code}".`);
}

/**
 * A data year the record can be about: maps exist from data year 2016 (domain.md §1), and a year's map is
 * treated the year after, so the latest year anything can be planned for is the current one.
 */
export function dataYearRefusal(year: number, now: Date): Refusal | null {
  const thisYear = Number(copenhagenDate(now).slice(0, 4));
  if (!Number.isInteger(year) || year < 2016 || year > thisYear) return refuse(400, `Dataåret skal ligge mellem 2016 og ${thisYear}, ikke ${year}.`, { field: "Dataår" });
  return null;
}

/** Asks the access policy; a refusal is logged for the operator (who, what, which municipality) and returned. */
export function permitOrRefuse(deps: TreatmentDeps, caller: Caller, permission: Permission): Refusal | null {
  const decision = authorize(caller.actor, permission);
  if (decision.allowed) return null;
  deps.securityLog.record({
    event: "access-denied",
    action: permission.action,
    municipalityCode: "municipalityCode" in permission ? permission.municipalityCode : null,
    actor: caller.actor.kind === "user" ? caller.actor.userId : caller.actor.kind,
    channel: caller.channel,
  });
  return refuse(decision.status, decision.reasonDa);
}

/** The CPR guard over every free-text field of a write, first finding first; null when none holds a number. */
export function cprRefusalOf(deps: TreatmentDeps, caller: Caller, fields: ReadonlyArray<readonly [fieldDa: string, text: string | null]>): Refusal | null {
  for (const [field, text] of fields) {
    if (text === null) continue;
    const cpr = checkFreeTextForCpr(field, text);
    if (cpr) return refuseCpr(deps, caller, cpr);
  }
  return null;
}

export function isRefusal(value: unknown): value is Refusal {
  return typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "refused";
}
