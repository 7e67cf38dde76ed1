import { Type } from "typebox";
import { Closed, Nullable, Ref } from "./schema-kit.js";
import { DatasetVersion, ReasonCode, ReasonDa } from "./figures.js";
import { NO_DATA_REASON_CODES, NOT_COMPARABLE_REASON_CODES } from "../../domain/missing-reason.js";
import { ACTION_PLAN_LIMITS as L, ACTION_STATUSES } from "../../domain/action-plan/action-plan.js";
import { AREAS, MAP_IDS } from "../../domain/map-definition.js";
import { FUNNEL_VERDICTS } from "../../domain/statistics/funnel-limits.js";

/**
 * The action plans under /api/v1 (issue 13, item 5): bodies and answers as TypeBox schemas.
 */

export const ActionPlanError = Closed(
  {
    error: Type.String(),
    message: Type.String({ description: "Dansk forklaring" }),
    issues: Type.Optional(Type.Array(Closed({ field: Type.String({ description: "Fx goal, actions.0.dueDate, focusAreas.1" }), messageDa: Type.String() }))),
  },
  { $id: "ActionPlanError" },
);

export const ActionPlanBody = Closed(
  {
    title: Type.String({ maxLength: L.titleChars }),
    basisDecision: Type.Optional(Type.String({ maxLength: L.basisDecisionChars, description: "Beslutningen, planen bygger på, fx udvalg og dato" })),
    dataYears: Type.Array(Type.Integer({ minimum: 2016, maximum: 2100 }), {
      minItems: 1,
      maxItems: L.dataYears,
      description: "De dataår, hvis kort planen svarer på",
    }),
    followUpFrom: Type.Optional(
      Type.Integer({ minimum: 2016, maximum: 2100, description: "Det første dataår i opfølgningen (standard: to år før planens første dataår)" }),
    ),
    goal: Type.String({ maxLength: L.goalChars }),
    actions: Type.Optional(
      Type.Array(
        Closed({
          text: Type.String({ maxLength: L.actionTextChars }),
          owner: Type.Optional(Type.String({ maxLength: L.ownerChars, description: "Den ansvarlige: afdeling eller rolle" })),
          dueDate: Type.Optional(Nullable(Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$" }), { description: "Frist (ÅÅÅÅ-MM-DD), eller null" })),
          status: Type.Enum(ACTION_STATUSES),
        }),
        { maxItems: L.actions },
      ),
    ),
    focusAreas: Type.Array(
      Type.Union([
        Closed({
          kind: Type.Literal("group"),
          groupId: Type.String({ maxLength: 100, description: "En paragrafgruppe, fx sel-95, sel-96, sel-107-108 (se /api/v1/action-plan-focus-areas)" }),
        }),
        Closed({
          kind: Type.Literal("subject"),
          subject: Type.String({
            maxLength: L.subjectChars,
            description: "Et sagsemne, som det står i Ankestyrelsens tal; matcher sagsemner med samme lov og paragraffer",
          }),
          law: Type.String({ maxLength: 100, description: "Lovgivning, fx Serviceloven eller Barnets lov" }),
        }),
        Closed({ kind: Type.Literal("map"), map: Type.Enum(MAP_IDS), area: Type.Enum(AREAS) }),
      ]),
      { minItems: 1, maxItems: L.focusAreas },
    ),
    evaluations: Type.Optional(
      Type.Array(Closed({ year: Type.Integer({ minimum: 2016, maximum: 2100 }), text: Type.String({ maxLength: L.evaluationChars }) }), { maxItems: 20 }),
    ),
    status: Type.Enum(["draft", "published"], { description: "draft: kun kommunens egne brugere ser den; published: offentlig" }),
  },
  {
    description:
      "En handleplan. Alle fritekstfelter kontrolleres for CPR-numre; et CPR-nummer afvises, og intet gemmes. Tallene skrives aldrig: opfølgningen beregnes af de aktive datasætversioner.",
    $id: "ActionPlanBody",
  },
);

export const FollowUpFigures = Closed(
  {
    kind: Type.Enum(["estimate", "no-cases", "no-data"], {
      description: "no-cases: ingen realitetsbehandlede sager; no-data: ingen data for året (se reasonDa og reasonCode)",
    }),
    decided: Type.Optional(Type.Integer({ minimum: 0, description: "Realitetsbehandlede sager = upheld + changed + remitted" })),
    upheld: Type.Optional(Type.Integer({ minimum: 0 })),
    changed: Type.Optional(Type.Integer({ minimum: 0 })),
    remitted: Type.Optional(Type.Integer({ minimum: 0 })),
    rejected: Type.Optional(Type.Integer({ minimum: 0, description: "Afviste sager; indgår ikke i nævneren" })),
    reversed: Type.Optional(Type.Integer({ minimum: 0, description: "Omgjorte sager = changed + remitted" })),
    reversalRate: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    changedRate: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    remittedRate: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    upheldRate: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    ci95: Type.Optional(Type.Array(Type.Number(), { minItems: 2, maxItems: 2, description: "95 %-interval (Wilson) for reversalRate, [nedre, øvre]" })),
    reasonDa: Type.Optional(ReasonDa("Ved no-data: hvorfor der ingen tal er")),
    reasonCode: Type.Optional(ReasonCode(NO_DATA_REASON_CODES, "Ved no-data: samme grund som reasonDa, som fast kode")),
  },
  { description: "Tal for fokusområdet i ét år, som i kortenes tal: andele som brøker 0–1, uafrundede", $id: "FollowUpFigures" },
);

export const FollowUpYear = Closed(
  {
    year: Type.Integer(),
    role: Type.Enum(["basis", "follow-up"], { description: "basis: et år til og med planens sidste dataår; follow-up: et år efter" }),
    municipality: Ref(FollowUpFigures),
    national: Ref(FollowUpFigures, { description: "Landsplan for samme fokusområde: summen over de 98 kommuner" }),
    verdict: Nullable(Type.Enum(FUNNEL_VERDICTS), { description: "Kortenes vurdering mod landsplan (tragtplottets regel); null: ikke vurderet" }),
    verdictDa: Type.String(),
    change: Type.Union([
      Closed({
        kind: Type.Literal("change"),
        previousYear: Type.Integer(),
        difference: Type.Number({ description: "Ændring i omgørelsesprocent som brøk (0,05 = 5 procentpoint)" }),
        ci95: Type.Array(Type.Number(), { minItems: 2, maxItems: 2 }),
        verdict: Type.Enum(["increase", "decrease", "no-clear-change"]),
      }),
      Closed({
        kind: Type.Literal("not-comparable"),
        previousYear: Type.Integer(),
        reasonDa: ReasonDa("Hvorfor de to år ikke kan sammenlignes"),
        reasonCode: ReasonCode(NOT_COMPARABLE_REASON_CODES),
      }),
      Type.Null(),
    ]),
    revised: Nullable(Ref(FollowUpFigures), {
      description: "Et nyere udtræks tal for kommunen, når året vises med det offentliggjorte kort og Ankestyrelsen siden har revideret",
    }),
    matchedSubjects: Type.Array(
      Closed({ subject: Type.String(), law: Type.String(), municipalityDecided: Type.Integer({ minimum: 0 }), nationalDecided: Type.Integer({ minimum: 0 }) }),
      { description: "De sagsemner, der indgår i fokusområdet i året, med realitetsbehandlede sager i kommunen og i hele landet" },
    ),
    judgementDa: Type.String({ description: "Vurderingen med ord, altid med antal sager" }),
  },
  { $id: "FollowUpYear" },
);

/** A focus area as the answers give it: its kind, what it points at, and its Danish name. */
const FOCUS_AREA_ANSWER = Type.Union([
  Closed({
    kind: Type.Literal("group"),
    groupId: Type.String({ maxLength: 100, description: "En paragrafgruppe, fx sel-95, sel-96, sel-107-108 (se /api/v1/action-plan-focus-areas)" }),
    nameDa: Type.String(),
  }),
  Closed({
    kind: Type.Literal("subject"),
    subject: Type.String({
      maxLength: 300,
      description: "Et sagsemne, som det står i Ankestyrelsens tal; matcher sagsemner med samme lov og paragraffer",
    }),
    law: Type.String({ maxLength: 100, description: "Lovgivning, fx Serviceloven eller Barnets lov" }),
    nameDa: Type.String(),
  }),
  Closed({ kind: Type.Literal("map"), map: Type.Enum(MAP_IDS), area: Type.Enum(AREAS), nameDa: Type.String() }),
]);

export const FocusAreaFollowUp = Closed(
  {
    key: Type.String(),
    nameDa: Type.String(),
    focusArea: Nullable(
      FOCUS_AREA_ANSWER,
      { description: "null: alle fokusområder samlet, hver sag én gang" },
    ),
    years: Type.Array(Ref(FollowUpYear)),
  },
  { $id: "FocusAreaFollowUp" },
);

export const ActionPlan = Closed(
  {
    id: Type.Integer(),
    municipalityCode: Type.String({ pattern: "^\\d{4}$", description: "Kommunekode, fx 0657" }),
    title: Type.String(),
    basisDecision: Type.String(),
    dataYears: Type.Array(Type.Integer()),
    followUpFrom: Type.Integer(),
    goal: Type.String(),
    status: Type.Enum(["draft", "published"]),
    createdAt: Type.String({ format: "date-time" }),
    updatedAt: Type.String({ format: "date-time" }),
    actions: Type.Array(
      Closed({
        text: Type.String(),
        owner: Type.String(),
        dueDate: Nullable(Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$" })),
        status: Type.Enum(ACTION_STATUSES),
        statusDa: Type.String(),
      }),
    ),
    focusAreas: Type.Array(
      FOCUS_AREA_ANSWER,
    ),
    evaluations: Type.Array(Closed({ year: Type.Integer(), text: Type.String() })),
    followUp: Closed({
      years: Type.Array(Type.Integer()),
      areas: Type.Array(Ref(FocusAreaFollowUp)),
      combined: Nullable(Ref(FocusAreaFollowUp), { description: "Alle fokusområder samlet (kun ved flere end ét)" }),
    }),
    datasetVersions: Type.Array(Ref(DatasetVersion), { description: "Versionen bag hvert år i opfølgningen" }),
    isDemo: Type.Boolean(),
  },
  { description: "En handleplan med opfølgningen beregnet af de aktive datasætversioner", $id: "ActionPlan" },
);

export const ActionPlans = Closed(
  {
    municipalityCode: Type.String({ pattern: "^\\d{4}$", description: "Kommunekode, fx 0657" }),
    municipalityName: Type.String(),
    plans: Type.Array(Ref(ActionPlan)),
    includesDrafts: Type.Boolean({ description: "true: kladder er med (API-nøgle fra kommunens egne brugere, tilsyn eller administrator)" }),
  },
  { $id: "ActionPlans" },
);

export const FocusAreaGroups = Closed(
  {
    groups: Type.Array(
      Closed({
        id: Type.String(),
        nameDa: Type.String(),
        map: Type.Enum(MAP_IDS),
        noteDa: Type.Optional(Type.String()),
        rules: Type.Array(
          Closed({
            law: Type.String(),
            paragraphs: Type.Array(Type.String()),
            validFrom: Type.Integer(),
            validTo: Nullable(Type.Integer()),
            source: Type.String(),
          }),
        ),
      }),
    ),
  },
  { $id: "FocusAreaGroups" },
);

export const ACTIONPLANS_SCHEMAS = {
  ActionPlanError,
  ActionPlanBody,
  FollowUpFigures,
  FollowUpYear,
  FocusAreaFollowUp,
  ActionPlan,
  ActionPlans,
  FocusAreaGroups,
} as const;
