import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresDatabase, dropPostgresDatabase } from "../../../test/support/test-databases.js";
import { runCli } from "../../../test/support/run-cli.js";
import { listAuditEvents } from "../../storage/audit-trail.js";
import { openDatabase, type StorageConfig } from "../../storage/open-database.js";

const SEEDS = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..", "shared", "seeds");

type Target = { env: Record<string, string>; config: StorageConfig };
const cli = (target: Target, ...args: string[]) => runCli(args, { DATABASE_URL: undefined, DANMARKSKORT_DATA_DIR: undefined, ...target.env });

/** `danmarkskort behandling`: the treatment record at the command line, through the same use cases as the web. */
describe.each(["pglite", "postgres"] as const)("danmarkskort behandling on %s", (kind) => {
  let target: Target;
  let url: string | null = null;
  const out = mkdtempSync(join(tmpdir(), "danmarkskort-behandling-"));
  beforeAll(async () => {
    if (kind === "postgres") {
      url = await createPostgresDatabase();
      target = { env: { DATABASE_URL: url }, config: { kind: "postgres", url } };
    } else {
      const dataDir = mkdtempSync(join(tmpdir(), "danmarkskort-data-"));
      target = { env: { DANMARKSKORT_DATA_DIR: dataDir }, config: { kind: "pglite", dataDir } };
    }
  });
  afterAll(async () => {
    if (url) await dropPostgresDatabase(url);
  });

  it("reads Herning's Handicapråd minutes, shows the proposals, and registers them only with --bekraeft", async () => {
    const file = join(SEEDS, "herning-handicapraad-referat-2025-08-28.txt");
    const dry = await cli(target, "behandling", "fra-referat", file, "--municipality", "Herning", "--year", "2024");
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain("+ 13. august 2025: Børne- og Familieudvalget – indstilling, behandlet (linje 452)");
    expect(dry.stdout).toContain("+ 28. august 2025: Handicaprådet – høring, behandlet (linje 464)");
    expect(dry.stdout).toContain("Intet er gemt. 3 møder (+) registreres med --bekraeft");
    expect((await cli(target, "behandling", "vis", "--municipality", "0657", "--year", "2024")).stdout).toContain("Ingen møder registreret.");

    const saved = await cli(target, "behandling", "fra-referat", file, "--municipality", "Herning", "--year", "2024", "--bekraeft");
    expect(saved.code, saved.stderr).toBe(0);
    expect(saved.stdout).toContain("3 møder er registreret for Herning Kommune, kortet for 2024.");
    // Read again: all three are on record, so nothing is proposed and --bekraeft stores nothing.
    const again = await cli(target, "behandling", "fra-referat", file, "--municipality", "Herning", "--year", "2024", "--bekraeft");
    expect(again.code).toBe(1);
    expect(again.stdout).toContain("(allerede registreret)");
    expect(again.stderr).toContain("Der er ingen møder, læseren er sikker på; intet er gemt.");
  });

  it("adds the council's meeting by hand with Danish words, refuses a CPR number, and shows the record", async () => {
    const added = await cli(target, "behandling", "møde", "--municipality", "0657", "--year", "2024", "--organ", "Byrådet", "--dato", "2025-09-24", "--titel", "Danmarkskortet 2024", "--rolle", "beslutning", "--udfald", "behandlet", "--beslutning", "Taget til efterretning.");
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain("Mødet i Byrådet den 24. september 2025 er registreret for Herning Kommune, kortet for 2024");
    const cpr = await cli(target, "behandling", "møde", "--municipality", "0657", "--year", "2024", "--organ", "byraadet", "--dato", "2025-09-25", "--titel", "Danmarkskortet 2024", "--beslutning", "Borger 010190-1234");
    expect(cpr.code).toBe(1);
    expect(cpr.stderr).toContain("CPR-nummer");
    const wrongRole = await cli(target, "behandling", "møde", "--municipality", "0657", "--year", "2024", "--organ", "byraadet", "--dato", "2025-09-25", "--titel", "x", "--rolle", "formand");
    expect(wrongRole.stderr).toContain("--rolle skal være en af beslutning, indstilling, høring");
    const shown = await cli(target, "behandling", "vis", "--municipality", "Herning", "--year", "2024");
    expect(shown.stdout).toContain("Byrådet behandlede kortet den 24. september 2025.");
    expect(shown.stdout).toContain("24. september 2025: Byrådet – beslutning, holdt, behandlet");
    const json = JSON.parse((await cli(target, "behandling", "vis", "--municipality", "0657", "--year", "2024", "--format", "json")).stdout);
    expect(json.meetings).toHaveLength(4);
    // The plan decision: § 79 b stk. 2 applied to the 2023 map, not (by the default rule) to 2024.
    expect((await cli(target, "behandling", "handleplan", "--municipality", "0657", "--year", "2023", "--beslutning", "nej", "--underrettet", "2024-10-02")).stdout).toContain("Beslutningen om handleplan (nej) er registreret");
    const notApplicable = await cli(target, "behandling", "handleplan", "--municipality", "0657", "--year", "2024", "--beslutning", "ja");
    expect(notApplicable.code).toBe(1);
    expect(notApplicable.stderr).toContain("gælder ikke for behandlingen af kortet for 2024");

    const db = await openDatabase(target.config);
    try {
      const trail = await listAuditEvents(db, { municipalityCode: "0657" });
      expect(trail.filter((e) => e.action === "treatment.meeting-add").map((e) => e.channel)).toEqual(["cli", "cli", "cli", "cli"]);
      expect(trail.some((e) => e.action === "treatment.plan-decision")).toBe(true);
    } finally {
      await db.close();
    }
  });

  it("exports the history as CSV and XLSX", async () => {
    const csv = join(out, "behandling-0657.csv");
    const result = await cli(target, "behandling", "eksport", "--municipality", "Herning", "--out", csv);
    expect(result.code, result.stderr).toBe(0);
    const text = readFileSync(csv, "utf8");
    expect(text.startsWith("\ufeffKommunekode;Kommune;Dataår")).toBe(true);
    expect(text).toContain("Handicaprådet");
    const xlsx = join(out, "behandling-0657.xlsx");
    expect((await cli(target, "behandling", "eksport", "--municipality", "0657", "--out", xlsx)).code).toBe(0);
    expect(readFileSync(xlsx).subarray(0, 2).toString("latin1")).toBe("PK");
  });
});
