import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadFollowUpFigures, type ActionPlanDeps } from "../../src/app/action-plans/action-plan-deps.js";
import { loadActionPlanAgendaSummary } from "../../src/app/action-plans/action-plan-agenda.js";
import { indexCellTotals } from "../../src/domain/cell-totals.js";
import { buildAgendaItemFor } from "../../src/reports/agenda-item-files.js";
import { renderAgendaItemMarkdown } from "../../src/reports/render-agenda-item-markdown.js";
import { loadFigureCells } from "../../src/storage/complaint-store.js";
import { listActionPlansWithFollowUp, loadActionPlanWithFollowUp, type PlanWithFollowUp } from "../../src/app/action-plans/list-action-plans.js";
import { deleteActionPlan, saveActionPlan } from "../../src/app/action-plans/save-action-plan.js";
import { OPERATOR, PUBLIC_WEB, type Caller } from "../../src/app/caller.js";
import { memorySecurityLog } from "../../src/app/security-log.js";
import { importFileIntoDatabase, type ImportRequest } from "../../src/app/import/import-file.js";
import type { Role } from "../../src/domain/access-policy.js";
import { listAuditEvents } from "../../src/storage/audit-trail.js";
import { markPublished } from "../../src/storage/dataset-changes.js";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../support/test-databases.js";
import { fixtureDir, talportalExportCsv, writeFixture } from "../import/import-fixtures.js";
import { handleplanRows, PLAN_CODE, seedPlan } from "./handleplan-seed-data.js";
import { asMunicipalityCode } from "../../src/domain/municipality.js";

const dir = fixtureDir();

function user(n: number, email: string, role: Role): Caller {
  return { actor: { kind: "user", userId: `00000000-0000-4000-8000-00000000000${n}`, email, role }, channel: "api" };
}
const HERNING_EDITOR = user(1, "redaktoer@herning.test", { kind: "redaktoer", municipalityCode: PLAN_CODE });
const HERNING_READER = user(2, "laeser@herning.test", { kind: "laeser", municipalityCode: PLAN_CODE });
const COPENHAGEN_READER = user(3, "laeser@kk.test", { kind: "laeser", municipalityCode: asMunicipalityCode("0101") });
const COPENHAGEN_EDITOR = user(4, "redaktoer@kk.test", { kind: "redaktoer", municipalityCode: asMunicipalityCode("0101") });

async function importYears(db: TestDatabase["db"], name: string, years: readonly number[], options: { revised?: boolean; extractedOn: string; importedAt: string }) {
  const path = writeFixture(dir, name, talportalExportCsv(handleplanRows(years, { revised: options.revised })));
  const request: ImportRequest = { path, extractedOn: options.extractedOn, source: "Ankestyrelsens talportal (testdata)", dryRun: false, isDemo: false, importedAt: new Date(options.importedAt) };
  const outcome = await importFileIntoDatabase(db, request);
  if (outcome.stored?.kind !== "saved") throw new Error(`import of ${name} did not store a version: ${JSON.stringify(outcome.stored)}`);
  return outcome.stored.datasetVersionId;
}

/** Decided and reversed of all focus areas together, per year: the seed's "5 sager i 2019 (80 %)". */
function combined(p: PlanWithFollowUp): (string | null)[] {
  return p.followUp.combined!.years.map((y) => (y.municipality.kind === "estimate" ? `${y.year}: ${y.municipality.decided}/${y.municipality.reversed}` : null));
}

function areaCounts(p: PlanWithFollowUp, key: string): string[] {
  return p.followUp.areas.find((a) => a.key === key)!.years.map((y) => {
    const m = y.municipality;
    return m.kind === "estimate" ? `${y.year}: ${m.decided} (${m.counts.changed} ændret, ${m.counts.remitted} hjemvist)` : `${y.year}: ${m.kind}`;
  });
}

describe.each(DATABASE_KINDS)("action plans on %s (issue 13: the seed's handleplan on data for 2019–2021)", (kind) => {
  let t: TestDatabase;
  let deps: ActionPlanDeps & { securityLog: ReturnType<typeof memorySecurityLog> };
  let planId: number;
  let firstVersion: number;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    deps = { db: t.db, now: () => new Date("2022-09-01T10:00:00Z"), securityLog: memorySecurityLog(), figures: () => loadFollowUpFigures(t.db) };
    firstVersion = await importYears(t.db, `handleplan-${kind}-1.csv`, [2019, 2020, 2021], { extractedOn: "2022-06-01", importedAt: "2022-06-10T08:00:00Z" });
    await markPublished(t.db, { datasetVersionId: firstVersion, operator: { label: "test", channel: "cli" }, at: "2022-06-10T09:00:00Z" });
  });
  afterAll(() => t?.drop());

  it("an editor creates the seed's plan; from the data alone it has the seed's figures per year", async () => {
    const saved = await saveActionPlan(deps, HERNING_EDITOR, { municipalityCode: PLAN_CODE, plan: seedPlan() });
    expect(saved.kind).toBe("saved");
    if (saved.kind !== "saved") return;
    planId = saved.plan.id;
    expect(saved.plan).toMatchObject({ municipalityCode: PLAN_CODE, dataYears: [2021], followUpFrom: 2019, status: "published" });
    expect(saved.plan.actions.map((a) => a.dueDate)).toEqual([null, "2023-06-30", "2023-01-31", "2024-12-31"]);

    const listing = await listActionPlansWithFollowUp(deps, PUBLIC_WEB, PLAN_CODE);
    if (listing.kind !== "plans") throw new Error(listing.messageDa);
    expect(listing.plans).toHaveLength(1);
    const p = listing.plans[0]!;
    expect(combined(p)).toEqual(["2019: 5/4", "2020: 4/2", "2021: 4/3"]);
    expect(p.followUp.combined!.years.map((y) => (y.municipality.kind === "estimate" ? Math.round(y.municipality.reversalRate * 100) : null))).toEqual([80, 50, 75]);
    expect(areaCounts(p, "group:sel-95")).toEqual(["2019: 2 (1 ændret, 1 hjemvist)", "2020: 2 (0 ændret, 1 hjemvist)", "2021: 1 (0 ændret, 1 hjemvist)"]);
    expect(areaCounts(p, "group:sel-96")).toEqual(["2019: 2 (0 ændret, 1 hjemvist)", "2020: 1 (0 ændret, 0 hjemvist)", "2021: 2 (1 ændret, 0 hjemvist)"]);
    expect(areaCounts(p, "group:sel-107-108")).toEqual(["2019: 1 (0 ændret, 1 hjemvist)", "2020: 1 (1 ændret, 0 hjemvist)", "2021: 1 (0 ændret, 1 hjemvist)"]);
    expect(p.versions.map((v) => [v.year, v.datasetVersionId, v.standing])).toEqual([
      [2019, firstVersion, "published"],
      [2020, firstVersion, "published"],
      [2021, firstVersion, "published"],
    ]);
    expect(listing.mayWrite).toBe(false);
  });

  it("keeps the published figures beside a newer extraction, and changes them when the revision is published", async () => {
    const revised = await importYears(t.db, `handleplan-${kind}-2.csv`, [2021], { revised: true, extractedOn: "2023-03-01", importedAt: "2023-03-02T08:00:00Z" });
    let p = await loadActionPlanWithFollowUp(deps, PUBLIC_WEB, PLAN_CODE, planId);
    if (p.kind !== "plan") throw new Error(p.messageDa);
    expect(combined(p)).toEqual(["2019: 5/4", "2020: 4/2", "2021: 4/3"]);
    expect(p.followUp.combined!.years[2]!.revision).toMatchObject({ kind: "revised", estimate: { decided: 4, reversed: 4 } });
    expect(p.versions[2]!.revision?.datasetVersionId).toBe(revised);

    await markPublished(t.db, { datasetVersionId: revised, year: 2021, operator: { label: "test", channel: "cli" }, at: "2023-03-02T09:00:00Z" });
    p = await loadActionPlanWithFollowUp(deps, PUBLIC_WEB, PLAN_CODE, planId);
    if (p.kind !== "plan") throw new Error(p.messageDa);
    expect(combined(p)).toEqual(["2019: 5/4", "2020: 4/2", "2021: 4/4"]);
    expect(areaCounts(p, "group:sel-96")[2]).toBe("2021: 2 (2 ændret, 0 hjemvist)");
    expect(p.versions[2]).toMatchObject({ datasetVersionId: revised, standing: "published", revision: null });
  });

  it("extends the follow-up by itself when next year's data arrive", async () => {
    await importYears(t.db, `handleplan-${kind}-3.csv`, [2022], { extractedOn: "2023-06-01", importedAt: "2023-06-02T08:00:00Z" });
    const p = await loadActionPlanWithFollowUp(deps, PUBLIC_WEB, PLAN_CODE, planId);
    if (p.kind !== "plan") throw new Error(p.messageDa);
    expect(p.followUp.years).toEqual([2019, 2020, 2021, 2022]);
    expect(combined(p)[3]).toBe("2022: 3/0");
    expect(p.followUp.combined!.years[3]!.role).toBe("follow-up");
  });

  it("puts the plan's follow-up in the next year's agenda item, from the data, and nothing for a year it does not reach", async () => {
    const { shown, revised } = await loadFigureCells(t.db);
    const figures = { totals: indexCellTotals(shown.cells), revisedTotals: indexCellTotals(revised.cells) };
    const summary = await loadActionPlanAgendaSummary(t.db, figures, PLAN_CODE, 2022);
    expect(summary?.plans.map((p) => p.title)).toEqual([seedPlan().title]);
    const { model } = buildAgendaItemFor(figures.totals, shown.provenanceByYear, PLAN_CODE, 2022, { actionPlans: summary, includeFigures: false });
    const md = renderAgendaItemMarkdown(model);
    expect(md).toContain("Opfølgning på handleplaner");
    // All focus areas together in 2022: 3 decided, none reversed (the combined row above).
    expect(md).toMatch(/: 0,0 pct\. \(0 af 3 sager\) i 2022; landsplan /);
    // The plan answers the 2021 map: an item on 2021 itself has no follow-up section.
    expect(await loadActionPlanAgendaSummary(t.db, figures, PLAN_CODE, 2021)).toBeNull();
    const { model: earlier } = buildAgendaItemFor(figures.totals, shown.provenanceByYear, PLAN_CODE, 2021, { actionPlans: null, includeFigures: false });
    expect(renderAgendaItemMarkdown(earlier)).not.toContain("Opfølgning på handleplaner");
  });

  it("lets only the municipality's editors write, refuses a CPR number in any field, and shows drafts only to its own users", async () => {
    const other = await saveActionPlan(deps, COPENHAGEN_EDITOR, { municipalityCode: PLAN_CODE, plan: seedPlan() });
    expect(other).toMatchObject({ kind: "refused", status: 403 });
    expect(await saveActionPlan(deps, PUBLIC_WEB, { municipalityCode: PLAN_CODE, plan: seedPlan() })).toMatchObject({ kind: "refused", status: 401 });
    const cpr = await saveActionPlan(deps, HERNING_EDITOR, {
      municipalityCode: PLAN_CODE,
      plan: seedPlan({ actions: [{ text: "Gennemgå sagen for 290292-1234", owner: "Jura", dueDate: null, status: "planned" }] }),
    });
    expect(cpr).toMatchObject({ kind: "refused", status: 400, field: "Handling 1" });
    expect(JSON.stringify(cpr)).not.toContain("290292");
    expect(deps.securityLog.events.some((e) => e.event === "cpr-refused")).toBe(true);
    const invalid = await saveActionPlan(deps, HERNING_EDITOR, { municipalityCode: PLAN_CODE, plan: seedPlan({ goal: "" }) });
    expect(invalid).toMatchObject({ kind: "refused", status: 400, field: "goal", messageDa: 'Feltet "Mål" skal udfyldes.' });

    const draft = await saveActionPlan(deps, HERNING_EDITOR, { municipalityCode: PLAN_CODE, plan: seedPlan({ title: "Udkast til handleplan 2022", dataYears: [2022], status: "draft" }) });
    if (draft.kind !== "saved") throw new Error(draft.messageDa);
    const titles = async (caller: Caller) => {
      const l = await listActionPlansWithFollowUp(deps, caller, PLAN_CODE);
      return l.kind === "plans" ? l.plans.map((x) => x.plan.title) : l.messageDa;
    };
    expect(await titles(HERNING_READER)).toEqual(["Udkast til handleplan 2022", seedPlan().title]);
    expect(await titles(COPENHAGEN_READER)).toEqual([seedPlan().title]);
    expect(await titles(PUBLIC_WEB)).toEqual([seedPlan().title]);
    expect(await loadActionPlanWithFollowUp(deps, COPENHAGEN_READER, PLAN_CODE, draft.plan.id)).toMatchObject({ kind: "refused", status: 404 });

    const published = await saveActionPlan(deps, HERNING_EDITOR, { municipalityCode: PLAN_CODE, id: draft.plan.id, plan: { ...seedPlan({ title: "Handleplan 2022", dataYears: [2022] }), evaluations: [{ year: 2022, text: "Færre omgjorte sager." }] } });
    expect(published).toMatchObject({ kind: "saved", plan: { status: "published", evaluations: [{ year: 2022, text: "Færre omgjorte sager." }] } });
    // Another municipality's plan number is not this municipality's plan.
    expect(await saveActionPlan(deps, OPERATOR, { municipalityCode: "0101", id: draft.plan.id, plan: seedPlan() })).toMatchObject({ kind: "refused", status: 404 });
    expect(await deleteActionPlan(deps, COPENHAGEN_EDITOR, PLAN_CODE, draft.plan.id)).toMatchObject({ kind: "refused", status: 403 });
    expect(await deleteActionPlan(deps, HERNING_EDITOR, PLAN_CODE, draft.plan.id)).toEqual({ kind: "deleted" });
    expect(await titles(HERNING_READER)).toEqual([seedPlan().title]);

    const trail = await listAuditEvents(t.db, { municipalityCode: PLAN_CODE });
    expect(trail.map((e) => [e.action, e.subject, e.actorLabel])).toEqual([
      ["actionplan.delete", `handleplan ${PLAN_CODE}/${draft.plan.id}`, "redaktoer@herning.test"],
      ["actionplan.publish", `handleplan ${PLAN_CODE}/${draft.plan.id}`, "redaktoer@herning.test"],
      ["actionplan.create", `handleplan ${PLAN_CODE}/${draft.plan.id}`, "redaktoer@herning.test"],
      ["actionplan.create", `handleplan ${PLAN_CODE}/${planId}`, "redaktoer@herning.test"],
    ]);
    expect(trail[1]!.before).toMatchObject({ status: "draft", title: "Udkast til handleplan 2022" });
    expect(trail[1]!.after).toMatchObject({ status: "published", title: "Handleplan 2022" });
  });
});
