import { Type } from "typebox";
import { Closed, Nullable } from "./schema-kit.js";
import { MAX_AREA_LENGTH, MAX_SUBJECT_AREA_ROWS, MAX_SUBJECT_LENGTH } from "../../domain/subject-area-table.js";

/**
 * The subject → area table under /api/v1 (issue 16, point 4): body and answer as TypeBox schemas.
 */
// enums:

/** One row of the table: a subject label and the municipality's area it belongs to. */
const SUBJECT_AREA_ROW = Closed({
  subject: Type.String({
    maxLength: MAX_SUBJECT_LENGTH,
    description: "Sagsemnet som Ankestyrelsen skriver det, fx Merudgiftydelse §41 + tilbagebetaling",
  }),
  area: Type.String({ maxLength: MAX_AREA_LENGTH, description: "Kommunens område/afdeling; tom: sagsemnet er ikke placeret" }),
});

export const SubjectAreaTableBody = Closed(
  {
    rows: Type.Array(
      SUBJECT_AREA_ROW,
      { maxItems: MAX_SUBJECT_AREA_ROWS, description: "Hele tabellen; et sagsemne, der ikke står her, er ikke placeret" },
    ),
  },
  { $id: "SubjectAreaTableBody" },
);

export const SubjectAreaTable = Closed(
  {
    municipalityCode: Type.String({ pattern: "^\\d{4}$", description: "Kommunekode, fx 0657" }),
    rows: Type.Array(
      SUBJECT_AREA_ROW,
    ),
    departments: Type.Array(Type.String(), { description: "Kommunens liste over afdelinger; når den findes, skal hvert område stå på den" }),
    subjects: Type.Array(
      Closed({ subject: Type.String(), law: Type.String(), years: Type.Array(Type.Integer()), decided: Type.Integer(), area: Nullable(Type.String()) }),
      { description: "Sagsemnerne, kommunen har sager under i de indlæste år, med de realitetsbehandlede sager i alt" },
    ),
  },
  { $id: "SubjectAreaTable" },
);

export const SUBJECTAREAS_SCHEMAS = { SubjectAreaTableBody, SubjectAreaTable } as const;
