import { BODY_KINDS, MAX_BODIES, MAX_BODY_NAME_LENGTH } from "../../domain/council-bodies.js";
import {
  ACTION_PLAN_DECISIONS,
  MAX_AGENDA_ITEM_NUMBER_LENGTH,
  MAX_AGENDA_ITEM_TITLE_LENGTH,
  MAX_ATTACHMENT_BYTES,
  MAX_DECISION_TEXT_LENGTH,
  MAX_NOTE_LENGTH,
  MAX_URL_LENGTH,
  MEETING_OUTCOMES,
  MEETING_ROLES,
  MEETING_STATES,
} from "../../domain/treatment-record.js";

/**
 * The treatment record's /api/v1 bodies and answers as JSON Schema (issue 13, point 5): Fastify checks each
 * body against them, and openapi.ts publishes the same objects with the paths below, so the document and
 * the check cannot differ. Codes are English; each answer carries the Danish word beside its code.
 */
const code = { type: "string", pattern: "^\\d{4}$", description: "Kommunekode, fx 0657" } as const;
const isoDate = { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$", description: "Dato, fx 2025-09-24" } as const;
const nullableDate = { anyOf: [isoDate, { type: "null" }] } as const;
const timestamp = { type: "string", format: "date-time" } as const;
const nullableString = (maxLength: number, description?: string) => ({ anyOf: [{ type: "string", maxLength }, { type: "null" }], ...(description ? { description } : {}) }) as const;

function closed(required: readonly string[], properties: Record<string, unknown>, description?: string) {
  return { type: "object", required, properties, additionalProperties: false, ...(description ? { description } : {}) } as const;
}

/** Base64 of at most MAX_ATTACHMENT_BYTES bytes. */
const MAX_BASE64_LENGTH = Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4;
/** The attachment route's body limit: the base64 file plus room for the name and the flags. */
export const ATTACHMENT_BODY_LIMIT = MAX_BASE64_LENGTH + 64 * 1024;

export const MeetingBody = closed(
  ["bodyId", "date", "agendaItemTitle", "role", "state"],
  {
    bodyId: { type: "string", maxLength: 60, description: "Organets id på kommunens liste (GET …/bodies), fx byraadet" },
    date: isoDate,
    agendaItemNumber: nullableString(MAX_AGENDA_ITEM_NUMBER_LENGTH, "Punktets nummer på dagsordenen, fx 42"),
    agendaItemTitle: { type: "string", maxLength: MAX_AGENDA_ITEM_TITLE_LENGTH },
    role: { type: "string", enum: MEETING_ROLES, description: "decision: beslutning; recommendation: indstilling; consultation: høring" },
    state: { type: "string", enum: MEETING_STATES, description: "planned: planlagt; held: holdt" },
    outcome: { anyOf: [{ type: "string", enum: MEETING_OUTCOMES }, { type: "null" }], description: "Kun for et holdt møde: concluded (behandlet, standard), sent-back (sendt tilbage), postponed (udsat)" },
    decisionText: nullableString(MAX_DECISION_TEXT_LENGTH, "Beslutningen som i referatet; et CPR-nummer afvises"),
    minutesUrl: nullableString(MAX_URL_LENGTH, "Link til det offentliggjorte referat (https://…)"),
  },
  "Et møde i behandlingen af kortet",
);

export const AttachmentBody = closed(
  ["fileName", "contentBase64", "isPublic"],
  {
    fileName: { type: "string", maxLength: 1000 },
    contentBase64: { type: "string", maxLength: MAX_BASE64_LENGTH, description: `Filen som base64: PDF, DOCX eller HTML, højst ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB` },
    isPublic: { type: "boolean", description: "false: kun kommunens egne brugere, tilsyn og administrator kan hente den" },
  },
);

export const AttachmentVisibilityBody = closed(["isPublic"], { isPublic: { type: "boolean" } });

export const PlanDecisionBody = closed(["decision"], {
  decision: { type: "string", enum: ACTION_PLAN_DECISIONS, description: "yes: ja; no: nej; not-relevant: ikke relevant" },
  ankestyrelsenNotifiedOn: { ...nullableDate, description: "Kun ved nej: datoen, Ankestyrelsen blev underrettet (§ 79 b, stk. 2)" },
});

export const OrderBody = closed(["orderedOn", "deadline"], {
  orderedOn: isoDate,
  deadline: isoDate,
  note: nullableString(MAX_NOTE_LENGTH),
});

export const BodyListBody = closed(["bodies"], {
  bodies: {
    type: "array",
    maxItems: MAX_BODIES,
    items: closed(["name", "kind"], { name: { type: "string", maxLength: MAX_BODY_NAME_LENGTH }, kind: { type: "string", enum: BODY_KINDS } }),
    description: "Hele listen i den rækkefølge, formularen skal vise den; præcis ét organ af slagsen council",
  },
});

export const LegalRuleBody = closed(["validFrom", "summary", "source"], {
  validFrom: isoDate,
  validTo: nullableDate,
  summary: { type: "string", maxLength: 2000 },
  source: { type: "string", maxLength: 500, description: "Hvad ændringen bygger på (adresse eller dokument)" },
});

const CouncilBodySchema = closed(["id", "name", "kind", "kindDa"], { id: { type: "string" }, name: { type: "string" }, kind: { type: "string", enum: BODY_KINDS }, kindDa: { type: "string" } });

export const BodyListSchema = closed(["municipalityCode", "isDefault", "bodies"], {
  municipalityCode: code,
  isDefault: { type: "boolean", description: "true: kommunen har ikke selv rettet listen endnu" },
  bodies: { type: "array", items: CouncilBodySchema },
});

export const AttachmentSchema = closed(["id", "fileName", "mediaType", "sizeBytes", "sha256", "isPublic", "uploadedAt", "url"], {
  id: { type: "string" },
  fileName: { type: "string" },
  mediaType: { type: "string" },
  sizeBytes: { type: "integer" },
  sha256: { type: "string" },
  isPublic: { type: "boolean" },
  uploadedAt: timestamp,
  url: { type: "string", description: "Hent filen her" },
});

export const MeetingSchema = closed(
  ["id", "body", "date", "agendaItemNumber", "agendaItemTitle", "role", "roleDa", "state", "stateDa", "outcome", "outcomeDa", "decisionText", "minutesUrl", "attachments", "updatedAt"],
  {
    id: { type: "string" },
    body: closed(["id", "name", "kind"], { id: { type: "string" }, name: { type: "string" }, kind: { type: "string", enum: BODY_KINDS } }),
    date: isoDate,
    agendaItemNumber: { type: ["string", "null"] },
    agendaItemTitle: { type: "string" },
    role: { type: "string", enum: MEETING_ROLES },
    roleDa: { type: "string" },
    state: { type: "string", enum: MEETING_STATES },
    stateDa: { type: "string" },
    outcome: { anyOf: [{ type: "string", enum: MEETING_OUTCOMES }, { type: "null" }] },
    outcomeDa: { type: ["string", "null"] },
    decisionText: { type: ["string", "null"] },
    minutesUrl: { type: ["string", "null"] },
    attachments: { type: "array", items: AttachmentSchema, description: "Ikke-offentlige bilag kun for kommunens egne brugere, tilsyn og administrator" },
    updatedAt: timestamp,
  },
);

const PlanDecisionSchema = closed(["decision", "decisionDa", "ankestyrelsenNotifiedOn", "updatedAt"], {
  decision: { type: "string", enum: ACTION_PLAN_DECISIONS },
  decisionDa: { type: "string" },
  ankestyrelsenNotifiedOn: nullableDate,
  updatedAt: timestamp,
});

const OrderSchema = closed(["orderedOn", "deadline", "note", "recordedAt"], { orderedOn: isoDate, deadline: isoDate, note: { type: ["string", "null"] }, recordedAt: timestamp });

export const LegalRuleSchema = closed(["id", "provision", "validFrom", "validTo", "summary", "source", "origin", "editedAt", "editedBy"], {
  id: { type: "string" },
  provision: { type: "string" },
  validFrom: isoDate,
  validTo: nullableDate,
  summary: { type: "string" },
  source: { type: "string" },
  origin: { type: "string", enum: ["default", "edited"], description: "default: produktets standard; edited: rettet af en administrator" },
  editedAt: { anyOf: [timestamp, { type: "null" }] },
  editedBy: { type: ["string", "null"] },
});

export const LegalRulesSchema = closed(["rules"], { rules: { type: "array", items: LegalRuleSchema } });

export const TreatmentRecordSchema = closed(
  ["municipalityCode", "municipalityName", "dataYear", "publishedOn", "deadline", "council", "status", "actionPlan", "meetings", "hiddenAttachments", "rules"],
  {
    municipalityCode: code,
    municipalityName: { type: "string" },
    dataYear: { type: "integer" },
    publishedOn: nullableDate,
    deadline: { ...isoDate, description: "31. december i offentliggørelsesåret (§ 79 b, stk. 1)" },
    council: { type: "string", description: "Kommunalbestyrelsens navn på kommunens liste, fx Byrådet" },
    status: closed(["kind", "sentence", "notes"], {
      kind: { type: "string", enum: ["treated", "pending", "overdue"] },
      sentence: { type: "string", description: "Fx \"Byrådet behandlede kortet den 24. september 2025.\"" },
      notes: { type: "array", items: { type: "string" } },
    }),
    actionPlan: closed(["applies", "kind", "sentence", "notes", "decision", "order"], {
      applies: { type: "boolean", description: "Om § 79 b, stk. 2–3 gælder for året (daterede regler, se rules)" },
      kind: { type: "string", enum: ["not-applicable", "missing", "decided"] },
      sentence: { type: "string" },
      notes: { type: "array", items: { type: "string" } },
      decision: { anyOf: [PlanDecisionSchema, { type: "null" }] },
      order: { anyOf: [OrderSchema, { type: "null" }], description: "Ankestyrelsens påbud (§ 79 b, stk. 3)" },
    }),
    meetings: { type: "array", items: MeetingSchema },
    hiddenAttachments: { type: "integer", minimum: 0, description: "Bilag, der ikke er offentlige og derfor ikke vises for den, der spørger" },
    rules: { type: "array", items: LegalRuleSchema },
  },
);

export const TreatmentHistorySchema = closed(["municipalityCode", "records"], { municipalityCode: code, records: { type: "array", items: TreatmentRecordSchema } });

export const DeletedSchema = closed(["deleted"], { deleted: { type: "boolean" } });

export const TREATMENT_SCHEMAS = {
  MeetingBody,
  AttachmentBody,
  AttachmentVisibilityBody,
  PlanDecisionBody,
  OrderBody,
  BodyListBody,
  LegalRuleBody,
  BodyList: BodyListSchema,
  Attachment: AttachmentSchema,
  Meeting: MeetingSchema,
  LegalRule: LegalRuleSchema,
  LegalRules: LegalRulesSchema,
  TreatmentRecord: TreatmentRecordSchema,
  TreatmentHistory: TreatmentHistorySchema,
  Deleted: DeletedSchema,
} as const;

const ref = (name: keyof typeof TREATMENT_SCHEMAS | "ApiError") => ({ $ref: `#/components/schemas/${name}` }) as const;
const json = (schema: unknown, description: string) => ({ description, content: { "application/json": { schema } } }) as const;
const error = json(ref("ApiError"), "Fejl med en fast kode og en dansk forklaring");
const bearer = [{ apiToken: [] }] as const;
const body = (name: keyof typeof TREATMENT_SCHEMAS) => ({ required: true, content: { "application/json": { schema: ref(name) } } }) as const;
const codePath = { name: "code", in: "path", required: true, schema: code } as const;
const yearPath = { name: "year", in: "path", required: true, schema: { type: "integer" }, description: "Dataåret; kortet offentliggøres året efter og behandles det år" } as const;
const idPath = { name: "id", in: "path", required: true, schema: { type: "string" }, description: "Mødets id" } as const;
const attachmentPath = { name: "attachmentId", in: "path", required: true, schema: { type: "string" } } as const;
const writeErrors = { "400": error, "401": error, "403": error, "404": error } as const;

export const TREATMENT_PATHS = {
  "/api/v1/municipalities/{code}/treatment": {
    get: {
      summary: "Kommunens politiske behandling for alle år med noget registreret; format=csv eller xlsx giver historikken som regneark",
      parameters: [codePath, { name: "format", in: "query", required: false, schema: { type: "string", enum: ["json", "csv", "xlsx"], default: "json" } }],
      responses: {
        "200": {
          description: "Historikken",
          content: {
            "application/json": { schema: ref("TreatmentHistory") },
            "text/csv": { schema: { type: "string" } },
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: { type: "string", format: "binary" } },
          },
        },
        "400": error,
        "401": error,
        "404": error,
      },
    },
  },
  "/api/v1/municipalities/{code}/treatment/{year}": {
    get: {
      summary: "Behandlingen af kortet for et dataår: møder, status i en dansk sætning, handleplansbeslutning og påbud; ikke-offentlige bilag kun med en nøgle, der må se kommunens interne materiale",
      parameters: [codePath, yearPath],
      responses: { "200": json(ref("TreatmentRecord"), "Behandlingen"), "400": error, "401": error, "404": error },
    },
  },
  "/api/v1/municipalities/{code}/treatment/{year}/meetings": {
    post: {
      summary: "Tilføj et møde (kun kommunens redaktører); CPR-numre afvises i alle tekstfelter",
      security: bearer,
      parameters: [codePath, yearPath],
      requestBody: body("MeetingBody"),
      responses: { "201": json(ref("Meeting"), "Det gemte møde"), ...writeErrors },
    },
  },
  "/api/v1/municipalities/{code}/treatment/{year}/meetings/{id}": {
    put: {
      summary: "Ret et møde (kun kommunens redaktører)",
      security: bearer,
      parameters: [codePath, yearPath, idPath],
      requestBody: body("MeetingBody"),
      responses: { "200": json(ref("Meeting"), "Det rettede møde"), ...writeErrors },
    },
    delete: {
      summary: "Slet et møde med dets bilag (kun kommunens redaktører)",
      security: bearer,
      parameters: [codePath, yearPath, idPath],
      responses: { "200": json(ref("Deleted"), "Slettet"), "401": error, "403": error, "404": error },
    },
  },
  "/api/v1/municipalities/{code}/treatment/{year}/meetings/{id}/attachments": {
    post: {
      summary: "Vedhæft en fil til mødet (PDF, DOCX eller HTML, højst 10 MB; typen læses af filens indhold)",
      security: bearer,
      parameters: [codePath, yearPath, idPath],
      requestBody: body("AttachmentBody"),
      responses: { "201": json(ref("Attachment"), "Bilaget"), ...writeErrors },
    },
  },
  "/api/v1/municipalities/{code}/treatment/{year}/attachments/{attachmentId}": {
    get: {
      summary: "Hent et bilag; et ikke-offentligt bilag findes kun for kommunens egne brugere, tilsyn og administrator (ellers 404)",
      parameters: [codePath, yearPath, attachmentPath],
      responses: {
        "200": { description: "Filen", content: { "application/pdf": { schema: { type: "string", format: "binary" } }, "application/vnd.openxmlformats-officedocument.wordprocessingml.document": { schema: { type: "string", format: "binary" } }, "text/html": { schema: { type: "string" } } } },
        "401": error,
        "404": error,
      },
    },
    put: {
      summary: "Gør et bilag offentligt eller ikke-offentligt",
      security: bearer,
      parameters: [codePath, yearPath, attachmentPath],
      requestBody: body("AttachmentVisibilityBody"),
      responses: { "200": json(ref("Attachment"), "Bilaget"), ...writeErrors },
    },
    delete: {
      summary: "Slet et bilag",
      security: bearer,
      parameters: [codePath, yearPath, attachmentPath],
      responses: { "200": json(ref("Deleted"), "Slettet"), "401": error, "403": error, "404": error },
    },
  },
  "/api/v1/municipalities/{code}/treatment/{year}/plan-decision": {
    put: {
      summary: "Kommunalbestyrelsens beslutning om en handleplan (§ 79 b, stk. 2) – kun for år, hvor reglen gælder (ellers 409)",
      security: bearer,
      parameters: [codePath, yearPath],
      requestBody: body("PlanDecisionBody"),
      responses: { "200": json(ref("TreatmentRecord"), "Behandlingen med beslutningen"), ...writeErrors, "409": error },
    },
    delete: {
      summary: "Fjern beslutningen om handleplan",
      security: bearer,
      parameters: [codePath, yearPath],
      responses: { "200": json(ref("Deleted"), "Fjernet"), "401": error, "403": error, "404": error },
    },
  },
  "/api/v1/municipalities/{code}/treatment/{year}/order": {
    put: {
      summary: "Ankestyrelsens påbud om en handleplan med frist (§ 79 b, stk. 3) – kun rollen tilsyn, kun for år, hvor reglen gælder",
      security: bearer,
      parameters: [codePath, yearPath],
      requestBody: body("OrderBody"),
      responses: { "200": json(ref("TreatmentRecord"), "Behandlingen med påbuddet"), ...writeErrors, "409": error },
    },
    delete: {
      summary: "Fjern påbuddet (kun tilsyn)",
      security: bearer,
      parameters: [codePath, yearPath],
      responses: { "200": json(ref("Deleted"), "Fjernet"), "401": error, "403": error, "404": error },
    },
  },
  "/api/v1/municipalities/{code}/bodies": {
    get: { summary: "Kommunens liste over organer (udvalg, råd, byråd), som møderne vælges fra", parameters: [codePath], responses: { "200": json(ref("BodyList"), "Listen"), "404": error } },
    put: {
      summary: "Erstat kommunens liste over organer (kun kommunens redaktører); møder beholder det navn, de blev gemt med",
      security: bearer,
      parameters: [codePath],
      requestBody: body("BodyListBody"),
      responses: { "200": json(ref("BodyList"), "Den gemte liste"), ...writeErrors },
    },
  },
  "/api/v1/legal-rules": {
    get: { summary: "De daterede lovregler med kilde, og om en administrator har rettet dem", responses: { "200": json(ref("LegalRules"), "Reglerne") } },
  },
  "/api/v1/legal-rules/{id}": {
    put: {
      summary: "Ret en lovregels periode, indhold og kilde (kun administrator)",
      security: bearer,
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", enum: ["publication-deadline", "council-treatment", "action-plan-decision"] } }],
      requestBody: body("LegalRuleBody"),
      responses: { "200": json(ref("LegalRule"), "Reglen"), ...writeErrors },
    },
    delete: {
      summary: "Sæt en lovregel tilbage til produktets standard (kun administrator)",
      security: bearer,
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
      responses: { "200": json(ref("LegalRule"), "Reglen"), "401": error, "403": error, "404": error },
    },
  },
} as const;
