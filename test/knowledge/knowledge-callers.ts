import { randomUUID } from "node:crypto";
import type { Role } from "../../src/domain/access-policy.js";
import type { Caller } from "../../src/app/caller.js";
import type { KnowledgeEntryInput } from "../../src/domain/knowledge/knowledge-entry.js";
import { asMunicipalityCode } from "../../src/domain/municipality.js";

/** A signed-in caller of a role; the audit trail copies the actor, so no account row is needed. */
export function callerWithRole(role: Role, channel: Caller["channel"] = "web"): Caller {
  const who = role.kind === "redaktoer" || role.kind === "laeser" ? `${role.kind}-${role.municipalityCode}` : role.kind;
  return { actor: { kind: "user", userId: randomUUID(), email: `${who}@example.dk`, role }, channel };
}

export const HERNING_EDITOR = callerWithRole({ kind: "redaktoer", municipalityCode: asMunicipalityCode("0657") });
export const HERNING_READER = callerWithRole({ kind: "laeser", municipalityCode: asMunicipalityCode("0657") });
export const KOEBENHAVN_READER = callerWithRole({ kind: "laeser", municipalityCode: asMunicipalityCode("0101") });
export const KOEBENHAVN_EDITOR = callerWithRole({ kind: "redaktoer", municipalityCode: asMunicipalityCode("0101") });
export const TILSYN = callerWithRole({ kind: "tilsyn" });
export const ADMIN = callerWithRole({ kind: "admin" });

/**
 * A remitted § 41 decision of 2024 with one reason: the base the tests vary. The subject label is
 * Ankestyrelsen's own (domain.md §3).
 */
export function remittedEntry(overrides: Partial<KnowledgeEntryInput> = {}): KnowledgeEntryInput {
  return {
    decisionDate: "2024-03-14",
    dataYear: 2024,
    outcome: "remitted",
    law: "Serviceloven",
    subject: "Merudgiftydelse §41 + tilbagebetaling",
    provision: "",
    department: "",
    reasonCodes: ["sagsoplysning"],
    summary: "Kommunen havde ikke indhentet oplysninger fra barnets læge om merudgifterne.",
    learningPoint: "Indhent altid lægelige oplysninger, før der gives afslag på merudgifter.",
    links: [],
    caseReference: "27.12.04-G01-123-24",
    newDecision: null,
    status: "approved",
    ...overrides,
  };
}
