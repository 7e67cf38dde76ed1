import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.js";
import { openDatabase } from "../../src/storage/open-database.js";
import { DEMO_NOTICE_DA } from "../../src/domain/complaint-cell.js";
import { published2024Cells } from "./published-2024-cells.js";
import { storeCells } from "./stored-datasets.js";

/** Runs the real CLI against the embedded database in DANMARKSKORT_DATA_DIR (set in beforeAll). */
const cli = (...args: string[]) => runCli(args);

describe("danmarkskort rates", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "danmarkskort-rates-"));
  const saved = { ...process.env };

  beforeAll(async () => {
    const db = await openDatabase({ kind: "pglite", dataDir });
    await storeCells(db, published2024Cells());
    await db.close();
    delete process.env.DATABASE_URL;
    process.env.DANMARKSKORT_DATA_DIR = dataDir;
  });
  afterAll(() => {
    process.env = saved;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("prints the published table for the country and Herning", async () => {
    const { code, stdout } = await cli("rates", "--map", "socialomraadet", "--year", "2024", "--municipality", "Herning");
    expect(code).toBe(0);
    const lines = stdout.split("\n");
    expect(lines.find((l) => l.startsWith("Hele landet"))).toMatch(/6\.905\s+3\.102 \(44,9\)\s+43,8–46,1\s+491 \(7,1\)\s+2\.611 \(37,8\)/);
    expect(lines.find((l) => l.startsWith("Herning (0657)"))).toMatch(/77\s+34 \(44,2\)\s+33,6–55,3\s+4 \(5,2\)\s+30 \(39,0\)\s+inden for/);
    // Title, which version the figures are (no version is marked as the published map here: an extraction), blank, header, 2 rows, blank, legend.
    expect(lines[1]).toMatch(/^Tallene er (et udtræk af \d{4}-\d{2}-\d{2}|et udtræk uden kendt dato) \(datasætversion 1, .+\), ikke det offentliggjorte kort\.$/);
    expect(lines).toHaveLength(9);
  });

  it("prints the child disability map for Herning as published (27 / 11 → 40,7)", async () => {
    const { stdout } = await cli("rates", "--map", "boernehandicapomraadet", "--year", "2024", "--municipality", "0657");
    expect(stdout).toMatch(/Herning \(0657\)\s+27\s+11 \(40,7\)/);
  });

  it("prints all 98 and the national row as json, fields per the contract", async () => {
    const { code, stdout } = await cli("rates", "--map", "socialomraadet", "--year", "2024", "--area", "adults", "--format", "json");
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as Record<string, unknown>[];
    expect(rows).toHaveLength(99);
    expect(rows[0]).toMatchObject({ municipalityCode: null, area: "adults", datasetVersionId: 1, isDemo: false });
    for (const field of ["map", "year", "area", "municipalityCode", "municipalityName", "decided", "upheld", "changed", "remitted", "rejected", "reversed", "reversalRate", "changedRate", "remittedRate", "ci95", "funnel", "kind"]) {
      expect(rows.find((r) => r.municipalityCode === "0657")).toHaveProperty(field);
    }
  });

  it("prints csv with a header and one line per row", async () => {
    const { stdout } = await cli("rates", "--map", "voksenhandicapomraadet", "--year", "2024", "--format", "csv", "--municipality", "657");
    const lines = stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^map,year,area,municipalityCode,municipalityName,kind,decided,/);
    expect(lines[2]).toMatch(/^voksenhandicapomraadet,2024,total,0657,Herning,estimate,5,4,1,0,/);
    expect(lines[0]).toMatch(/,funnel,datasetVersionId,isDemo$/);
    expect(lines[2]).toMatch(/,1,false$/);
    expect(lines).toHaveLength(3);
  });

  it("marks demo data in json and csv: isDemo on every row, and the notice on stderr", async () => {
    const demoDir = mkdtempSync(join(tmpdir(), "danmarkskort-rates-demo-"));
    try {
      const db = await openDatabase({ kind: "pglite", dataDir: demoDir });
      await storeCells(db, published2024Cells(), { isDemo: true });
      await db.close();
      process.env.DANMARKSKORT_DATA_DIR = demoDir;
      const json = await cli("rates", "--map", "socialomraadet", "--year", "2024", "--format", "json");
      expect(json.code).toBe(0);
      const rows = JSON.parse(json.stdout) as { isDemo: boolean; datasetVersionId: number }[];
      expect(rows.every((r) => r.isDemo && r.datasetVersionId === 1)).toBe(true);
      expect(json.stderr).toBe(`${DEMO_NOTICE_DA}.\n`);
      const csv = await cli("rates", "--map", "socialomraadet", "--year", "2024", "--format", "csv", "--municipality", "0657");
      expect(csv.stdout.trim().split("\n")[2]).toMatch(/,1,true$/);
      expect(csv.stderr).toBe(`${DEMO_NOTICE_DA}.\n`);
    } finally {
      process.env.DANMARKSKORT_DATA_DIR = dataDir;
      rmSync(demoDir, { recursive: true, force: true });
    }
  });

  it.each([
    [["--map", "kort", "--year", "2024"], /Ukendt kort "kort"/],
    [["--map", "socialomraadet", "--year", "24"], /fire cifre/],
    [["--map", "socialomraadet", "--year", "2019"], /Der er ingen data for 2019/],
    [["--map", "voksenhandicapomraadet", "--year", "2024", "--area", "adults"], /ikke opdelt i voksenområdet/],
    [["--map", "socialomraadet", "--year", "2024", "--municipality", "Atlantis"], /Ukendt kommune "Atlantis"/],
    [["--map", "socialomraadet", "--year", "2024", "--format", "xml"], /Ukendt format "xml"/],
  ])("refuses %j with a Danish message and exit code 1", async (args, message) => {
    const { code, stdout, stderr } = await cli("rates", ...args);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^Fejl: /);
    expect(stderr).toMatch(message);
  });
});
