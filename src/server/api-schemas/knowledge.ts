import { Type } from "typebox";
import { Closed, Nullable } from "./schema-kit.js";
import { KNOWLEDGE_OUTCOMES, NEW_DECISION_RESULTS } from "../../domain/knowledge/knowledge-entry.js";

/**
 * A knowledge-bank entry as the API writes it (issue 14): the same fields the form and the spreadsheet have.
 */

export const KnowledgeEntryBody = Closed(
  {
    decisionDate: Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$", description: "Ankestyrelsens afgørelsesdato" }),
    dataYear: Type.Optional(Type.Integer({ description: "Dataåret sagen tæller i; standard: afgørelsens år" })),
    outcome: Type.Enum(KNOWLEDGE_OUTCOMES, {
      description: "changed = ændret, annulled = ophævet, remitted = hjemvist, partly-reversed = delvist omgjort, upheld = stadfæstet",
    }),
    law: Type.Optional(Type.String({ maxLength: 200 })),
    subject: Type.String({ maxLength: 200, description: "Ankestyrelsens sagsemne" }),
    provision: Type.Optional(Type.String({ maxLength: 200 })),
    department: Type.Optional(Type.String({ maxLength: 200, description: "Fra kommunens liste over afdelinger" })),
    reasonCodes: Type.Optional(Type.Array(Type.String(), { maxItems: 20, description: "Koder fra årsagslisten (fx sagsoplysning, begrundelse)" })),
    summary: Type.Optional(Type.String({ maxLength: 4000 })),
    learningPoint: Type.Optional(Type.String({ maxLength: 4000 })),
    links: Type.Optional(Type.Array(Type.String(), { maxItems: 10 })),
    caseReference: Type.Optional(Type.String({ maxLength: 200, description: "Kommunens interne sagsreference; aldrig et CPR-nummer" })),
    newDecision: Type.Optional(
      Nullable(Closed({ result: Type.Enum(NEW_DECISION_RESULTS), date: Type.Optional(Nullable(Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$" }))) })),
    ),
    status: Type.Optional(Type.Enum(["draft", "approved"])),
  },
  { $id: "KnowledgeEntryBody" },
);

export const KNOWLEDGE_SCHEMAS = { KnowledgeEntryBody } as const;
