import { ACTION_PLAN_LIMITS, ACTION_STATUSES } from "../../domain/action-plan/action-plan.js";
import { AREAS, MAP_IDS } from "../../domain/map-definition.js";
import { FUNNEL_VERDICTS } from "../../domain/statistics/funnel-limits.js";

/**
 * The action plans' bodies and answers under /api/v1 as JSON Schema (issue 13, item 5): Fastify checks each
 * request body against them, and openapi.ts publishes the same objects with the paths below, so the
 * document and the check cannot differ.
 */
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` }) as const;
const code = { type: "string", pattern: "^\\d{4}$", description: "Kommunekode, fx 0657" } as const;
const timestamp = { type: "string", format: "date-time" } as const;
const isoDate = { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" } as const;
const dataYear = { type: "integer", minimum: 2016, maximum: 2100 } as const;
const count = { type: "integer", minimum: 0 } as const;
const fraction = { type: "number", minimum: 0, maximum: 1 } as const;
const L = ACTION_PLAN_LIMITS;

function closed(required: readonly string[], properties: Record<string, unknown>, description?: string) {
  return { type: "object", required, properties, additionalProperties: false, ...(description ? { description } : {}) } as const;
}

const groupArea = closed(["kind", "groupId"], { kind: { const: "group" }, groupId: { type: "string", maxLength: 100, description: "En paragrafgruppe, fx sel-95, sel-96, sel-107-108 (se /api/v1/action-plan-focus-areas)" } });
const subjectArea = closed(["kind", "subject", "law"], {
  kind: { const: "subject" },
  subject: { type: "string", maxLength: L.subjectChars, description: "Et sagsemne, som det står i Ankestyrelsens tal; matcher sagsemner med samme lov og paragraffer" },
  law: { type: "string", maxLength: 100, description: "Lovgivning, fx Serviceloven eller Barnets lov" },
});
const mapArea = closed(["kind", "map", "area"], { kind: { const: "map" }, map: { type: "string", enum: MAP_IDS }, area: { type: "string", enum: AREAS } });

export const FocusAreaBody = { oneOf: [groupArea, subjectArea, mapArea] } as const;

export const ActionPlanBody = closed(
  ["title", "dataYears", "goal", "focusAreas", "status"],
  {
    title: { type: "string", maxLength: L.titleChars },
    basisDecision: { type: "string", maxLength: L.basisDecisionChars, description: "Beslutningen, planen bygger på, fx udvalg og dato" },
    dataYears: { type: "array", items: dataYear, minItems: 1, maxItems: L.dataYears, description: "De dataår, hvis kort planen svarer på" },
    followUpFrom: { ...dataYear, description: "Det første dataår i opfølgningen (standard: to år før planens første dataår)" },
    goal: { type: "string", maxLength: L.goalChars },
    actions: {
      type: "array",
      maxItems: L.actions,
      items: closed(["text", "status"], {
        text: { type: "string", maxLength: L.actionTextChars },
        owner: { type: "string", maxLength: L.ownerChars, description: "Den ansvarlige: afdeling eller rolle" },
        dueDate: { anyOf: [isoDate, { type: "null" }], description: "Frist (ÅÅÅÅ-MM-DD), eller null" },
        status: { type: "string", enum: ACTION_STATUSES },
      }),
    },
    focusAreas: { type: "array", minItems: 1, maxItems: L.focusAreas, items: FocusAreaBody },
    evaluations: { type: "array", maxItems: 20, items: closed(["year", "text"], { year: dataYear, text: { type: "string", maxLength: L.evaluationChars } }) },
    status: { type: "string", enum: ["draft", "published"], description: "draft: kun kommunens egne brugere ser den; published: offentlig" },
  },
  "En handleplan. Alle fritekstfelter kontrolleres for CPR-numre; et CPR-nummer afvises, og intet gemmes. Tallene skrives aldrig: opfølgningen beregnes af de aktive datasætversioner.",
);

const focusAreaRecord = {
  oneOf: [
    { ...groupArea, required: [...groupArea.required, "nameDa"], properties: { ...groupArea.properties, nameDa: { type: "string" } } },
    { ...subjectArea, required: [...subjectArea.required, "nameDa"], properties: { ...subjectArea.properties, nameDa: { type: "string" } } },
    { ...mapArea, required: [...mapArea.required, "nameDa"], properties: { ...mapArea.properties, nameDa: { type: "string" } } },
  ],
} as const;

const FollowUpFigures = closed(
  ["kind"],
  {
    kind: { type: "string", enum: ["estimate", "no-cases", "no-data"], description: "no-cases: ingen realitetsbehandlede sager; no-data: ingen data for året (se reasonDa)" },
    decided: { ...count, description: "Realitetsbehandlede sager = upheld + changed + remitted" },
    upheld: count,
    changed: count,
    remitted: count,
    rejected: { ...count, description: "Afviste sager; indgår ikke i nævneren" },
    reversed: { ...count, description: "Omgjorte sager = changed + remitted" },
    reversalRate: fraction,
    changedRate: fraction,
    remittedRate: fraction,
    upheldRate: fraction,
    ci95: { type: "array", items: { type: "number" }, minItems: 2, maxItems: 2, description: "95 %-interval (Wilson) for reversalRate, [nedre, øvre]" },
    reasonDa: { type: "string" },
  },
  "Tal for fokusområdet i ét år, som i kortenes tal: andele som brøker 0–1, uafrundede",
);

const FollowUpYear = closed(["year", "role", "municipality", "national", "verdict", "verdictDa", "change", "revised", "matchedSubjects", "judgementDa"], {
  year: { type: "integer" },
  role: { type: "string", enum: ["basis", "follow-up"], description: "basis: et år til og med planens sidste dataår; follow-up: et år efter" },
  municipality: ref("FollowUpFigures"),
  national: { ...ref("FollowUpFigures"), description: "Landsplan for samme fokusområde: summen over de 98 kommuner" },
  verdict: { anyOf: [{ type: "string", enum: FUNNEL_VERDICTS }, { type: "null" }], description: "Kortenes vurdering mod landsplan (tragtplottets regel); null: ikke vurderet" },
  verdictDa: { type: "string" },
  change: {
    anyOf: [
      closed(["kind", "previousYear", "difference", "ci95", "verdict"], {
        kind: { const: "change" },
        previousYear: { type: "integer" },
        difference: { type: "number", description: "Ændring i omgørelsesprocent som brøk (0,05 = 5 procentpoint)" },
        ci95: { type: "array", items: { type: "number" }, minItems: 2, maxItems: 2 },
        verdict: { type: "string", enum: ["increase", "decrease", "no-clear-change"] },
      }),
      closed(["kind", "previousYear", "reasonDa"], { kind: { const: "not-comparable" }, previousYear: { type: "integer" }, reasonDa: { type: "string" } }),
      { type: "null" },
    ],
  },
  revised: { anyOf: [ref("FollowUpFigures"), { type: "null" }], description: "Et nyere udtræks tal for kommunen, når året vises med det offentliggjorte kort og Ankestyrelsen siden har revideret" },
  matchedSubjects: {
    type: "array",
    description: "De sagsemner, der indgår i fokusområdet i året, med realitetsbehandlede sager i kommunen og i hele landet",
    items: closed(["subject", "law", "municipalityDecided", "nationalDecided"], { subject: { type: "string" }, law: { type: "string" }, municipalityDecided: count, nationalDecided: count }),
  },
  judgementDa: { type: "string", description: "Vurderingen med ord, altid med antal sager" },
});

const FocusAreaFollowUp = closed(["key", "nameDa", "focusArea", "years"], {
  key: { type: "string" },
  nameDa: { type: "string" },
  focusArea: { anyOf: [focusAreaRecord, { type: "null" }], description: "null: alle fokusområder samlet, hver sag én gang" },
  years: { type: "array", items: ref("FollowUpYear") },
});

export const ActionPlanSchema = closed(
  ["id", "municipalityCode", "title", "basisDecision", "dataYears", "followUpFrom", "goal", "status", "createdAt", "updatedAt", "actions", "focusAreas", "evaluations", "followUp", "datasetVersions", "isDemo"],
  {
    id: { type: "integer" },
    municipalityCode: code,
    title: { type: "string" },
    basisDecision: { type: "string" },
    dataYears: { type: "array", items: { type: "integer" } },
    followUpFrom: { type: "integer" },
    goal: { type: "string" },
    status: { type: "string", enum: ["draft", "published"] },
    createdAt: timestamp,
    updatedAt: timestamp,
    actions: {
      type: "array",
      items: closed(["text", "owner", "dueDate", "status", "statusDa"], {
        text: { type: "string" },
        owner: { type: "string" },
        dueDate: { anyOf: [isoDate, { type: "null" }] },
        status: { type: "string", enum: ACTION_STATUSES },
        statusDa: { type: "string" },
      }),
    },
    focusAreas: { type: "array", items: focusAreaRecord },
    evaluations: { type: "array", items: closed(["year", "text"], { year: { type: "integer" }, text: { type: "string" } }) },
    followUp: closed(["years", "areas", "combined"], {
      years: { type: "array", items: { type: "integer" } },
      areas: { type: "array", items: ref("FocusAreaFollowUp") },
      combined: { anyOf: [ref("FocusAreaFollowUp"), { type: "null" }], description: "Alle fokusområder samlet (kun ved flere end ét)" },
    }),
    datasetVersions: { type: "array", items: ref("DatasetVersion"), description: "Versionen bag hvert år i opfølgningen" },
    isDemo: { type: "boolean" },
  },
  "En handleplan med opfølgningen beregnet af de aktive datasætversioner",
);

export const ActionPlansResponse = closed(["municipalityCode", "municipalityName", "plans", "includesDrafts"], {
  municipalityCode: code,
  municipalityName: { type: "string" },
  plans: { type: "array", items: ref("ActionPlan") },
  includesDrafts: { type: "boolean", description: "true: kladder er med (API-nøgle fra kommunens egne brugere, tilsyn eller administrator)" },
});

export const FocusAreaGroupsResponse = closed(["groups"], {
  groups: {
    type: "array",
    items: closed(["id", "nameDa", "map", "rules"], {
      id: { type: "string" },
      nameDa: { type: "string" },
      map: { type: "string", enum: MAP_IDS },
      noteDa: { type: "string" },
      rules: {
        type: "array",
        items: closed(["law", "paragraphs", "validFrom", "validTo", "source"], {
          law: { type: "string" },
          paragraphs: { type: "array", items: { type: "string" } },
          validFrom: { type: "integer" },
          validTo: { type: ["integer", "null"] },
          source: { type: "string" },
        }),
      },
    }),
  },
});

/** A 400 on a plan: the first problem as the message, and every problem on its field. */
export const ActionPlanErrorSchema = closed(["error", "message"], {
  error: { type: "string" },
  message: { type: "string", description: "Dansk forklaring" },
  issues: { type: "array", items: closed(["field", "messageDa"], { field: { type: "string", description: "Fx goal, actions.0.dueDate, focusAreas.1" }, messageDa: { type: "string" } }) },
});

export const ACTION_PLAN_SCHEMAS = {
  ActionPlanError: ActionPlanErrorSchema,
  ActionPlanBody,
  ActionPlan: ActionPlanSchema,
  ActionPlans: ActionPlansResponse,
  FocusAreaGroups: FocusAreaGroupsResponse,
  FollowUpFigures,
  FollowUpYear,
  FocusAreaFollowUp,
} as const;

const json = (schema: unknown, description: string) => ({ description, content: { "application/json": { schema } } }) as const;
const error = json(ref("ApiError"), "Fejl med en fast kode og en dansk forklaring");
const codePath = { name: "code", in: "path", required: true, schema: code } as const;
const idPath = { name: "id", in: "path", required: true, schema: { type: "integer" }, description: "Handleplanens nummer" } as const;
const planError = json(ref("ActionPlanError"), "Handleplanen kan ikke gemmes: alle problemer med deres felt");
const bearer = [{ apiToken: [] }] as const;
const body = { required: true, content: { "application/json": { schema: ref("ActionPlanBody") } } } as const;

export const ACTION_PLAN_PATHS = {
  "/api/v1/action-plan-focus-areas": {
    get: { summary: "Paragrafgrupperne, en handleplan kan have som fokusområder, med deres daterede regler og kilder", responses: { "200": json(ref("FocusAreaGroups"), "Grupperne") } },
  },
  "/api/v1/municipalities/{code}/action-plans": {
    get: {
      summary: "Kommunens handleplaner med opfølgningen beregnet af tallene: pr. fokusområde og år sager, omgjorte, ændrede, hjemviste, procent med 95 %-interval, landsplan og vurdering",
      parameters: [codePath],
      responses: { "200": json(ref("ActionPlans"), "Handleplanerne; kladder kun med en API-nøgle fra kommunens egne brugere (og tilsyn/administrator)"), "404": error },
    },
    post: {
      summary: "Opret en handleplan (kun kommunens redaktører); et CPR-nummer i et felt afvises, og intet gemmes",
      security: bearer,
      parameters: [codePath],
      requestBody: body,
      responses: { "201": json(ref("ActionPlan"), "Den oprettede handleplan med opfølgning"), "400": planError, "401": error, "403": error, "404": error },
    },
  },
  "/api/v1/municipalities/{code}/action-plans/{id}": {
    get: { summary: "Én handleplan med opfølgning", parameters: [codePath, idPath], responses: { "200": json(ref("ActionPlan"), "Handleplanen"), "400": error, "404": error } },
    put: {
      summary: "Erstat en handleplans indhold (kun kommunens redaktører)",
      security: bearer,
      parameters: [codePath, idPath],
      requestBody: body,
      responses: { "200": json(ref("ActionPlan"), "Den gemte handleplan med opfølgning"), "400": planError, "401": error, "403": error, "404": error },
    },
    delete: {
      summary: "Slet en handleplan (kun kommunens redaktører); sletningen står i revisionssporet",
      security: bearer,
      parameters: [codePath, idPath],
      responses: { "200": json(closed(["deleted"], { deleted: { const: true } }), "Slettet"), "400": error, "401": error, "403": error, "404": error },
    },
  },
} as const;
