import { assertNever } from "../assert-never.js";
import { figureValues, type FigureValues } from "../figure-record.js";
import { missingReasonClauseDa } from "../missing-reason-da.js";
import type { NotComparableReason } from "../missing-reason.js";
import { toReasonRecord, type ReasonRecord } from "../missing-reason-record.js";
import { FUNNEL_VERDICT_NAMES_DA, type FunnelVerdict } from "../statistics/funnel-limits.js";
import type { YearChangeVerdict } from "../year-change.js";
import { ACTION_STATUS_NAMES_DA, type ActionPlan, type ActionStatus } from "./action-plan.js";
import type { ActionPlanFollowUp, FocusAreaFollowUp, FocusAreaYear, FollowUpYearRole, MatchedSubject } from "./action-plan-follow-up.js";
import { focusAreaNameDa, type FocusArea } from "./focus-area.js";

/**
 * An action plan and its computed follow-up as plain JSON: what GET /api/v1/municipalities/{code}/action-plans
 * answers. Rates are fractions 0–1, unrounded, as in every figure record (figure-record.ts); the figures
 * use the same `FigureValues` shape, so a client reads a plan's figures as it reads a map's.
 */
export type FocusAreaRecord = FocusArea & { readonly nameDa: string };

export type YearChangeRecord =
  | { readonly kind: "change"; readonly previousYear: number; readonly difference: number; readonly ci95: readonly [number, number]; readonly verdict: YearChangeVerdict }
  | ({ readonly kind: "not-comparable"; readonly previousYear: number } & ReasonRecord<NotComparableReason>);

export type FollowUpYearRecord = {
  readonly year: number;
  readonly role: FollowUpYearRole;
  readonly municipality: FigureValues;
  readonly national: FigureValues;
  /** The maps' verdict against the national level of the focus area; null when not assessed. */
  readonly verdict: FunnelVerdict | null;
  readonly verdictDa: string;
  readonly change: YearChangeRecord | null;
  /** A newer extraction's figure for the municipality, when a published year has been revised since. */
  readonly revised: FigureValues | null;
  readonly matchedSubjects: readonly MatchedSubject[];
  readonly judgementDa: string;
};

export type FocusAreaFollowUpRecord = {
  readonly key: string;
  readonly nameDa: string;
  /** null: all focus areas together, each case once. */
  readonly focusArea: FocusAreaRecord | null;
  readonly years: readonly FollowUpYearRecord[];
};

export type ActionPlanRecord = {
  readonly id: number;
  readonly municipalityCode: string;
  readonly title: string;
  readonly basisDecision: string;
  readonly dataYears: readonly number[];
  readonly followUpFrom: number;
  readonly goal: string;
  readonly status: ActionPlan["status"];
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly actions: readonly { readonly text: string; readonly owner: string; readonly dueDate: string | null; readonly status: ActionStatus; readonly statusDa: string }[];
  readonly focusAreas: readonly FocusAreaRecord[];
  readonly evaluations: readonly { readonly year: number; readonly text: string }[];
  readonly followUp: { readonly years: readonly number[]; readonly areas: readonly FocusAreaFollowUpRecord[]; readonly combined: FocusAreaFollowUpRecord | null };
};

export function toFocusAreaRecord(f: FocusArea): FocusAreaRecord {
  return { ...f, nameDa: focusAreaNameDa(f) };
}

function changeRecord(y: FocusAreaYear): YearChangeRecord | null {
  const c = y.change;
  if (c === null) return null;
  switch (c.kind) {
    case "change":
      return { kind: "change", previousYear: c.previousYear, difference: c.difference, ci95: c.ci95, verdict: c.verdict };
    case "not-comparable":
      return { kind: "not-comparable", previousYear: c.previousYear, ...toReasonRecord(c.reason) };
    default:
      return assertNever(c);
  }
}

function yearRecord(y: FocusAreaYear): FollowUpYearRecord {
  return {
    year: y.year,
    role: y.role,
    municipality: figureValues(y.municipality),
    national: figureValues(y.national),
    verdict: y.funnel.kind === "assessed" ? y.funnel.verdict : null,
    verdictDa: y.funnel.kind === "assessed" ? FUNNEL_VERDICT_NAMES_DA[y.funnel.verdict] : `ikke vurderet: ${missingReasonClauseDa(y.funnel.reason)}`,
    change: changeRecord(y),
    revised: y.revision.kind === "revised" ? figureValues(y.revision.estimate) : null,
    matchedSubjects: y.matchedSubjects,
    judgementDa: y.judgementDa,
  };
}

function areaRecord(a: FocusAreaFollowUp): FocusAreaFollowUpRecord {
  return { key: a.key, nameDa: a.nameDa, focusArea: a.focusArea ? toFocusAreaRecord(a.focusArea) : null, years: a.years.map(yearRecord) };
}

export function toActionPlanRecord(plan: ActionPlan, followUp: ActionPlanFollowUp): ActionPlanRecord {
  return {
    id: plan.id,
    municipalityCode: plan.municipalityCode,
    title: plan.title,
    basisDecision: plan.basisDecision,
    dataYears: plan.dataYears,
    followUpFrom: plan.followUpFrom,
    goal: plan.goal,
    status: plan.status,
    createdAt: plan.createdAt,
    updatedAt: plan.updatedAt,
    actions: plan.actions.map((a) => ({ ...a, statusDa: ACTION_STATUS_NAMES_DA[a.status] })),
    focusAreas: plan.focusAreas.map(toFocusAreaRecord),
    evaluations: plan.evaluations,
    followUp: { years: followUp.years, areas: followUp.areas.map(areaRecord), combined: followUp.combined ? areaRecord(followUp.combined) : null },
  };
}
