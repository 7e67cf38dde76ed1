import { MAX_AREA_LENGTH, MAX_SUBJECT_AREA_ROWS, MAX_SUBJECT_LENGTH } from "../../domain/subject-area-table.js";

/**
 * The subject → area table's /api/v1 body and answer as JSON Schema (issue 16, point 4): Fastify checks
 * the body against them, and openapi.ts publishes the same objects, so the document and the check agree.
 */
const code = { type: "string", pattern: "^\\d{4}$", description: "Kommunekode, fx 0657" } as const;

const row = {
  type: "object",
  required: ["subject", "area"],
  additionalProperties: false,
  properties: {
    subject: { type: "string", maxLength: MAX_SUBJECT_LENGTH, description: "Sagsemnet som Ankestyrelsen skriver det, fx Merudgiftydelse §41 + tilbagebetaling" },
    area: { type: "string", maxLength: MAX_AREA_LENGTH, description: "Kommunens område/afdeling; tom: sagsemnet er ikke placeret" },
  },
} as const;

export const SubjectAreaTableBody = {
  type: "object",
  required: ["rows"],
  additionalProperties: false,
  properties: { rows: { type: "array", maxItems: MAX_SUBJECT_AREA_ROWS, items: row, description: "Hele tabellen; et sagsemne, der ikke står her, er ikke placeret" } },
} as const;

export const SubjectAreaTableSchema = {
  type: "object",
  required: ["municipalityCode", "rows", "departments", "subjects"],
  additionalProperties: false,
  properties: {
    municipalityCode: code,
    rows: { type: "array", items: row },
    departments: { type: "array", items: { type: "string" }, description: "Kommunens liste over afdelinger; når den findes, skal hvert område stå på den" },
    subjects: {
      type: "array",
      description: "Sagsemnerne, kommunen har sager under i de indlæste år, med de realitetsbehandlede sager i alt",
      items: {
        type: "object",
        required: ["subject", "law", "years", "decided", "area"],
        additionalProperties: false,
        properties: { subject: { type: "string" }, law: { type: "string" }, years: { type: "array", items: { type: "integer" } }, decided: { type: "integer" }, area: { anyOf: [{ type: "string" }, { type: "null" }] } },
      },
    },
  },
} as const;

export const SUBJECT_AREA_SCHEMAS = { SubjectAreaTableBody, SubjectAreaTable: SubjectAreaTableSchema } as const;

const ref = (name: keyof typeof SUBJECT_AREA_SCHEMAS | "ApiError") => ({ $ref: `#/components/schemas/${name}` }) as const;
const json = (schema: unknown, description: string) => ({ description, content: { "application/json": { schema } } }) as const;
const error = json(ref("ApiError"), "Fejl med en fast kode og en dansk forklaring");
const codePath = { name: "code", in: "path", required: true, schema: code } as const;

export const SUBJECT_AREA_PATHS = {
  "/api/v1/municipalities/{code}/subject-areas": {
    get: {
      summary: "Kommunens områdetabel: hvilket af kommunens områder hvert sagsemne hører til (grupperer alle klagesager i dagsordenpunktet)",
      parameters: [codePath],
      responses: { "200": json(ref("SubjectAreaTable"), "Tabellen med kommunens sagsemner og afdelinger"), "404": error },
    },
    put: {
      summary: "Erstat kommunens områdetabel (kun kommunens redaktører); et område skal stå på kommunens liste over afdelinger, når den findes",
      security: [{ apiToken: [] }],
      parameters: [codePath],
      requestBody: { required: true, content: { "application/json": { schema: ref("SubjectAreaTableBody") } } },
      responses: { "200": json(ref("SubjectAreaTable"), "Den gemte tabel"), "400": error, "401": error, "403": error, "404": error },
    },
  },
} as const;
