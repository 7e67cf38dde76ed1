import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/storage/open-database.js";
import { published2024Cells } from "../rates/published-2024-cells.js";
import { storeCells } from "../rates/stored-datasets.js";
import { runCli } from "../support/run-cli.js";
import { createPostgresDatabase, dropPostgresDatabase } from "../support/test-databases.js";
import { convertHtmlWithSoffice } from "./convert-with-soffice.js";
import { councilMinutesHtml } from "./minutes-documents.js";

/**
 * `danmarkskort referat læs` on a folder as a person would have it: the three seeds, minutes of our own as
 * HTML, as a PDF and a DOCX made from them by LibreOffice, and a damaged PDF. Figures are checked against a
 * real PostgreSQL database holding the published 2024 figures (test/rates/published-2024-cells.ts).
 */
const SEEDS = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "shared", "seeds");
const SEED_FILES = ["herning-handicapraad-referat-2025-08-28.txt", "ballerup-socialudvalg-referat-2025-09-30.txt", "herning-handicapraad-dagsorden-2026-06-04.txt"];

type FileJson = {
  file: string;
  form?: string;
  error?: string;
  municipalityCode: string | null;
  body: string | null;
  bodyKind: string | null;
  meetingDate: string | null;
  items: {
    itemNumber: string | null;
    title: string;
    dataYear: number | null;
    recommendations: { textDa: string }[];
    decisions: { body: string; bodyKind: string; date: string | null; textDa: string; outcome: string }[];
    councilTreatment: string;
    actionPlan: string;
    actionPlanEvidenceDa: string | null;
    figures: { map: string; decided: number | null; reversedPercent: number | null; matchesDataset: boolean | null; checkDa: string }[];
  }[];
};

let dir: string;
let folder: string;
let url: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "danmarkskort-minutes-cli-"));
  folder = join(dir, "referater");
  await mkdir(join(folder, "egne"), { recursive: true });
  for (const f of SEED_FILES) await copyFile(join(SEEDS, f), join(folder, f));
  const sendsBack = join(folder, "egne", "byraad-2025-10-07-tilbagesendt.html");
  await writeFile(sendsBack, councilMinutesHtml({ councilOutcome: "sends-back", fillerItems: 3 }));
  const approves = join(dir, "byraad-2025-10-07-godkendt.html");
  await writeFile(approves, councilMinutesHtml({ councilOutcome: "approves", fillerItems: 3 }));
  await convertHtmlWithSoffice([approves], join(folder, "egne"), "pdf");
  await convertHtmlWithSoffice([sendsBack], dir, "docx");
  await copyFile(join(dir, basename(sendsBack).replace(/\.html$/, ".docx")), join(folder, "egne", "byraad-2025-10-07-tilbagesendt.docx"));
  await writeFile(join(folder, "beskadiget.pdf"), "%PDF-1.4\nikke en rigtig pdf\n");
  url = await createPostgresDatabase();
  const db = await openDatabase({ kind: "postgres", url });
  try {
    await storeCells(db, published2024Cells());
  } finally {
    await db.close();
  }
}, 180_000);

afterAll(async () => {
  if (url) await dropPostgresDatabase(url);
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("danmarkskort referat læs", () => {
  // The CLI runs in this process: an exit code set by one run (a file that could not be read) must not leak into the next.
  afterEach(() => {
    process.exitCode = undefined;
  });

  it("reads a folder: every form, the seeds' items, the figures against the dataset, a Danish error for the damaged file", async () => {
    const run = await runCli(["referat", "læs", "--format", "json", folder], { DATABASE_URL: url });
    // One file could not be read: the command says so with its exit code, and the others are read all the same.
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Læst 7 af 7 filer/);
    expect(run.stderr).toMatch(/Fejl: Filen ".*beskadiget\.pdf" kan ikke læses som PDF/);
    const files = JSON.parse(run.stdout) as FileJson[];
    const byName = new Map(files.map((f) => [basename(f.file), f]));
    expect([...byName.keys()].sort()).toEqual(
      ["beskadiget.pdf", ...SEED_FILES, "byraad-2025-10-07-godkendt.pdf", "byraad-2025-10-07-tilbagesendt.docx", "byraad-2025-10-07-tilbagesendt.html"].sort(),
    );
    expect(byName.get("beskadiget.pdf")!.error).toMatch(/kan ikke læses som PDF/);

    const herning = byName.get("herning-handicapraad-referat-2025-08-28.txt")!;
    expect(herning).toMatchObject({ municipalityCode: "0657", body: "Handicaprådet", bodyKind: "handicapraad", meetingDate: "2025-08-28" });
    expect(herning.items).toHaveLength(1);
    const h = herning.items[0]!;
    expect(h).toMatchObject({ itemNumber: "42", dataYear: 2024, actionPlan: "ikke besluttet", councilTreatment: "not-in-council" });
    expect(h.actionPlanEvidenceDa).toContain("Bestemmelsen er ophævet");
    expect(h.decisions.map((d) => [d.body, d.date])).toEqual([
      ["Børne- og Familieudvalget", "2025-08-13"],
      ["Social- og Sundhedsudvalget", "2025-08-20"],
      ["Handicaprådet", "2025-08-28"],
    ]);
    expect(h.decisions[2]!.textDa).toMatch(/^Orienteringen er taget til efterretning\./);
    expect(h.figures.find((f) => f.map === "socialomraadet")).toMatchObject({ decided: 77, reversedPercent: 44.2, matchesDataset: true });
    expect(h.figures.every((f) => f.matchesDataset === true)).toBe(true);

    const ballerup = byName.get("ballerup-socialudvalg-referat-2025-09-30.txt")!;
    expect(ballerup).toMatchObject({ municipalityCode: "0151", body: "Socialudvalget", meetingDate: "2025-09-30" });
    expect(ballerup.items[0]).toMatchObject({ itemNumber: "7", dataYear: 2024, actionPlan: "nej" });
    expect(ballerup.items[0]!.recommendations).toHaveLength(2);

    expect(byName.get("herning-handicapraad-dagsorden-2026-06-04.txt")!.items).toEqual([]);

    for (const [name, outcome, council, stance] of [
      ["byraad-2025-10-07-tilbagesendt.html", "sent-back", "sent-back", "ikke besluttet"],
      ["byraad-2025-10-07-tilbagesendt.docx", "sent-back", "sent-back", "ikke besluttet"],
      ["byraad-2025-10-07-godkendt.pdf", "treated", "finished", "nej"],
    ] as const) {
      const own = byName.get(name)!;
      expect(own, name).toMatchObject({ municipalityCode: "0657", body: "Byrådet", bodyKind: "byraad", meetingDate: "2025-10-07" });
      const item = own.items[0]!;
      expect(item, name).toMatchObject({ itemNumber: "4", title: "Årlig behandling af omgørelsesprocenter i klagesager", dataYear: 2024, councilTreatment: council, actionPlan: stance });
      expect(item.decisions.map((d) => [d.bodyKind, d.date, d.outcome]), name).toEqual([
        ["fagudvalg", "2025-09-10", "treated"],
        ["oekonomiudvalg", "2025-09-30", "treated"],
        ["byraad", "2025-10-07", outcome],
      ]);
      expect(item.figures, name).toEqual([
        expect.objectContaining({ map: "socialomraadet", decided: 77, reversedPercent: 44.2, matchesDataset: true }),
        expect.objectContaining({ map: "boernehandicapomraadet", decided: 27, reversedPercent: 40.7, matchesDataset: true }),
      ]);
    }
  }, 120_000);

  it("prints the check in Danish for a person", async () => {
    const run = await runCli(["referat", "læs", join(folder, "herning-handicapraad-referat-2025-08-28.txt")], { DATABASE_URL: url });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Punkt 42: Danmarkskortet - omgørelsesprocent i Ankestyrelsen 2024 (linje 326)");
    expect(run.stdout).toContain("Socialområdet generelt: Dokumentet siger 77 sager, 44,2 %, datasættet 77 sager, 44,2 %. (linje 375, tabel)");
    expect(run.stdout).toContain("Handleplan: ikke besluttet (dokumentet siger, at bestemmelsen er ophævet)");
  });

  it("refuses an unknown municipality and an unknown format in Danish", async () => {
    const unknown = await runCli(["referat", "læs", "--kommune", "Atlantis", join(folder, SEED_FILES[0]!)], { DATABASE_URL: url });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Ukendt kommune "Atlantis"');
    const format = await runCli(["referat", "læs", "--format", "xml", join(folder, SEED_FILES[0]!)], { DATABASE_URL: url });
    expect(format.stderr).toContain('Ukendt --format "xml"');
  });
});
