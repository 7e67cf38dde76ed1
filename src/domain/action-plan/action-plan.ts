import type { MunicipalityCode } from "../municipality.js";
import { focusAreaKey, focusAreaProblemDa, type FocusArea } from "./focus-area.js";
import { isIsoDate } from "../iso-date.js";

/**
 * A municipality's action plan (handleplan) after the map (retssikkerhedsloven § 79 b stk. 2–3; domain.md
 * §6.4; seed handleplan-danmarkskort-2021-handicap-psykiatri.txt): title, the decision it rests on, the data
 * years of the maps it answers, a goal, actions, focus areas and an evaluation per year. Its figures are
 * never stored: the follow-up computes them from the active dataset versions (action-plan-follow-up.ts).
 */
export type ActionStatus = "planned" | "in-progress" | "done" | "dropped";

export const ACTION_STATUSES: readonly ActionStatus[] = ["planned", "in-progress", "done", "dropped"];

export const ACTION_STATUS_NAMES_DA: Readonly<Record<ActionStatus, string>> = {
  planned: "Planlagt",
  "in-progress": "I gang",
  done: "Gennemført",
  dropped: "Opgivet",
};

export function isActionStatus(value: string): value is ActionStatus {
  return (ACTION_STATUSES as readonly string[]).includes(value);
}

export type PlanAction = {
  readonly text: string;
  /** Who carries the action out: a department or a role, as the municipality writes it. */
  readonly owner: string;
  /** ISO date (YYYY-MM-DD), or null when the plan sets none ("løbende"). */
  readonly dueDate: string | null;
  readonly status: ActionStatus;
};

/** What the municipality concluded about one data year: the text is the municipality's own words. */
export type PlanEvaluation = { readonly year: number; readonly text: string };

/** Draft: seen by the municipality's own users and the national roles. Published: on the public pages. */
export type PlanStatus = "draft" | "published";

export const PLAN_STATUS_NAMES_DA: Readonly<Record<PlanStatus, string>> = { draft: "Kladde", published: "Offentliggjort" };

export type ActionPlanContent = {
  readonly title: string;
  /** The decision the plan rests on, e.g. "Beslutning i Social- og Sundhedsudvalget den 17. august 2022". */
  readonly basisDecision: string;
  /** The data years of the maps the plan answers (the seed: 2021). */
  readonly dataYears: readonly number[];
  /** The first data year of the follow-up's figures; the seed's plan shows three years, 2019–2021. */
  readonly followUpFrom: number;
  readonly goal: string;
  readonly actions: readonly PlanAction[];
  readonly focusAreas: readonly FocusArea[];
  readonly evaluations: readonly PlanEvaluation[];
  readonly status: PlanStatus;
};

export type ActionPlan = ActionPlanContent & {
  readonly id: number;
  readonly municipalityCode: MunicipalityCode;
  readonly createdAt: string;
  readonly updatedAt: string;
};

export const ACTION_PLAN_LIMITS = {
  titleChars: 300,
  basisDecisionChars: 2000,
  goalChars: 4000,
  actionTextChars: 4000,
  ownerChars: 200,
  evaluationChars: 4000,
  subjectChars: 300,
  actions: 50,
  focusAreas: 20,
  dataYears: 10,
} as const;

/** The first data year with a map (domain.md §1) and a bound no real plan reaches. */
const FIRST_DATA_YEAR = 2016;
const LAST_DATA_YEAR = 2100;

/** One problem with a plan, on the field a form shows it beside. */
export type ActionPlanIssue = { readonly field: string; readonly messageDa: string };

/** A free-text field of the plan: the name a person reads and the text, for the CPR guard and the limits. */
export type PlanTextField = { readonly fieldDa: string; readonly text: string };

/** Every free-text field of a plan, in the order a form shows them: each is checked for CPR numbers. */
export function planTextFields(plan: ActionPlanContent): PlanTextField[] {
  return [
    { fieldDa: "Titel", text: plan.title },
    { fieldDa: "Baggrund (beslutning)", text: plan.basisDecision },
    { fieldDa: "Mål", text: plan.goal },
    ...plan.actions.flatMap((a, i) => [
      { fieldDa: `Handling ${i + 1}`, text: a.text },
      { fieldDa: `Ansvarlig for handling ${i + 1}`, text: a.owner },
    ]),
    ...plan.focusAreas.flatMap((f, i) => (f.kind === "subject" ? [{ fieldDa: `Fokusområde ${i + 1}`, text: f.subject }] : [])),
    ...plan.evaluations.map((e) => ({ fieldDa: `Evaluering ${e.year}`, text: e.text })),
  ];
}

// PostgreSQL cannot store NUL, and ESC and the other controls would reach pages and documents (issue 19).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;


function isDataYear(year: number): boolean {
  return Number.isInteger(year) && year >= FIRST_DATA_YEAR && year <= LAST_DATA_YEAR;
}

/** Every problem with a plan's content, in Danish; empty when it may be stored. */
export function validateActionPlan(plan: ActionPlanContent): ActionPlanIssue[] {
  const issues: ActionPlanIssue[] = [];
  const L = ACTION_PLAN_LIMITS;
  const text = (field: string, fieldDa: string, value: string, max: number, required: boolean) => {
    if (required && value.trim() === "") issues.push({ field, messageDa: `Feltet "${fieldDa}" skal udfyldes.` });
    if (value.length > max) issues.push({ field, messageDa: `Feltet "${fieldDa}" er på ${value.length} tegn; højst ${max} tegn er tilladt.` });
    const control = CONTROL.exec(value);
    if (control) issues.push({ field, messageDa: `Feltet "${fieldDa}" indeholder et styretegn (U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}); fjern det og prøv igen.` });
  };
  text("title", "Titel", plan.title, L.titleChars, true);
  text("basisDecision", "Baggrund (beslutning)", plan.basisDecision, L.basisDecisionChars, false);
  text("goal", "Mål", plan.goal, L.goalChars, true);

  if (plan.dataYears.length === 0) issues.push({ field: "dataYears", messageDa: "Angiv mindst ét dataår, som handleplanen svarer på." });
  if (plan.dataYears.length > L.dataYears) issues.push({ field: "dataYears", messageDa: `Højst ${L.dataYears} dataår.` });
  for (const y of plan.dataYears) {
    if (!isDataYear(y)) issues.push({ field: "dataYears", messageDa: `Dataåret skal være et årstal fra ${FIRST_DATA_YEAR}, ikke "${y}".` });
  }
  if (new Set(plan.dataYears).size !== plan.dataYears.length) issues.push({ field: "dataYears", messageDa: "Et dataår står to gange." });
  if (!isDataYear(plan.followUpFrom)) {
    issues.push({ field: "followUpFrom", messageDa: `Opfølgningens første år skal være et årstal fra ${FIRST_DATA_YEAR}, ikke "${plan.followUpFrom}".` });
  } else if (plan.dataYears.length > 0 && plan.followUpFrom > Math.min(...plan.dataYears)) {
    issues.push({ field: "followUpFrom", messageDa: `Opfølgningens første år (${plan.followUpFrom}) ligger efter handleplanens første dataår (${Math.min(...plan.dataYears)}).` });
  }

  if (plan.actions.length > L.actions) issues.push({ field: "actions", messageDa: `Højst ${L.actions} handlinger.` });
  plan.actions.forEach((a, i) => {
    text(`actions.${i}.text`, `Handling ${i + 1}`, a.text, L.actionTextChars, true);
    text(`actions.${i}.owner`, `Ansvarlig for handling ${i + 1}`, a.owner, L.ownerChars, false);
    if (a.dueDate !== null && !isIsoDate(a.dueDate)) issues.push({ field: `actions.${i}.dueDate`, messageDa: `Fristen for handling ${i + 1} skal være en dato (ÅÅÅÅ-MM-DD), ikke "${a.dueDate}".` });
    if (!isActionStatus(a.status)) issues.push({ field: `actions.${i}.status`, messageDa: `Ukendt status "${String(a.status)}" for handling ${i + 1}.` });
  });

  if (plan.focusAreas.length === 0) issues.push({ field: "focusAreas", messageDa: "Vælg mindst ét fokusområde." });
  if (plan.focusAreas.length > L.focusAreas) issues.push({ field: "focusAreas", messageDa: `Højst ${L.focusAreas} fokusområder.` });
  const seen = new Set<string>();
  plan.focusAreas.forEach((f, i) => {
    const problem = focusAreaProblemDa(f);
    if (problem) issues.push({ field: `focusAreas.${i}`, messageDa: `Fokusområde ${i + 1}: ${problem}` });
    if (f.kind === "subject") text(`focusAreas.${i}`, `Fokusområde ${i + 1}`, f.subject, L.subjectChars, true);
    const key = focusAreaKey(f);
    if (seen.has(key)) issues.push({ field: `focusAreas.${i}`, messageDa: `Fokusområde ${i + 1} står allerede i handleplanen.` });
    seen.add(key);
  });

  const evaluated = new Set<number>();
  for (const e of plan.evaluations) {
    if (!isDataYear(e.year)) issues.push({ field: "evaluations", messageDa: `Evalueringens år skal være et årstal fra ${FIRST_DATA_YEAR}, ikke "${e.year}".` });
    if (evaluated.has(e.year)) issues.push({ field: "evaluations", messageDa: `Der er to evalueringer for ${e.year}.` });
    evaluated.add(e.year);
    text(`evaluations.${e.year}`, `Evaluering ${e.year}`, e.text, L.evaluationChars, true);
  }
  if (plan.status !== "draft" && plan.status !== "published") issues.push({ field: "status", messageDa: `Ukendt status "${String(plan.status)}".` });
  return issues;
}

/** Texts trimmed, years sorted and evaluations in year order: the form a plan is stored in. */
export function normaliseActionPlan(plan: ActionPlanContent): ActionPlanContent {
  return {
    ...plan,
    title: plan.title.trim(),
    basisDecision: plan.basisDecision.trim(),
    goal: plan.goal.trim(),
    dataYears: [...plan.dataYears].sort((a, b) => a - b),
    actions: plan.actions.map((a) => ({ ...a, text: a.text.trim(), owner: a.owner.trim(), dueDate: a.dueDate === null || a.dueDate.trim() === "" ? null : a.dueDate.trim() })),
    focusAreas: plan.focusAreas.map((f) => (f.kind === "subject" ? { kind: "subject", subject: f.subject.trim(), law: f.law.trim() } : f)),
    evaluations: [...plan.evaluations].map((e) => ({ year: e.year, text: e.text.trim() })).sort((a, b) => a.year - b.year),
  };
}
