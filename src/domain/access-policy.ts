import { assertNever } from "./assert-never.js";
import { findMunicipalityByCode, type MunicipalityCode } from "./municipality.js";

/**
 * Who may do what to which municipality (issue 12). Pure: the use cases in the application layer ask
 * `authorize` before every read of non-public material and every write, so a check cannot be forgotten by
 * a view that hides a button. The five roles:
 * - `admin`: imports, publishes dataset versions, manages users; reads everything;
 * - `tilsyn` (Ankestyrelsen, the ministry): reads every municipality's workspace and trail;
 * - `redaktoer` for one municipality: writes that municipality's comment, treatment record, action plans,
 *   lists and knowledge bank, and reads its non-public material;
 * - `laeser` for one municipality: reads that municipality's non-public material;
 * - not signed in (`public`): the public pages.
 * A municipality's comment is the municipality's own text, so only its editors write it on the web; an
 * operator at the server's command line (`operator`) may still write it, as the CLI always could.
 */
export type RoleKind = "admin" | "tilsyn" | "redaktoer" | "laeser";
export const ROLE_KINDS: readonly RoleKind[] = ["admin", "tilsyn", "redaktoer", "laeser"];

export type Role =
  | { readonly kind: "admin" }
  | { readonly kind: "tilsyn" }
  | { readonly kind: "redaktoer"; readonly municipalityCode: MunicipalityCode }
  | { readonly kind: "laeser"; readonly municipalityCode: MunicipalityCode };

export type Actor =
  | { readonly kind: "public" }
  /** The command line on the server: whoever runs it already has the database. */
  | { readonly kind: "operator" }
  | { readonly kind: "user"; readonly userId: string; readonly email: string; readonly role: Role };

export type Permission =
  | { readonly action: "comment.write"; readonly municipalityCode: MunicipalityCode }
  /** Drafts and other material a municipality has not published. */
  | { readonly action: "municipality.read-internal"; readonly municipalityCode: MunicipalityCode }
  /** The audit trail of one municipality, or (null) of everything. */
  | { readonly action: "audit.read"; readonly municipalityCode: MunicipalityCode | null }
  | { readonly action: "users.manage" }
  | { readonly action: "dataset.import" }
  | { readonly action: "dataset.publish" }
  /** The signed-in user's own password and API tokens. */
  | { readonly action: "account.manage-own" }
  /** The council's treatment record: meetings, attachments, the action-plan decision (issue 13). */
  | { readonly action: "treatment.write"; readonly municipalityCode: MunicipalityCode }
  /** Ankestyrelsen's order to make an action plan (§ 79 b stk. 3), and its follow-up notes. */
  | { readonly action: "treatment.order"; readonly municipalityCode: MunicipalityCode }
  /**
   * Reading a council's minutes on the web and confirming what was found into the treatment record
   * (issue 15): the municipality's editors, and tilsyn, whose yearly check is exactly this reading.
   */
  | { readonly action: "treatment.confirm-minutes"; readonly municipalityCode: MunicipalityCode }
  | { readonly action: "action-plan.write"; readonly municipalityCode: MunicipalityCode }
  /** The municipality's own lists: its bodies, departments, subject → area table. */
  | { readonly action: "municipality.settings.write"; readonly municipalityCode: MunicipalityCode }
  /** The dated legal rules (whether § 79 b stk. 2–3 apply for a year, and their sources). */
  | { readonly action: "legal-rules.edit" }
  /**
   * The knowledge bank holds notes on citizens' cases (GDPR art. 9): read by the municipality's own users
   * and by tilsyn, written by its editors. Not by admin: running the product is no reason to read them.
   */
  | { readonly action: "knowledge.read"; readonly municipalityCode: MunicipalityCode }
  | { readonly action: "knowledge.write"; readonly municipalityCode: MunicipalityCode }
  /** All 98 councils' treatment, with Ankestyrelsen's follow-up notes (issue 15). */
  | { readonly action: "compliance.read" };

export type Decision = { readonly allowed: true } | { readonly allowed: false; readonly status: 401 | 403; readonly reasonDa: string };

export const ROLE_NAMES_DA: Readonly<Record<RoleKind, string>> = {
  admin: "Administrator",
  tilsyn: "Tilsyn (Ankestyrelsen/ministeriet)",
  redaktoer: "Redaktør",
  laeser: "Læser",
};

function municipalityName(code: MunicipalityCode): string {
  const m = findMunicipalityByCode(code);
  // The registry's short name ("København"): the own names ("Københavns Kommune") live with the reports.
  return m ? m.name : `kommune ${code}`;
}

/** "Redaktør for Herning", "Administrator". */
export function describeRoleDa(role: Role): string {
  switch (role.kind) {
    case "admin":
    case "tilsyn":
      return ROLE_NAMES_DA[role.kind];
    case "redaktoer":
    case "laeser":
      return `${ROLE_NAMES_DA[role.kind]} for ${municipalityName(role.municipalityCode)}`;
    default:
      return assertNever(role);
  }
}

export function describeActorDa(actor: Actor): string {
  switch (actor.kind) {
    case "public":
      return "ikke logget ind";
    case "operator":
      return "operatør (kommandolinjen)";
    case "user":
      return `${actor.email} (${describeRoleDa(actor.role)})`;
    default:
      return assertNever(actor);
  }
}

/** The municipality a role is bound to, or null for the national roles. */
export function roleMunicipality(role: Role): MunicipalityCode | null {
  return role.kind === "redaktoer" || role.kind === "laeser" ? role.municipalityCode : null;
}

function describePermissionDa(p: Permission): string {
  switch (p.action) {
    case "comment.write":
      return `skrive kommentaren for ${municipalityName(p.municipalityCode)}`;
    case "municipality.read-internal":
      return `se ikke-offentligt materiale for ${municipalityName(p.municipalityCode)}`;
    case "audit.read":
      return p.municipalityCode === null ? "se hele revisionssporet" : `se revisionssporet for ${municipalityName(p.municipalityCode)}`;
    case "users.manage":
      return "administrere brugere";
    case "dataset.import":
      return "indlæse datasæt";
    case "dataset.publish":
      return "offentliggøre datasætversioner";
    case "account.manage-own":
      return "ændre en brugerkonto";
    case "treatment.write":
      return `registrere den politiske behandling for ${municipalityName(p.municipalityCode)}`;
    case "treatment.order":
      return `registrere Ankestyrelsens påbud til ${municipalityName(p.municipalityCode)}`;
    case "treatment.confirm-minutes":
      return `registrere behandlingen for ${municipalityName(p.municipalityCode)} ud fra et referat`;
    case "action-plan.write":
      return `skrive handleplaner for ${municipalityName(p.municipalityCode)}`;
    case "municipality.settings.write":
      return `ændre kommunens lister (udvalg, afdelinger, områder) for ${municipalityName(p.municipalityCode)}`;
    case "legal-rules.edit":
      return "ændre de daterede lovregler";
    case "knowledge.read":
      return `se vidensbanken for ${municipalityName(p.municipalityCode)}`;
    case "knowledge.write":
      return `skrive i vidensbanken for ${municipalityName(p.municipalityCode)}`;
    case "compliance.read":
      return "se alle kommuners behandling og Ankestyrelsens opfølgning";
    default:
      return assertNever(p);
  }
}

function roleAllows(role: Role, p: Permission): boolean {
  const own = roleMunicipality(role);
  switch (p.action) {
    case "comment.write":
    case "treatment.write":
    case "action-plan.write":
    case "municipality.settings.write":
    case "knowledge.write":
      return role.kind === "redaktoer" && own === p.municipalityCode;
    case "treatment.order":
      return role.kind === "tilsyn";
    case "treatment.confirm-minutes":
      return role.kind === "tilsyn" || (role.kind === "redaktoer" && own === p.municipalityCode);
    case "knowledge.read":
      return role.kind === "tilsyn" || own === p.municipalityCode;
    case "compliance.read":
      return role.kind === "admin" || role.kind === "tilsyn";
    case "legal-rules.edit":
      return role.kind === "admin";
    case "municipality.read-internal":
      return role.kind === "admin" || role.kind === "tilsyn" || own === p.municipalityCode;
    case "audit.read":
      return role.kind === "admin" || role.kind === "tilsyn" || (p.municipalityCode !== null && own === p.municipalityCode);
    case "users.manage":
    case "dataset.import":
    case "dataset.publish":
      return role.kind === "admin";
    case "account.manage-own":
      return true;
    default:
      return assertNever(p);
  }
}

export function authorize(actor: Actor, permission: Permission): Decision {
  switch (actor.kind) {
    case "operator":
      return { allowed: true };
    case "public":
      return { allowed: false, status: 401, reasonDa: `Du skal logge ind for at ${describePermissionDa(permission)}.` };
    case "user":
      return roleAllows(actor.role, permission)
        ? { allowed: true }
        : { allowed: false, status: 403, reasonDa: `Du er logget ind som ${describeRoleDa(actor.role)} og må ikke ${describePermissionDa(permission)}.` };
    default:
      return assertNever(actor);
  }
}
