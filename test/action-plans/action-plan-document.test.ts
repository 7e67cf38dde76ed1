import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadFollowUpFigures, type ActionPlanDeps } from "../../src/app/action-plans/action-plan-deps.js";
import { renderActionPlanFile } from "../../src/app/action-plans/action-plan-files.js";
import { saveActionPlan } from "../../src/app/action-plans/save-action-plan.js";
import { OPERATOR, PUBLIC_WEB } from "../../src/app/caller.js";
import { memorySecurityLog } from "../../src/app/security-log.js";
import { importFileIntoDatabase } from "../../src/app/import/import-file.js";
import { openSvgRasterizer } from "../../src/reports/rasterize-svg.js";
import { fixtureDir, talportalExportCsv, writeFixture } from "../import/import-fixtures.js";
import { createTestDatabase, type TestDatabase } from "../support/test-databases.js";
import { handleplanRows, PLAN_CODE, seedPlan } from "./handleplan-seed-data.js";

const run = promisify(execFile);

/**
 * The plan's DOCX opened by LibreOffice (issue 13, "done when"): the DOCX is converted to PDF with headless
 * soffice, as the download does, and read back with poppler's pdftotext. The goal, every action, the focus
 * areas and the follow-up table with the figures computed from the data must all be in it.
 */
describe("the action plan as DOCX and PDF", () => {
  let t: TestDatabase;
  let deps: ActionPlanDeps;
  let id: number;
  let dir: string;

  beforeAll(async () => {
    t = await createTestDatabase("pglite");
    dir = await mkdtemp(join(tmpdir(), "handleplan-doc-"));
    deps = { db: t.db, now: () => new Date("2022-09-01T10:00:00Z"), securityLog: memorySecurityLog(), figures: () => loadFollowUpFigures(t.db) };
    const path = writeFixture(fixtureDir(), "handleplan-doc.csv", talportalExportCsv(handleplanRows([2019, 2020, 2021])));
    await importFileIntoDatabase(t.db, { path, extractedOn: "2022-06-01", source: "Ankestyrelsens talportal", dryRun: false, isDemo: false, importedAt: new Date("2022-06-10T08:00:00Z") });
    const saved = await saveActionPlan(deps, OPERATOR, { municipalityCode: PLAN_CODE, plan: seedPlan({ evaluations: [{ year: 2021, text: "Udvalget drøftede tallene og fastholdt fokus." }] }) });
    if (saved.kind !== "saved") throw new Error(saved.messageDa);
    id = saved.plan.id;
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await t?.drop();
  });

  it("opens in LibreOffice with the goal, the actions, the focus areas and the follow-up table", async () => {
    const rasterizer = await openSvgRasterizer();
    const docx = await renderActionPlanFile(deps, PUBLIC_WEB, { municipalityCode: PLAN_CODE, id, format: "docx" }, { rasterizer });
    if (docx.kind !== "file") throw new Error(docx.messageDa);
    expect(docx.fileName).toBe(`handleplan-herning-kommune-2021-nr-${id}.docx`);
    expect(docx.bytes.subarray(0, 2).toString()).toBe("PK");

    const pdf = await renderActionPlanFile(deps, PUBLIC_WEB, { municipalityCode: PLAN_CODE, id, format: "pdf" }, { rasterizer, pdf: { command: process.env.DANMARKSKORT_SOFFICE } });
    if (pdf.kind !== "file") throw new Error(pdf.messageDa);
    expect(pdf.contentType).toBe("application/pdf");
    const pdfPath = join(dir, pdf.fileName);
    await writeFile(pdfPath, pdf.bytes);
    const flat = (await run("pdftotext", [pdfPath, "-"])).stdout.replace(/\s+/g, " ");
    const layout = (await run("pdftotext", ["-layout", pdfPath, "-"])).stdout;

    const plan = seedPlan();
    expect(flat).toContain(plan.title.slice(0, 60));
    expect(flat).toContain("På baggrund af beslutning truffet i Social- og Sundhedsudvalget den 17. august 2022");
    expect(flat).toContain(plan.goal);
    for (const a of plan.actions) expect(flat).toContain(a.text.slice(0, 50));
    expect(flat).toContain("Gennemført");
    expect(flat).toContain("30. juni 2023");
    for (const name of ["Voksne – botilbud §§ 107–108", "Voksne – borgerstyret personlig assistance (BPA) § 96", "Voksne – kontante tilskud § 95", "Fokusområderne samlet"]) expect(flat).toContain(name);
    // The seed's sentence, written from the data: "5 sager i 2019 (80 % omgørelse) …".
    expect(flat).toContain("5 sager i 2019 (80,0 % omgørelse), 4 sager i 2020 (50,0 % omgørelse), 4 sager i 2021 (75,0 % omgørelse)");
    expect(flat).toContain("Tabel 2: Fokusområdernes tal pr. år");
    // The follow-up table's rows: year, cases, changed, remitted, rate, interval (pdftotext -layout keeps a row on one line).
    const rows = layout.split("\n").filter((l) => /^\s*20(19|20|21)\b/.test(l));
    expect(rows.some((r) => /2019\s+5\s+1\s+3\s+80,0 %/.test(r))).toBe(true);
    expect(rows.some((r) => /2020\s+4\s+1\s+1\s+50,0 %/.test(r))).toBe(true);
    expect(rows.some((r) => /2021\s+4\s+1\s+2\s+75,0 %/.test(r))).toBe(true);
    expect(flat).toContain("Figur 1");
    expect(flat).toContain("Udvalget drøftede tallene og fastholdt fokus.");
    expect(flat).toContain("datasætversion");
    expect(flat.toLowerCase()).not.toContain("fejlprocent");
    // The chart is in the PDF as an image.
    const images = (await run("pdfimages", ["-list", pdfPath])).stdout.split("\n").filter((l) => /^\s*\d+\s+\d+\s+image/.test(l));
    expect(images.length).toBeGreaterThanOrEqual(1);
    await rasterizer.close();
  });
});
