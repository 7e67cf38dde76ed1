import { Type } from "typebox";
import { Closed } from "./schema-kit.js";

/**
 * A municipality's own Word template under /api/v1 (issue 16, point 2), as a TypeBox schema.
 */
// enums:

export const DocxTemplate = Closed(
  {
    municipalityCode: Type.String({ pattern: "^\\d{4}$", description: "Kommunekode, fx 0657" }),
    fileName: Type.String(),
    sizeBytes: Type.Integer(),
    sha256: Type.String(),
    placeholders: Type.Array(Type.String(), { description: "Pladsholderne, skabelonen bruger, fx titel og @indhold" }),
    uploadedAt: Type.String({ format: "date-time" }),
  },
  { $id: "DocxTemplate" },
);

export const DOCXTEMPLATE_SCHEMAS = { DocxTemplate } as const;
