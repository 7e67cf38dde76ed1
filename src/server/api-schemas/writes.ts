import { Type } from "typebox";
import { Closed, Nullable, Ref } from "./schema-kit.js";
import { ROLE_KINDS } from "../../domain/access-policy.js";
import { MAX_COMMENT_LENGTH } from "../../app/comments/save-comment.js";

/**
 * Comments, users, API tokens and the audit trail under /api/v1 (issue 12): bodies and answers as TypeBox schemas.
 */

export const MunicipalityComment = Closed(
  {
    municipalityCode: Type.String({ pattern: "^\\d{4}$", description: "Kommunekode, fx 0657" }),
    year: Type.Integer(),
    text: Type.String(),
    status: Type.Enum(["draft", "published"]),
    updatedAt: Type.String({ format: "date-time" }),
    publishedAt: Nullable(Type.String({ format: "date-time" })),
  },
  { $id: "MunicipalityComment" },
);

export const PutCommentBody = Closed(
  {
    text: Type.String({ maxLength: MAX_COMMENT_LENGTH, description: "Kommentaren; et CPR-nummer afvises, og intet gemmes" }),
    status: Type.Enum(["draft", "published"], {
      description: "draft: kun kommunens egne brugere ser den; published: på profilen, i API'et og i dagsordenpunktet",
    }),
  },
  { $id: "PutCommentBody" },
);

export const CreateUserBody = Closed(
  {
    email: Type.String({ maxLength: 254 }),
    role: Type.Enum(ROLE_KINDS),
    municipalityCode: Type.Optional(Nullable(Type.String({ maxLength: 4 }), { description: "Kun for redaktoer og laeser" })),
    password: Type.Optional(Nullable(Type.String({ maxLength: 256 }), { description: "Mindst 12 tegn; uden: brugeren logger kun ind gennem OpenID Connect" })),
  },
  { $id: "CreateUserBody" },
);

export const SetUserDisabledBody = Closed({ disabled: Type.Boolean() }, { $id: "SetUserDisabledBody" });

export const User = Closed(
  {
    email: Type.String(),
    role: Type.Enum(ROLE_KINDS),
    municipalityCode: Nullable(Type.String({ pattern: "^\\d{4}$", description: "Kommunekode, fx 0657" })),
    disabled: Type.Boolean(),
  },
  { $id: "User" },
);

export const CreateTokenBody = Closed(
  { name: Type.String({ maxLength: 100 }), days: Type.Optional(Type.Integer({ minimum: 1, description: "Levetid i dage (standard 90, højst 366)" })) },
  { $id: "CreateTokenBody" },
);

export const ApiToken = Closed(
  {
    id: Type.String(),
    name: Type.String(),
    createdAt: Type.String({ format: "date-time" }),
    expiresAt: Type.String({ format: "date-time" }),
    revokedAt: Nullable(Type.String({ format: "date-time" })),
    token: Type.Optional(Type.String({ description: "Kun i svaret, da nøglen blev lavet: vises én gang og gemmes kun som SHA-256" })),
  },
  { $id: "ApiToken" },
);

export const AuditEvent = Closed(
  {
    id: Type.Integer(),
    at: Type.String({ format: "date-time" }),
    actor: Type.String({ description: "Brugerens e-mail, eller operatøren" }),
    actorRole: Type.Enum(["admin", "tilsyn", "redaktoer", "laeser", "operator"]),
    actorMunicipalityCode: Nullable(Type.String({ pattern: "^\\d{4}$", description: "Kommunekode, fx 0657" })),
    channel: Type.Enum(["web", "api", "cli"]),
    action: Type.String({ description: "Fx comment.save, comment.publish, user.create, token.revoke" }),
    municipalityCode: Nullable(Type.String({ pattern: "^\\d{4}$", description: "Kommunekode, fx 0657" })),
    subject: Type.String(),
    before: Type.Unknown(),
    after: Type.Unknown(),
  },
  { $id: "AuditEvent" },
);

export const AuditTrail = Closed({ events: Type.Array(Ref(AuditEvent)) }, { $id: "AuditTrail" });

export const WRITES_SCHEMAS = {
  MunicipalityComment,
  PutCommentBody,
  CreateUserBody,
  SetUserDisabledBody,
  User,
  CreateTokenBody,
  ApiToken,
  AuditEvent,
  AuditTrail,
} as const;
