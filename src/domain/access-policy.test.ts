import { describe, expect, it } from "vitest";
import { authorize, describeActorDa, describeRoleDa, type Actor, type Permission, type Role } from "./access-policy.js";
import { asMunicipalityCode } from "./municipality.js";

const HERNING = asMunicipalityCode("0657");
const KOBENHAVN = asMunicipalityCode("0101");
const user = (role: Role): Actor => ({ kind: "user", userId: "u1", email: "a@b.dk", role });

const ACTORS: Record<string, Actor> = {
  public: { kind: "public" },
  operator: { kind: "operator" },
  admin: user({ kind: "admin" }),
  tilsyn: user({ kind: "tilsyn" }),
  "redaktoer-herning": user({ kind: "redaktoer", municipalityCode: HERNING }),
  "laeser-herning": user({ kind: "laeser", municipalityCode: HERNING }),
};

/** The whole table: for each permission, who is allowed. Everyone else is refused. */
const EXPECTED: ReadonlyArray<[Permission, readonly string[]]> = [
  [{ action: "comment.write", municipalityCode: HERNING }, ["operator", "redaktoer-herning"]],
  [{ action: "comment.write", municipalityCode: KOBENHAVN }, ["operator"]],
  [{ action: "municipality.read-internal", municipalityCode: HERNING }, ["operator", "admin", "tilsyn", "redaktoer-herning", "laeser-herning"]],
  [{ action: "municipality.read-internal", municipalityCode: KOBENHAVN }, ["operator", "admin", "tilsyn"]],
  [{ action: "audit.read", municipalityCode: HERNING }, ["operator", "admin", "tilsyn", "redaktoer-herning", "laeser-herning"]],
  [{ action: "audit.read", municipalityCode: KOBENHAVN }, ["operator", "admin", "tilsyn"]],
  [{ action: "audit.read", municipalityCode: null }, ["operator", "admin", "tilsyn"]],
  [{ action: "users.manage" }, ["operator", "admin"]],
  [{ action: "dataset.import" }, ["operator", "admin"]],
  [{ action: "dataset.publish" }, ["operator", "admin"]],
  [{ action: "account.manage-own" }, ["operator", "admin", "tilsyn", "redaktoer-herning", "laeser-herning"]],
  [{ action: "treatment.write", municipalityCode: HERNING }, ["operator", "redaktoer-herning"]],
  [{ action: "treatment.write", municipalityCode: KOBENHAVN }, ["operator"]],
  [{ action: "treatment.order", municipalityCode: HERNING }, ["operator", "tilsyn"]],
  [{ action: "treatment.confirm-minutes", municipalityCode: HERNING }, ["operator", "tilsyn", "redaktoer-herning"]],
  [{ action: "treatment.confirm-minutes", municipalityCode: KOBENHAVN }, ["operator", "tilsyn"]],
  [{ action: "action-plan.write", municipalityCode: HERNING }, ["operator", "redaktoer-herning"]],
  [{ action: "municipality.settings.write", municipalityCode: HERNING }, ["operator", "redaktoer-herning"]],
  [{ action: "legal-rules.edit" }, ["operator", "admin"]],
  // Notes on citizens' cases: not the administrator, not another municipality.
  [{ action: "knowledge.read", municipalityCode: HERNING }, ["operator", "tilsyn", "redaktoer-herning", "laeser-herning"]],
  [{ action: "knowledge.read", municipalityCode: KOBENHAVN }, ["operator", "tilsyn"]],
  [{ action: "knowledge.write", municipalityCode: HERNING }, ["operator", "redaktoer-herning"]],
  [{ action: "knowledge.write", municipalityCode: KOBENHAVN }, ["operator"]],
  [{ action: "compliance.read" }, ["operator", "admin", "tilsyn"]],
];

describe("authorize", () => {
  it.each(EXPECTED)("%o is allowed exactly for %o", (permission, allowed) => {
    for (const [name, actor] of Object.entries(ACTORS)) {
      expect({ name, allowed: authorize(actor, permission).allowed }).toEqual({ name, allowed: allowed.includes(name) });
    }
  });

  it("refuses the public with 401 (sign in) and a signed-in user with 403, in Danish, naming role and municipality", () => {
    expect(authorize(ACTORS.public!, { action: "comment.write", municipalityCode: HERNING })).toEqual({
      allowed: false,
      status: 401,
      reasonDa: "Du skal logge ind for at skrive kommentaren for Herning.",
    });
    expect(authorize(ACTORS["redaktoer-herning"]!, { action: "comment.write", municipalityCode: KOBENHAVN })).toEqual({
      allowed: false,
      status: 403,
      reasonDa: "Du er logget ind som Redaktør for Herning og må ikke skrive kommentaren for København.",
    });
  });

  it("describes roles and actors in Danish", () => {
    expect(describeRoleDa({ kind: "laeser", municipalityCode: KOBENHAVN })).toBe("Læser for København");
    expect(describeRoleDa({ kind: "tilsyn" })).toBe("Tilsyn (Ankestyrelsen/ministeriet)");
    expect(describeActorDa(ACTORS.operator!)).toBe("operatør (kommandolinjen)");
    expect(describeActorDa(ACTORS.admin!)).toBe("a@b.dk (Administrator)");
  });
});
