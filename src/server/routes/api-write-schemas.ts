import { MAX_COMMENT_LENGTH } from "../../app/comments/save-comment.js";
import { ROLE_KINDS } from "../../domain/access-policy.js";

/**
 * The bodies and answers of the /api/v1 write routes, as JSON Schema: Fastify validates each request body
 * against them, and openapi.ts publishes the very same objects, so the document and the check cannot differ.
 */
const code = { type: "string", pattern: "^\\d{4}$", description: "Kommunekode, fx 0657" } as const;
const timestamp = { type: "string", format: "date-time" } as const;

export const PutCommentBody = {
  type: "object",
  required: ["text", "status"],
  additionalProperties: false,
  properties: {
    text: { type: "string", maxLength: MAX_COMMENT_LENGTH, description: "Kommentaren; et CPR-nummer afvises, og intet gemmes" },
    status: { type: "string", enum: ["draft", "published"], description: "draft: kun kommunens egne brugere ser den; published: på profilen, i API'et og i dagsordenpunktet" },
  },
} as const;

export const MunicipalityCommentSchema = {
  type: "object",
  required: ["municipalityCode", "year", "text", "status", "updatedAt", "publishedAt"],
  additionalProperties: false,
  properties: {
    municipalityCode: code,
    year: { type: "integer" },
    text: { type: "string" },
    status: { type: "string", enum: ["draft", "published"] },
    updatedAt: timestamp,
    publishedAt: { anyOf: [timestamp, { type: "null" }] },
  },
} as const;

export const CreateUserBody = {
  type: "object",
  required: ["email", "role"],
  additionalProperties: false,
  properties: {
    email: { type: "string", maxLength: 254 },
    role: { type: "string", enum: ROLE_KINDS },
    municipalityCode: { anyOf: [{ type: "string", maxLength: 4 }, { type: "null" }], description: "Kun for redaktoer og laeser" },
    password: { anyOf: [{ type: "string", maxLength: 256 }, { type: "null" }], description: "Mindst 12 tegn; uden: brugeren logger kun ind gennem OpenID Connect" },
  },
} as const;

export const SetUserDisabledBody = { type: "object", required: ["disabled"], additionalProperties: false, properties: { disabled: { type: "boolean" } } } as const;

export const UserSchema = {
  type: "object",
  required: ["email", "role", "municipalityCode", "disabled"],
  additionalProperties: false,
  properties: { email: { type: "string" }, role: { type: "string", enum: ROLE_KINDS }, municipalityCode: { anyOf: [code, { type: "null" }] }, disabled: { type: "boolean" } },
} as const;

export const CreateTokenBody = {
  type: "object",
  required: ["name"],
  additionalProperties: false,
  properties: { name: { type: "string", maxLength: 100 }, days: { type: "integer", minimum: 1, description: "Levetid i dage (standard 90, højst 366)" } },
} as const;

export const ApiTokenSchema = {
  type: "object",
  required: ["id", "name", "createdAt", "expiresAt", "revokedAt"],
  additionalProperties: false,
  properties: {
    id: { type: "string" },
    name: { type: "string" },
    createdAt: timestamp,
    expiresAt: timestamp,
    revokedAt: { anyOf: [timestamp, { type: "null" }] },
    token: { type: "string", description: "Kun i svaret, da nøglen blev lavet: vises én gang og gemmes kun som SHA-256" },
  },
} as const;

export const AuditEventSchema = {
  type: "object",
  required: ["id", "at", "actor", "actorRole", "actorMunicipalityCode", "channel", "action", "municipalityCode", "subject", "before", "after"],
  additionalProperties: false,
  properties: {
    id: { type: "integer" },
    at: timestamp,
    actor: { type: "string", description: "Brugerens e-mail, eller operatøren" },
    actorRole: { type: "string", enum: [...ROLE_KINDS, "operator"] },
    actorMunicipalityCode: { anyOf: [code, { type: "null" }] },
    channel: { type: "string", enum: ["web", "api", "cli"] },
    action: { type: "string", description: "Fx comment.save, comment.publish, user.create, token.revoke" },
    municipalityCode: { anyOf: [code, { type: "null" }] },
    subject: { type: "string" },
    before: {},
    after: {},
  },
} as const;

export const AuditTrailSchema = { type: "object", required: ["events"], additionalProperties: false, properties: { events: { type: "array", items: AuditEventSchema } } } as const;
