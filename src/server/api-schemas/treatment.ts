import { Type } from "typebox";
import { Closed, Nullable, Ref } from "./schema-kit.js";
import { ACTION_PLAN_DECISIONS, MEETING_OUTCOMES, MEETING_ROLES, MEETING_STATES } from "../../domain/treatment-record.js";
import { BODY_KINDS } from "../../domain/council-bodies.js";
import { MAX_BODIES, MAX_BODY_NAME_LENGTH } from "../../domain/council-bodies.js";
import {
  /**
   * The treatment record under /api/v1 (issue 13, point 5): bodies and answers as TypeBox schemas. Codes are
   * English; each answer carries the Danish word beside its code.
   */
  MAX_AGENDA_ITEM_NUMBER_LENGTH,
  MAX_AGENDA_ITEM_TITLE_LENGTH,
  MAX_ATTACHMENT_BYTES,
  MAX_DECISION_TEXT_LENGTH,
  MAX_NOTE_LENGTH,
  MAX_URL_LENGTH,
} from "../../domain/treatment-record.js";

/** Base64 of at most MAX_ATTACHMENT_BYTES bytes. */
const MAX_BASE64_LENGTH = Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4;
/** The attachment route's body limit: the base64 file plus room for the name and the flags. */
export const ATTACHMENT_BODY_LIMIT = MAX_BASE64_LENGTH + 64 * 1024;

export const MeetingBody = Closed(
  {
    bodyId: Type.String({ maxLength: 60, description: "Organets id på kommunens liste (GET …/bodies), fx byraadet" }),
    date: Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$", description: "Dato, fx 2025-09-24" }),
    agendaItemNumber: Type.Optional(
      Nullable(Type.String({ maxLength: MAX_AGENDA_ITEM_NUMBER_LENGTH }), { description: "Punktets nummer på dagsordenen, fx 42" }),
    ),
    agendaItemTitle: Type.String({ maxLength: MAX_AGENDA_ITEM_TITLE_LENGTH }),
    role: Type.Enum(MEETING_ROLES, { description: "decision: beslutning; recommendation: indstilling; consultation: høring" }),
    state: Type.Enum(MEETING_STATES, { description: "planned: planlagt; held: holdt" }),
    outcome: Type.Optional(
      Nullable(Type.Enum(MEETING_OUTCOMES), {
        description: "Kun for et holdt møde: concluded (behandlet, standard), sent-back (sendt tilbage), postponed (udsat)",
      }),
    ),
    decisionText: Type.Optional(
      Nullable(Type.String({ maxLength: MAX_DECISION_TEXT_LENGTH }), { description: "Beslutningen som i referatet; et CPR-nummer afvises" }),
    ),
    minutesUrl: Type.Optional(Nullable(Type.String({ maxLength: MAX_URL_LENGTH }), { description: "Link til det offentliggjorte referat (https://…)" })),
  },
  { description: "Et møde i behandlingen af kortet", $id: "MeetingBody" },
);

export const AttachmentBody = Closed(
  {
    fileName: Type.String({ maxLength: 1000 }),
    contentBase64: Type.String({
      maxLength: MAX_BASE64_LENGTH,
      description: `Filen som base64: PDF, DOCX eller HTML, højst ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`,
    }),
    isPublic: Type.Boolean({ description: "false: kun kommunens egne brugere, tilsyn og administrator kan hente den" }),
  },
  { $id: "AttachmentBody" },
);

export const AttachmentVisibilityBody = Closed({ isPublic: Type.Boolean() }, { $id: "AttachmentVisibilityBody" });

export const PlanDecisionBody = Closed(
  {
    decision: Type.Enum(ACTION_PLAN_DECISIONS, { description: "yes: ja; no: nej; not-relevant: ikke relevant" }),
    ankestyrelsenNotifiedOn: Type.Optional(
      Nullable(Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$", description: "Dato, fx 2025-09-24" }), {
        description: "Kun ved nej: datoen, Ankestyrelsen blev underrettet (§ 79 b, stk. 2)",
      }),
    ),
  },
  { $id: "PlanDecisionBody" },
);

export const OrderBody = Closed(
  {
    orderedOn: Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$", description: "Dato, fx 2025-09-24" }),
    deadline: Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$", description: "Dato, fx 2025-09-24" }),
    note: Type.Optional(Nullable(Type.String({ maxLength: MAX_NOTE_LENGTH }))),
  },
  { $id: "OrderBody" },
);

export const BodyListBody = Closed(
  {
    bodies: Type.Array(Closed({ name: Type.String({ maxLength: MAX_BODY_NAME_LENGTH }), kind: Type.Enum(BODY_KINDS) }), {
      maxItems: MAX_BODIES,
      description: "Hele listen i den rækkefølge, formularen skal vise den; præcis ét organ af slagsen council",
    }),
  },
  { $id: "BodyListBody" },
);

export const LegalRuleBody = Closed(
  {
    validFrom: Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$", description: "Dato, fx 2025-09-24" }),
    validTo: Type.Optional(Nullable(Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$", description: "Dato, fx 2025-09-24" }))),
    summary: Type.String({ maxLength: 2000 }),
    source: Type.String({ maxLength: 500, description: "Hvad ændringen bygger på (adresse eller dokument)" }),
  },
  { $id: "LegalRuleBody" },
);

export const BodyList = Closed(
  {
    municipalityCode: Type.String({ pattern: "^\\d{4}$", description: "Kommunekode, fx 0657" }),
    isDefault: Type.Boolean({ description: "true: kommunen har ikke selv rettet listen endnu" }),
    bodies: Type.Array(Closed({ id: Type.String(), name: Type.String(), kind: Type.Enum(BODY_KINDS), kindDa: Type.String() })),
  },
  { $id: "BodyList" },
);

export const Attachment = Closed(
  {
    id: Type.String(),
    fileName: Type.String(),
    mediaType: Type.String(),
    sizeBytes: Type.Integer(),
    sha256: Type.String(),
    isPublic: Type.Boolean(),
    uploadedAt: Type.String({ format: "date-time" }),
    url: Type.String({ description: "Hent filen her" }),
  },
  { $id: "Attachment" },
);

export const Meeting = Closed(
  {
    id: Type.String(),
    body: Closed({ id: Type.String(), name: Type.String(), kind: Type.Enum(BODY_KINDS) }),
    date: Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$", description: "Dato, fx 2025-09-24" }),
    agendaItemNumber: Nullable(Type.String()),
    agendaItemTitle: Type.String(),
    role: Type.Enum(MEETING_ROLES),
    roleDa: Type.String(),
    state: Type.Enum(MEETING_STATES),
    stateDa: Type.String(),
    outcome: Nullable(Type.Enum(MEETING_OUTCOMES)),
    outcomeDa: Nullable(Type.String()),
    decisionText: Nullable(Type.String()),
    minutesUrl: Nullable(Type.String()),
    attachments: Type.Array(Ref(Attachment), { description: "Ikke-offentlige bilag kun for kommunens egne brugere, tilsyn og administrator" }),
    updatedAt: Type.String({ format: "date-time" }),
  },
  { $id: "Meeting" },
);

export const LegalRule = Closed(
  {
    id: Type.String(),
    provision: Type.String(),
    validFrom: Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$", description: "Dato, fx 2025-09-24" }),
    validTo: Nullable(Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$", description: "Dato, fx 2025-09-24" })),
    summary: Type.String(),
    source: Type.String(),
    origin: Type.Enum(["default", "edited"], { description: "default: produktets standard; edited: rettet af en administrator" }),
    editedAt: Nullable(Type.String({ format: "date-time" })),
    editedBy: Nullable(Type.String()),
  },
  { $id: "LegalRule" },
);

export const LegalRules = Closed({ rules: Type.Array(Ref(LegalRule)) }, { $id: "LegalRules" });

export const TreatmentRecord = Closed(
  {
    municipalityCode: Type.String({ pattern: "^\\d{4}$", description: "Kommunekode, fx 0657" }),
    municipalityName: Type.String(),
    dataYear: Type.Integer(),
    publishedOn: Nullable(Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$", description: "Dato, fx 2025-09-24" })),
    deadline: Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$", description: "31. december i offentliggørelsesåret (§ 79 b, stk. 1)" }),
    council: Type.String({ description: "Kommunalbestyrelsens navn på kommunens liste, fx Byrådet" }),
    status: Closed({
      kind: Type.Enum(["treated", "pending", "overdue"]),
      sentence: Type.String({ description: 'Fx "Byrådet behandlede kortet den 24. september 2025."' }),
      notes: Type.Array(Type.String()),
    }),
    actionPlan: Closed({
      applies: Type.Boolean({ description: "Om § 79 b, stk. 2–3 gælder for året (daterede regler, se rules)" }),
      kind: Type.Enum(["not-applicable", "missing", "decided"]),
      sentence: Type.String(),
      notes: Type.Array(Type.String()),
      decision: Nullable(
        Closed({
          decision: Type.Enum(ACTION_PLAN_DECISIONS),
          decisionDa: Type.String(),
          ankestyrelsenNotifiedOn: Nullable(Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$", description: "Dato, fx 2025-09-24" })),
          updatedAt: Type.String({ format: "date-time" }),
        }),
      ),
      order: Nullable(
        Closed({
          orderedOn: Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$", description: "Dato, fx 2025-09-24" }),
          deadline: Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$", description: "Dato, fx 2025-09-24" }),
          note: Nullable(Type.String()),
          recordedAt: Type.String({ format: "date-time" }),
        }),
        { description: "Ankestyrelsens påbud (§ 79 b, stk. 3)" },
      ),
    }),
    meetings: Type.Array(Ref(Meeting)),
    hiddenAttachments: Type.Integer({ minimum: 0, description: "Bilag, der ikke er offentlige og derfor ikke vises for den, der spørger" }),
    rules: Type.Array(Ref(LegalRule)),
  },
  { $id: "TreatmentRecord" },
);

export const TreatmentHistory = Closed(
  { municipalityCode: Type.String({ pattern: "^\\d{4}$", description: "Kommunekode, fx 0657" }), records: Type.Array(Ref(TreatmentRecord)) },
  { $id: "TreatmentHistory" },
);

export const Deleted = Closed({ deleted: Type.Boolean() }, { $id: "Deleted" });

export const TREATMENT_SCHEMAS = {
  MeetingBody,
  AttachmentBody,
  AttachmentVisibilityBody,
  PlanDecisionBody,
  OrderBody,
  BodyListBody,
  LegalRuleBody,
  BodyList,
  Attachment,
  Meeting,
  LegalRule,
  LegalRules,
  TreatmentRecord,
  TreatmentHistory,
  Deleted,
} as const;
