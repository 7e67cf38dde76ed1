import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresDatabase, dropPostgresDatabase } from "../../../test/support/test-databases.js";
import { runCli } from "../../../test/support/run-cli.js";
import { herningRegisterRows, writeRegisterXlsx } from "../../../test/knowledge/municipal-register.js";

type Target = { env: Record<string, string>; where: string };
const cli = (target: Target, ...args: string[]) => runCli(args, { DATABASE_URL: undefined, DANMARKSKORT_DATA_DIR: undefined, ...target.env });
const dir = mkdtempSync(join(tmpdir(), "danmarkskort-vidensbank-"));

describe.each(["pglite", "postgres"] as const)("danmarkskort vidensbank on %s", (kind) => {
  let target: Target;
  beforeAll(async () => {
    if (kind === "postgres") {
      const url = await createPostgresDatabase();
      target = { env: { DATABASE_URL: url }, where: `PostgreSQL (${new URL(url).host}${new URL(url).pathname})` };
    } else {
      const dataDir = mkdtempSync(join(tmpdir(), "danmarkskort-data-"));
      target = { env: { DANMARKSKORT_DATA_DIR: dataDir }, where: `indlejret database i ${dataDir}` };
    }
  });
  afterAll(async () => {
    if (kind === "postgres") await dropPostgresDatabase(target.env.DATABASE_URL!);
  });

  it("checks, refuses, maps once and imports a municipality's register, then exports it", async () => {
    const file = await writeRegisterXlsx(herningRegisterRows(), "register.xlsx");
    const unmapped = await cli(target, "vidensbank", "import", file, "--kommune", "Herning", "--dry-run");
    expect(unmapped.code).toBe(1);
    expect(unmapped.stdout).toContain('Fejl: register.xlsx, række 3, kolonne L (Drøftet i ledergruppen): Overskriften "Drøftet i ledergruppen" genkendes ikke.');
    expect(unmapped.stdout).toContain("Intet er gemt: ret fejlene og indlæs filen igen.");

    const mapping = join(dir, `kortlaegning-${kind}.txt`);
    writeFileSync(mapping, "Drøftet i ledergruppen = ignorer\n");
    const dry = await cli(target, "vidensbank", "import", file, "--kommune", "0657", "--dry-run", "--kortlaegning", mapping);
    expect([dry.code, dry.stderr]).toEqual([0, ""]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("4 afgørelser (dataår 2024): 3 hjemvist, 1 ændret");
    expect(dry.stdout).toContain("Kontrolleret (--dry-run): intet er gemt.");

    const json = await cli(target, "vidensbank", "import", file, "--kommune", "0657", "--kortlaegning", mapping, "--format", "json");
    expect(json.code).toBe(0);
    const out = JSON.parse(json.stdout) as { status: string; entries: number; createdIds: number[]; headerLine: number };
    expect(out).toMatchObject({ status: "imported", entries: 4, headerLine: 3 });
    expect(out.createdIds).toHaveLength(4);

    // The mapping is remembered: the same file again needs none, and is refused as duplicates.
    const again = await cli(target, "vidensbank", "import", file, "--kommune", "Herning");
    expect(again.code).toBe(1);
    expect(again.stdout).toContain('"Drøftet i ledergruppen" → Ignorer (kortlagt)');
    expect(again.stdout).toMatch(/Fejl: register\.xlsx, række 4: Afgørelsen findes allerede i vidensbanken \(nr\. \d+/);

    const csv = join(dir, `vidensbank-${kind}.csv`);
    const exported = await cli(target, "vidensbank", "eksport", "--kommune", "Herning", "--ud", csv);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain(`Vidensbanken for Herning Kommune er gemt i ${csv}`);
    expect((await cli(target, "vidensbank", "import", file, "--kommune", "Atlantis")).stderr).toContain('Fejl: Ukendt kommune "Atlantis" (tilvalget --kommune). Brug en kommunekode som 0657 eller et kommunenavn.');
  });
});
