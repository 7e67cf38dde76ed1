import type { ActionPlan, ActionPlanContent, ActionStatus, PlanAction, PlanEvaluation, PlanStatus } from "../domain/action-plan/action-plan.js";
import type { FocusArea } from "../domain/action-plan/focus-area.js";
import type { Area, MapId } from "../domain/map-definition.js";
import { asMunicipalityCode } from "../domain/municipality.js";
import type { Queryable } from "./database.js";
import { toIsoTimestamp } from "./timestamps.js";

/**
 * Action plans in the database (migration 055). A plan is saved whole: its actions, focus areas and
 * evaluations are replaced together with it, inside the caller's transaction, so a plan is never half new.
 */
type PlanRow = {
  id: string | number;
  municipality_code: string;
  title: string;
  basis_decision: string;
  data_years: number[];
  follow_up_from: number;
  goal: string;
  status: PlanStatus;
  created_at: Date | string;
  updated_at: Date | string;
};
type ActionRow = { plan_id: string | number; body: string; owner: string; due_date: string | null; status: ActionStatus };
type FocusRow = { plan_id: string | number; kind: FocusArea["kind"]; group_id: string | null; subject: string | null; law: string | null; map_id: MapId | null; area: Area | null };
type EvaluationRow = { plan_id: string | number; year: number; body: string };

const PLAN_COLUMNS = "id, municipality_code, title, basis_decision, data_years, follow_up_from, goal, status, created_at, updated_at";

function focusOf(r: FocusRow): FocusArea {
  switch (r.kind) {
    case "group":
      return { kind: "group", groupId: r.group_id! };
    case "subject":
      return { kind: "subject", subject: r.subject!, law: r.law! };
    case "map":
      return { kind: "map", map: r.map_id!, area: r.area! };
  }
}

async function writeChildren(tx: Queryable, planId: number, plan: ActionPlanContent): Promise<void> {
  for (const table of ["action_plan_action", "action_plan_focus_area", "action_plan_evaluation"]) {
    await tx.query(`DELETE FROM ${table} WHERE plan_id = $1`, [planId]);
  }
  for (const [i, a] of plan.actions.entries()) {
    await tx.query("INSERT INTO action_plan_action (plan_id, position, body, owner, due_date, status) VALUES ($1, $2, $3, $4, $5::date, $6)", [planId, i, a.text, a.owner, a.dueDate, a.status]);
  }
  for (const [i, f] of plan.focusAreas.entries()) {
    await tx.query("INSERT INTO action_plan_focus_area (plan_id, position, kind, group_id, subject, law, map_id, area) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)", [
      planId,
      i,
      f.kind,
      f.kind === "group" ? f.groupId : null,
      f.kind === "subject" ? f.subject : null,
      f.kind === "subject" ? f.law : null,
      f.kind === "map" ? f.map : null,
      f.kind === "map" ? f.area : null,
    ]);
  }
  for (const e of plan.evaluations) {
    await tx.query("INSERT INTO action_plan_evaluation (plan_id, year, body) VALUES ($1, $2, $3)", [planId, e.year, e.text]);
  }
}

/** Stores a new plan; `at` is its creation and change time (and its publication time when published). */
export async function insertActionPlan(tx: Queryable, municipalityCode: string, plan: ActionPlanContent, at: string): Promise<number> {
  const { rows } = await tx.query<{ id: string | number }>(
    `INSERT INTO action_plan (municipality_code, title, basis_decision, data_years, follow_up_from, goal, status, created_at, updated_at, published_at)
     VALUES ($1, $2, $3, $4::integer[], $5, $6, $7, $8, $8, CASE WHEN $7 = 'published' THEN $8::timestamptz END) RETURNING id`,
    [municipalityCode, plan.title, plan.basisDecision, plan.dataYears, plan.followUpFrom, plan.goal, plan.status, at],
  );
  const id = Number(rows[0]!.id);
  await writeChildren(tx, id, plan);
  return id;
}

/** Replaces a plan's content; keeps the first publication time while it stays published. */
export async function updateActionPlan(tx: Queryable, id: number, plan: ActionPlanContent, at: string): Promise<void> {
  await tx.query(
    `UPDATE action_plan SET title = $2, basis_decision = $3, data_years = $4::integer[], follow_up_from = $5, goal = $6, status = $7, updated_at = $8,
       published_at = CASE WHEN $7 = 'published' THEN COALESCE(published_at, $8::timestamptz) END
     WHERE id = $1`,
    [id, plan.title, plan.basisDecision, plan.dataYears, plan.followUpFrom, plan.goal, plan.status, at],
  );
  await writeChildren(tx, id, plan);
}

export async function deleteActionPlan(tx: Queryable, id: number): Promise<void> {
  await tx.query("DELETE FROM action_plan WHERE id = $1", [id]);
}

async function assemble(db: Queryable, plans: readonly PlanRow[]): Promise<ActionPlan[]> {
  if (plans.length === 0) return [];
  const ids = plans.map((p) => Number(p.id));
  // One after the other: inside a transaction the queries share one connection, which runs one at a time.
  const actions = await db.query<ActionRow>("SELECT plan_id, body, owner, to_char(due_date, 'YYYY-MM-DD') AS due_date, status FROM action_plan_action WHERE plan_id = ANY($1::bigint[]) ORDER BY plan_id, position", [ids]);
  const focus = await db.query<FocusRow>("SELECT plan_id, kind, group_id, subject, law, map_id, area FROM action_plan_focus_area WHERE plan_id = ANY($1::bigint[]) ORDER BY plan_id, position", [ids]);
  const evaluations = await db.query<EvaluationRow>("SELECT plan_id, year, body FROM action_plan_evaluation WHERE plan_id = ANY($1::bigint[]) ORDER BY plan_id, year", [ids]);
  const group = <R extends { plan_id: string | number }, T>(rows: readonly R[], map: (r: R) => T) => {
    const by = new Map<number, T[]>();
    for (const r of rows) {
      const list = by.get(Number(r.plan_id)) ?? [];
      list.push(map(r));
      by.set(Number(r.plan_id), list);
    }
    return by;
  };
  const actionsBy = group(actions.rows, (r): PlanAction => ({ text: r.body, owner: r.owner, dueDate: r.due_date, status: r.status }));
  const focusBy = group(focus.rows, focusOf);
  const evaluationsBy = group(evaluations.rows, (r): PlanEvaluation => ({ year: Number(r.year), text: r.body }));
  return plans.map((p) => {
    const id = Number(p.id);
    return {
      id,
      municipalityCode: asMunicipalityCode(p.municipality_code),
      title: p.title,
      basisDecision: p.basis_decision,
      dataYears: p.data_years.map(Number),
      followUpFrom: Number(p.follow_up_from),
      goal: p.goal,
      status: p.status,
      actions: actionsBy.get(id) ?? [],
      focusAreas: focusBy.get(id) ?? [],
      evaluations: evaluationsBy.get(id) ?? [],
      createdAt: toIsoTimestamp(p.created_at),
      updatedAt: toIsoTimestamp(p.updated_at),
    };
  });
}

export async function loadActionPlan(db: Queryable, id: number): Promise<ActionPlan | null> {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const { rows } = await db.query<PlanRow>(`SELECT ${PLAN_COLUMNS} FROM action_plan WHERE id = $1`, [id]);
  return (await assemble(db, rows))[0] ?? null;
}

/** A municipality's plans, newest data years first; drafts only when asked for. */
export async function listActionPlans(db: Queryable, municipalityCode: string, options: { readonly includeDrafts: boolean }): Promise<ActionPlan[]> {
  const { rows } = await db.query<PlanRow>(
    `SELECT ${PLAN_COLUMNS} FROM action_plan WHERE municipality_code = $1 AND ($2 OR status = 'published')
      ORDER BY data_years[cardinality(data_years)] DESC, created_at DESC, id DESC`,
    [municipalityCode, options.includeDrafts],
  );
  return assemble(db, rows);
}
