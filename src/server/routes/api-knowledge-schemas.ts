import { KNOWLEDGE_OUTCOMES, NEW_DECISION_RESULTS } from "../../domain/knowledge/knowledge-entry.js";

const date = { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" } as const;

/** A knowledge-bank entry as the API writes it (the same fields the form and the spreadsheet have). */
export const KnowledgeEntryBody = {
  type: "object",
  required: ["decisionDate", "outcome", "subject"],
  additionalProperties: false,
  properties: {
    decisionDate: { ...date, description: "Ankestyrelsens afgørelsesdato" },
    dataYear: { type: "integer", description: "Dataåret sagen tæller i; standard: afgørelsens år" },
    outcome: { type: "string", enum: [...KNOWLEDGE_OUTCOMES], description: "changed = ændret, annulled = ophævet, remitted = hjemvist, partly-reversed = delvist omgjort, upheld = stadfæstet" },
    law: { type: "string", maxLength: 200 },
    subject: { type: "string", maxLength: 200, description: "Ankestyrelsens sagsemne" },
    provision: { type: "string", maxLength: 200 },
    department: { type: "string", maxLength: 200, description: "Fra kommunens liste over afdelinger" },
    reasonCodes: { type: "array", items: { type: "string" }, maxItems: 20, description: "Koder fra årsagslisten (fx sagsoplysning, begrundelse)" },
    summary: { type: "string", maxLength: 4000 },
    learningPoint: { type: "string", maxLength: 4000 },
    links: { type: "array", items: { type: "string" }, maxItems: 10 },
    caseReference: { type: "string", maxLength: 200, description: "Kommunens interne sagsreference; aldrig et CPR-nummer" },
    newDecision: {
      type: ["object", "null"],
      required: ["result"],
      additionalProperties: false,
      properties: { result: { type: "string", enum: [...NEW_DECISION_RESULTS] }, date: { anyOf: [date, { type: "null" }] } },
    },
    status: { type: "string", enum: ["draft", "approved"] },
  },
} as const;

