import { authorize, roleMunicipality } from "../../domain/access-policy.js";
import { findMunicipalityByCode, type MunicipalityCode } from "../../domain/municipality.js";
import { listAuditEvents, type AuditEvent } from "../../storage/audit-trail.js";
import type { Database } from "../../storage/database.js";
import type { Caller } from "../caller.js";
import { refuse, type Refusal } from "../use-case-result.js";

export type AuditTrailQuery = { readonly municipalityCode?: string | null; readonly userEmail?: string | null; readonly limit?: number };

/**
 * The audit trail, filtered by municipality and user. Admin, tilsyn and the operator see everything; a
 * municipality's own users see their municipality's trail only (asking for another is refused).
 */
export async function listAuditTrail(deps: { db: Database }, caller: Caller, query: AuditTrailQuery): Promise<{ kind: "events"; events: AuditEvent[]; municipalityCode: string | null } | Refusal> {
  let municipalityCode: MunicipalityCode | null = null;
  if (query.municipalityCode) {
    const m = findMunicipalityByCode(query.municipalityCode);
    if (!m) return refuse(400, `Ukendt kommunekode "${query.municipalityCode}".`, { field: "kommune" });
    municipalityCode = m.code;
  }
  // A municipal user who names no municipality gets their own.
  if (municipalityCode === null && caller.actor.kind === "user") municipalityCode = roleMunicipality(caller.actor.role);
  const decision = authorize(caller.actor, { action: "audit.read", municipalityCode });
  if (!decision.allowed) return refuse(decision.status, decision.reasonDa);
  const events = await listAuditEvents(deps.db, { municipalityCode, actorLabel: query.userEmail ?? null, limit: query.limit ?? 500 });
  return { kind: "events", events, municipalityCode };
}
