import type { FastifyInstance } from "fastify";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadFollowUpFigures } from "../../src/app/action-plans/action-plan-deps.js";
import { saveActionPlan } from "../../src/app/action-plans/save-action-plan.js";
import { OPERATOR } from "../../src/app/caller.js";
import { memorySecurityLog } from "../../src/app/security-log.js";
import { importFileIntoDatabase } from "../../src/app/import/import-file.js";
import { runReport } from "../../src/app/report/write-agenda-item-files.js";
import { parseReportOptions } from "../../src/cli/commands/report.js";
import { UserError } from "../../src/cli/user-error.js";
import { buildApp } from "../../src/server/app.js";
import { fixtureDir, talportalExportCsv, writeFixture } from "../import/import-fixtures.js";
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "../support/test-databases.js";
import { readZipEntries } from "../support/zip-entries.js";
import { handleplanRows, PLAN_CODE, seedPlan } from "./handleplan-seed-data.js";

/** The words of a DOCX in reading order, one line per paragraph, as a person reads them in Word. */
function docxText(docx: Uint8Array): string {
  const xml = readZipEntries(docx).get("word/document.xml")!.toString("utf8");
  return xml
    .replace(/<w:p[ >]/g, "\n$&")
    .replace(/<[^>]+>/g, "")
    .replace(/&amp;/g, "&")
    .replace(/\u00a0/g, " ");
}

/** Markdown escapes some punctuation; the words are what is compared. */
const unescapeMarkdown = (md: string) => md.replace(/\\([\\`*_{}[\]()#+\-.!>])/g, "$1");

/**
 * Issue 13, item 4: the action plan attachable to the agenda item as a bilag (seed: Allerød 2025, the plan as
 * bilag 2 of the decision item). The seed's plan answers the 2021 map; the item on the 2022 map gets it as a
 * bilag through every door (the municipality page's form, the API, the CLI), with its goal, actions, focus
 * areas and the computed follow-up table in the DOCX. Drafts and other municipalities' plans stay out.
 */
describe.each(DATABASE_KINDS)("an action plan as the agenda item's bilag on %s", (kind) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let out: string;
  let planId: number;
  let draftId: number;
  let otherId: number;
  const title = seedPlan().title;

  beforeAll(async () => {
    process.env.DANMARKSKORT_BOUNDARIES = "none";
    t = await createTestDatabase(kind);
    const path = writeFixture(fixtureDir(), `handleplan-bilag-${kind}.csv`, talportalExportCsv(handleplanRows([2019, 2020, 2021, 2022])));
    await importFileIntoDatabase(t.db, { path, extractedOn: "2023-06-01", source: "test", dryRun: false, isDemo: false, importedAt: new Date("2023-06-10T08:00:00Z") });
    const deps = { db: t.db, now: () => new Date("2023-08-01T10:00:00Z"), securityLog: memorySecurityLog(), figures: () => loadFollowUpFigures(t.db) };
    const save = async (code: string, overrides: Parameters<typeof seedPlan>[0]) => {
      const saved = await saveActionPlan(deps, OPERATOR, { municipalityCode: code, plan: seedPlan(overrides) });
      if (saved.kind !== "saved") throw new Error(saved.messageDa);
      return saved.plan.id;
    };
    planId = await save(PLAN_CODE, {});
    draftId = await save(PLAN_CODE, { title: "Udkast til handleplan 2022", dataYears: [2022], status: "draft" });
    otherId = await save("0101", { title: "Københavns handleplan" });
    app = await buildApp({ db: t.db, storageDescription: kind });
    out = await mkdtemp(join(tmpdir(), "plan-bilag-"));
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
    if (out) await rm(out, { recursive: true, force: true });
  });

  it("the municipality page's form offers the published plan, not the draft", async () => {
    const page = await app.inject({ url: `/kommuner/${PLAN_CODE}?aar=2022` });
    expect(page.statusCode).toBe(200);
    const select = /<select[^>]*name="bilag-handleplan"[^>]*>([\s\S]*?)<\/select>/.exec(page.body);
    expect(select, "feltet Vedlæg handleplan som bilag mangler").not.toBeNull();
    expect(select![1]).toContain(`<option value="${planId}">`);
    expect(select![1]).not.toContain(`value="${draftId}"`);
    expect(select![1]).not.toContain(`value="${otherId}"`);
    expect(page.body).toContain('<label class="form-label" for="do-bilag-handleplan">Vedlæg handleplan som bilag</label>');
  });

  it("the API's DOCX names the plan in the bilag list and carries its goal, actions, focus areas and follow-up", async () => {
    const res = await app.inject({ url: `/api/v1/municipalities/${PLAN_CODE}/agenda-item?year=2022&format=docx&attachPlan=${planId}` });
    expect(res.statusCode, res.body).toBe(200);
    const text = docxText(res.rawPayload);
    const plan = seedPlan();
    // In the bilag list, then as the bilag's heading.
    expect(text.split(`Bilag 1: ${title}`).length - 1).toBe(2);
    const bilag = text.slice(text.lastIndexOf(`Bilag 1: ${title}`));
    expect(bilag).toContain("Herning Kommune · Handleplan for dataår 2021 · Offentliggjort");
    expect(bilag).toContain(plan.goal);
    for (const a of plan.actions) expect(bilag).toContain(a.text);
    expect(bilag).toContain("Voksne – borgerstyret personlig assistance (BPA) § 96");
    // The item's own tables are 1–3; the plan's are numbered after them.
    expect(bilag).toContain("Tabel 4: Handlinger");
    expect(bilag).toContain("Tabel 5: Fokusområdernes tal pr. år, beregnet af Ankestyrelsens tal");
    // The seed's figures, counted from the data: 2021, all three areas together, 4 cases, 75 % reversed.
    expect(bilag).toMatch(/Fokusområderne samlet[\s\S]*?2021\s*4\s*1\s*2\s*75,0 %/);
    // Without the choice, no bilag (the follow-up section in the text still names the plan in force).
    const plain = docxText((await app.inject({ url: `/api/v1/municipalities/${PLAN_CODE}/agenda-item?year=2022&format=docx` })).rawPayload);
    expect(plain).not.toContain(`Bilag 1: ${title}`);
    expect(plain).not.toContain(seedPlan().actions[0]!.text);
  });

  it("the page's form door and the CLI attach it the same way", async () => {
    const md = await app.inject({ url: `/kommuner/${PLAN_CODE}/dagsordenpunkt?aar=2022&format=md&bilag-handleplan=${planId}` });
    expect(md.statusCode, md.body).toBe(200);
    expect(unescapeMarkdown(md.body)).toContain(`- Bilag 1: ${title}`);
    const path = join(out, `bilag-${kind}.docx`);
    await runReport(t.db, parseReportOptions({ municipality: PLAN_CODE, year: "2022", format: "docx", out: path, attachPlan: String(planId), images: false }));
    const text = docxText(await readFile(path));
    expect(text).toContain(`Bilag 1: ${title}`);
    expect(text).toContain(seedPlan().goal);
    expect(() => parseReportOptions({ municipality: "all", year: "2022", format: "docx", out, attachPlan: String(planId) })).toThrow(UserError);
    await expect(runReport(t.db, parseReportOptions({ municipality: PLAN_CODE, year: "2022", format: "docx", out: path, attachPlan: String(draftId), images: false }))).rejects.toThrow(
      /er en kladde\. Kun en offentliggjort handleplan kan vedlægges/,
    );
  });

  it("refuses, in Danish, a draft, another municipality's plan, a plan for a later map and a malformed number", async () => {
    const ask = (query: string) => app.inject({ url: `/api/v1/municipalities/${PLAN_CODE}/agenda-item?format=docx&${query}` });
    // A public caller is not even told that the draft exists (the operator is told it is a draft: the CLI test).
    const draft = await ask(`year=2022&attachPlan=${draftId}`);
    expect(draft.statusCode).toBe(404);
    expect(draft.json().message).toBe(`Herning har ingen handleplan med nummer ${draftId}.`);
    const other = await ask(`year=2022&attachPlan=${otherId}`);
    expect(other.statusCode).toBe(404);
    expect(other.json().message).toBe(`Herning har ingen handleplan med nummer ${otherId}.`);
    const later = await ask(`year=2020&attachPlan=${planId}`);
    expect(later.statusCode).toBe(400);
    expect(later.json().message).toContain("svarer på danmarkskortet for 2021 og kan ikke vedlægges dagsordenpunktet for 2020");
    const bad = await ask("year=2022&attachPlan=tre");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('attachPlan skal være handleplanens nummer, fx attachPlan=3 (flere adskilt af komma), ikke "tre"');
  });
});
